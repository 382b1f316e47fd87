// The configuration changes behind "Protect S3 Bucket with CloudFront", as pure functions over what
// CloudFront and S3 return: a new distribution for a bucket, an existing distribution's bucket origin
// moved to an origin access control (OAC) with one behavior restricted, and the bucket policy with the
// statement that lets that distribution's OAC read. Everything not named here goes back exactly as read
// (UpdateDistribution and PutBucketPolicy replace the whole document); unit tests deep-compare the rest.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
import type { CacheBehavior, Origin } from '@aws-sdk/client-cloudfront';
import { bucketOfDomain, oacStatementOf } from '../cloudfront/s3Origin';
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

function s3Origin(target: BucketOrigin): Origin {
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
    DefaultCacheBehavior: behaviorFor(origin.Id!),
    ...(target.pathPattern ? { CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: target.pathPattern, ...behaviorFor(origin.Id!) }] } } : {}),
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
  let origin = bucketOriginOf(copy, target.bucket);
  const addedOrigin = !origin;
  if (!origin) {
    origin = s3Origin(target);
    const items = [...(copy.Origins?.Items ?? []), origin];
    copy.Origins = { ...copy.Origins, Quantity: items.length, Items: items };
  } else {
    origin.OriginAccessControlId = target.originAccessControlId;
    origin.S3OriginConfig = { ...origin.S3OriginConfig, OriginAccessIdentity: '' };
  }
  const pattern = target.pathPattern ?? DEFAULT_BEHAVIOR_PATTERN;
  const known = pattern === DEFAULT_BEHAVIOR_PATTERN || (copy.CacheBehaviors?.Items ?? []).some((b) => b.PathPattern === pattern);
  if (!known) {
    const items = [...(copy.CacheBehaviors?.Items ?? []), { PathPattern: pattern, ...behaviorFor(origin.Id!) }];
    copy.CacheBehaviors = { ...copy.CacheBehaviors, Quantity: items.length, Items: items };
  }
  return { config: withKeyGroup(copy, target.keyGroupId, [pattern]), originId: origin.Id!, addedOrigin, addedBehavior: !known };
}

interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement?: PolicyStatement | PolicyStatement[];
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function parsePolicy(text: string | undefined): PolicyDocument {
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('The bucket policy is not a JSON object');
  return parsed;
}

/** Whether a statement already lets distribution `distributionArn`'s OAC read every object of `bucket`. */
function grantsDistribution(statement: PolicyStatement, bucket: string, distributionArn: string): boolean {
  const principal = statement.Principal as { Service?: string | string[] } | undefined;
  const actions = list(statement.Action);
  const sourceArns = list(statement.Condition?.StringEquals?.['AWS:SourceArn'] ?? statement.Condition?.ArnLike?.['AWS:SourceArn']);
  return (
    statement.Effect === 'Allow' &&
    list(principal?.Service).includes('cloudfront.amazonaws.com') &&
    (actions.includes('s3:GetObject') || actions.includes('s3:*')) &&
    list(statement.Resource).includes(`arn:aws:s3:::${bucket}/*`) &&
    sourceArns.includes(distributionArn)
  );
}

/**
 * The bucket policy with the statement that lets the OAC of `distributionArn` read `bucket`, every
 * existing statement kept as it was. `added` false: a statement already grants that; the policy
 * text is returned unchanged.
 */
export function policyWithOacStatement(policy: string | undefined, bucket: string, distributionArn: string): { policy: string; added: boolean } {
  const document = parsePolicy(policy);
  const statements = list(document.Statement);
  if (statements.some((s) => grantsDistribution(s, bucket, distributionArn))) return { policy: policy!, added: false };
  const sids = new Set(statements.map((s) => s.Sid));
  const statement = oacStatementOf(bucket, distributionArn) as PolicyStatement;
  const distributionId = distributionArn.split('/').at(-1) ?? '';
  if (sids.has(statement.Sid)) statement.Sid = `${statement.Sid}${distributionId.replace(/[^A-Za-z0-9]/g, '')}`;
  const updated: PolicyDocument = policy ? { ...document, Statement: [...statements, statement] } : { Version: '2012-10-17', Statement: [statement] };
  return { policy: JSON.stringify(updated, null, 2), added: true };
}

/** The policy without the statements `publicReadStatements` finds; undefined when nothing else is left. */
export function policyWithoutPublicRead(policy: string): string | undefined {
  const document = parsePolicy(policy);
  const open = new Set(publicReadStatements(policy).map((s) => JSON.stringify(s)));
  const kept = list(document.Statement).filter((s) => !open.has(JSON.stringify(s)));
  return kept.length ? JSON.stringify({ ...document, Statement: kept }, null, 2) : undefined;
}

/** Statements that let anyone read objects: Allow to `*` (or `{ AWS: '*' }`) with s3:GetObject and no condition. */
export function publicReadStatements(policy: string | undefined): PolicyStatement[] {
  return list(parsePolicy(policy).Statement).filter((s) => {
    const principal = s.Principal as string | { AWS?: string | string[] } | undefined;
    const anyone = principal === '*' || (typeof principal === 'object' && list(principal.AWS).includes('*'));
    const actions = list(s.Action);
    return s.Effect === 'Allow' && anyone && !s.Condition && actions.some((a) => a === 's3:GetObject' || a === 's3:*' || a === '*' || a === 's3:Get*');
  });
}
