// Test access to the extension under test: activation and its public API.
import * as vscode from 'vscode';
import type { CloudFrontPrivateContentApi } from '../../../src/api';
import { EXTENSION_ID } from '../../../src/constants';
import type { TreeNode } from '../../../src/tree/treeNode';

export async function activateExtension(): Promise<CloudFrontPrivateContentApi> {
  const extension = vscode.extensions.getExtension<CloudFrontPrivateContentApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  return extension.activate();
}

/** A tree level as the view shows it: each row's rendered TreeItem next to its node. */
export async function renderChildren(provider: vscode.TreeDataProvider<TreeNode>, parent?: TreeNode): Promise<Array<{ node: TreeNode; item: vscode.TreeItem }>> {
  const nodes = (await provider.getChildren(parent)) ?? [];
  return Promise.all(nodes.map(async (node) => ({ node, item: await provider.getTreeItem(node) })));
}

/** A command's arguments, to pass on as a click would (VS Code types them any[]). */
export function argumentsOf(command: vscode.Command | undefined): unknown[] {
  return command?.arguments ?? [];
}

export function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}
