// Maps SDK shapes to our domain types: plain arrays instead of {Quantity, Items}, behaviors in
// CloudFront's evaluation order (the listed path patterns, then the default `*`).
import type {
  CacheBehavior,
  DefaultCacheBehavior,
  Distribution,
  DistributionSummary as SdkSummary,
  KeyGroupSummary as SdkKeyGroupSummary,
  Origin,
  PublicKey,
  PublicKeySummary as SdkPublicKeySummary,
} from '@aws-sdk/client-cloudfront';
import { bucketOfDomain } from './bucketPolicy';
import type { BehaviorSummary, DistributionSummary, KeyGroupSummary, OriginSummary, PublicKeySummary } from './cloudFrontService';

export function toDistributionSummary(summary: SdkSummary): DistributionSummary {
  const behaviors = (summary.CacheBehaviors?.Items ?? []).map(toBehavior);
  if (summary.DefaultCacheBehavior) behaviors.push(toBehavior(summary.DefaultCacheBehavior));
  return {
    id: summary.Id ?? '',
    arn: summary.ARN ?? '',
    domainName: summary.DomainName ?? '',
    aliases: summary.Aliases?.Items ?? [],
    comment: summary.Comment ?? '',
    status: summary.Status ?? '',
    enabled: summary.Enabled,
    origins: (summary.Origins?.Items ?? []).map(toOrigin),
    behaviors,
  };
}

function toBehavior(behavior: CacheBehavior | DefaultCacheBehavior): BehaviorSummary {
  const trustedKeyGroups = behavior.TrustedKeyGroups;
  const trustedSigners = behavior.TrustedSigners;
  return {
    ...('PathPattern' in behavior && behavior.PathPattern !== undefined ? { pathPattern: behavior.PathPattern } : {}),
    targetOriginId: behavior.TargetOriginId ?? '',
    trustedKeyGroupIds: trustedKeyGroups?.Enabled ? (trustedKeyGroups.Items ?? []) : [],
    trustedSigners: trustedSigners?.Enabled ? (trustedSigners.Items ?? []) : [],
  };
}

function toOrigin(origin: Origin): OriginSummary {
  const oai = origin.S3OriginConfig?.OriginAccessIdentity;
  return {
    id: origin.Id ?? '',
    domainName: origin.DomainName ?? '',
    originPath: origin.OriginPath ?? '',
    kind: originKind(origin),
    ...(origin.OriginAccessControlId ? { originAccessControlId: origin.OriginAccessControlId } : {}),
    ...(oai ? { originAccessIdentity: oai } : {}),
  };
}

/** A distribution read with GetDistribution: the same fields, from its DistributionConfig. */
export function fromDistribution(distribution: Distribution): DistributionSummary {
  const config = distribution.DistributionConfig;
  return toDistributionSummary({
    Id: distribution.Id,
    ARN: distribution.ARN,
    DomainName: distribution.DomainName,
    Status: distribution.Status,
    Aliases: config?.Aliases,
    Comment: config?.Comment,
    Enabled: config?.Enabled,
    Origins: config?.Origins,
    CacheBehaviors: config?.CacheBehaviors,
    DefaultCacheBehavior: config?.DefaultCacheBehavior,
  } as SdkSummary);
}

export function toKeyGroupSummary(summary: SdkKeyGroupSummary): KeyGroupSummary {
  const group = summary.KeyGroup;
  return {
    id: group?.Id ?? '',
    name: group?.KeyGroupConfig?.Name ?? '',
    comment: group?.KeyGroupConfig?.Comment ?? '',
    publicKeyIds: group?.KeyGroupConfig?.Items ?? [],
    ...(group?.LastModifiedTime ? { lastModified: group.LastModifiedTime } : {}),
  };
}

export function toPublicKeySummary(summary: SdkPublicKeySummary): PublicKeySummary {
  return {
    id: summary.Id ?? '',
    name: summary.Name ?? '',
    comment: summary.Comment ?? '',
    encodedKey: summary.EncodedKey ?? '',
    ...(summary.CreatedTime ? { created: summary.CreatedTime } : {}),
  };
}

/**
 * CloudFront answers every origin with either S3OriginConfig or CustomOriginConfig. Where an answer
 * has neither (moto's GetDistribution), an S3 REST endpoint domain makes it an S3 origin.
 */
function originKind(origin: Origin): OriginSummary['kind'] {
  if (origin.S3OriginConfig) return 's3';
  if (origin.CustomOriginConfig) return 'custom';
  return bucketOfDomain(origin.DomainName ?? '') ? 's3' : 'custom';
}

/** A public key as GetPublicKey and CreatePublicKey return it. */
export function fromPublicKey(key: PublicKey | undefined): PublicKeySummary {
  const config = key?.PublicKeyConfig;
  const summary = toPublicKeySummary({
    Id: key?.Id,
    Name: config?.Name,
    Comment: config?.Comment,
    EncodedKey: config?.EncodedKey,
    CreatedTime: key?.CreatedTime,
  });
  return config?.CallerReference ? { ...summary, callerReference: config.CallerReference } : summary;
}
