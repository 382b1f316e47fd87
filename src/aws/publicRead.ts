// Whether anyone can read a bucket straight from S3, through ONE set of functions: Protect's "Close
// Public Access" and the S3 Buckets view ask here, so the detection behind them lives in one place:
// src/iam/bucketPolicyMerge.ts (IAM's matching rules: wildcards, NotPrincipal, conditions that do not
// make a grant private). S3 Block Public Access's RestrictPublicBuckets makes such a statement grant
// nothing to anonymous readers.
import { partitionOfArn } from '../cloudfront/s3Origin';
import { publicReadStatements } from '../iam/bucketPolicyMerge';
import type { PublicAccessBlock } from './s3Buckets';

/**
 * The Sids of the statements of `policy` that let anyone read objects of `bucket` ('(no Sid)' for one
 * without); empty when none does. `distributionArn` gives the partition (aws when unknown). A policy
 * that cannot be read is not taken for closed: it throws.
 */
export function publicReadStatementIds(policy: string | undefined, bucket: string, distributionArn = ''): string[] {
  const found = publicReadStatements(policy, bucket, partitionOfArn(distributionArn));
  if ('refusal' in found) throw new Error(`The policy of bucket ${bucket} cannot be read (${found.refusal.kind})`);
  return found.statements.map((s) => s.sid ?? '(no Sid)');
}

/** Whether anonymous readers get the bucket's objects: a public statement that RestrictPublicBuckets does not neutralize. */
export function publiclyReadable(policy: string | undefined, block: PublicAccessBlock | undefined, bucket: string): boolean {
  return publicReadStatementIds(policy, bucket).length > 0 && !block?.restrictPublicBuckets;
}
