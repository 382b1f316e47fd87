// The policy's Resource: the URL, or a pattern with * (any run of characters, including none) and ?
// (exactly one character) that CloudFront matches against the whole request URL, query included.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
//
// A pattern is used as written, except that spaces and non-ASCII characters are percent-encoded as
// UTF-8, the way every client sends them (see url.ts), so a pattern typed like the URL matches the
// request. A pattern cannot go through `new URL()`: `?` would start a query and `http*` is no scheme.
import { SigningError } from './errors';
import { assertPolicySafeText } from './text';

const SCHEMES = ['http', 'https', 'ws', 'wss'];
const SPACE_OR_NON_ASCII = /[^\u0021-\u007e]/gu;
// In a `u` regular expression a surrogate range matches only surrogates that are not part of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** True when a Resource pattern (with * and ? wildcards) matches `text` as CloudFront matches it. */
export function resourceMatches(pattern: string, text: string): boolean {
  // Greedy matching with one backtrack point (the last *), linear for typical patterns.
  let p = 0;
  let t = 0;
  let starAt = -1;
  let textAtStar = 0;
  while (t < text.length) {
    // A * in the pattern is always the wildcard, also where the URL has a literal * (legal in paths).
    if (p < pattern.length && pattern[p] === '*') {
      starAt = p++;
      textAtStar = t;
    } else if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (starAt !== -1) {
      p = starAt + 1;
      t = ++textAtStar;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Validates a Resource pattern and percent-encodes its spaces and non-ASCII characters. */
export function normalizeResource(resource: string): string {
  if (typeof resource !== 'string' || resource.length === 0) {
    throw new SigningError('MISSING_OPTION', 'resource', 'resource is empty: pass a URL or a pattern such as https://d111111abcdef8.cloudfront.net/images/*.');
  }
  assertPolicySafeText(resource, 'resource');
  if (resource.includes('#')) {
    throw new SigningError('FRAGMENT_NOT_ALLOWED', 'resource', 'resource contains #; request URLs never carry a fragment, so the pattern could never match.');
  }
  const schemeEnd = resource.indexOf('://');
  if (schemeEnd === -1) {
    throw new SigningError('INVALID_URL', 'resource', `resource "${resource}" has no scheme; use a URL or pattern such as https://d111111abcdef8.cloudfront.net/* or http*://d111111abcdef8.cloudfront.net/*.`);
  }
  const schemePattern = resource.slice(0, schemeEnd);
  if (!SCHEMES.some((scheme) => resourceMatches(schemePattern, scheme))) {
    throw new SigningError('UNSUPPORTED_SCHEME', 'resource', `resource uses the scheme ${schemePattern}; CloudFront signed URLs work only with http, https, ws and wss.`);
  }
  const authorityEnd = resource.indexOf('/', schemeEnd + 3);
  const authority = resource.slice(schemeEnd + 3, authorityEnd === -1 ? undefined : authorityEnd);
  if (/[\u{80}-\u{10FFFF}]/u.test(authority)) {
    throw new SigningError('INVALID_URL', 'resource', `resource has a non-ASCII host (${authority}); write the host in its ASCII form (xn--...), which is what clients send.`);
  }
  // A lone surrogate cannot be UTF-8 encoded; WHATWG URL parsing turns it into U+FFFD, and so do we.
  return resource.replace(LONE_SURROGATE, '\uFFFD').replace(SPACE_OR_NON_ASCII, (character) => encodeURIComponent(character));
}
