// What integration tests reach inside the extension, and only when VS Code runs it for tests
// (ExtensionMode.Test): the key store (to prove where private keys are, and are not) and a way to
// answer the key commands' prompts through a scripted Ui. Other extensions never get these.
import * as vscode from 'vscode';
import type { TestingApi } from './api';
import type { SecretKeyStore } from './keys/keyStore';
import type { WalkthroughProgress } from './walkthrough';
import type { Ui } from './ui/ui';

export function testingApi(context: vscode.ExtensionContext, keyStore: SecretKeyStore, setUi: (ui: Ui | undefined) => void, walkthrough: WalkthroughProgress): { testing?: TestingApi } {
  if (context.extensionMode !== vscode.ExtensionMode.Test) return {};
  return { testing: { keyStore, setUi, globalStorageUri: context.globalStorageUri, walkthrough } };
}
