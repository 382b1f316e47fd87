// Everything "Protect S3 Bucket with CloudFront" knows: the answers (from options or prompts), then
// what each execute step produced and what it replaced, so that Retry resumes and Undo restores.
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

export interface ProtectBucketState extends KeyMaterialState {
  interactive: boolean;
  bucket?: string;
  /** The bucket's regional domain, e.g. media.s3.eu-west-1.amazonaws.com. */
  bucketDomain?: string;
  /** Given: an existing distribution to change; absent: a new one is created. */
  distributionId?: string;
  existingDistribution?: boolean;
  pathPattern?: string;
  /** A new key pair of this name and algorithm (name and algorithm in KeyMaterialState). */
  newKey?: { algorithm: KeyAlgorithm };
  /** An existing key group to trust; absent: a new key group named keyGroupName. */
  keyGroupId?: string;
  keyGroupName?: string;
  /** The existing key group does not hold the key yet: the key group step adds it. */
  addKeyToGroup?: boolean;
  wait?: boolean;

  createdKeyGroup?: boolean;
  /** The new key was added to the given key group (Undo removes it). */
  addedToKeyGroup?: boolean;
  originAccessControlId?: string;
  createdOriginAccessControl?: boolean;
  distributionArn?: string;
  domainName?: string;
  /** The configuration as read before this run changed it: Undo puts it back as it was. */
  previousConfig?: RawDistributionConfig;
  /** The bucket policy before this run; null: the bucket had none. */
  previousPolicy?: string | null;
  bucketPolicy?: 'added' | 'present';
  bucketPolicyWarnings?: string[];
}
