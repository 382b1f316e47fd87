import * as vscode from 'vscode';
import type { DistributionSummary } from '../aws/cloudFrontService';
import { ContextValues } from '../constants';
import type { TreeNode } from './treeNode';

export class DistributionNode implements TreeNode {
  constructor(readonly distribution: DistributionSummary) {}

  getTreeItem(): vscode.TreeItem {
    const d = this.distribution;
    const item = new vscode.TreeItem(d.id, vscode.TreeItemCollapsibleState.None);
    item.id = `distribution/${d.id}`;
    item.description = [d.aliases[0] ?? d.domainName, d.comment].filter(Boolean).join(' · ');
    item.contextValue = ContextValues.distribution;
    const disabled = d.enabled === false;
    item.iconPath = new vscode.ThemeIcon(
      disabled ? 'circle-slash' : d.status === 'Deployed' ? 'cloud' : 'sync',
      disabled ? new vscode.ThemeColor('disabledForeground') : undefined,
    );
    const state =
      d.enabled === undefined ? vscode.l10n.t('enabled state unknown') : d.enabled ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled');
    item.tooltip = new vscode.MarkdownString(
      [
        `**${d.id}**`,
        `${vscode.l10n.t('Domain')}: \`${d.domainName}\``,
        `${vscode.l10n.t('Aliases')}: ${d.aliases.length ? d.aliases.map((a) => `\`${a}\``).join(', ') : vscode.l10n.t('none')}`,
        `${vscode.l10n.t('Comment')}: ${d.comment || vscode.l10n.t('none')}`,
        `${vscode.l10n.t('Status')}: ${d.status}, ${state}`,
      ].join('  \n'),
    );
    item.accessibilityInformation = {
      label: vscode.l10n.t('Distribution {0}, {1}, {2}, {3}', d.id, d.domainName, d.status, state),
    };
    return item;
  }
}
