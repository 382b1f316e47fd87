// A cache behavior: its path pattern and who may read through it. CloudFront checks signed URLs and
// cookies only where the behavior trusts key groups (or, legacy, trusted signers); elsewhere content
// is served to anyone and a signature is ignored.
import * as vscode from 'vscode';
import type { BehaviorSummary, DistributionSummary, KeyGroupSummary } from '../aws/cloudFrontService';
import { ContextValues } from '../constants';
import type { TreeNode } from './treeNode';

const KEY_GROUPS_DOC = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html';

export class BehaviorNode implements TreeNode {
  constructor(
    readonly distribution: DistributionSummary,
    readonly behavior: BehaviorSummary,
    private readonly keyGroups: ReadonlyMap<string, KeyGroupSummary>,
  ) {}

  /** `Default (*)` for the default behavior, as the console names it. */
  get pattern(): string {
    return this.behavior.pathPattern ?? vscode.l10n.t('Default (*)');
  }

  getTreeItem(): vscode.TreeItem {
    const b = this.behavior;
    const item = new vscode.TreeItem(this.pattern, vscode.TreeItemCollapsibleState.None);
    item.id = `distribution/${this.distribution.id}/behavior/${b.pathPattern ?? '*'}`;
    const groupNames = b.trustedKeyGroupIds.map((id) => this.keyGroups.get(id)?.name ?? id);
    const tooltip = new vscode.MarkdownString();
    if (groupNames.length > 0) {
      item.description = vscode.l10n.t('restricted by key groups: {0}', groupNames.join(', '));
      item.iconPath = new vscode.ThemeIcon('lock');
      item.contextValue = ContextValues.behaviorRestricted;
      tooltip.appendMarkdown(vscode.l10n.t('Viewers need a URL or cookies signed with a key of: {0}', groupNames.join(', ')));
    } else if (b.trustedSigners.length > 0) {
      item.description = vscode.l10n.t('restricted by legacy trusted signers: {0}', b.trustedSigners.join(', '));
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.contextValue = ContextValues.behaviorLegacy;
      tooltip.appendMarkdown(vscode.l10n.t('Legacy: trusted signers use CloudFront key pairs of the root user. AWS recommends key groups instead: [learn how to move]({0}).', KEY_GROUPS_DOC));
    } else {
      item.description = vscode.l10n.t('unrestricted: serves content to anyone');
      item.iconPath = new vscode.ThemeIcon('unlock');
      item.contextValue = ContextValues.behaviorUnrestricted;
      tooltip.appendMarkdown(vscode.l10n.t('Viewer access is not restricted: CloudFront ignores signatures on this path.'));
    }
    tooltip.appendMarkdown(`  \n${vscode.l10n.t('Origin')}: \`${b.targetOriginId}\``);
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: vscode.l10n.t('Cache behavior {0}, {1}', this.pattern, String(item.description)) };
    return item;
  }
}
