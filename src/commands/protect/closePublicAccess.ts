// "Close Public Access" on a bucket that anyone can still read straight from S3 (a bucket row of the S3
// Buckets view in the warning state, or the warning at the end of Protect): drops the policy statements
// that let anyone read and turns S3 Block Public Access fully on. A person confirms it first in a modal
// that names the statements; with `{ bucket }` (automation) it asks nothing. Either way the log says
// what was removed.
import * as vscode from 'vscode';
import { publicReadStatementIds } from '../../aws/publicRead';
import type { S3Buckets } from '../../aws/s3Buckets';
import { partitionOfRegion, type Partition } from '../../cloudfront/partitions';
import { CancellationError, UserError } from '../../errors';
import type { Logger } from '../../log';
import { BucketNode } from '../../tree/bucketNode';
import type { Ui } from '../../ui/ui';
import { defineAskingCommandIn, optionsObject, positionalText, requiredText } from '../options';
import { policyWithoutPublicRead } from './bucketPolicyStep';

export interface ClosePublicAccessContext {
  readonly source: { buckets(): Promise<S3Buckets> };
  readonly ui: Ui;
  readonly log: Logger;
}

export interface ClosePublicAccessResult {
  bucket: string;
  /** The Sids of the policy statements removed. */
  removedStatements: string[];
}

export const ClosePublicAccessOptions = optionsObject({
  bucket: requiredText('bucket', () => vscode.l10n.t('bucket is required: the name of the S3 bucket to close.')),
});

/**
 * Drops the policy statements that let anyone read (every other byte of the policy kept), then turns
 * Block Public Access fully on; the Sids removed. `partition` is the bucket's (statements of a China
 * bucket name `arn:aws-cn:s3:::…`).
 */
export async function closePublicAccess(buckets: S3Buckets, bucket: string, partition: Partition): Promise<string[]> {
  const policy = await buckets.getPolicy(bucket);
  const removed = publicReadStatementIds(policy, bucket, partition);
  const changed = policyWithoutPublicRead(policy, bucket, partition);
  if (changed?.policy) await buckets.putPolicy(bucket, changed.policy);
  else if (changed) await buckets.deletePolicy(bucket);
  await buckets.blockPublicAccess(bucket);
  return removed;
}

export const closePublicAccessCommand = defineAskingCommandIn(ClosePublicAccessOptions, async (context: ClosePublicAccessContext, call): Promise<ClosePublicAccessResult> => {
  const bucket = call.answers.bucket ?? (call.context instanceof BucketNode ? call.context.bucket.name : positionalText(call.context));
  if (!bucket) throw new UserError(vscode.l10n.t('bucket is required: the name of the S3 bucket to close.'), 'bucket');
  const buckets = await context.source.buckets();
  const partition = partitionOfRegion(await buckets.region(bucket));
  const statements = publicReadStatementIds(await buckets.getPolicy(bucket), bucket, partition);
  const close = vscode.l10n.t('Close Public Access');
  // A person confirms what goes; an options object naming the bucket is the yes.
  const confirmed = await context.ui.confirm(
    vscode.l10n.t('Close public access to bucket {0}?', bucket),
    [
      statements.length ? vscode.l10n.t('The bucket policy loses the statements that let anyone read objects: {0}.', statements.join(', ')) : '',
      vscode.l10n.t('All four S3 Block Public Access settings of the bucket are turned on.'),
      vscode.l10n.t('Whoever reads the files straight from S3 (not through CloudFront) loses access; CloudFront keeps it through the origin access control.'),
    ]
      .filter(Boolean)
      .join('\n'),
    close,
    { answer: true },
  );
  if (!confirmed) throw new CancellationError();
  const removed = await closePublicAccess(buckets, bucket, partition);
  context.log.info(`[protect] closed public access to bucket ${bucket}: removed policy statements ${removed.join(', ') || 'none'}; Block Public Access turned fully on`);
  void context.ui.notify('info', vscode.l10n.t('Public access to bucket {0} is closed: only CloudFront reads it now.', bucket));
  return { bucket, removedStatements: removed };
});
