// Where CloudFront reads a request's signing values from: the URL's query, or else the CloudFront-*
// cookies; with every problem of names (case, repeats) found on the way.
import { COOKIE_PREFIX } from '../types';
import { SIGNING_PARAMETERS, splitSignedUrl, type SigningParameterName } from '../url';
import { error, warning, type Finding } from './findings';
import { type SignedRequest } from './types';
import { isSignedUrlScheme } from '../../cloudfront/rules';

export type Values = Partial<Record<SigningParameterName, string>>;
export type Source = SignedRequest['source'];

export const RESERVED = 'CloudFront reserves the query parameters Expires, Policy, Signature, Key-Pair-Id and Hash-Algorithm for signed URLs';

/** A name as the source writes it: `Key-Pair-Id` in a URL, `CloudFront-Key-Pair-Id` as a cookie. */
export const nameIn = (source: Source, name: SigningParameterName): string => (source === 'url' ? name : `${COOKIE_PREFIX}${name}`);

/** Cookies by name, each with every value sent (a browser sends one per matching path and domain). */
export function readCookieHeader(cookies: string | Readonly<Record<string, string>>): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  const add = (name: string, value: string): void => {
    byName.set(name, [...(byName.get(name) ?? []), value.replace(/^"(.*)"$/, '$1')]);
  };
  if (typeof cookies !== 'string') {
    for (const [name, value] of Object.entries(cookies)) add(name, value);
    return byName;
  }
  // Accepts a bare header value, `Cookie: …` lines, or `Set-Cookie: name=value; Path=/…` lines.
  for (const rawLine of cookies.split(/\r?\n/)) {
    const line = rawLine.trim();
    const setCookie = /^set-cookie:/i.test(line);
    const pairs = line.replace(/^(set-)?cookie:\s*/i, '').split(';');
    for (const pair of setCookie ? pairs.slice(0, 1) : pairs) {
      const equals = pair.indexOf('=');
      if (equals > 0) add(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
    }
  }
  return byName;
}

/** Names that are a signing parameter in another case (CloudFront's names are case-sensitive). */
function miscasedNames(names: Iterable<string>, source: Source): Finding[] {
  const findings: Finding[] = [];
  for (const name of names) {
    const meant = SIGNING_PARAMETERS.map((parameter) => nameIn(source, parameter)).find((expected) => expected.toLowerCase() === name.toLowerCase());
    if (meant === undefined || meant === name) continue;
    findings.push(
      warning(
        'ParameterNameCase',
        `The ${source === 'url' ? 'query parameter' : 'cookie'} ${name} is not ${meant}: CloudFront's names are case-sensitive, so it does not read it.`,
        `Name it exactly ${meant}.`,
      ),
    );
  }
  return findings;
}

export interface SplitInput {
  readonly requestUrl: string;
  readonly givenRequestUrl: string;
  readonly urlValues: Values;
  readonly repeated: SigningParameterName[];
  readonly queryNames: string[];
}

export function splitUrl(givenUrl: string): SplitInput | Finding {
  let parsed: URL;
  try {
    parsed = new URL(givenUrl);
  } catch {
    return error('InvalidUrl', `"${givenUrl}" is not an absolute URL.`, 'Paste the whole URL, starting with https://.');
  }
  if (!isSignedUrlScheme(parsed.protocol)) {
    return error('UnsupportedScheme', `The URL uses ${parsed.protocol.slice(0, -1)}; CloudFront serves signed URLs over http, https, ws and wss only.`, 'Use the https:// URL of the distribution.');
  }
  parsed.hash = '';
  // What a browser or fetch() sends: the WHATWG serialization (see ../url.ts).
  const sent = splitSignedUrl(parsed.href);
  const given = splitSignedUrl(givenUrl);
  const queryNames = parsed.search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=')[0] ?? '');
  return { requestUrl: sent.url, givenRequestUrl: given.url, urlValues: sent.parameters, repeated: sent.repeated, queryNames };
}

/** Where CloudFront reads the signature from, and every problem with the names and repeats. */
export function chooseSource(split: SplitInput, cookies: Map<string, string[]>, findings: Finding[]): { source: Source; values: Values } | undefined {
  const cookieValues: Values = {};
  for (const name of SIGNING_PARAMETERS) {
    const sent = cookies.get(nameIn('cookies', name));
    if (sent === undefined) continue;
    cookieValues[name] = sent[0];
  }
  const inUrl = Object.keys(split.urlValues).length > 0;
  const inCookies = Object.keys(cookieValues).length > 0;
  findings.push(...miscasedNames(split.queryNames, 'url'), ...miscasedNames(cookies.keys(), 'cookies'));
  if (!inUrl && !inCookies) {
    findings.push(
      error(
        'NotSigned',
        'Neither the URL nor the cookies carry CloudFront signing parameters (Expires or Policy, Signature, Key-Pair-Id), so a behavior that restricts viewer access answers MissingKey.',
        'Sign the URL (CloudFront: Sign URL, or your signing code) or send the CloudFront-* signed cookies with the request.',
      ),
    );
    return undefined;
  }
  if (inUrl && inCookies) {
    findings.push(
      warning(
        'UrlAndCookies',
        "Both the URL and the cookies carry signing parameters; CloudFront reads the URL's and ignores the cookies for this request.",
        'Diagnose the URL without its signing parameters to check the cookies, or drop the cookies.',
      ),
    );
  }
  const source: Source = inUrl ? 'url' : 'cookies';
  for (const name of split.repeated) {
    findings.push(
      error(
        'RepeatedParameter',
        `The URL has ${name} more than once. ${RESERVED}; a second one is usually your own parameter of the same name, or a URL signed twice.`,
        `Rename your own ${name} parameter, or sign the URL without an earlier signature.`,
      ),
    );
  }
  for (const name of SIGNING_PARAMETERS) {
    const sent = cookies.get(nameIn('cookies', name)) ?? [];
    if (source === 'cookies' && new Set(sent).size > 1) {
      findings.push(
        error(
          'RepeatedCookie',
          `The request carries ${sent.length} different ${nameIn('cookies', name)} cookies; browsers send one per matching Path and Domain, and CloudFront cannot tell which is meant.`,
          'Set the signed cookies with a single Domain and Path (and expire the old ones), so only one of each is sent.',
        ),
      );
    }
  }
  return { source, values: inUrl ? split.urlValues : cookieValues };
}
