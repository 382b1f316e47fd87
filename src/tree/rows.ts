// The non-data rows every tree shows: errors with a retry, "Load more", and plain messages.
// One helper so that every list in the extension fails, pages and empties the same way.
import * as vscode from 'vscode';
import { describeAwsError } from '../aws/describeAwsError';
import { Commands, ContextValues, type ViewState } from '../constants';
import type { TreeNode } from './treeNode';

export class MessageNode implements TreeNode {
  constructor(private readonly item: vscode.TreeItem) {}
  getTreeItem(): vscode.TreeItem {
    return this.item;
  }
}

/**
 * Whatever owns a paged list of rows (a node, or a view's root): "Load more" calls `loadMore`, and
 * so does "Try again", which resumes from the page that failed.
 */
export interface PagedParent {
  loadMore(): Promise<void>;
}

export function errorRow(message: string, retry: PagedParent): TreeNode {
  const item = new vscode.TreeItem(message, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.tooltip = vscode.l10n.t('{0}\nClick to try again.', message);
  item.contextValue = ContextValues.error;
  item.accessibilityInformation = { label: vscode.l10n.t('Error: {0}. Activate to try again.', message) };
  item.command = { command: Commands.loadMore, title: vscode.l10n.t('Try again'), arguments: [retry] };
  return new MessageNode(item);
}

export function loadMoreRow(parent: PagedParent): TreeNode {
  const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = ContextValues.loadMore;
  item.command = { command: Commands.loadMore, title: vscode.l10n.t('Load more'), arguments: [parent] };
  return new MessageNode(item);
}

/**
 * The row for a failed AWS call: an expired SSO session offers the login (run in a terminal), any
 * other failure retries. Missing credentials are not a row: the caller shows the welcome view.
 */
export function awsFailureRow(error: unknown, action: string, profile: string | undefined, retry: PagedParent): TreeNode {
  const failure = describeAwsError(error, action, profile);
  if (failure.kind !== 'ssoExpired') return errorRow(failure.message, retry);
  const item = new vscode.TreeItem(failure.message, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('sign-in', new vscode.ThemeColor('errorForeground'));
  item.contextValue = ContextValues.error;
  item.tooltip = vscode.l10n.t('Click to run aws sso login --profile {0} in a terminal', profile ?? 'default');
  item.command = { command: Commands.ssoLogin, title: vscode.l10n.t('Sign in with AWS SSO'), arguments: [profile ?? 'default'] };
  return new MessageNode(item);
}

/** Tells viewsWelcome which content to show (`when` clauses on the view's state key). */
export function setViewState(key: string, state: ViewState): void {
  void vscode.commands.executeCommand('setContext', key, state);
}
