// Protect's bucket policy, in the user's words: the check before anything is created (a policy that
// cannot be kept exactly, or that the statement would take past S3's 20 KB, is refused naming the
// bucket and the fix), the merge at the bucket-policy step, what the merge warns about, and the
// statements that let anyone read. The rules themselves are src/iam/bucketPolicyMerge.ts.
import * as vscode from 'vscode';
import type { CloudFrontService } from '../../aws/cloudFrontService';
import { viewersUseHttps } from '../../aws/protectConfig';
import type { S3Buckets } from '../../aws/s3Buckets';
import { partitionOfS3Domain, type Partition } from '../../cloudfront/partitions';
import { UserError } from '../../errors';
import {
  BUCKET_POLICY_MAX_BYTES,
  mergeOacStatement,
  publicReadStatements,
  withoutPublicRead,
  type BucketPolicyRefusal,
  type BucketPolicyWarning,
  type OacMergeResult,
} from '../../iam/bucketPolicyMerge';
import { recorded } from '../../wizard/wizard';
import type { ProtectAnswers, ProtectRun } from './state';

/** What is wrong with the policy of `bucket`, in the user's words (the fix, for a policy that cannot be kept, included). */
function policyProblem(bucket: string, refusal: Exclude<BucketPolicyRefusal, { kind: 'tooLarge' }>): string {
  switch (refusal.kind) {
    case 'notJson':
      return vscode.l10n.t('the policy of bucket {0} is not valid JSON ({1} at character {2}).', bucket, refusal.error, refusal.offset);
    case 'notObject':
      return vscode.l10n.t('the policy of bucket {0} is not a JSON object.', bucket);
    case 'statementNotObject':
      return vscode.l10n.t('{0} of the policy of bucket {1} is not a statement object.', refusal.path, bucket);
    case 'duplicateKey':
      return vscode.l10n.t(
        'the policy of bucket {0} has the key {1} twice in {2}: only one of them can take effect, and a changed policy could not keep both. Remove the one you do not mean.',
        bucket,
        refusal.key,
        refusal.path,
      );
    case 'unsafeNumber':
      return vscode.l10n.t(
        'the policy of bucket {0} has the number {1} at {2}, beyond what JSON numbers hold exactly (a double), so the policy cannot be read and kept exactly. Write it as a string ("{1}").',
        bucket,
        refusal.number,
        refusal.path,
      );
  }
}

/** The refusal as the person reads it: what is wrong with the policy of `bucket`, and the fix. */
export function bucketPolicyRefusal(bucket: string, refusal: BucketPolicyRefusal): UserError {
  if (refusal.kind === 'tooLarge') {
    return new UserError(
      vscode.l10n.t(
        "bucket: with the statement that lets CloudFront read it, the policy of bucket {0} would be {1} bytes, over S3's limit of {2} bytes (20 KB). Remove statements the bucket no longer needs, or combine statements for the same principal, then run Protect again.",
        bucket,
        refusal.bytes.toLocaleString('en-US'),
        BUCKET_POLICY_MAX_BYTES.toLocaleString('en-US'),
      ),
      'bucket',
    );
  }
  const ownFix = refusal.kind === 'duplicateKey' || refusal.kind === 'unsafeNumber';
  const fix = ownFix ? vscode.l10n.t('Then run Protect again.') : vscode.l10n.t('Fix the policy (S3 console: the bucket, Permissions, Bucket policy), then run Protect again.');
  return new UserError(`bucket: ${policyProblem(bucket, refusal)} ${fix}`, 'bucket');
}

/**
 * The partition of the bucket (and so of the distribution that reads it through an OAC), from its
 * regional domain (media.s3.cn-north-1.amazonaws.com.cn), which Protect reads before anything else.
 */
export function bucketPartition(answers: Pick<ProtectAnswers, 'bucket' | 'bucketDomain'>): Partition {
  const partition = partitionOfS3Domain(answers.bucketDomain);
  if (partition === undefined) throw new Error(`The region of bucket ${answers.bucket} is not known yet (its regional domain is read first)`);
  return partition;
}

/**
 * Before anything is created: the bucket's policy can take the statement (kept exactly, within 20 KB).
 * An existing distribution's ARN is read; a new one's is not known yet, so an ARN of the same length
 * stands in (12-digit account, 14-character id). A policy that already names CloudFront might grant
 * the new distribution through a wildcard that the stand-in cannot match: its size is left to the
 * bucket-policy step, which checks again with the real ARN (with Retry and Undo).
 */
