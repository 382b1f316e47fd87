// What the property suites draw from: a few keys made once (key generation is the slow part), and
// fast-check arbitraries for viewer URLs, policies and signing options.
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import type { HashAlgorithm, SignOptions } from '../../../src/signing';

export interface PoolKey {
  readonly id: string;
  readonly type: 'rsa' | 'ec';
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

function poolKey(id: string, type: 'rsa' | 'ec'): PoolKey {
  const { privateKey } = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { id, type, privateKey, publicKey: createPublicKey(privateKey) };
}

/** Two RSA 2048 and two ECDSA P-256 keys, as CloudFront key groups hold them. */
export const KEYS: readonly PoolKey[] = [poolKey('K1RSAPROPERTY1', 'rsa'), poolKey('K2RSAPROPERTY2', 'rsa'), poolKey('K3ECPROPERTY03', 'ec'), poolKey('K4ECPROPERTY04', 'ec')];

/** The keys by id, as a key group would trust them. */
export const KEYS_BY_ID: ReadonlyMap<string, KeyObject> = new Map(KEYS.map((key) => [key.id, key.publicKey]));

/** Another key of the pool: never the one that signed. */
export const otherKey = (key: PoolKey): PoolKey => KEYS[(KEYS.indexOf(key) + 1) % KEYS.length];

/** A fixed seed per suite, so a failure replays; FC_SEED overrides it to explore. */
export const seed = (fixed: number): number => (process.env.FC_SEED ? Number(process.env.FC_SEED) : fixed);

const NOW = 1_767_225_600; // 2026-01-01

// Characters of paths and queries: URL-safe ones, ones a client percent-encodes (space, unicode, quotes),
// percent escapes, and the ones that mean something in a URL or a policy.
const pathCharacter = fc.oneof(
  { weight: 320, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~') },
  { weight: 64, arbitrary: fc.constantFrom(' ', 'é', 'ü', '日', '😀', '+', '(', ')', '!', '$', "'", ',', ';', ':', '@', '*', '&', '=', '%', '%20', '%2F', '%41') },
  { weight: 1, arbitrary: fc.constantFrom('"', '\\', '?', '#', '\u0001', '\u007f') },
);
const segment = fc.string({ unit: pathCharacter, minLength: 1, maxLength: 12 });
const queryPair = fc.tuple(fc.string({ unit: pathCharacter, minLength: 1, maxLength: 6 }), fc.string({ unit: pathCharacter, maxLength: 8 })).map(([name, value]) => `${name}=${value}`);

export const viewerUrl = fc
  .record({
    scheme: fc.constantFrom('https', 'http', 'wss'),
    host: fc.constantFrom('d111111abcdef8.cloudfront.net', 'media.example.com', 'cdn.example.org:8443', 'D2222.CLOUDFRONT.NET'),
    path: fc.array(segment, { maxLength: 5 }),
    query: fc.array(queryPair, { maxLength: 3 }),
  })
  .map(({ scheme, host, path, query }) => `${scheme}://${host}/${path.join('/')}${query.length ? `?${query.join('&')}` : ''}`);

const octet = fc.integer({ min: 0, max: 255 });
export const ipRange = fc
  .tuple(octet, octet, octet, octet, fc.option(fc.integer({ min: 0, max: 32 }), { nil: undefined }))
  .map(([a, b, c, d, prefix]) => `${a}.${b}.${c}.${d}${prefix === undefined ? '' : `/${prefix}`}`);

export interface PolicyChoice {
  expires: number;
  activeFrom?: number;
  ipRange?: string;
  /** How the Resource is made from the URL: the URL itself, cut at some point with *, or with a ? for one character. */
  resource?: { cut: number; wildcard: '*' | '?' };
  hashAlgorithm?: HashAlgorithm;
}

export const policy: fc.Arbitrary<PolicyChoice> = fc
  .record(
    {
      expires: fc.integer({ min: NOW + 60, max: 2_000_000_000 }),
      activeFromBefore: fc.integer({ min: 1, max: 1_000_000 }),
      ipRange,
      resource: fc.record({ cut: fc.nat(), wildcard: fc.constantFrom<'*' | '?'>('*', '?') }),
      hashAlgorithm: fc.constantFrom<HashAlgorithm>('SHA1', 'SHA256'),
    },
    { requiredKeys: ['expires'] },
  )
  .map(({ expires, activeFromBefore, ...rest }) => ({ expires, ...(activeFromBefore ? { activeFrom: expires - activeFromBefore } : {}), ...rest }));

/**
 * A Resource pattern that covers `url` (as the viewer sends it): the URL cut somewhere after "://"
 * with * for the rest, or with ? for one of its characters.
 */
export function resourceFor(url: string, choice: NonNullable<PolicyChoice['resource']>): string {
  const start = url.indexOf('://') + 3;
  if (choice.wildcard === '*') return `${url.slice(0, start + (choice.cut % (url.length - start + 1)))}*`;
  const at = start + (choice.cut % (url.length - start));
  return `${url.slice(0, at)}?${url.slice(at + 1)}`;
}

/** Options for signUrl; `viewerUrl` is the URL as the viewer sends it, which a Resource pattern must cover. */
export function signOptions(url: string, key: PoolKey, choice: PolicyChoice, viewerUrl = url): SignOptions {
  return {
    url,
    keyPairId: key.id,
    privateKey: key.privateKey,
    expires: choice.expires,
    ...(choice.activeFrom !== undefined ? { activeFrom: choice.activeFrom } : {}),
    ...(choice.ipRange !== undefined ? { ipRange: choice.ipRange } : {}),
    ...(choice.resource !== undefined ? { resource: resourceFor(viewerUrl, choice.resource) } : {}),
    ...(choice.hashAlgorithm !== undefined ? { hashAlgorithm: choice.hashAlgorithm } : {}),
  };
}

export const poolKeyArbitrary = fc.constantFrom(...KEYS);
