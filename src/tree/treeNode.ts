import type * as vscode from 'vscode';

/** What every row of our trees is: it renders itself and, when expandable, lists its children. */
export interface TreeNode {
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]>;
  /** Forgets what was loaded below this node and shows it again ("Refresh" on the row). */
  refresh?(): void;
}
