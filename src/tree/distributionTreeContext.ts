// What every row of the Distributions view shares: where AWS comes from, the key group names, the
// log, and how a row asks to be drawn again. Its own file, so the row kinds that receive it
// (distribution, origin, S3 folder) need not import each other.
import type { CloudFrontSource } from '../aws/awsSession';
import type { KeyGroupDirectory } from '../aws/keyGroupDirectory';
import type { Logger } from '../log';
import type { TreeNode } from './treeNode';

export interface DistributionTreeContext {
  source: CloudFrontSource;
  keyGroups: KeyGroupDirectory;
  log: Logger;
  /** Re-renders one node (after a retry). */
  changed(node: TreeNode): void;
}
