// CloudFront's rules and quotas that the extension checks before it asks CloudFront, in one place
// with no UI import: views, wizards, commands and the diagnosis all read them from here.
// Quotas: CloudFront Developer Guide, "Quotas" (all adjustable by AWS Support, so a refusal from
// CloudFront still wins over these numbers).

/** Public keys in one key group. */
export const KEYS_PER_KEY_GROUP = 5;
/** The longest name of a public key or key group. */
export const RESOURCE_NAME_MAX_LENGTH = 128;
/** Names of public keys and key groups: 1 to 128 letters, digits, hyphens and underscores. */
export const RESOURCE_NAME = new RegExp(`^[A-Za-z0-9_-]{1,${RESOURCE_NAME_MAX_LENGTH}}$`);

/** The longest name of an origin access control. */
export const OAC_NAME_MAX_LENGTH = 64;

/** Key ids, of public keys (K2JCJMDEHXQW5F) and legacy key pairs (APKAEIBAERJR2EXAMPLE): letters and digits, so they go into URLs and cookies unencoded. */
export const KEY_PAIR_ID = /^[A-Za-z0-9]{1,128}$/;

/** The schemes of the URLs CloudFront signs (a signed URL's, a policy Resource's). */
export const SIGNED_URL_SCHEMES: readonly string[] = ['http', 'https', 'ws', 'wss'];

/** Whether CloudFront signs URLs of `scheme` ("https", or a URL's protocol "https:"). */
export function isSignedUrlScheme(scheme: string): boolean {
  return SIGNED_URL_SCHEMES.includes(scheme.replace(/:$/, '').toLowerCase());
}

/**
 * Whether CloudFront signs `text` as a URL: what is wrong with it (not an absolute URL; a scheme it
 * does not sign, named), or undefined. The one URL rule of the sign commands' options and prompts;
 * the signing core then checks what a URL's parts may hold (fragment, quotes, signed already).
 */
export function signableUrl(text: string): { readonly problem: 'notAbsolute' } | { readonly problem: 'scheme'; readonly scheme: string } | undefined {
  if (!URL.canParse(text.trim())) return { problem: 'notAbsolute' };
  const { protocol } = new URL(text.trim());
  return isSignedUrlScheme(protocol) ? undefined : { problem: 'scheme', scheme: protocol.slice(0, -1) };
}

/** The longest URL CloudFront serves, in bytes; a signed URL's query counts too. */
export const MAX_URL_BYTES = 8192;

/** Legacy CloudFront key pair ids (of the account's root user) start with APKA; public keys of key groups with K. */
export const LEGACY_KEY_PAIR_ID = /^APKA[A-Z0-9]+$/;

export function isLegacyKeyPairId(id: string): boolean {
  return LEGACY_KEY_PAIR_ID.test(id);
}

/** Why CloudFront refuses other keys in key groups, as its console and API documentation put it. */
export const KEY_GROUP_KEY_RULE = 'CloudFront key groups accept only RSA 2048-bit and ECDSA P-256 (prime256v1) public keys';

/** Whether a key group takes the public key of `key` (an EC key here is P-256: no other curve is read). */
export function keyGroupTakes(key: { readonly type: 'rsa' | 'ec'; readonly bits?: number }): boolean {
  return key.type === 'ec' || key.bits === 2048;
}

/** Whether a key group can take one more public key. */
export function isKeyGroupFull(group: { readonly publicKeyIds: readonly string[] }): boolean {
  return group.publicKeyIds.length >= KEYS_PER_KEY_GROUP;
}

/**
 * A name CloudFront takes (RESOURCE_NAME) made from any text, for a default: a KMS alias or a secret's
 * name (alias/cloudfront/media → cloudfront-media). Runs of other characters become one hyphen.
 */
export function resourceNameFrom(text: string, fallback = 'linked-key'): string {
  const name = text
    .replace(/^alias\//, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, RESOURCE_NAME_MAX_LENGTH)
    .replace(/-+$/, '');
  return name || fallback;
}
