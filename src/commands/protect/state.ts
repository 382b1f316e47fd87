// Everything "Protect S3 Bucket with CloudFront" knows, in three parts: the answers (from options or
// prompts, complete and checked against the account before anything changes: ProtectAnswers), what
// each execute step produced and what it replaced, so that Retry resumes and Undo restores
// (ProtectProgress), and the run that carries both with the new key's material (ProtectRun). Execute
// steps take a ProtectRun, whose answers are all there: none of them asserts an answer with `!`.
import type { RawDistributionConfig } from '../../aws/cloudFrontService';
import type { KeyAlgorithm } from '../../keys/algorithms';
import type { KeyMaterialState } from '../keys/keyMaterialSteps';
import type { VerifyProtectionResult } from './verifyCommand';

export interface ProtectBucketResult {
  distributionId: string;
  domainName: string;
  originAccessControlId: string;
  keyGroupId: string;
  publicKeyId: string;
  bucketPolicy: 'added' | 'present';
  /** What the bucket policy holds that may narrow or refuse CloudFront's reads (bucketPolicyStep.ts); absent when nothing does. */
  bucketPolicyWarnings?: string[];
  /** What still lets anyone read the bucket (public policy statements, Block Public Access off); empty when nothing does. */
  publicAccess: string[];
  /** With `wait: true`: the three requests once deployed, or why they could not be made (no object, no local key). */
  verification?: VerifyProtectionResult | { skipped: string };
}

/** The distribution to serve the bucket: a new one, or an existing one (read and checked before the run). */
export type ProtectDistribution = { readonly kind: 'new' } | { readonly kind: 'existing'; readonly id: string; readonly config: RawDistributionConfig };

/** The key that signs: a public key CloudFront holds already, or a new key pair (its storage in KeyMaterialState). */
export type ProtectKey = { readonly kind: 'existing'; readonly publicKeyId: string } | { readonly kind: 'new'; readonly name: string; readonly algorithm: KeyAlgorithm };

/** The key group the behavior trusts: a new one of this name, or an existing one (`addKey`: it does not hold the key yet). */
export type ProtectKeyGroup = { readonly kind: 'new'; readonly name: string } | { readonly kind: 'existing'; readonly id: string; readonly name: string; readonly addKey: boolean };

/** What the run is to do: every answer there, checked against the account before anything changes. */
export interface ProtectAnswers {
  readonly bucket: string;
  /** The bucket's regional domain, e.g. media.s3.eu-west-1.amazonaws.com. */
  readonly bucketDomain: string;
  readonly distribution: ProtectDistribution;
  /** The behavior to restrict; undefined: the default behavior. */
  readonly pathPattern?: string;
  readonly signer: ProtectKey;
  readonly keyGroup: ProtectKeyGroup;
  /** Wait for the deployment, then verify the protection. */
  readonly wait: boolean;
}

/** What the execute steps record: the ids they made or found, and what they replaced (Undo puts it back). */
export interface ProtectProgress {
  /** The key group the behavior trusts: the existing one from the start, a new one once the key group step made it. */
  keyGroupId?: string;
  createdKeyGroup?: boolean;
  /** The new key was added to the existing key group (Undo removes it). */
  addedToKeyGroup?: boolean;
  originAccessControlId?: string;
  createdOriginAccessControl?: boolean;
  /** The existing distribution's id from the start; a new one's once the distribution step created it. */
  distributionId?: string;
  distributionArn?: string;
  domainName?: string;
  /** The configuration as read before this run changed it: Undo puts it back as it was. */
  previousConfig?: RawDistributionConfig;
  /** The bucket policy before this run; null: the bucket had none. */
  previousPolicy?: string | null;
  bucketPolicy?: 'added' | 'present';
  bucketPolicyWarnings?: string[];
}

/** One run of the execute steps: the answers (complete), the new key's material, and the progress. */
export interface ProtectRun extends KeyMaterialState, ProtectAnswers, ProtectProgress {}

/** A new run of `answers`: the existing key, key group and distribution are known from the start. */
export function protectRun(answers: ProtectAnswers, profile: string | undefined): ProtectRun {
  return {
    ...answers,
    done: [],
    ...(profile ? { profile } : {}),
    ...(answers.signer.kind === 'existing' ? { publicKeyId: answers.signer.publicKeyId } : { name: answers.signer.name, algorithm: answers.signer.algorithm }),
    ...(answers.keyGroup.kind === 'existing' ? { keyGroupId: answers.keyGroup.id } : {}),
    ...(answers.distribution.kind === 'existing' ? { distributionId: answers.distribution.id } : {}),
  };
}
