// The configuration changes behind "Protect S3 Bucket with CloudFront", as pure functions over what
// CloudFront and S3 return: a new distribution for a bucket, an existing distribution's bucket origin
// moved to an origin access control (OAC) with one behavior restricted. Everything not named here goes
// back exactly as read (UpdateDistribution replaces the whole document); unit tests deep-compare the
// rest. The bucket policy is changed by src/iam/bucketPolicyMerge.ts, which keeps its text.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
import type { CacheBehavior, Origin } from '@aws-sdk/client-cloudfront';
import { bucketOfDomain } from '../cloudfront/s3Origin';
import type { RawDistributionConfig } from './cloudFrontService';
import { DEFAULT_BEHAVIOR_PATTERN, withKeyGroup } from './trustedKeyGroups';

/** The managed cache policy "Managed-CachingOptimized". */
export const CACHING_OPTIMIZED_POLICY_ID = '658327ea-f89d-4fab-a63d-7e88639e58f6';

/** The bucket's regional REST endpoint, the origin domain CloudFront recommends for OAC. */
export function regionalDomain(bucket: string, region: string): string {
  return `${bucket}.s3.${region}.amazonaws.com`;
}

export interface BucketOrigin {
  bucket: string;
  /** The regional domain, used when the origin is added. */
  domainName: string;
  originAccessControlId: string;
  keyGroupId: string;
  /** The behavior to restrict; undefined restricts the default behavior. */
  pathPattern?: string;
}

function s3Origin(target: BucketOrigin): Origin & { Id: string } {
  return {
    Id: target.domainName,
    DomainName: target.domainName,
    OriginPath: '',
    CustomHeaders: { Quantity: 0, Items: [] },
    S3OriginConfig: { OriginAccessIdentity: '' },
    OriginAccessControlId: target.originAccessControlId,
  };
}

function behaviorFor(originId: string): Omit<CacheBehavior, 'PathPattern'> {
  return {
    TargetOriginId: originId,
    ViewerProtocolPolicy: 'redirect-to-https',
    CachePolicyId: CACHING_OPTIMIZED_POLICY_ID,
    Compress: true,
    AllowedMethods: { Quantity: 2, Items: ['GET', 'HEAD'], CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] } },
    TrustedKeyGroups: { Enabled: false, Quantity: 0 },
  };
}

/**
 * A new distribution whose only origin is the bucket behind the OAC. The default behavior redirects
 * to HTTPS and uses CachingOptimized; it is restricted to the key group, or, with `pathPattern`, only
 * a behavior of that pattern is and the default stays open.
 */
export function newDistributionConfig(target: BucketOrigin, callerReference: string, comment: string): RawDistributionConfig {
  const origin = s3Origin(target);
  const config: RawDistributionConfig = {
    CallerReference: callerReference,
    Comment: comment,
    Enabled: true,
    Origins: { Quantity: 1, Items: [origin] },
    DefaultCacheBehavior: behaviorFor(origin.Id),
    ...(target.pathPattern ? { CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: target.pathPattern, ...behaviorFor(origin.Id) }] } } : {}),
  };
  return withKeyGroup(config, target.keyGroupId, [target.pathPattern ?? DEFAULT_BEHAVIOR_PATTERN]);
}

/** The origin of `config` that reads `bucket`, whatever endpoint form its domain uses. */
export function bucketOriginOf(config: RawDistributionConfig, bucket: string): Origin | undefined {
  return (
    (config.Origins?.Items ?? []).find((o) => o.DomainName && o.S3OriginConfig !== undefined && bucketOfDomain(o.DomainName) === bucket) ??
    (config.Origins?.Items ?? []).find((o) => o.DomainName && bucketOfDomain(o.DomainName) === bucket)
  );
}

export interface ProtectedConfig {
  config: RawDistributionConfig;
  originId: string;
  /** The bucket was not an origin: this change adds it. */
  addedOrigin: boolean;
  /** The behavior of `pathPattern` did not exist: this change adds it, serving the bucket. */
  addedBehavior: boolean;
}

/** Why `target` cannot be protected in `config`; undefined when it can. */
export function protectProblem(config: RawDistributionConfig, target: Pick<BucketOrigin, 'bucket' | 'pathPattern'>): 'noBehaviorForNewOrigin' | 'defaultServesOtherOrigin' | undefined {
  const origin = bucketOriginOf(config, target.bucket);
  if (target.pathPattern !== undefined && target.pathPattern !== DEFAULT_BEHAVIOR_PATTERN) return undefined;
  if (!origin) return 'noBehaviorForNewOrigin';
  return config.DefaultCacheBehavior?.TargetOriginId === origin.Id ? undefined : 'defaultServesOtherOrigin';
}

/**
 * A copy of `config` where the bucket's origin (added when absent) reads through the OAC instead of
 * an origin access identity or anonymously, and the behavior of `pathPattern` (added when absent,
 * serving the bucket) or the default behavior trusts the key group. Nothing else changes.
 */
export function withProtectedBucket(config: RawDistributionConfig, target: BucketOrigin): ProtectedConfig {
  const copy = structuredClone(config);
  const existing = bucketOriginOf(copy, target.bucket);
  const addedOrigin = !existing;
  let originId: string;
  if (!existing) {
    const origin = s3Origin(target);
    const items = [...(copy.Origins?.Items ?? []), origin];
    copy.Origins = { ...copy.Origins, Quantity: items.length, Items: items };
    originId = origin.Id;
  } else {
    existing.OriginAccessControlId = target.originAccessControlId;
    existing.S3OriginConfig = { ...existing.S3OriginConfig, OriginAccessIdentity: '' };
    // CloudFront requires every origin's Id; a config read from it always has them.
    originId = existing.Id ?? target.domainName;
  }
  const pattern = target.pathPattern ?? DEFAULT_BEHAVIOR_PATTERN;
  const known = pattern === DEFAULT_BEHAVIOR_PATTERN || (copy.CacheBehaviors?.Items ?? []).some((b) => b.PathPattern === pattern);
  if (!known) {
    const items = [...(copy.CacheBehaviors?.Items ?? []), { PathPattern: pattern, ...behaviorFor(originId) }];
    copy.CacheBehaviors = { ...copy.CacheBehaviors, Quantity: items.length, Items: items };
  }
  return { config: withKeyGroup(copy, target.keyGroupId, [pattern]), originId, addedOrigin, addedBehavior: !known };
}

/**
 * Whether viewers reach the behavior of `pathPattern` over HTTPS only once protected: a new distribution
 * or a behavior this change adds redirects to HTTPS; an existing behavior keeps its policy. CloudFront
 * reads an S3 origin with the viewer's protocol, so a bucket policy's aws:SecureTransport follows it.
 */
export function viewersUseHttps(config: RawDistributionConfig | undefined, pathPattern: string | undefined): boolean {
  if (!config) return true;
  const behavior = pathPattern === undefined || pathPattern === DEFAULT_BEHAVIOR_PATTERN ? config.DefaultCacheBehavior : config.CacheBehaviors?.Items?.find((b) => b.PathPattern === pathPattern);
  return !behavior || behavior.ViewerProtocolPolicy !== 'allow-all';
}
