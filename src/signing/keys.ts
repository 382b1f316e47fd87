// Reading and checking signing keys. CloudFront verifies RSA (PKCS#1 v1.5) and ECDSA P-256 signatures;
// a key of any other type produces URLs that always fail, so it is refused up front.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html
//
// Parsing a PEM costs about as much as an RSA-2048 signature, and several ECDSA ones, so parsed keys
// are cached: per KeyObject in a WeakMap, per PEM in a small map keyed by a SHA-256 of the PEM and
// passphrase (the map does not hold key text). Nothing here logs or echoes key material.
import { createPrivateKey, createPublicKey, hash, KeyObject } from 'node:crypto';
import { BoundedCache } from './boundedCache';
import { SigningError } from './errors';

export type LoadedKey =
  { readonly type: 'rsa'; readonly keyObject: KeyObject; readonly bits: number } | { readonly type: 'ec'; readonly keyObject: KeyObject; readonly curve: 'P-256'; readonly bits: 256 };

type KeyInput = 'privateKey' | 'publicKey';

/** Legacy CloudFront key pairs are RSA-1024 (AWS's own test vectors use one); key groups need 2048, checked where keys are uploaded. */
const MIN_RSA_BITS = 1024;
const MAX_CACHED_PEMS = 16;
const SUPPORTED = 'CloudFront accepts RSA keys of 1024 bits or more (2048 for key groups) and ECDSA P-256 (prime256v1) keys';

const KEY_TYPE_NAMES: Record<string, string> = { dsa: 'DSA', 'rsa-pss': 'RSA-PSS', ed25519: 'Ed25519', ed448: 'Ed448', x25519: 'X25519', x448: 'X448', dh: 'Diffie-Hellman' };

/** Checks that a key is one CloudFront can verify, and says what it is. */
function describeKey(keyObject: KeyObject, input: KeyInput): LoadedKey {
  const details = keyObject.asymmetricKeyDetails ?? {};
  if (keyObject.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) {
      throw new SigningError('KEY_TOO_SMALL', input, `${input} is a ${bits}-bit RSA key; ${SUPPORTED}.`);
    }
    return { type: 'rsa', keyObject, bits };
  }
  if (keyObject.asymmetricKeyType === 'ec') {
    if (details.namedCurve !== 'prime256v1') {
      throw new SigningError('UNSUPPORTED_CURVE', input, `${input} is an ECDSA key on curve ${details.namedCurve ?? 'unknown'}; ${SUPPORTED}.`);
    }
    return { type: 'ec', keyObject, curve: 'P-256', bits: 256 };
  }
  const typeName = KEY_TYPE_NAMES[keyObject.asymmetricKeyType ?? ''] ?? keyObject.asymmetricKeyType ?? 'unknown';
  throw new SigningError('UNSUPPORTED_KEY_TYPE', input, `${input} is an unsupported ${typeName} key; ${SUPPORTED}.`);
}

const pemCache = new BoundedCache<LoadedKey>(MAX_CACHED_PEMS);
const privateKeyObjects = new WeakMap<KeyObject, LoadedKey>();
const publicKeyObjects = new WeakMap<KeyObject, LoadedKey>();

/**
 * The passphrase goes in with its length, so no passphrase and PEM pair can stand for another.
 * crypto.hash is the one-shot form: a third of createHash's cost, which shows next to an ECDSA signature.
 */
function pemCacheKey(kind: KeyInput, pem: string, passphrase: string | undefined): string {
  return hash('sha256', `${kind}:${passphrase === undefined ? '-' : `${passphrase.length}:${passphrase}`}:${pem}`, 'base64');
}

const ENCRYPTED_PEM = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/;

/** Explains why a PEM string could not be read, without repeating any of it. */
function unreadablePem(pem: string, input: KeyInput): SigningError {
  if (/-----BEGIN OPENSSH PRIVATE KEY-----/.test(pem)) {
    return new SigningError('INVALID_KEY', input, `${input} is in OpenSSH format; convert it to PEM first (ssh-keygen -p -m PEM -f <file>).`);
  }
  if (input === 'privateKey' && /-----BEGIN (PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE)-----/.test(pem)) {
    return new SigningError('INVALID_KEY', input, 'privateKey holds a public key or certificate; signing needs the private key.');
  }
  return new SigningError(
    'INVALID_KEY',
    input,
    `${input} could not be read as a PEM ${input === 'privateKey' ? 'private key (PKCS#1, PKCS#8 or SEC1)' : 'public key (SPKI or PKCS#1) or private key'}.`,
  );
}

const PRIVATE_KEY_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/g;

/** PEM lines as indented in YAML, code or a quoted mail: armor and base64 lines without the surrounding blanks. */
function unindentPem(pem: string): string {
  return pem.replace(/^[ \t]+|[ \t\r]+$/gm, '');
}