export async function checkBucketPolicy(
  answers: Pick<ProtectAnswers, 'bucket' | 'bucketDomain' | 'distribution'>,
  buckets: S3Buckets,
  service: Pick<CloudFrontService, 'getDistribution'>,
): Promise<void> {
  const { bucket, distribution } = answers;
  const policy = await buckets.getPolicy(bucket);
  if (policy === undefined) return;
  const distributionArn =
    distribution.kind === 'existing' ? (await service.getDistribution(distribution.id)).arn : `arn:${bucketPartition(answers).id}:cloudfront::000000000000:distribution/E0000000000000`;
  const merged = mergeOacStatement(policy, bucket, distributionArn);
  if (merged.outcome !== 'refused') return;
  if (merged.refusal.kind === 'tooLarge' && distribution.kind === 'new' && policy.includes('cloudfront.amazonaws.com')) return;
  throw bucketPolicyRefusal(bucket, merged.refusal);
}

/** What the merge warns about, one sentence each. */
function warningText(bucket: string, warning: BucketPolicyWarning): string {
  const reasons = warning.reasons.join(', ');
  if (warning.kind === 'deny') {
    return reasons
      ? vscode.l10n.t(
          "Statement {0} (Deny) of the policy of bucket {1} may refuse CloudFront's reads ({2}): no Allow outweighs a Deny, so make sure it spares the service principal cloudfront.amazonaws.com.",
          warning.statement,
          bucket,
          reasons,
        )
      : vscode.l10n.t(
          "Statement {0} (Deny) of the policy of bucket {1} refuses CloudFront's reads: CloudFront gets AccessDenied until it spares the service principal cloudfront.amazonaws.com.",
          warning.statement,
          bucket,
        );
  }
  return vscode.l10n.t(
    'Statement {0} of the policy of bucket {1} lets this distribution read only under more conditions ({2}), so it is not the same grant: a statement without them was added.',
    warning.statement,
    bucket,
    reasons,
  );
}

/** The bucket-policy step's merge, with the real distribution ARN; a refusal is thrown in the user's words. */
export function mergeForStep(before: string | undefined, s: ProtectRun): Exclude<OacMergeResult, { outcome: 'refused' }> & { warningTexts: string[] } {
  const distributionArn = recorded(s, 'distributionArn', 'Create a distribution');
  const merged = mergeOacStatement(before, s.bucket, distributionArn, { viewersUseHttps: viewersUseHttps(s.previousConfig, s.pathPattern) });
  if (merged.outcome === 'refused') throw bucketPolicyRefusal(s.bucket, merged.refusal);
  return { ...merged, warningTexts: merged.warnings.map((w) => warningText(s.bucket, w)) };
}

/** The statements of the bucket's policy that let anyone read, as one sentence; undefined when none does. */
export async function publicPolicyProblem(buckets: S3Buckets, bucket: string, partition: Partition): Promise<string | undefined> {
  const found = publicReadStatements(await buckets.getPolicy(bucket), bucket, partition);
  if ('refusal' in found) return bucketPolicyRefusal(bucket, found.refusal).message;
  if (!found.statements.length) return undefined;
  const named = found.statements.map((s) => {
    const notes = [...(s.someObjects ? [vscode.l10n.t('some objects')] : []), ...s.conditions.map((c) => vscode.l10n.t('only when {0}', c))];
    const label = s.sid ?? vscode.l10n.t('a statement without Sid');
    return notes.length ? `${label}: ${notes.join(', ')}` : label;
  });
  return vscode.l10n.t('The policy of bucket {0} lets anyone read its objects ({1}).', bucket, named.join('; '));
}

/**
 * `policy` (the bucket's, as read) without its public-read statements, every other byte kept: `policy`
 * undefined when nothing else is left; undefined when there is nothing to change.
 */
export function policyWithoutPublicRead(policy: string | undefined, bucket: string, partition: Partition): { policy: string | undefined } | undefined {
  if (policy === undefined) return undefined;
  const result = withoutPublicRead(policy, bucket, partition);
  if ('refusal' in result) throw bucketPolicyRefusal(bucket, result.refusal);
  return result.policy === policy ? undefined : result;
}
