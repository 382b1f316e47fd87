// The "Keys" view. Until a key is created or imported it has no rows, so VS Code shows the view's
// welcome content (package.json `viewsWelcome`) instead of an empty list.
import type * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

export class KeysProvider implements vscode.TreeDataProvider<TreeNode> {
  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return node?.getChildren ? node.getChildren() : [];
  }
}
