// Signed cookies as the three ways users hand them on: Set-Cookie headers for their server, a curl
// command to try them, or JSON.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-setting-signed-cookie-custom-policy.html
import { SigningError } from '../errors';
import { normalizeResource } from '../resource';
import { toEpochSeconds } from '../time';
import { isPublicSuffix } from './cookieDomains';

export type CookieFormat = 'json' | 'set-cookie' | 'curl';

/**
 * CloudFront's rule for the Domain attribute: a distribution's own domain or an alternate domain
 * name, never *.cloudfront.net (a public suffix: browsers refuse such cookies, so viewers would
 * never send them). Returns the domain to use, without a leading dot.
 */
export function checkCookieDomain(domain: string): string {
  const bare = domain
    .trim()
    .replace(/^\*?\./, '')
    .toLowerCase();
  if (bare === 'cloudfront.net' || domain.trim().startsWith('*')) {
    throw new SigningError(
      'INVALID_DOMAIN',
      'domain',
      `The cookie domain ${domain} is not allowed: CloudFront does not accept *.cloudfront.net as a Domain attribute, because cloudfront.net is a public suffix and browsers refuse cookies for it. Use one of the distribution's alternate domain names (for example example.com), or its own domain name such as d111111abcdef8.cloudfront.net.`,
    );
  }
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(bare)) {
    throw new SigningError('INVALID_DOMAIN', 'domain', `The cookie domain ${domain} is not a domain name: give a host name such as example.com.`);
  }
  if (isPublicSuffix(bare)) {
    throw new SigningError(
      'INVALID_DOMAIN',
      'domain',
      `The cookie domain ${domain} is a public suffix: browsers refuse cookies for it, so viewers would never send them. Use the alternate domain name itself or a parent domain that is yours (example.com for downloads.example.com, example.co.uk for downloads.example.co.uk).`,
    );
  }
  return bare;
}

/** The host of a Resource pattern as written (lowercase, no port): what a browser must request. */
export function resourceHost(resource: string): string {
  const normalized = normalizeResource(resource);
  const start = normalized.indexOf('://') + 3;
  const end = normalized.indexOf('/', start);
  const authority = normalized.slice(start, end === -1 ? undefined : end);
  return authority.replace(/:[\d*?]*$/, '');
}

/** The Resource pattern on another host: `https://d111111abcdef8.cloudfront.net/paid/*` on media.example.com is `https://media.example.com/paid/*`. */
export function resourceOnHost(resource: string, host: string): string {
  const normalized = normalizeResource(resource);
  const start = normalized.indexOf('://') + 3;
  const end = normalized.indexOf('/', start);
  return `${normalized.slice(0, start)}${host}${end === -1 ? '/' : normalized.slice(end)}`;
}

/**
 * Whether a browser that holds cookies with this Domain can send them with a request the Resource
 * matches: it sends them to the domain and its subdomains only. A literal host must be one of those;
 * a host with wildcards must be able to end like one.
 */
export function cookieDomainCovers(resource: string, domain: string): boolean {
  const host = resourceHost(resource);
  const bare = checkCookieDomain(domain);
  const lastWildcard = Math.max(host.lastIndexOf('*'), host.lastIndexOf('?'));
  if (lastWildcard === -1) return host === bare || host.endsWith(`.${bare}`);
  const tail = host.slice(lastWildcard + 1);
  return tail.endsWith(`.${bare}`) || `.${bare}`.endsWith(tail);
}

/**
 * Refuses a cookie Domain and a Resource that cannot meet: the browser would send the cookies only
 * where the Resource never matches, and CloudFront would refuse every request.
 */
export function checkCookieScope(resource: string, domain: string): string {
  const bare = checkCookieDomain(domain);
  if (cookieDomainCovers(resource, bare)) return bare;
  const host = resourceHost(resource);
  throw new SigningError(
    'COOKIE_DOMAIN_MISMATCH',
    'domain',
    `The cookie domain ${bare} does not cover the resource's host ${host}: browsers send the cookies only to ${bare} and its subdomains, where the resource ${normalizeResource(resource)} never matches, so CloudFront would refuse every request. Use a resource on ${bare} (${resourceOnHost(resource, bare)}) or the domain ${host}.`,
  );
}

