// Signed cookies as the three ways users hand them on: Set-Cookie headers for their server, a curl
// command to try them, or JSON.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-setting-signed-cookie-custom-policy.html
import { SigningError } from '../errors';

export type CookieFormat = 'json' | 'set-cookie' | 'curl';

/**
 * CloudFront's rule for the Domain attribute: a distribution's own domain or an alternate domain
 * name, never *.cloudfront.net (a public suffix: browsers refuse such cookies, so viewers would
 * never send them). Returns the domain to use, without a leading dot.
 */
export function checkCookieDomain(domain: string): string {
  const bare = domain.trim().replace(/^\*?\./, '').toLowerCase();
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
  return bare;
}

export interface SetCookieOptions {
  domain?: string;
  /** Path attribute; `/` unless the policy covers one directory only. */
  path?: string;
}

/**
 * One Set-Cookie header per cookie, as CloudFront's documentation shows them: Secure and HttpOnly,
 * and no Expires or Max-Age, so the browser drops them when it closes.
 */
export function setCookieHeaders(cookies: Readonly<Record<string, string>>, options: SetCookieOptions = {}): string {
  const domain = options.domain ? `; Domain=${checkCookieDomain(options.domain)}` : '';
  const path = `; Path=${options.path ?? '/'}`;
  return Object.entries(cookies)
    .map(([name, value]) => `Set-Cookie: ${name}=${value}${domain}${path}; Secure; HttpOnly`)
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
