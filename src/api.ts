// What activate() returns to other extensions and automation (vscode.extensions.getExtension(...).exports).
import type * as vscode from 'vscode';
import type { SecretKeyStore } from './keys/keyStore';
import type { TreeNode } from './tree/treeNode';
import type { WalkthroughProgress } from './walkthrough';
import type { Ui } from './ui/ui';

export interface CloudFrontPrivateContentApi {
  /** The Distributions view's data, as the view renders it (rows, error rows, "Load more"). */
  readonly distributionsView: vscode.TreeDataProvider<TreeNode>;
  /** The Keys view's data: key groups with their public keys, then public keys in no group. */
  readonly keysView: vscode.TreeDataProvider<TreeNode>;
  /** The S3 Buckets view's data: the profile's buckets, each saying whether a distribution serves it through an OAC. */
  readonly bucketsView: vscode.TreeDataProvider<TreeNode>;
  /** Only when VS Code runs the extension for tests (ExtensionMode.Test); see testingApi.ts. */
  readonly testing?: () => Promise<TestingApi>;
}

export interface TestingApi {
  readonly keyStore: SecretKeyStore;
  /** Answers the key commands' prompts with `ui` instead of quick picks; undefined restores them. */
  setUi(ui: Ui | undefined): void;
  readonly globalStorageUri: vscode.Uri;
  /** Getting Started progress: which steps are done (globalState) and which context keys were set. */
  readonly walkthrough: WalkthroughProgress;
}
