// Turns signing options into what gets signed: the viewer URL, the policy, the key and hash. Shared by
// signed URLs and signed cookies, which differ only in where the parameters go.
import { SigningError } from './errors';
import { loadPrivateKey, type LoadedKey } from './keys';
import { normalizeIpRange } from './ip';
import type { KeyFacts } from './signer';
import { buildPolicy } from './policy';
import { normalizeResource, resourceMatches } from './resource';
import { toEpochSeconds } from './time';
import { type HashAlgorithm, type SignCookiesOptions } from './types';
import { normalizeViewerUrl } from './url';
import { isLegacyKeyPairId, KEY_GROUP_KEY_RULE, KEY_PAIR_ID, keyGroupTakes } from '../cloudfront/rules';

/** What gets signed, before anyone signs it: the policy and the parameters around the signature. */
export interface PolicyPlan {
  /** The URL as the viewer will send it; undefined for cookies signed for a resource pattern only. */
  readonly url: string | undefined;
  readonly policyJson: string;
  /** Canned: only an expiry, and the resource is the URL itself. */
  readonly canned: boolean;
  readonly expires: number;
  readonly keyPairId: string;
  readonly hashAlgorithm: HashAlgorithm;
}

/** A plan for a key the core holds. */
export interface SigningPlan extends PolicyPlan {
  readonly key: LoadedKey;
}

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

/**
 * CloudFront public keys (the IDs key groups hold) are RSA 2048-bit or ECDSA P-256: CreatePublicKey
 * refuses any other key, so a signature by a larger RSA key under such an ID can never verify. Only a
 * legacy key pair (APKA…, verified by the account's root-user key) may be RSA of another size. Smaller
 * RSA keys (1024-bit, AWS's own test vectors) are left to KEY_TOO_SMALL's threshold, as botocore signs them.
 */
function checkKeyForId(key: KeyFacts, keyPairId: string): void {
  // Smaller RSA keys are KEY_TOO_SMALL's to judge.
  if (keyGroupTakes(key) || key.bits < 2048 || isLegacyKeyPairId(keyPairId)) return;
  throw new SigningError(
    'KEY_NOT_FOR_KEY_GROUPS',
    'privateKey',
    `privateKey is a ${key.bits}-bit RSA key, but ${KEY_GROUP_KEY_RULE}, so no public key ${keyPairId} can verify its signatures. Sign with an RSA 2048-bit or ECDSA P-256 key (a ${key.bits}-bit key works only with a legacy key pair ID, APKA…).`,
  );
}

function chooseHash(key: KeyFacts, requested: HashAlgorithm | undefined): HashAlgorithm {
  if (requested !== undefined && requested !== 'SHA1' && requested !== 'SHA256') {
    throw new SigningError('UNSUPPORTED_HASH', 'hashAlgorithm', `hashAlgorithm ${String(requested)} is not supported; CloudFront accepts SHA1 and SHA256.`);
  }
  if (key.sha256OnlyBecause !== undefined) {
    if (requested === 'SHA1') throw new SigningError('UNSUPPORTED_HASH', 'hashAlgorithm', `hashAlgorithm SHA1 cannot be used here: ${key.sha256OnlyBecause}. Use SHA256.`);
    return 'SHA256';
  }
  if (key.type === 'ec') {
    if (requested === 'SHA1') {
      throw new SigningError('UNSUPPORTED_HASH', 'hashAlgorithm', 'hashAlgorithm SHA1 cannot be used with an ECDSA key: CloudFront verifies ECDSA signatures with SHA256 only.');
    }
    return 'SHA256';
  }
  // SHA-256 unless asked for SHA-1: CloudFront verifies both, and SHA-1 is kept only for consumers that need it.
  return requested ?? 'SHA256';
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
  const { plan, key } = planWithKey(options, purpose, () => loadPrivateKey(options.privateKey, options.passphrase));
  return { ...plan, key };
}

export type PlanOptions = Omit<SignCookiesOptions, 'privateKey' | 'passphrase'>;

/**
 * Validates every option and works out the policy for a key described by `keyFacts`, which is asked
 * only after the other options are checked (reading a key costs, and its errors should not hide
 * simpler ones).
 */
export function planPolicy(options: PlanOptions, purpose: 'url' | 'cookies', keyFacts: () => KeyFacts): PolicyPlan {
  return planWithKey(options, purpose, keyFacts).plan;
}

/** `planPolicy`, with the key `keyFacts` gave. */
function planWithKey<K extends KeyFacts>(options: PlanOptions, purpose: 'url' | 'cookies', keyFacts: () => K): { plan: PolicyPlan; key: K } {
  const keyPairId = checkKeyPairId(options.keyPairId);
  const url = purpose === 'url' || options.url !== undefined ? normalizeViewerUrl(options.url as string) : undefined;
  const expires = toEpochSeconds(options.expires, 'expires');
  const activeFrom = options.activeFrom === undefined ? undefined : toEpochSeconds(options.activeFrom, 'activeFrom');
  if (activeFrom !== undefined && activeFrom >= expires) {
    throw new SigningError('ACTIVE_NOT_BEFORE_EXPIRY', 'activeFrom', `activeFrom (${activeFrom}) must be before expires (${expires}); the URL would never be valid.`);
  }
  const ipRange = options.ipRange === undefined ? undefined : normalizeIpRange(options.ipRange);
  const resource = chooseResource(url, options.url, options.resource);
  const key = keyFacts();
  checkKeyForId(key, keyPairId);
  const hashAlgorithm = chooseHash(key, options.hashAlgorithm);
  // A canned cookie is checked against whatever URL is requested, so a * in a cookie URL means a pattern.
  const resourceIsUrl = resource === url && !(purpose === 'cookies' && resource.includes('*'));
  const plan: PolicyPlan = {
    url,
    policyJson: buildPolicy({ resource, expires, activeFrom, ipRange }),
    canned: resourceIsUrl && activeFrom === undefined && ipRange === undefined,
    expires,
    keyPairId,
    hashAlgorithm,
  };
  return { plan, key };
}
