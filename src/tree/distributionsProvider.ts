// The "Distributions" view: the account's distributions, one CloudFront page at a time.
import * as vscode from 'vscode';
import type { CloudFrontSource } from '../aws/awsSession';
import type { DistributionSummary } from '../aws/cloudFrontService';
import { classifyAwsError } from '../aws/describeAwsError';
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
  private readonly distributions: PagedList<DistributionSummary>;
  private readonly sessionListener: vscode.Disposable;
  private readonly nodeContext: DistributionTreeContext;

  constructor(
    private readonly session: CloudFrontSource,
    keyGroups: KeyGroupDirectory,
    private readonly log: Logger,
  ) {
    this.distributions = new PagedList(async (marker) => (await session.cloudFront()).listDistributions(marker));
    this.nodeContext = {
      source: session,
      keyGroups,
      log,
      changed: (node) => this.changed.fire(node),
    };
    this.sessionListener = session.onDidChange(() => this.refresh());
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
    this.nodeContext.keyGroups.reset();
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.sessionListener.dispose();
    this.changed.dispose();
  }
}
