// Turns signing options into what gets signed: the viewer URL, the policy, the key and hash. Shared by
// signed URLs and signed cookies, which differ only in where the parameters go.
import { SigningError } from './errors';
import { loadPrivateKey, type LoadedKey } from './keys';
import { normalizeIpRange } from './ip';
import { buildPolicy } from './policy';
import { normalizeResource, resourceMatches } from './resource';
import { toEpochSeconds } from './time';
import { type HashAlgorithm, type SignCookiesOptions } from './types';
import { normalizeViewerUrl } from './url';

export interface SigningPlan {
  /** The URL as the viewer will send it; undefined for cookies signed for a resource pattern only. */
  readonly url: string | undefined;
  readonly policyJson: string;
  /** Canned: only an expiry, and the resource is the URL itself. */
  readonly canned: boolean;
  readonly expires: number;
  readonly keyPairId: string;
  readonly key: LoadedKey;
  readonly hashAlgorithm: HashAlgorithm;
}

/** Key IDs are letters and digits (K2JCJMDEHXQW5F, APKAEIBAERJR2EXAMPLE); they go into URLs and cookies unencoded. */
const KEY_PAIR_ID = /^[A-Za-z0-9]{1,128}$/;

function checkKeyPairId(keyPairId: string): string {
  if (typeof keyPairId !== 'string' || !KEY_PAIR_ID.test(keyPairId)) {
    throw new SigningError(
      keyPairId ? 'INVALID_KEY_PAIR_ID' : 'MISSING_OPTION',
      'keyPairId',
      'keyPairId must be the ID of a CloudFront public key (like K2JCJMDEHXQW5F) or of a legacy key pair (APKA...): letters and digits only.',
    );
  }
  return keyPairId;
}

function chooseHash(key: LoadedKey, requested: HashAlgorithm | undefined): HashAlgorithm {
  if (requested !== undefined && requested !== 'SHA1' && requested !== 'SHA256') {
    throw new SigningError('UNSUPPORTED_HASH', 'hashAlgorithm', `hashAlgorithm ${String(requested)} is not supported; CloudFront accepts SHA1 and SHA256.`);
  }
  if (key.type === 'ec') {
    if (requested === 'SHA1') {
      throw new SigningError('UNSUPPORTED_HASH', 'hashAlgorithm', 'hashAlgorithm SHA1 cannot be used with an ECDSA key: CloudFront verifies ECDSA signatures with SHA256 only.');
    }
    return 'SHA256';
  }
  return requested ?? 'SHA1';
}

/**
 * The policy Resource: the URL when no resource is given or the resource is the very string passed as
 * url; otherwise the pattern, which must match the URL when both are given.
 */
function chooseResource(url: string | undefined, rawUrl: string | undefined, resource: string | undefined): string {
  if (resource === undefined || (url !== undefined && resource === rawUrl)) {
    if (url === undefined) {
      throw new SigningError('MISSING_OPTION', 'url', 'Signed cookies need a url or a resource (for example https://d111111abcdef8.cloudfront.net/*).');
    }
    return url;
  }
  const pattern = normalizeResource(resource);
  if (url !== undefined && !resourceMatches(pattern, url)) {
    throw new SigningError(
      'RESOURCE_MISMATCH',
      'resource',
      `resource ${pattern} does not match url ${url}, so CloudFront would refuse the signed URL; use a resource that covers the URL (wildcards * and ?).`,
    );
  }
  return pattern;
}

/** Validates every option and works out the policy. Options are checked before the key is read. */
export function planSigning(options: SignCookiesOptions, purpose: 'url' | 'cookies'): SigningPlan {
  const keyPairId = checkKeyPairId(options.keyPairId);
  const url = purpose === 'url' || options.url !== undefined ? normalizeViewerUrl(options.url as string) : undefined;
  const expires = toEpochSeconds(options.expires, 'expires');
  const activeFrom = options.activeFrom === undefined ? undefined : toEpochSeconds(options.activeFrom, 'activeFrom');
  if (activeFrom !== undefined && activeFrom >= expires) {
    throw new SigningError('ACTIVE_NOT_BEFORE_EXPIRY', 'activeFrom', `activeFrom (${activeFrom}) must be before expires (${expires}); the URL would never be valid.`);
  }
  const ipRange = options.ipRange === undefined ? undefined : normalizeIpRange(options.ipRange);
  const resource = chooseResource(url, options.url, options.resource);
  const key = loadPrivateKey(options.privateKey, options.passphrase);
  const hashAlgorithm = chooseHash(key, options.hashAlgorithm);
  // A canned cookie is checked against whatever URL is requested, so a * in a cookie URL means a pattern.
  const resourceIsUrl = resource === url && !(purpose === 'cookies' && resource.includes('*'));
  return {
    url,
    policyJson: buildPolicy({ resource, expires, activeFrom, ipRange }),
    canned: resourceIsUrl && activeFrom === undefined && ipRange === undefined,
    expires,
    keyPairId,
    key,
    hashAlgorithm,
  };
}
