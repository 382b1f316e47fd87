// The URL we sign is the URL the viewer will send. CloudFront checks the signature against the URL of
// the request it receives, so a URL signed in any other spelling fails with 403.
//
// The rule: a URL is signed in its WHATWG serialization, `new URL(url).href`. That is what browsers
// and fetch() send: spaces and non-ASCII characters in the path and query become UTF-8 %XX escapes
// (existing %XX escapes are kept as written), the host is lowercased and IDNA-encoded, default ports
// and dot segments are dropped, and an empty path becomes "/". The signed URL we return is already in
// that form, so any client, curl included, sends it byte for byte. One addition: a lone trailing "?"
// (empty query) is dropped so the signing parameters start the query.
//
// https://url.spec.whatwg.org/#url-serializing
import { isSignedUrlScheme } from '../cloudfront/rules';
import { SigningError } from './errors';
import { assertPolicySafeText } from './text';

/** Query parameters CloudFront reads for signed URLs; a URL to sign must not carry them already. */
export const SIGNING_PARAMETERS = ['Expires', 'Policy', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm'] as const;
export type SigningParameterName = (typeof SIGNING_PARAMETERS)[number];

/** CloudFront's limit on the length of a request URL. https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html */
export { MAX_URL_BYTES } from '../cloudfront/rules';

function isSigningParameter(name: string): name is SigningParameterName {
  return (SIGNING_PARAMETERS as readonly string[]).includes(name);
}

function parameterName(pair: string): string {
  const equals = pair.indexOf('=');
  return equals === -1 ? pair : pair.slice(0, equals);
}

/** Validates a URL to sign and returns it in the form the viewer's client will send (see the rule above). */
export function normalizeViewerUrl(url: string): string {
  if (typeof url !== 'string' || url.length === 0) {
    throw new SigningError('MISSING_OPTION', 'url', 'url is required: pass the URL the viewer will request, for example https://d111111abcdef8.cloudfront.net/image.jpg.');
  }
  assertPolicySafeText(url, 'url');
  if (url.includes('#')) {
    throw new SigningError(
      'FRAGMENT_NOT_ALLOWED',
      'url',
      'url has a fragment (#...). Clients never send fragments, so CloudFront would check the signature against a different URL; remove it from the URL to sign and add it to the signed URL afterwards if a page needs it.',
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SigningError('INVALID_URL', 'url', `url "${url}" is not an absolute URL; use a form like https://d111111abcdef8.cloudfront.net/image.jpg.`);
  }
  if (!isSignedUrlScheme(parsed.protocol)) {
    throw new SigningError('UNSUPPORTED_SCHEME', 'url', `url uses the scheme ${parsed.protocol.slice(0, -1)}; CloudFront signed URLs work only with http, https, ws and wss.`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new SigningError('INVALID_URL', 'url', 'url contains a user name or password; clients do not send them in the request URL, so remove them.');
  }
  const present = parsed.search.slice(1).split('&').map(parameterName).filter(isSigningParameter);
  if (present.length > 0) {
    throw new SigningError(
      'ALREADY_SIGNED',
      'url',
      `url already has the query parameter ${present.join(', ')}, which CloudFront reserves for signed URLs. Sign the URL without it (remove any earlier signature first).`,
    );
  }
  // Browsers (Chromium, and Node from ada 2.9 on) percent-encode ^ in the path; older Node keeps it. Written
  // out, so the signed URL is the same whichever Node runs the extension.
  if (parsed.pathname.includes('^')) parsed.pathname = parsed.pathname.replaceAll('^', '%5E');
  return parsed.search === '' && parsed.href.endsWith('?') ? parsed.href.slice(0, -1) : parsed.href;
}

/** Appends `name=value` pairs to a URL, as the query or after its existing query. Values must already be URL-safe. */
export function appendQueryParameters(url: string, parameters: ReadonlyArray<readonly [string, string]>): string {
  const query = parameters.map(([name, value]) => `${name}=${value}`).join('&');
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

export interface SplitSignedUrl {
  /** The URL as it was before signing: the signed URL without the signing parameters. */
  readonly url: string;
  /** The raw (undecoded) value of each signing parameter present. */
  readonly parameters: Partial<Record<SigningParameterName, string>>;
  /** Signing parameters that appear more than once. */
  readonly repeated: SigningParameterName[];
}

/**
 * Splits a signed URL, as received, into the URL that was signed and its signing parameters. Works on
 * the raw text so every other byte stays as it was; the fragment, which clients do not send, is dropped.
 */
export function splitSignedUrl(signedUrl: string): SplitSignedUrl {
  const fragmentStart = signedUrl.indexOf('#');
  const withoutFragment = fragmentStart === -1 ? signedUrl : signedUrl.slice(0, fragmentStart);
  const queryStart = withoutFragment.indexOf('?');
  if (queryStart === -1) return { url: withoutFragment, parameters: {}, repeated: [] };
  const parameters: Partial<Record<SigningParameterName, string>> = {};
  const repeated: SigningParameterName[] = [];
  const kept: string[] = [];
  for (const pair of withoutFragment.slice(queryStart + 1).split('&')) {
    const name = parameterName(pair);
    if (!isSigningParameter(name)) {
      kept.push(pair);
    } else if (parameters[name] !== undefined) {
      repeated.push(name);
    } else {
      parameters[name] = pair.slice(name.length + 1);
    }
  }
  const path = withoutFragment.slice(0, queryStart);
  return { url: kept.length > 0 ? `${path}?${kept.join('&')}` : path, parameters, repeated };
}
