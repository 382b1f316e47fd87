// Maps the SDK's DistributionSummary to ours: plain arrays instead of {Quantity, Items}, behaviors
// in CloudFront's evaluation order (the listed path patterns, then the default `*`).
import type { CacheBehavior, DefaultCacheBehavior, DistributionSummary as SdkSummary, Origin } from '@aws-sdk/client-cloudfront';
import type { BehaviorSummary, DistributionSummary, OriginSummary } from './cloudFrontService';

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
    kind: origin.S3OriginConfig ? 's3' : 'custom',
    ...(origin.OriginAccessControlId ? { originAccessControlId: origin.OriginAccessControlId } : {}),
    ...(oai ? { originAccessIdentity: oai } : {}),
  };
}
