// The check CloudFront makes on a signed request, minus the clock and the viewer's IP: the policy must
// cover the requested URL, the key named by Key-Pair-Id must be one we trust, and the signature must
// verify over the exact policy bytes with that key and hash. Expired URLs still verify; time and IP are
// policy conditions a caller can read from parseSignedUrl.
import { verify, type KeyObject } from 'node:crypto';
import { SigningError } from './errors';
import { loadPublicKey } from './keys';
import { parseSignedCookies, parseSignedUrl } from './parse';
import { resourceMatches } from './resource';
import { NODE_HASH_NAMES } from './signature';
import { type ParsedSignature } from './types';

/** Trusted public keys by ID, like a key group: the signature's Key-Pair-Id picks the key. */
export type PublicKeysById = ReadonlyMap<string, string | KeyObject>;

/** One public key (PEM or KeyObject; a private key works too), or keys by ID (checks Key-Pair-Id as well). */
export type VerificationKeys = string | KeyObject | PublicKeysById;

function parseOrUndefined<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SigningError) return undefined;
    throw error;
  }
}

function verifyParsed(parsed: ParsedSignature, requestUrl: string, keys: VerificationKeys): boolean {
  // A canned policy is rebuilt from the request URL, so it always covers it.
  if (parsed.policyKind === 'custom' && !resourceMatches(parsed.resource, requestUrl)) return false;
  const keyForId = keys instanceof Map ? (keys as PublicKeysById).get(parsed.keyPairId) : (keys as string | KeyObject);
  if (keyForId === undefined) return false;
  const key = loadPublicKey(keyForId);
  if (key.type === 'ec' && parsed.hashAlgorithm !== 'SHA256') return false;
  return verify(NODE_HASH_NAMES[parsed.hashAlgorithm], Buffer.from(parsed.policyJson, 'utf8'), key.keyObject, parsed.signature);
}

/**
 * True when CloudFront would accept the signature of `url` as received (not normalized) with the given
 * key(s). Malformed signing parameters give false; an unusable key throws SigningError.
 */
export function verifySignedUrl(url: string, publicKey: VerificationKeys): boolean {
  const parsed = parseOrUndefined(() => parseSignedUrl(url));
  return parsed !== undefined && verifyParsed(parsed, parsed.url, publicKey);
}

/** True when CloudFront would accept these signed cookies on a request for `requestUrl`. */
export function verifySignedCookies(cookies: Readonly<Record<string, string>>, requestUrl: string, publicKey: VerificationKeys): boolean {
  const parsed = parseOrUndefined(() => parseSignedCookies(cookies, requestUrl));
  return parsed !== undefined && verifyParsed(parsed, requestUrl, publicKey);
}
