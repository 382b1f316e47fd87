import * as vscode from 'vscode';
import type { DistributionSummary, KeyGroupSummary } from '../aws/cloudFrontService';
import { describeAwsError } from '../aws/describeAwsError';
import { isPartialSummary } from '../aws/distributionDetails';
import { Lazy } from '../lazy';
import { ContextValues } from '../constants';
import { BehaviorNode } from './behaviorNode';
import type { DistributionTreeContext } from './distributionTreeContext';
import { OriginNode } from './originNode';
import { awsFailureRow, type PagedParent } from './rows';
import type { TreeNode } from './treeNode';
import { distributionDescription } from '../ui/distributionWords';

/** What distribution rows share with their view. */
export class DistributionNode implements TreeNode, PagedParent {
  /** The distribution read with GetDistribution: after "Refresh" on this row, or when its summary lacks behaviors. */
  private readonly details = new Lazy(async () => (await this.context.source.cloudFront()).getDistribution(this.distribution.id));
  /** Set by "Refresh": the children come from the distribution read again, not from the summary. */
  private reread = false;

  constructor(
    readonly distribution: DistributionSummary,
    private readonly context: DistributionTreeContext,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const d = this.distribution;
    const item = new vscode.TreeItem(d.id, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `distribution/${d.id}`;
    const deploying = d.enabled !== false && d.status !== 'Deployed' ? vscode.l10n.t('Deploying…') : undefined;
    item.description = [deploying, distributionDescription(d)].filter(Boolean).join(' · ');
    item.contextValue = ContextValues.distribution;
    const disabled = d.enabled === false;
    item.iconPath = new vscode.ThemeIcon(disabled ? 'circle-slash' : d.status === 'Deployed' ? 'cloud' : 'sync', disabled ? new vscode.ThemeColor('disabledForeground') : undefined);
    const state = d.enabled === undefined ? vscode.l10n.t('enabled state unknown') : d.enabled ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled');
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

  /** Its origins, then its cache behaviors in CloudFront's evaluation order. */
  async getChildren(): Promise<TreeNode[]> {
    let distribution: DistributionSummary;
    try {
      distribution = await this.withBehaviors();
    } catch (error) {
      this.context.log.error(`[distributions] GetDistribution ${this.distribution.id} failed`, error);
      return [awsFailureRow(error, 'cloudfront:GetDistribution', this.context.source.profile, this)];
    }
    const keyGroups = await this.keyGroupsOrIds();
    return [
      ...distribution.origins.map((origin) => new OriginNode(distribution, origin, this.context)),
      ...distribution.behaviors.map((behavior) => new BehaviorNode(distribution, behavior, keyGroups)),
    ];
  }

  /** "Try again" on an error row below this node. */
  loadMore(): Promise<void> {
    this.context.changed(this);
    return Promise.resolve();
  }

  /** Reads the distribution and the key group names again. */
  refresh(): void {
    this.details.reset();
    this.reread = true;
    this.context.keyGroups.reset();
    this.context.changed(this);
  }

  /**
   * The view completes summaries as it lists them, so only one whose completion failed lacks its
   * behaviors (isPartialSummary): read the distribution itself, as after a "Refresh" of this row.
   */
  private withBehaviors(): Promise<DistributionSummary> {
    if (!this.reread && !isPartialSummary(this.distribution)) return Promise.resolve(this.distribution);
    return this.details.get();
  }

  /** Key group names for the behavior rows; when they cannot be read, rows show the ids instead. */
  private async keyGroupsOrIds(): Promise<ReadonlyMap<string, KeyGroupSummary>> {
    try {
      return await this.context.keyGroups.byId();
    } catch (error) {
      this.context.log.warn(`[distributions] ListKeyGroups failed, showing key group ids: ${describeAwsError(error, 'cloudfront:ListKeyGroups', this.context.source.profile).message}`);
      return new Map();
    }
  }
}
