// Whether anyone can read a bucket straight from S3, through ONE set of functions: Protect's "Close
// Public Access" and the S3 Buckets view ask here, so the detection behind them lives in one place:
// src/iam/bucketPolicyMerge.ts (IAM's matching rules: wildcards, NotPrincipal, conditions that do not
// make a grant private). S3 Block Public Access's RestrictPublicBuckets makes such a statement grant
// nothing to anonymous readers.
import type { Partition } from '../cloudfront/partitions';
import { publicReadStatements } from '../iam/bucketPolicyMerge';
import type { PublicAccessBlock, S3Buckets } from './s3Buckets';

/**
 * The Sids of the statements of `policy` that let anyone read objects of `bucket` ('(no Sid)' for one
 * without); empty when none does. `partition` is the bucket's (its ARNs are `arn:aws-cn:s3:::…` in
 * China): there is no default, as `arn:aws` would miss every statement of a China or GovCloud bucket.
 * A policy that cannot be read is not taken for closed: it throws.
 */
export function publicReadStatementIds(policy: string | undefined, bucket: string, partition: Partition): string[] {
  const found = publicReadStatements(policy, bucket, partition);
  if ('refusal' in found) throw new Error(`The policy of bucket ${bucket} cannot be read (${found.refusal.kind})`);
  return found.statements.map((s) => s.sid ?? '(no Sid)');
}

/** Whether anonymous readers get the bucket's objects: a public statement that RestrictPublicBuckets does not neutralize. */
export function publiclyReadable(policy: string | undefined, block: PublicAccessBlock | undefined, bucket: string, partition: Partition): boolean {
  return stillGranting(publicReadStatementIds(policy, bucket, partition), block).length > 0;
}

/** The public-read statements that still grant: none when RestrictPublicBuckets neutralizes them. */
function stillGranting(statementIds: string[], block: PublicAccessBlock | undefined): string[] {
  return block?.restrictPublicBuckets ? [] : statementIds;
}

/**
 * Reads the bucket's policy and Block Public Access: the Sids of the statements through which anyone
 * reads its objects straight from S3 today; empty when none does or RestrictPublicBuckets neutralizes
 * them. The S3 Buckets view and Diagnose read it here. Rejects when either cannot be read.
 */
export async function readPublicReadStatementIds(buckets: Pick<S3Buckets, 'getPolicy' | 'publicAccessBlock'>, bucket: string, partition: Partition): Promise<string[]> {
  const [policy, block] = await Promise.all([buckets.getPolicy(bucket), buckets.publicAccessBlock(bucket)]);
  return stillGranting(publicReadStatementIds(policy, bucket, partition), block);
}
