// Where an S3 object of an origin is served: CloudFront appends the request path to the origin path,
// so the object `v1/paid/a.mp4` behind an origin with origin path `/v1` is `/paid/a.mp4`.
import type { DistributionSummary, OriginSummary } from './cloudFrontService';

/** The key prefix an origin's objects live under: its origin path without the leading slash. */
export function originKeyPrefix(origin: OriginSummary): string {
  const path = origin.originPath.replace(/^\/+|\/+$/g, '');
  return path ? `${path}/` : '';
}

/**
 * The viewer URL of an object, on the distribution's first alternate domain name (what users link
 * to) or its cloudfront.net domain. Each key segment is percent-encoded as a browser sends it.
 * undefined when the key lies outside the origin path, where CloudFront cannot reach it.
 */
export function objectUrl(distribution: DistributionSummary, origin: OriginSummary, key: string): string | undefined {
  const prefix = originKeyPrefix(origin);
  if (!key.startsWith(prefix)) return undefined;
  const path = key.slice(prefix.length).split('/').map(encodeURIComponent).join('/');
  return `https://${distribution.aliases[0] ?? distribution.domainName}/${path}`;
}

/**
 * The object key a viewer path reaches behind an origin (the inverse of objectUrl): the origin path,
 * then the request path with its percent-escapes decoded, as CloudFront asks S3 for it.
 */
export function objectKeyOf(origin: OriginSummary, url: string): string {
  const path = new URL(url).pathname
    .slice(1)
    .split('/')
    .map((segment) => decodeURIComponent(segment))
    .join('/');
  return `${originKeyPrefix(origin)}${path}`;
}
