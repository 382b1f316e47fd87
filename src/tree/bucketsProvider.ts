// The "S3 Buckets" view: the profile's buckets (ListBuckets), each saying whether a distribution of
// this account serves it through an origin access control, and, for those it does, whether anyone can
// still read them straight from S3 (their policy and Block Public Access), with "Protect with
// CloudFront" on each row; it reads the account again after each write of ours to a distribution or a
// bucket (onDidWrite, onDidWriteBucket). Loaded when the view is first shown, like the other views; the distributions are read with
// the buckets (completed with GetDistribution where moto's summaries lack origins).
import * as vscode from 'vscode';
import type { BucketSource, CloudFrontSource } from '../aws/awsSession';
import { bucketOfOrigin } from '../aws/bucketPolicy';
import type { DistributionSummary } from '../aws/cloudFrontService';
import { classifyAwsError, describeAwsError } from '../aws/describeAwsError';
import { DistributionDetails } from '../aws/distributionDetails';
import { readAllPages } from '../aws/readAllPages';
import type { BucketSummary } from '../aws/s3Buckets';
import { bucketResource, partitionOfRegion } from '../cloudfront/partitions';
import { ContextKeys } from '../constants';
import { readPublicReadStatementIds } from '../aws/publicRead';
import { Lazy } from '../lazy';
import type { Logger } from '../log';
import { BucketNode, type BucketExposure, type BucketServing } from './bucketNode';
import { awsFailureRow, setViewState, type PagedParent } from './rows';
import type { TreeNode } from './treeNode';

/** Which distributions read each bucket, and how. */
export function servingByBucket(distributions: readonly DistributionSummary[]): Map<string, BucketServing[]> {
  const serving = new Map<string, BucketServing[]>();
  for (const d of distributions) {
    for (const origin of d.origins) {
      const bucket = origin.kind === 's3' ? bucketOfOrigin(origin) : undefined;
      if (!bucket) continue;
      const access = origin.originAccessControlId ? 'oac' : origin.originAccessIdentity ? 'oai' : 'public';
      serving.set(bucket, [...(serving.get(bucket) ?? []), { distributionId: d.id, access }]);
    }
  }
  return serving;
}

export class BucketsProvider implements vscode.TreeDataProvider<TreeNode>, PagedParent, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sessionListener: vscode.Disposable;
  private readonly details: DistributionDetails;
  private readonly buckets: Lazy<BucketSummary[]>;
  private readonly distributions: Lazy<DistributionSummary[]>;

  constructor(
    private readonly source: CloudFrontSource & BucketSource,
    private readonly log: Logger,
  ) {
    this.details = new DistributionDetails(() => source.cloudFront());
    this.buckets = new Lazy(async () => (await source.buckets()).listBuckets());
    this.distributions = new Lazy(async () => {
      const service = await source.cloudFront();
      return this.details.completeAll(await readAllPages((marker) => service.listDistributions(marker)));
    });
    this.sessionListener = vscode.Disposable.from(
      source.onDidChange(() => this.refresh()),
      // A bucket row says which distributions serve it, and through which access control.
      source.onDidWrite((write) => {
        if (write.resource === 'distribution' || write.resource === 'originAccessControl') this.refresh();
      }),
      // A bucket row says whether anyone can still read the bucket (its policy, Block Public Access).
      source.onDidWriteBucket(() => this.refresh()),
    );
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.getChildren ? node.getChildren() : [];
    const [buckets, serving] = await Promise.all([this.buckets.get().catch((error: unknown) => ({ error })), this.servingOrUndefined()]);
    if ('error' in buckets) {
      this.log.error('[buckets] ListBuckets failed', buckets.error);
      if (classifyAwsError(buckets.error) === 'noCredentials') {
        setViewState(ContextKeys.bucketsState, 'noCredentials');
        return [];
      }
      setViewState(ContextKeys.bucketsState, 'rows');
      return [awsFailureRow(buckets.error, 's3:ListAllMyBuckets', this.source.profile, this)];
    }
    setViewState(ContextKeys.bucketsState, buckets.length === 0 ? 'empty' : 'rows');
    const sorted = [...buckets].sort((a, b) => a.name.localeCompare(b.name));
    // Only a bucket served through an OAC can be protected: only its policy is read.
    const exposures = await Promise.all(sorted.map((b) => (serving?.get(b.name)?.some((s) => s.access === 'oac') ? this.exposureOf(b) : Promise.resolve(undefined))));
    return sorted.map((b, i) => new BucketNode(b, serving ? (serving.get(b.name) ?? []) : undefined, exposures[i]));
  }

  /** Whether anyone can read `bucket` straight from S3; a refusal to read the policy is said, not taken for "closed". */
  private async exposureOf({ name: bucket, region: listedRegion }: BucketSummary): Promise<BucketExposure> {
    // The policy's statements name the bucket in its partition (arn:aws-cn:s3:::… in China).
    let partition = listedRegion === undefined ? undefined : partitionOfRegion(listedRegion);
    try {
      const s3 = await this.source.buckets();
      partition ??= partitionOfRegion(await s3.region(bucket));
      const statements = await readPublicReadStatementIds(s3, bucket, partition);
      return statements.length > 0 ? { kind: 'public', statements } : { kind: 'closed' };
    } catch (error) {
      const reason = describeAwsError(error, `s3:GetBucketPolicy (${bucketResource(bucket, partition)})`, this.source.profile).message;
      this.log.warn(`[buckets] reading the policy of bucket ${bucket} failed: ${reason}`);
      return { kind: 'unknown', reason };
    }
  }

  /** The rows say "could not be read" rather than "not served" when the distributions fail. */
  private async servingOrUndefined(): Promise<Map<string, BucketServing[]> | undefined> {
    try {
      return servingByBucket(await this.distributions.get());
    } catch (error) {
      this.log.warn(`[buckets] reading the distributions failed: ${describeAwsError(error, 'cloudfront:ListDistributions', this.source.profile).message}`);
      return undefined;
    }
  }

  /** "Try again" on the error row. */
  loadMore(): Promise<void> {
    this.refresh();
    return Promise.resolve();
  }

  refresh(): void {
    this.buckets.reset();
    this.distributions.reset();
    this.details.reset();
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.sessionListener.dispose();
    this.changed.dispose();
  }
}
