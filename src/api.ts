// What activate() returns to other extensions and automation (vscode.extensions.getExtension(...).exports).
import type * as vscode from 'vscode';
import type { TreeNode } from './tree/treeNode';

export interface CloudFrontPrivateContentApi {
  /** The Distributions view's data, as the view renders it (rows, error rows, "Load more"). */
  readonly distributionsView: vscode.TreeDataProvider<TreeNode>;
  /** The Keys view's data: key groups with their public keys, then public keys in no group. */
  readonly keysView: vscode.TreeDataProvider<TreeNode>;
}