function parsePrivatePem(givenPem: string, passphrase: string | undefined): KeyObject {
  const pem = unindentPem(givenPem);
  const blocks = pem.match(PRIVATE_KEY_BEGIN)?.length ?? 0;
  if (blocks > 1) {
    throw new SigningError(
      'INVALID_KEY',
      'privateKey',
      `privateKey holds ${blocks} private keys one after the other; it would sign with the first without a word. Pass exactly one private key PEM (split the file).`,
    );
  }
  const encrypted = ENCRYPTED_PEM.test(pem);
  if (encrypted && passphrase === undefined) {
    throw new SigningError('PASSPHRASE_REQUIRED', 'passphrase', 'privateKey is encrypted; pass its passphrase.');
  }
  try {
    return createPrivateKey(encrypted ? { key: pem, passphrase } : pem);
  } catch {
    // An empty passphrase is a real one (openssl -passout pass:); when it does not decrypt, the key needs another.
    if (encrypted && passphrase === '') throw new SigningError('PASSPHRASE_REQUIRED', 'passphrase', 'privateKey is encrypted, and an empty passphrase does not decrypt it; pass its passphrase.');
    if (encrypted) throw new SigningError('WRONG_PASSPHRASE', 'passphrase', 'The passphrase does not decrypt privateKey.');
    throw unreadablePem(pem, 'privateKey');
  }
}

function parsePublicPem(givenPem: string): KeyObject {
  const pem = unindentPem(givenPem);
  if (ENCRYPTED_PEM.test(pem)) {
    throw new SigningError('INVALID_KEY', 'publicKey', 'publicKey is an encrypted private key; pass the public key (SPKI PEM) instead.');
  }
  try {
    return createPublicKey(pem);
  } catch {
    throw unreadablePem(pem, 'publicKey');
  }
}

function assertKeyGiven(key: unknown, input: KeyInput): asserts key is string | KeyObject {
  if (typeof key === 'string' ? key.trim() !== '' : key instanceof KeyObject) return;
  if (key instanceof Uint8Array) {
    throw new SigningError(
      'INVALID_KEY',
      input,
      `${input} is a ${Buffer.isBuffer(key) ? 'Buffer' : 'Uint8Array'}; pass the PEM as text (readFileSync(path, 'utf8') or buffer.toString('utf8')) or a KeyObject (${input === 'privateKey' ? 'createPrivateKey' : 'createPublicKey'}).`,
    );
  }
  throw new SigningError('MISSING_OPTION', input, `${input} is required: pass a PEM string or a KeyObject.`);
}

/**
 * Reads a private key (PEM in PKCS#1, PKCS#8 or SEC1 form, encrypted PEM with `passphrase`, or a
 * KeyObject) and checks that CloudFront can verify its signatures. Results are cached.
 */
export function loadPrivateKey(privateKey: string | KeyObject, passphrase?: string): LoadedKey {
  assertKeyGiven(privateKey, 'privateKey');
  if (typeof privateKey === 'string') {
    return pemCache.getOrCreate(pemCacheKey('privateKey', privateKey, passphrase), () => describeKey(parsePrivatePem(privateKey, passphrase), 'privateKey'));
  }
  if (privateKey.type !== 'private') {
    throw new SigningError('INVALID_KEY', 'privateKey', `privateKey is a ${privateKey.type} KeyObject; signing needs a private key.`);
  }
  let loaded = privateKeyObjects.get(privateKey);
  if (!loaded) privateKeyObjects.set(privateKey, (loaded = describeKey(privateKey, 'privateKey')));
  return loaded;
}

/** Reads a public key (SPKI or PKCS#1 PEM, a private key PEM, or a KeyObject of either kind) for verification. */
export function loadPublicKey(publicKey: string | KeyObject): LoadedKey {
  assertKeyGiven(publicKey, 'publicKey');
  if (typeof publicKey === 'string') {
    return pemCache.getOrCreate(pemCacheKey('publicKey', publicKey, undefined), () => describeKey(parsePublicPem(publicKey), 'publicKey'));
  }
  if (publicKey.type === 'secret') {
    throw new SigningError('INVALID_KEY', 'publicKey', 'publicKey is a secret (symmetric) KeyObject; pass an RSA or ECDSA public key.');
  }
  let loaded = publicKeyObjects.get(publicKey);
  if (!loaded) {
    const publicKeyObject = publicKey.type === 'private' ? createPublicKey(publicKey) : publicKey;
    publicKeyObjects.set(publicKey, (loaded = describeKey(publicKeyObject, 'publicKey')));
  }
  return loaded;
}

/** The public key of a private key as SPKI PEM, the form CloudFront's CreatePublicKey takes. */
export function publicKeyPemFromPrivate(privateKey: string | KeyObject, passphrase?: string): string {
  const { keyObject } = loadPrivateKey(privateKey, passphrase);
  return createPublicKey(keyObject).export({ type: 'spki', format: 'pem' }).toString();
}
