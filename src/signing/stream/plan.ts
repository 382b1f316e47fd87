// What it takes to sign a walked stream: every URL a player may request, the tightest wildcard
// Resource of one custom policy that covers them (for signed cookies), the cache behaviors that serve
// them grouped by path pattern with the key groups each trusts, and the problems a viewer would meet,
// each with its fix. Pure: the account's distributions come in as data.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-signed-cookies.html
import { MAX_URL_BYTES } from '../../cloudfront/rules';
import { behaviorLabel, findDistribution, matchBehavior, requestPath, type BehaviorData, type DistributionData } from '../diagnose';
import { hostOf } from '../diagnose/keyTrustFindings';
import { encodeCloudFrontBase64 } from '../encoding';
import { buildPolicy } from '../policy';
import { commonResource } from '../output/commonResource';
import { distinctUrls, type StreamWalk } from './walk';
import type { StreamKind } from './types';

/** Bytes of one cookie (name, `=` and value) every browser keeps (RFC 6265 section 6.1): a longer one is dropped. */
export const MAX_COOKIE_BYTES = 4096;
/** Canned-policy query a signed URL gains: Expires, Signature (RSA-2048, base64) and Key-Pair-Id, about. */
const SIGNED_QUERY_BYTES = 400;
/** How long a viewer watches a live stream at least, seconds: cookies that expire sooner end the session. */
export const LIVE_SESSION_SECONDS = 4 * 3600;

export type StreamProblemCode =
  'MasterOnlySignature' | 'UntrustedBehavior' | 'UnrestrictedBehavior' | 'OtherHost' | 'KeyUnderOtherBehavior' | 'LiveExpiry' | 'PolicyTooLarge' | 'UrlTooLong' | 'NoDistribution';

export interface StreamProblem {
  readonly code: StreamProblemCode;
  readonly severity: 'error' | 'warning' | 'info';
  /** What is wrong and its fix. */
  readonly message: string;
  readonly url?: string;
}

export interface BehaviorGroup {
  readonly distributionId: string;
  /** The path pattern, `*` for the default behavior. */
  readonly pathPattern: string;
  readonly keyGroupIds: readonly string[];
  readonly urls: readonly string[];
}

export interface StreamPlan {
  readonly kind: StreamKind;
  /** Requests a player makes (a URL read by several ranges counts once per range). */
  readonly requests: number;
  /** The distinct URLs, in the order a player meets them. */
  readonly urls: readonly string[];
  /** The custom-policy Resource covering every URL on the stream's host, or undefined when there is none short of `*`. */
  readonly resource?: string;
  readonly behaviors: readonly BehaviorGroup[];
  readonly problems: readonly StreamProblem[];
  readonly live: boolean;
}

export interface PlanOptions {
  /** The account's distributions with their behaviors, in CloudFront's evaluation order. */
  readonly distributions: readonly DistributionData[];
  /** Seconds the signature will be valid for, when known (signStream): a live stream needs a session's worth. */
  readonly validForSeconds?: number;
}

export function planStream(walk: StreamWalk, options: PlanOptions): StreamPlan {
  const urls = distinctUrls(walk.requests);
  const problems: StreamProblem[] = [];
  const entryHost = hostOf(walk.url);
  const distribution = findDistribution(options.distributions, entryHost);
  const sameHost = urls.filter((url) => hostOf(url) === entryHost);
  const resource = commonResource(sameHost);

  // The URLs on each other host, in order.
  const otherHosts = new Map<string, string[]>();
  for (const url of urls.filter((u) => hostOf(u) !== entryHost)) otherHosts.set(hostOf(url), [...(otherHosts.get(hostOf(url)) ?? []), url]);
  for (const [host, [first, ...rest]] of otherHosts) {
    const count = rest.length + 1;
    problems.push({
      code: 'OtherHost',
      severity: 'warning',
      url: first,
      message: `${count} URL${count === 1 ? '' : 's'} of the stream ${count === 1 ? 'is' : 'are'} on ${host}, not ${entryHost}: signed cookies for ${entryHost} never reach it and one policy cannot cover both hosts. Serve them from ${entryHost} (another behavior or origin of the same distribution), or sign them separately.`,
    });
  }

  const behaviors = new Map<string, { distributionId: string; behavior: BehaviorData; urls: string[] }>();
  if (!distribution) {
    problems.push({
      code: 'NoDistribution',
      severity: 'error',
      url: walk.url,
      message: `No distribution of this account serves ${entryHost}: choose the profile of the account that owns it, or use the distribution's domain name.`,
    });
  } else {
    for (const url of sameHost) {
      const behavior = matchBehavior(distribution.behaviors, requestPath(url));
      if (!behavior) continue;
      const key = behaviorLabel(behavior);
      const group = behaviors.get(key) ?? { distributionId: distribution.id, behavior, urls: [] };
      group.urls.push(url);
      behaviors.set(key, group);
    }
    problems.push(...behaviorProblems(walk, distribution, [...behaviors.values()]));
  }

  const relative = walk.requests.find((request) => request.relative);
  if (relative) {
    problems.push({
      code: 'MasterOnlySignature',
      severity: 'info',
      url: relative.url,
      message: `A signed URL on the master only: relative segment requests carry no signature (${relative.url} first), so CloudFront refuses them. Sign the stream with signed cookies for ${resource ?? 'its folder'}, or with signed playlists (every URI signed).`,
    });
  }

  if (walk.live && (options.validForSeconds === undefined || options.validForSeconds < LIVE_SESSION_SECONDS)) {
    problems.push({
      code: 'LiveExpiry',
      severity: 'warning',
      url: walk.url,
      message:
        options.validForSeconds === undefined
          ? `${walk.url} is live (no EXT-X-ENDLIST, or a dynamic MPD): the player reads it again every few seconds, so its signature must outlive the viewing session (${LIVE_SESSION_SECONDS / 3600} hours or more), or your page must renew the cookies before they expire.`
          : `${walk.url} is live, and a signature valid for ${Math.round(options.validForSeconds / 60)} minutes ends the viewing session then: expire it in ${LIVE_SESSION_SECONDS / 3600} hours or more, or renew the cookies from your page before they expire.`,
    });
  }

  if (resource) {
    const policy = encodeCloudFrontBase64(buildPolicy({ resource, expires: 2_000_000_000 }));
    const bytes = 'CloudFront-Policy='.length + policy.length;
    if (bytes > MAX_COOKIE_BYTES) {
      problems.push({
        code: 'PolicyTooLarge',
        severity: 'error',
        message: `The CloudFront-Policy cookie for ${resource} would be ${bytes} bytes, more than the ${MAX_COOKIE_BYTES} browsers keep: shorten the stream's path.`,
      });
    }
  }
  const longest = urls.reduce((a, b) => (Buffer.byteLength(b) > Buffer.byteLength(a) ? b : a), '');
  if (longest && Buffer.byteLength(longest) + SIGNED_QUERY_BYTES > MAX_URL_BYTES) {
    problems.push({
      code: 'UrlTooLong',
      severity: 'warning',
      url: longest,
      message: `${longest.slice(0, 80)}… signed would pass CloudFront's ${MAX_URL_BYTES}-byte URL limit: use signed cookies, or shorten the path.`,
    });
  }

  return {
    kind: walk.kind,
    requests: walk.requests.length,
    urls,
    ...(resource ? { resource } : {}),
    behaviors: [...behaviors.values()].map(({ distributionId, behavior, urls: grouped }) => ({
      distributionId,
      pathPattern: behavior.pathPattern ?? '*',
      keyGroupIds: behavior.trustedKeyGroupIds,
      urls: grouped,
    })),
    problems,
    live: walk.live,
  };
}

