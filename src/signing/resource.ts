// The policy's Resource: the URL, or a pattern with * (any run of characters, including none) and ?
// (exactly one character) that CloudFront matches against the whole request URL, query included.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
//
// A pattern is used as written, except that spaces and non-ASCII characters are percent-encoded as
// UTF-8, the way every client sends them (see url.ts), so a pattern typed like the URL matches the
// request. A pattern cannot go through `new URL()`: `?` would start a query and `http*` is no scheme.
import { SIGNED_URL_SCHEMES } from '../cloudfront/rules';
import { wildcardMatches } from '../cloudfront/wildcard';
import { SigningError } from './errors';
import { assertPolicySafeText } from './text';

const SPACE_OR_NON_ASCII = /[^\u0021-\u007e]/gu;
// In a `u` regular expression a surrogate range matches only surrogates that are not part of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** True when a Resource pattern (with * and ? wildcards) matches `text` as CloudFront matches it. */
export const resourceMatches = wildcardMatches;

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', ws: '80', https: '443', wss: '443' };
const hasWildcard = (text: string) => /[*?]/.test(text);
/** Characters no host can hold (WHATWG's forbidden domain code points a pattern can still contain). */
const FORBIDDEN_IN_HOST = /[ <>^|%@[\]]/;
// Browsers percent-encode these in a path (the path percent-encode set, less what the pattern refuses
// or uses as a wildcard); in a query they keep {, }, ^ and ` but encode '.
const ENCODED_IN_PATH = /[<>`{}^]/g;
// Encoded in a path and in a query alike: where a wildcard leaves it open which one a character is in.
const ENCODED_EVERYWHERE = /[<>]/g;
const SINGLE_DOT = /^(\.|%2e)$/i;
const DOUBLE_DOT = /^(\.|%2e)(\.|%2e)$/i;

/** The authority as browsers send it: lowercase, without the scheme's default port. */
function normalizeAuthority(scheme: string, authority: string): string {
  const portAt = authority.lastIndexOf(':');
  const host = (portAt === -1 ? authority : authority.slice(0, portAt)).toLowerCase();
  const port = portAt === -1 ? undefined : authority.slice(portAt + 1);
  const forbidden = FORBIDDEN_IN_HOST.exec(host);
  if (forbidden || host === '') {
    throw new SigningError(
      'INVALID_URL',
      'resource',
      forbidden
        ? `resource has the host "${host}", which contains "${forbidden[0]}": no URL a browser sends has such a host, so the pattern could never match.`
        : 'resource has no host: write one, such as https://d111111abcdef8.cloudfront.net/*.',
    );
  }
  if (port === undefined || hasWildcard(port)) return port === undefined ? host : `${host}:${port}`;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    throw new SigningError('INVALID_URL', 'resource', `resource has the port "${port}", which is no port number (0 to 65535): no URL a browser sends has it.`);
  }
  // Browsers write the port as a number and leave out the scheme's default port.
  const number = String(Number(port));
  return DEFAULT_PORTS[scheme] === number ? host : `${host}:${number}`;
}

/**
 * Removes dot segments as browsers do before they send a URL (`/a/../b/` is sent as `/b/`), in the
 * part of the path before the first wildcard: what a wildcard matches, and so where the path ends, is
 * open. The last segment counts only when the path ends with it.
 */
function removeDotSegments(path: string, complete: boolean): string {
  const segments = path.split('/').slice(1);
  const output: string[] = [];
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (last && !complete) output.push(segment);
    else if (DOUBLE_DOT.test(segment)) {
      output.pop();
      if (last) output.push('');
    } else if (SINGLE_DOT.test(segment)) {
      if (last) output.push('');
    } else output.push(segment);
  });
  return `/${output.join('/')}`;
}

/**
 * Validates a Resource pattern and writes it as browsers write the URLs it is to match: scheme and host
 * in lowercase, no default port, no dot segments, and the percent-encoding browsers apply (spaces,
 * non-ASCII, < and >; in the path before any wildcard also `, {, } and ^). Other text is kept as written.
 */
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
    throw new SigningError(
      'INVALID_URL',
      'resource',
      `resource "${resource}" has no scheme; use a URL or pattern such as https://d111111abcdef8.cloudfront.net/* or http*://d111111abcdef8.cloudfront.net/*.`,
    );
  }
  // Schemes are case-insensitive, and browsers send them in lowercase: HTTPS:// is https://.
  const schemePattern = resource.slice(0, schemeEnd).toLowerCase();
  if (!SIGNED_URL_SCHEMES.some((scheme) => resourceMatches(schemePattern, scheme))) {
    throw new SigningError('UNSUPPORTED_SCHEME', 'resource', `resource uses the scheme ${resource.slice(0, schemeEnd)}; CloudFront signed URLs work only with http, https, ws and wss.`);
  }
  const authorityEnd = resource.indexOf('/', schemeEnd + 3);
  const authority = resource.slice(schemeEnd + 3, authorityEnd === -1 ? undefined : authorityEnd);
  if (/[\u{80}-\u{10FFFF}]/u.test(authority)) {
    throw new SigningError('INVALID_URL', 'resource', `resource has a non-ASCII host (${authority}); write the host in its ASCII form (xn--...), which is what clients send.`);
  }
  // After a wildcard, the authority may already be the path (a wildcard matches / too): kept as written.
  const authorityWildcard = authority.search(/[*?]/);
  const host = authorityWildcard === -1 ? normalizeAuthority(schemePattern, authority) : authority.slice(0, authorityWildcard).toLowerCase() + authority.slice(authorityWildcard);
  // Browsers send an empty path as "/".
  const rest = authorityEnd === -1 ? (authorityWildcard === -1 ? '/' : '') : resource.slice(authorityEnd);
  // A lone surrogate cannot be UTF-8 encoded; WHATWG URL parsing turns it into U+FFFD, and so do we.
  const encode = (text: string, inPath: boolean) =>
    text
      .replace(LONE_SURROGATE, '\uFFFD')
      .replace(SPACE_OR_NON_ASCII, (character) => encodeURIComponent(character))
      .replace(inPath ? ENCODED_IN_PATH : ENCODED_EVERYWHERE, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  const wildcardAt = rest.search(/[*?]/);
  const path = wildcardAt === -1 ? rest : rest.slice(0, wildcardAt);
  const tail = wildcardAt === -1 ? '' : rest.slice(wildcardAt);
  return `${schemePattern}://${host}${encode(path === '' ? '' : removeDotSegments(path, wildcardAt === -1), true)}${encode(tail, false)}`;
}
