// Key formats, the parsed-key cache, and public keys for CloudFront.
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPrivateKey, loadPublicKey, publicKeyPemFromPrivate, SigningError, signUrl, verifySignedUrl } from '../../../src/signing';
import { assertSigningError, AWS_FIXTURES, TEST_KEYS } from './helpers';
import { FIXTURE_KEYS } from '../../fixtures/keys';

const fixture = (name: string): string => readFileSync(resolve(AWS_FIXTURES, name), 'utf8');
const sign = (privateKey: string | ReturnType<typeof createPrivateKey>, passphrase?: string): string =>
  signUrl({ url: 'https://d111111abcdef8.cloudfront.net/a.jpg', keyPairId: 'K1TESTKEY', privateKey, expires: 1_767_290_400, ...(passphrase !== undefined && { passphrase }) });

describe('signing: keys', () => {
  it('reads RSA keys as PKCS#8, PKCS#1, encrypted PKCS#8, encrypted PKCS#1 and KeyObject, all signing identically', () => {
    const keyObject = createPrivateKey(fixture('test-rsa-key.pem'));
    const forms: Array<[string, string | typeof keyObject, string?]> = [
      ['PKCS#8', fixture('test-rsa-key.pem')],
      ['PKCS#1', fixture('test-rsa-key-pkcs1.pem')],
      ['encrypted PKCS#8', keyObject.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' }).toString(), 'pw'],
      ['encrypted PKCS#1', keyObject.export({ type: 'pkcs1', format: 'pem', cipher: 'des-ede3-cbc', passphrase: 'pw' }).toString(), 'pw'],
      ['CRLF line ends', fixture('test-rsa-key.pem').replace(/\n/g, '\r\n')],
      ['KeyObject', keyObject],
    ];
    const signatures = forms.map(([name, key, passphrase]) => {
      assert.deepEqual({ type: loadPrivateKey(key, passphrase).type, bits: loadPrivateKey(key, passphrase).bits }, { type: 'rsa', bits: 1024 }, name);
      return sign(key, passphrase);
    });
    assert.equal(new Set(signatures).size, 1);
  });

  it('reads ECDSA keys as PKCS#8, SEC1 and SEC1 after an EC PARAMETERS block (openssl ecparam -genkey output)', () => {
    const sec1 = fixture('test-ecdsa-key-sec1.pem');
    const params = '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n';
    for (const pem of [fixture('test-ecdsa-key.pem'), sec1, params + sec1]) {
      const loaded = loadPrivateKey(pem);
      assert.ok(loaded.type === 'ec' && loaded.curve === 'P-256' && loaded.bits === 256);
      assert.ok(verifySignedUrl(sign(pem), fixture('test-ecdsa-key-public.pem')));
    }
  });

  it('derives the SPKI public key PEM that CloudFront takes, equal to the published one', () => {
    assert.equal(publicKeyPemFromPrivate(fixture('test-rsa-key-pkcs1.pem')).trim(), fixture('test-rsa-key-public.pem').trim());
    assert.equal(publicKeyPemFromPrivate(fixture('test-ecdsa-key-sec1.pem')).trim(), fixture('test-ecdsa-key-public.pem').trim());
    assert.match(publicKeyPemFromPrivate(TEST_KEYS.rsa2048.privatePem), /^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('caches a parsed key per PEM and passphrase, and per KeyObject', () => {
    const pem = TEST_KEYS.rsa2048.privatePem;
    assert.equal(loadPrivateKey(pem), loadPrivateKey(`${pem}`));
    assert.equal(loadPrivateKey(pem).keyObject, loadPrivateKey(pem.slice(0)).keyObject);
    assert.notEqual(loadPrivateKey(pem), loadPrivateKey(pem, 'unused passphrase'));
    const keyObject = createPrivateKey(pem);
    assert.equal(loadPrivateKey(keyObject), loadPrivateKey(keyObject));
    assert.equal(loadPrivateKey(keyObject).keyObject, keyObject);
  });

  it('keeps the PEM cache bounded: the oldest of 17 keys is parsed again', () => {
    const pems = Array.from({ length: 17 }, () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const first = loadPrivateKey(pems[0]);
    assert.equal(loadPrivateKey(pems[0]), first);
    for (const pem of pems.slice(1)) loadPrivateKey(pem);
    assert.notEqual(loadPrivateKey(pems[0]), first);
  });

  it('never puts key material in error messages', () => {
    const lines = fixture('test-rsa-key.pem').split('\n');
    const truncated = [...lines.slice(0, 4), ...lines.slice(6)].join('\n');
    const bodyChunks = lines.filter((line) => !line.startsWith('-----') && line.length > 16).map((line) => line.slice(0, 16));
    assert.throws(
      () => sign(truncated),
      (error: unknown) => error instanceof SigningError && error.code === 'INVALID_KEY' && bodyChunks.every((chunk) => !error.message.includes(chunk)),
    );
  });

  it('loads public keys from SPKI PEM, private PEM, and private or public KeyObjects', () => {
    const signedUrl = sign(fixture('test-rsa-key.pem'));
    const privateKeyObject = createPrivateKey(fixture('test-rsa-key.pem'));
    for (const publicKey of [fixture('test-rsa-key-public.pem'), fixture('test-rsa-key.pem'), privateKeyObject]) {
      assert.equal(loadPublicKey(publicKey).type, 'rsa');
      assert.ok(verifySignedUrl(signedUrl, publicKey));
    }
  });

  it('reads a key encrypted with an empty passphrase (openssl -passout pass:), given that passphrase', () => {
    const encrypted = createPrivateKey(TEST_KEYS.ec.privatePem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: '' }).toString();
    assert.equal(loadPrivateKey(encrypted, '').type, 'ec');
    assert.ok(verifySignedUrl(sign(encrypted, ''), TEST_KEYS.ec.publicPem));
    assertSigningError(() => loadPrivateKey(encrypted), 'PASSPHRASE_REQUIRED', 'passphrase');
  });

  it('reads PEM lines indented as in YAML or code, private and public', () => {
    const indent = (pem: string) =>
      pem
        .trimEnd()
        .split('\n')
        .map((line) => `    ${line}  `)
        .join('\n');
    assert.ok(verifySignedUrl(sign(indent(TEST_KEYS.ec.privatePem)), indent(TEST_KEYS.ec.publicPem)));
  });

  it('signs with RSA keys larger than 2048 bits for legacy key pair IDs (APKA…), which key groups do not restrict', () => {
    const rsa3072 = { privateKey: createPrivateKey(FIXTURE_KEYS.rsa3072), publicKey: createPublicKey(FIXTURE_KEYS.rsa3072) };
    const signed = signUrl({ url: 'https://d111111abcdef8.cloudfront.net/a.jpg', keyPairId: 'APKAEIBAERJR2EXAMPLE', privateKey: rsa3072.privateKey, expires: 1_767_290_400 });
    assert.ok(verifySignedUrl(signed, rsa3072.publicKey));
  });

  it('says which key input is a Buffer: the PEM must be text', () => {
    assertSigningError(() => loadPublicKey(Buffer.from(TEST_KEYS.ec.publicPem) as unknown as string), 'INVALID_KEY', 'publicKey', ['Buffer', 'createPublicKey']);
  });

  it('rejects unusable verification keys with errors naming publicKey', () => {
    assertSigningError(() => loadPublicKey('not a key'), 'INVALID_KEY', 'publicKey');
    assertSigningError(() => loadPublicKey(fixture('test-dsa-key.pem')), 'UNSUPPORTED_KEY_TYPE', 'publicKey', ['publicKey', 'DSA']);
    const encrypted = createPrivateKey(TEST_KEYS.rsa2048.privatePem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' }).toString();
    assertSigningError(() => loadPublicKey(encrypted), 'INVALID_KEY', 'publicKey', ['encrypted']);
    assertSigningError(() => verifySignedUrl(sign(TEST_KEYS.rsa2048.privatePem), ''), 'MISSING_OPTION', 'publicKey');
  });
});
