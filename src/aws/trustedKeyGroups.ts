// Changes which key groups cache behaviors trust, and nothing else. UpdateDistribution replaces the
// whole configuration, so everything but the chosen behaviors' TrustedKeyGroups goes back exactly as
// GetDistributionConfig returned it (a unit test deep-compares the rest).
// https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistribution.html
import type { CacheBehavior, DefaultCacheBehavior, TrustedKeyGroups } from '@aws-sdk/client-cloudfront';
import type { RawDistributionConfig } from './cloudFrontService';

/** How callers name the default cache behavior, which has no PathPattern: `*`, as it matches last. */
export const DEFAULT_BEHAVIOR_PATTERN = '*';

type Behavior = CacheBehavior | DefaultCacheBehavior;

/** Every behavior's pattern in CloudFront's evaluation order, the default last as `*`. */
export function behaviorPatterns(config: RawDistributionConfig): string[] {
  return [...(config.CacheBehaviors?.Items ?? []).map((b) => b.PathPattern ?? ''), DEFAULT_BEHAVIOR_PATTERN];
}

/** The key group ids a trust setting holds, or none when it is disabled. */
export function trustedIds(trusted: TrustedKeyGroups | undefined): string[] {
  return trusted?.Enabled ? (trusted.Items ?? []) : [];
}

function trusting(ids: string[]): TrustedKeyGroups {
  return { Enabled: ids.length > 0, Quantity: ids.length, Items: ids };
}

/**
 * A copy of `config` where the behaviors of `patterns` trust `update(their current ids)`. Throws for a
 * pattern the configuration does not have; behaviors whose ids do not change stay as they were.
 */
export function updateTrustedKeyGroups(config: RawDistributionConfig, patterns: readonly string[], update: (ids: string[]) => string[]): RawDistributionConfig {
  const known = behaviorPatterns(config);
  const unknown = patterns.find((p) => !known.includes(p));
  if (unknown !== undefined) throw new Error(`The distribution has no cache behavior with path pattern ${unknown}`);
  const copy = structuredClone(config);
  const behaviors: Array<[string, Behavior]> = (copy.CacheBehaviors?.Items ?? []).map((b) => [b.PathPattern ?? '', b]);
  if (copy.DefaultCacheBehavior) behaviors.push([DEFAULT_BEHAVIOR_PATTERN, copy.DefaultCacheBehavior]);
  for (const [pattern, behavior] of behaviors) {
    if (!patterns.includes(pattern)) continue;
    const before = trustedIds(behavior.TrustedKeyGroups);
    const after = update(before);
    if (after.length !== before.length || after.some((id, i) => id !== before[i])) behavior.TrustedKeyGroups = trusting(after);
  }
  return copy;
}

export function withKeyGroup(config: RawDistributionConfig, keyGroupId: string, patterns: readonly string[]): RawDistributionConfig {
  return updateTrustedKeyGroups(config, patterns, (ids) => (ids.includes(keyGroupId) ? ids : [...ids, keyGroupId]));
}

export function withoutKeyGroup(config: RawDistributionConfig, keyGroupId: string, patterns: readonly string[]): RawDistributionConfig {
  return updateTrustedKeyGroups(config, patterns, (ids) => ids.filter((id) => id !== keyGroupId));
}