export type SameSite = 'Lax' | 'Strict' | 'None';
export const SAME_SITE_VALUES: readonly SameSite[] = ['Lax', 'Strict', 'None'];

export interface SetCookieOptions {
  domain?: string;
  /** Path attribute; `/` unless given (see cookiePathFor). */
  path?: string;
  /** The policy's expiry (DateLessThan): the cookies' Expires, and Max-Age counted from `now`. */
  expires?: Date | number;
  /** Epoch seconds that Max-Age counts from; default: now. */
  now?: number;
  /** Default Lax: sent on top-level navigation from other sites, not on their embedded requests. */
  sameSite?: SameSite;
}

/**
 * The Path for cookies of a Resource: its path up to the last `/` before the first wildcard, so the
 * browser sends them only where the Resource can match (`https://h/paid/*` → `/paid/`; `https://h/*.pdf` → `/`).
 */
export function cookiePathFor(resource: string): string {
  const normalized = normalizeResource(resource);
  const start = normalized.indexOf('/', normalized.indexOf('://') + 3);
  if (start === -1) return '/';
  const path = normalized.slice(start).replace(/[?*].*$/, '');
  return path.slice(0, path.lastIndexOf('/') + 1) || '/';
}

/** An HTTP date (IMF-fixdate, RFC 9110 5.6.7), always in English and GMT: `Sun, 06 Nov 1994 08:49:37 GMT`. */
export function httpDate(epochSeconds: number): string {
  // toUTCString is specified (ECMA-262) as exactly this form, whatever the locale or time zone.
  return new Date(epochSeconds * 1000).toUTCString();
}

/**
 * One Set-Cookie header per cookie: Domain, Path, Expires and Max-Age matching the policy's expiry
 * (so the browser drops them when CloudFront would refuse them), Secure, HttpOnly and SameSite.
 * SameSite=None needs Secure, which every line has.
 */
export function setCookieHeaders(cookies: Readonly<Record<string, string>>, options: SetCookieOptions = {}): string {
  const domain = options.domain ? `; Domain=${checkCookieDomain(options.domain)}` : '';
  const path = `; Path=${options.path ?? '/'}`;
  let lifetime = '';
  if (options.expires !== undefined) {
    const expires = toEpochSeconds(options.expires, 'expires');
    const now = options.now ?? Math.floor(Date.now() / 1000);
    lifetime = `; Expires=${httpDate(expires)}; Max-Age=${Math.max(0, expires - now)}`;
  }
  const sameSite = options.sameSite ?? 'Lax';
  return Object.entries(cookies)
    .map(([name, value]) => `Set-Cookie: ${name}=${value}${domain}${path}${lifetime}; Secure; HttpOnly; SameSite=${sameSite}`)
    .join('\n');
}

/** `text` as one POSIX shell word: single quotes, each quote inside written as '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/** A curl command that requests `url` and prints the answer's headers. */
export function curlCommand(url: string): string {
  return `curl -sS -D - -o /dev/null ${shellQuote(url)}`;
}

/** A curl command that requests `url` with the cookies. */
export function curlWithCookies(cookies: Readonly<Record<string, string>>, url: string): string {
  const header = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  return `curl -sS -D - -o /dev/null -b ${shellQuote(header)} ${shellQuote(url)}`;
}

export function formatCookies(cookies: Readonly<Record<string, string>>, format: CookieFormat, options: SetCookieOptions & { url: string }): string {
  switch (format) {
    case 'set-cookie':
      return setCookieHeaders(cookies, options);
    case 'curl':
      return curlWithCookies(cookies, options.url);
    default:
      return JSON.stringify(cookies, null, 2);
  }
}
