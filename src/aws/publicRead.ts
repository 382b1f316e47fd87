// Whether anyone can read a bucket straight from S3, through ONE pair of functions: Protect, its
// "Close Public Access" and the S3 Buckets view all ask here, so the detection behind them can be
// replaced in one place. Today it is protectConfig's publicReadStatements (Allow to everyone with a
// read action and no condition); S3 Block Public Access's RestrictPublicBuckets makes such a statement
// grant nothing to anonymous readers.
import { publicReadStatements } from './protectConfig';
import type { PublicAccessBlock } from './s3Buckets';

/** The Sids of the statements that let anyone read objects ('(no Sid)' for one without); empty when none does. */
export function publicReadStatementIds(policy: string | undefined): string[] {
  return publicReadStatements(policy).map((s) => s.Sid ?? '(no Sid)');
}

/** Whether the policy holds a statement that lets anyone read objects. */
export function bucketReadableByAnyone(policy: string | undefined): boolean {
  return publicReadStatements(policy).length > 0;
}

/** Whether anonymous readers get the bucket's objects: a public statement that RestrictPublicBuckets does not neutralize. */
export function publiclyReadable(policy: string | undefined, block: PublicAccessBlock | undefined): boolean {
  return bucketReadableByAnyone(policy) && !block?.restrictPublicBuckets;
}
