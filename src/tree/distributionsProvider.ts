// The "Distributions" view: the account's distributions, one CloudFront page at a time. Summaries
// that lack aliases, comment, state and behaviors (moto's) are completed as their page loads, once
// per distribution and load, so every row can be told apart.
import * as vscode from 'vscode';
import type { CloudFrontSource } from '../aws/awsSession';
import type { DistributionSummary } from '../aws/cloudFrontService';
import { classifyAwsError, describeAwsError } from '../aws/describeAwsError';
import { DistributionDetails } from '../aws/distributionDetails';
import { ContextKeys } from '../constants';
import type { Logger } from '../log';
import type { KeyGroupDirectory } from '../aws/keyGroupDirectory';
import { DistributionNode } from './distributionNode';
import type { DistributionTreeContext } from './distributionTreeContext';
import { PagedList } from './pagedList';
import { awsFailureRow, loadMoreRow, setViewState, type PagedParent } from './rows';
import type { TreeNode } from './treeNode';

export class DistributionsProvider implements vscode.TreeDataProvider<TreeNode>, PagedParent, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly readAccount = new vscode.EventEmitter<void>();
  /** ListDistributions answered: the credentials in use (a profile or the SDK's default chain) work. */
  readonly onDidReadAccount = this.readAccount.event;
  private readonly distributions: PagedList<DistributionSummary>;
  private readonly sessionListener: vscode.Disposable;
  private readonly nodeContext: DistributionTreeContext;
  private readonly details: DistributionDetails;

  constructor(
    private readonly session: CloudFrontSource,
    keyGroups: KeyGroupDirectory,
    private readonly log: Logger,
  ) {
    this.details = new DistributionDetails(() => session.cloudFront());
    this.distributions = new PagedList(async (marker) => {
      const page = await (await session.cloudFront()).listDistributions(marker);
      return { ...page, items: await this.details.completeAll(page.items, (d, error) => this.completionFailed(d, error)) };
    });
    this.nodeContext = {
      source: session,
      keyGroups,
      log,
      changed: (node) => this.changed.fire(node),
    };
    this.sessionListener = vscode.Disposable.from(
      session.onDidChange(() => this.refresh()),
      // Rows show distributions, their origins' access controls and their behaviors' key groups.
      session.onDidWrite((write) => {
        if (write.resource !== 'publicKey') this.refresh();
      }),
    );
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.getChildren ? node.getChildren() : [];
    const state = await this.distributions.ensureLoaded();
    if (state.kind !== 'loaded') return [];
    const rows: TreeNode[] = state.items.map((d) => new DistributionNode(d, this.nodeContext));
    if (state.error) this.log.error('[distributions] ListDistributions failed', state.error);
    if (state.error && rows.length === 0 && classifyAwsError(state.error) === 'noCredentials') {
      setViewState(ContextKeys.distributionsState, 'noCredentials');
      return [];
    }
    if (!state.error || state.items.length > 0) this.readAccount.fire();
    if (state.error) rows.push(awsFailureRow(state.error, 'cloudfront:ListDistributions', this.session.profile, this));
    else if (state.nextMarker) rows.push(loadMoreRow(this));
    setViewState(ContextKeys.distributionsState, rows.length === 0 ? 'empty' : 'rows');
    return rows;
  }

  async loadMore(): Promise<void> {
    await this.distributions.loadMore();
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.distributions.reset();
    this.details.reset();
    this.nodeContext.keyGroups.reset();
    this.changed.fire(undefined);
  }

  /** The row shows what the list said; expanding it reads the distribution again. */
  private completionFailed(distribution: DistributionSummary, error: unknown): void {
    this.log.warn(`[distributions] GetDistribution ${distribution.id} failed, showing its summary: ${describeAwsError(error, 'cloudfront:GetDistribution', this.session.profile).message}`);
  }

  dispose(): void {
    this.sessionListener.dispose();
    this.changed.dispose();
    this.readAccount.dispose();
  }
}
