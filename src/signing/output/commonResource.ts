// The narrowest wildcard policy resource that covers every URL of a group: `https://host/hls/movie/*`,
// the URLs' common origin and the deepest folder they all sit in. One custom policy for it, signed
// once, makes every URL of a document valid (one kms:Sign call instead of one per URL). URLs on
// different origins (scheme, host or port) have no such resource short of `*`, which would let the
// signature open every distribution the key group protects: then there is none.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
export function commonResource(urls: readonly string[]): string | undefined {
  let origin: string | undefined;
  let folder: string | undefined;
  for (const url of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    if (origin === undefined) origin = parsed.origin;
    else if (parsed.origin !== origin) return undefined;
    // The folder: the path up to and with its last slash (a URL's path always starts with one).
    const path = parsed.pathname.slice(0, parsed.pathname.lastIndexOf('/') + 1);
    folder = folder === undefined ? path : commonFolder(folder, path);
  }
  return origin === undefined || folder === undefined ? undefined : `${origin}${folder}*`;
}

/** The longest folder (ending in a slash) that both folders start with. */
function commonFolder(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, a.lastIndexOf('/', i - 1) + 1);
}
