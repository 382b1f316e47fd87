// The objects behind an S3 origin: folders by delimiter, paged, with size and last-modified, each
// object carrying the CloudFront URL it is served at.
import { bucketResource, partitionOfArn } from '../cloudfront/partitions';
import * as vscode from 'vscode';
import type { DistributionSummary, OriginSummary } from '../aws/cloudFrontService';
import { objectUrl } from '../aws/objectUrl';
import type { S3Entry } from '../aws/s3Browser';
import { ContextValues } from '../constants';
import type { DistributionTreeContext } from './distributionTreeContext';
import { PagedList } from './pagedList';
import { awsFailureRow, loadMoreRow, MessageNode, type PagedParent } from './rows';
import type { TreeNode } from './treeNode';

export interface S3Location {
  distribution: DistributionSummary;
  origin: OriginSummary;
  bucket: string;
}

/** One level of a bucket under `prefix`, as rows: folders, objects, then "Load more" or an error. */
export class S3Listing implements PagedParent {
  private readonly entries: PagedList<S3Entry>;

  constructor(
    private readonly location: S3Location,
    private readonly prefix: string,
    private readonly context: DistributionTreeContext,
    /** The node these rows hang under, re-rendered after "Load more" or "Try again". */
    private readonly owner: () => TreeNode,
  ) {
    this.entries = new PagedList(async (marker) => (await context.source.s3()).list(location.bucket, prefix, marker));
  }

  /** The bucket's ARN, in the distribution's partition (arn:aws-cn:s3:::… in China). */
  private bucketName(): string {
    return bucketResource(this.location.bucket, partitionOfArn(this.location.distribution.arn));
  }

  async rows(): Promise<TreeNode[]> {
    const state = await this.entries.ensureLoaded();
    if (state.kind !== 'loaded') return [];
    const rows: TreeNode[] = state.items.map((entry) => (entry.kind === 'folder' ? new S3FolderNode(this.location, entry.prefix, this.context) : new S3ObjectNode(this.location, entry)));
    if (state.error) {
      this.context.log.error(`[objects] ListObjectsV2 ${this.location.bucket}/${this.prefix} failed`, state.error);
      rows.push(awsFailureRow(state.error, `s3:ListBucket (${this.bucketName()})`, this.context.source.profile, this));
    } else if (state.nextMarker) {
      rows.push(loadMoreRow(this));
    } else if (rows.length === 0) {
      const empty = new vscode.TreeItem(vscode.l10n.t('No objects'), vscode.TreeItemCollapsibleState.None);
      empty.iconPath = new vscode.ThemeIcon('info');
      rows.push(new MessageNode(empty));
    }
    return rows;
  }

  async loadMore(): Promise<void> {
    await this.entries.loadMore();
    this.context.changed(this.owner());
  }

  refresh(): void {
    this.entries.reset();
    this.context.changed(this.owner());
  }
}

export class S3FolderNode implements TreeNode {
  private readonly listing: S3Listing;

  constructor(
    private readonly location: S3Location,
    private readonly prefix: string,
    context: DistributionTreeContext,
  ) {
    this.listing = new S3Listing(location, prefix, context, () => this);
  }

  getTreeItem(): vscode.TreeItem {
    const name = this.prefix.slice(0, -1).split('/').pop() ?? this.prefix;
    const item = new vscode.TreeItem(`${name}/`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `distribution/${this.location.distribution.id}/origin/${this.location.origin.id}/prefix/${this.prefix}`;
    item.iconPath = vscode.ThemeIcon.Folder;
    item.contextValue = ContextValues.s3Folder;
    item.tooltip = `s3://${this.location.bucket}/${this.prefix}`;
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    return this.listing.rows();
  }

  refresh(): void {
    this.listing.refresh();
  }
}

export class S3ObjectNode implements TreeNode {
  /** The URL viewers request; undefined when the key lies outside the origin path. */
  readonly url: string | undefined;

  constructor(
    readonly location: S3Location,
    readonly object: Extract<S3Entry, { kind: 'object' }>,
  ) {
    this.url = objectUrl(location.distribution, location.origin, object.key);
  }

  getTreeItem(): vscode.TreeItem {
    const o = this.object;
    const item = new vscode.TreeItem(o.key.split('/').pop() ?? o.key, vscode.TreeItemCollapsibleState.None);
    item.id = `distribution/${this.location.distribution.id}/origin/${this.location.origin.id}/object/${o.key}`;
    item.iconPath = vscode.ThemeIcon.File;
    item.resourceUri = vscode.Uri.parse(`cloudfront-object:/${o.key}`);
    const modified = o.lastModified ? o.lastModified.toISOString().replace('T', ' ').slice(0, 16) : undefined;
    item.description = [formatSize(o.size), modified].filter(Boolean).join(' · ');
    item.contextValue = ContextValues.s3Object;
    item.tooltip = new vscode.MarkdownString(
      [`\`s3://${this.location.bucket}/${o.key}\``, this.url ? `${vscode.l10n.t('Served at')}: ${this.url}` : vscode.l10n.t('Outside the origin path: CloudFront cannot serve it')].join('  \n'),
    );
    item.accessibilityInformation = { label: vscode.l10n.t('Object {0}, {1}', o.key, String(item.description)) };
    return item;
  }
}

export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
