// Other spellings of a request URL that a signer may have signed instead of the one a browser sends:
// the text as written, decoded, encoded twice, + for %20, the other scheme, another host of the same
// distribution, or without the query added after signing. CloudFront compares the policy with the URL
// as it receives it, byte for byte, so any of these makes the signature or the Resource miss.

export interface UrlVariant {
  readonly url: string;
  /** Says what differs, completing "the signature covers …". */
  readonly what: string;
  /** What to do about it. */
  readonly fix: string;
}

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

function decodeOnce(text: string): string | undefined {
  try {
    return decodeURI(text);
  } catch {
    return undefined;
  }
}

/** Splits scheme://host from the rest, so the host can be swapped without touching the path. */
function origin(url: string): { scheme: string; host: string; rest: string } | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(url);
  return match ? { scheme: match[1], host: match[2], rest: match[3] } : undefined;
}

/** The ways a written URL differs from what a browser sends, for messages. */
export function describeNormalization(written: string, sent: string): string {
  const differences: string[] = [];
  if (/ /.test(written)) differences.push('spaces become %20');
  if (/[^\p{ASCII}]/u.test(written)) differences.push('non-ASCII characters become UTF-8 %XX escapes');
  const writtenOrigin = origin(written);
  const sentOrigin = origin(sent);
  if (writtenOrigin && sentOrigin && writtenOrigin.host !== sentOrigin.host) differences.push(`the host is sent as ${sentOrigin.host}`);
  if (/\/\.\.?(\/|$|\?)/.test(writtenOrigin?.rest ?? '')) differences.push('dot segments (/./, /../) are resolved');
  if (writtenOrigin && writtenOrigin.rest === '') differences.push('an empty path becomes /');
  return differences.length > 0 ? differences.join(', ') : 'some characters are escaped';
}

export interface VariantContext {
  /** The request URL as a browser sends it, without signing parameters. */
  readonly requestUrl: string;
  /** The same as written, before normalization. */
  readonly givenRequestUrl: string;
  /** Other hosts that reach the same distribution (its domain name and aliases). */
  readonly otherHosts?: readonly string[];
}

/** Spellings other than `requestUrl`, each once, in the order they are worth reporting. */
export function urlVariants(context: VariantContext): UrlVariant[] {
  const { requestUrl, givenRequestUrl } = context;
  const variants: UrlVariant[] = [];
  const add = (url: string | undefined, what: string, fix: string): void => {
    if (url !== undefined && url !== requestUrl && !variants.some((v) => v.url === url)) variants.push({ url, what, fix });
  };
  add(
    givenRequestUrl,
    `the URL as written (${givenRequestUrl}), but a browser sends ${requestUrl}: ${describeNormalization(givenRequestUrl, requestUrl)}`,
    'Sign the URL in the form clients send it: new URL(url).href (CloudFront: Sign URL does this).',
  );
  if (/%25[0-9A-Fa-f]{2}/.test(requestUrl)) {
    const once = requestUrl.replace(/%25([0-9A-Fa-f]{2})/g, '%$1');
    add(once, `the URL encoded once (${once}), but the request is encoded twice (%25XX)`, 'Encode the path once: do not pass an already encoded URL to an encoder again.');
  }
  const decoded = PERCENT_ESCAPE.test(requestUrl) ? decodeOnce(requestUrl) : undefined;
  add(decoded, `the decoded URL (${decoded}), but the request carries the %XX escapes`, 'Sign the URL with its escapes, exactly as the request carries it.');
  if (PERCENT_ESCAPE.test(requestUrl)) {
    const twice = requestUrl.replace(/%([0-9A-Fa-f]{2})/g, '%25$1');
    add(twice, 'the URL encoded twice (%25XX), but the request is encoded once', 'Sign the URL encoded once, as the request carries it.');
  }
  const queryStart = requestUrl.indexOf('?');
  if (queryStart !== -1) {
    const path = requestUrl.slice(0, queryStart);
    const query = requestUrl.slice(queryStart);
    add(path + query.replaceAll('%20', '+'), 'the query with + for spaces, but the request has %20', 'Encode spaces in the query the same way when signing and when building the link.');
    add(path + query.replaceAll('+', '%20'), 'the query with %20 for +, but the request has +', 'Encode spaces in the query the same way when signing and when building the link.');
    add(path, `the URL without its query (${path}), but the request has ${query}`, 'Add your own query parameters before signing, or sign a custom policy whose Resource ends with *.');
  }
  const parts = origin(requestUrl);
  if (parts) {
    const otherScheme = { http: 'https', https: 'http', ws: 'wss', wss: 'ws' }[parts.scheme.toLowerCase()];
    if (otherScheme) {
      add(
        `${otherScheme}://${parts.host}${parts.rest}`,
        `the ${otherScheme}:// URL, but the request uses ${parts.scheme}://`,
        `Sign the ${parts.scheme}:// URL, or a custom policy with http*:// in its Resource.`,
      );
    }
    for (const host of context.otherHosts ?? []) {
      if (host.toLowerCase() !== parts.host.toLowerCase() && !host.startsWith('*')) {
        add(`${parts.scheme}://${host}${parts.rest}`, `the URL on ${host}, but the request goes to ${parts.host}`, `Sign the URL with the host viewers use (${parts.host}).`);
      }
    }
  }
  return variants;
}
