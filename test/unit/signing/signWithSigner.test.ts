// Signing through a PolicySigner (how a key held by AWS KMS signs): the same URLs, cookies and shared
// policies as the synchronous core for the same key, and the SHA-1 refusal a KMS-held key needs.
import assert from 'node:assert/strict';
import { sign } from 'node:crypto';
import {
  localSigner,
  sharedPolicySigner,
  sharedPolicySignerWithSigner,
  signCookies,
  signCookiesWithSigner,
  SigningError,
  signUrl,
  signUrlWithSigner,
  verifySignedCookies,
  verifySignedUrl,
  type PolicySigner,
} from '../../../src/signing';
import { TEST_KEYS } from './helpers';

const EXPIRES = 2_000_000_000;
const URL_TO_SIGN = 'https://d111111abcdef8.cloudfront.net/hls/movie/index.m3u8';

/** A stand-in for the KMS signer: the key is out of the core's reach and SHA-1 does not exist. */
function kmsLike(privatePem: string, type: 'rsa' | 'ec'): PolicySigner & { calls: string[] } {
  const calls: string[] = [];
  return {
    type,
    bits: type === 'rsa' ? 2048 : 256,
    sha256OnlyBecause: 'the key is held by AWS KMS (alias/test), which signs with SHA-256 only',
    calls,
    sign: (policy, hashAlgorithm) => {
      calls.push(hashAlgorithm);
      return Promise.resolve(sign('sha256', policy, privatePem));
    },
  };
}

describe('signing through a PolicySigner', () => {
  it('an RSA signer gives the same URL as the core with SHA256 (PKCS#1 v1.5 is deterministic), and it verifies', async () => {
    const signer = kmsLike(TEST_KEYS.rsa2048.privatePem, 'rsa');
    const viaSigner = await signUrlWithSigner({ url: URL_TO_SIGN, keyPairId: 'K2JCJMDEHXQW5F', expires: EXPIRES, signer });
    const direct = signUrl({ url: URL_TO_SIGN, keyPairId: 'K2JCJMDEHXQW5F', expires: EXPIRES, privateKey: TEST_KEYS.rsa2048.privatePem, hashAlgorithm: 'SHA256' });
    assert.equal(viaSigner, direct);
    assert.ok(viaSigner.endsWith('&Hash-Algorithm=SHA256'));
    assert.ok(verifySignedUrl(viaSigner, TEST_KEYS.rsa2048.publicPem));
    assert.deepEqual(signer.calls, ['SHA256']);
  });

  it('an ECDSA signer signs URLs and cookies that verify', async () => {
    const signer = kmsLike(TEST_KEYS.ec.privatePem, 'ec');
    const url = await signUrlWithSigner({ url: URL_TO_SIGN, keyPairId: 'K2JCJMDEHXQW5F', expires: EXPIRES, signer, ipRange: '192.0.2.0/24' });
    assert.ok(verifySignedUrl(url, TEST_KEYS.ec.publicPem));
    const cookies = await signCookiesWithSigner({ resource: 'https://d111111abcdef8.cloudfront.net/hls/*', keyPairId: 'K2JCJMDEHXQW5F', expires: EXPIRES, signer });
    assert.ok(verifySignedCookies(cookies, URL_TO_SIGN, TEST_KEYS.ec.publicPem));
    assert.equal(cookies['CloudFront-Hash-Algorithm'], 'SHA256');
  });

  it('cookies and shared policies equal the core’s for the same RSA key', async () => {
    const signer = kmsLike(TEST_KEYS.rsa2048.privatePem, 'rsa');
    const options = { resource: 'https://d111111abcdef8.cloudfront.net/hls/movie/*', keyPairId: 'K2JCJMDEHXQW5F', expires: EXPIRES };
    const core = { ...options, privateKey: TEST_KEYS.rsa2048.privatePem, hashAlgorithm: 'SHA256' as const };
    assert.deepEqual(await signCookiesWithSigner({ ...options, signer }), signCookies(core));
    const shared = await sharedPolicySignerWithSigner({ ...options, signer });
    assert.equal(shared(URL_TO_SIGN), sharedPolicySigner(core)(URL_TO_SIGN));
    assert.equal(signer.calls.length, 2, 'one signature per cookie set and one per shared policy');
  });

  it('refuses SHA1 for a SHA-256-only signer, naming hashAlgorithm and why, before signing', async () => {
    const signer = kmsLike(TEST_KEYS.rsa2048.privatePem, 'rsa');
    await assert.rejects(signUrlWithSigner({ url: URL_TO_SIGN, keyPairId: 'K1', expires: EXPIRES, signer, hashAlgorithm: 'SHA1' }), (error: unknown) => {
      assert.ok(error instanceof SigningError);
      assert.equal(error.input, 'hashAlgorithm');
      assert.match(error.message, /AWS KMS.*SHA-256 only/);
      return true;
    });
    assert.deepEqual(signer.calls, []);
  });

  it('checks the options before asking the signer (no kms:Sign for a bad expiry or URL)', async () => {
    const signer = kmsLike(TEST_KEYS.rsa2048.privatePem, 'rsa');
    await assert.rejects(signUrlWithSigner({ url: URL_TO_SIGN, keyPairId: 'K1', expires: Number.NaN, signer }), { input: 'expires' });
    await assert.rejects(signUrlWithSigner({ url: 'not a url', keyPairId: 'K1', expires: EXPIRES, signer }), { input: 'url' });
    assert.deepEqual(signer.calls, []);
  });

  it('refuses an RSA signer of another size for a key group key id, as for local keys', async () => {
    const signer = { ...kmsLike(TEST_KEYS.rsa2048.privatePem, 'rsa'), bits: 4096 };
    await assert.rejects(signUrlWithSigner({ url: URL_TO_SIGN, keyPairId: 'K1', expires: EXPIRES, signer }), { input: 'privateKey' });
  });

  it('a local signer defaults to SHA1 for RSA, as the core does', async () => {
    const url = await signUrlWithSigner({ url: URL_TO_SIGN, keyPairId: 'K1', expires: EXPIRES, signer: localSigner(TEST_KEYS.rsa2048.privatePem) });
    assert.equal(url, signUrl({ url: URL_TO_SIGN, keyPairId: 'K1', expires: EXPIRES, privateKey: TEST_KEYS.rsa2048.privatePem }));
  });
});