const restricted = (behavior: BehaviorData) => behavior.trustedKeyGroupIds.length > 0 || behavior.trustedSigners.length > 0;
const sameTrust = (a: BehaviorData, b: BehaviorData) => a.trustedKeyGroupIds.some((id) => b.trustedKeyGroupIds.includes(id)) || a.trustedSigners.some((id) => b.trustedSigners.includes(id));

function behaviorProblems(walk: StreamWalk, distribution: DistributionData, groups: ReadonlyArray<{ behavior: BehaviorData; urls: string[] }>): StreamProblem[] {
  const problems: StreamProblem[] = [];
  const entry = groups.find((group) => group.urls.includes(walk.url)) ?? groups[0];
  if (!entry) return problems;
  for (const group of groups) {
    const label = behaviorLabel(group.behavior);
    if (!restricted(group.behavior)) {
      problems.push({
        code: 'UnrestrictedBehavior',
        severity: 'warning',
        url: group.urls[0],
        message: `${group.urls.length} URL${group.urls.length === 1 ? '' : 's'} (${group.urls[0]} first) ${group.urls.length === 1 ? 'is' : 'are'} served by the behavior ${label} of ${distribution.id}, which does not restrict viewer access: anyone can fetch ${group.urls.length === 1 ? 'it' : 'them'} without a signature (content that leaks). Restrict viewer access on ${label} with the key groups of ${behaviorLabel(entry.behavior)}.`,
      });
    } else if (group !== entry && restricted(entry.behavior) && !sameTrust(group.behavior, entry.behavior)) {
      problems.push({
        code: 'UntrustedBehavior',
        severity: 'error',
        url: group.urls[0],
        message: `${group.urls[0]} is served by the behavior ${label}, which trusts key groups ${group.behavior.trustedKeyGroupIds.join(', ') || '(none)'} and none of ${entry.behavior.trustedKeyGroupIds.join(', ')} that ${behaviorLabel(entry.behavior)} (the playlist's) trusts: one signature is refused on one of them. Add the same key group to ${label}.`,
      });
    }
  }
  // Each behavior that serves a key, with the first key it serves.
  const keyUrls = new Map<BehaviorData | undefined, string>();
  for (const request of walk.requests.filter((r) => r.role === 'key')) {
    const behavior = matchBehavior(distribution.behaviors, requestPath(request.url));
    if (!keyUrls.has(behavior)) keyUrls.set(behavior, request.url);
  }
  const segmentBehaviors = new Set(walk.requests.filter((request) => request.role === 'segment').map((request) => matchBehavior(distribution.behaviors, requestPath(request.url))));
  for (const [behavior, keyUrl] of keyUrls) {
    if (!behavior || segmentBehaviors.has(behavior) || segmentBehaviors.size === 0) continue;
    problems.push({
      code: 'KeyUnderOtherBehavior',
      severity: 'warning',
      url: keyUrl,
      message: `The key ${keyUrl} is served by the behavior ${behaviorLabel(behavior)}, not the segments' ${[...segmentBehaviors].map((b) => (b ? behaviorLabel(b) : '?')).join(', ')}: ${restricted(behavior) ? 'check that it trusts the same key groups and that cookies for the segments cover its path' : 'anyone can fetch the decryption key, which undoes the encryption'}. Serve keys under the segments' behavior, restricted with the same key groups.`,
    });
  }
  return problems;
}
