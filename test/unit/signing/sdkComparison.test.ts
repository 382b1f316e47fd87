// Why the signing core does not call @aws-sdk/cloudfront-signer (3.1166) at run time. Where both
// apply (RSA, an ASCII URL already in the form clients send) the SDK gives byte-for-byte the same
// parameters, which the first test shows. Everywhere else it gives something else, and each gap has a
// test below that shows the SDK's output for the same input. Speed is the remaining gap: the SDK parses
// the PEM on every call; scripts/bench/signing.mjs measures it.
// If a test here fails after an SDK upgrade, the SDK changed: re-read this file before relying on it.
import assert from 'node:assert/strict';
import { verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getSignedCookies, getSignedUrl } from '@aws-sdk/cloudfront-signer';
import { signCookies, signUrl } from '../../../src/signing';
import { assertSigningError, AWS_FIXTURES, decodeCloudFrontBase64ForTest, rawQueryParameters, TEST_KEYS } from './helpers';

const KEY_PAIR_ID = 'K2JCJMDEHXQW5F';
const EXPIRES = 1_767_290_400;
const rsa = TEST_KEYS.rsa2048.privatePem;

/** The base URL and the signing parameters, so the parameter order (not significant to CloudFront) does not matter. */
function signedParts(signedUrl: string): { base: string; parameters: Record<string, string | undefined> } {
  const parameters = rawQueryParameters(signedUrl);
  const names = ['Expires', 'Policy', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm'];
  const firstSigning = Math.min(...names.map((name) => signedUrl.search(new RegExp(`[?&]${name}=`))).filter((index) => index >= 0));
  return { base: signedUrl.slice(0, firstSigning), parameters: Object.fromEntries(names.map((name) => [name, parameters.get(name)])) };
}

describe('signing: compared with @aws-sdk/cloudfront-signer', () => {
  const agreeing = [
    { url: 'https://d111111abcdef8.cloudfront.net/image.jpg' },
    { url: 'https://d111111abcdef8.cloudfront.net/images/photo%201.jpg?size=large&v=2', hashAlgorithm: 'SHA256' as const },
    { url: 'https://d111111abcdef8.cloudfront.net/video.mp4', activeFrom: EXPIRES - 86_400 },
    { url: 'https://d111111abcdef8.cloudfront.net/doc.pdf', ipRange: '192.0.2.0/24', hashAlgorithm: 'SHA256' as const },
    // Both conditions: the SDK, like AWS's documentation and us, writes DateGreaterThan before IpAddress.
    { url: 'wss://d111111abcdef8.cloudfront.net/live', activeFrom: EXPIRES - 60, ipRange: '198.51.100.7' },
  ];
  for (const input of agreeing) {
    it(`gives the same URL and cookies as the SDK for RSA where both apply: ${JSON.stringify(input)}`, () => {
      // The SDK signs with SHA-1 unless told otherwise; ours with SHA-256, so SHA-1 is asked for by name.
      const ours = { hashAlgorithm: 'SHA1' as const, ...input, keyPairId: KEY_PAIR_ID, privateKey: rsa, expires: EXPIRES };
      const sdk = {
        url: input.url,
        keyPairId: KEY_PAIR_ID,
        privateKey: rsa,
        dateLessThan: new Date(EXPIRES * 1000),
        ...(input.activeFrom !== undefined && { dateGreaterThan: new Date(input.activeFrom * 1000) }),
        ...(input.ipRange !== undefined && { ipAddress: input.ipRange }),
        ...(input.hashAlgorithm !== undefined && { algorithm: input.hashAlgorithm }),
      };
      assert.deepEqual(signedParts(signUrl(ours)), signedParts(getSignedUrl(sdk)));
      // The SDK's CloudFront-Expires is a number at run time (a cookie value is text either way).
      const sdkCookies = Object.fromEntries(Object.entries(getSignedCookies(sdk)).map(([name, value]) => [name, String(value)]));
      assert.deepEqual(signCookies(ours), sdkCookies);
    });
  }

  it('differs by default on purpose: ours signs with SHA-256 (Hash-Algorithm=SHA256), the SDK with SHA-1 (no parameter)', () => {
    const url = 'https://d111111abcdef8.cloudfront.net/image.jpg';
    const ours = signedParts(signUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: rsa, expires: EXPIRES }));
    const sdk = signedParts(getSignedUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: rsa, dateLessThan: new Date(EXPIRES * 1000) }));
    assert.deepEqual([ours.parameters['Hash-Algorithm'], sdk.parameters['Hash-Algorithm']], ['SHA256', undefined]);
    const sdkSha256 = signedParts(getSignedUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: rsa, dateLessThan: new Date(EXPIRES * 1000), algorithm: 'SHA256' }));
    assert.deepEqual(ours, sdkSha256);
  });

  it('gap: the SDK reads a number as milliseconds; ours reads epoch seconds and rejects milliseconds', () => {
    const sdkUrl = getSignedUrl({ url: 'https://d111111abcdef8.cloudfront.net/a.jpg', keyPairId: KEY_PAIR_ID, privateKey: rsa, dateLessThan: EXPIRES });
    assert.equal(rawQueryParameters(sdkUrl).get('Expires'), '1767290'); // January 1970
    assert.equal(rawQueryParameters(signUrl({ url: 'https://d111111abcdef8.cloudfront.net/a.jpg', keyPairId: KEY_PAIR_ID, privateKey: rsa, expires: EXPIRES })).get('Expires'), '1767290400');
  });

  it('gap: the SDK rounds a Date to the nearest second, past the expiry asked for; ours rounds down, as botocore does', () => {
    const expires = new Date(EXPIRES * 1000 + 999);
    const sdkUrl = getSignedUrl({ url: 'https://d111111abcdef8.cloudfront.net/a.jpg', keyPairId: KEY_PAIR_ID, privateKey: rsa, dateLessThan: expires });
    assert.equal(rawQueryParameters(sdkUrl).get('Expires'), String(EXPIRES + 1));
    assert.equal(rawQueryParameters(signUrl({ url: 'https://d111111abcdef8.cloudfront.net/a.jpg', keyPairId: KEY_PAIR_ID, privateKey: rsa, expires })).get('Expires'), String(EXPIRES));
  });

  it('gap: with an ECDSA key the SDK signs with SHA1 unless told otherwise, which CloudFront refuses; ours uses SHA256', () => {
    const url = 'https://d111111abcdef8.cloudfront.net/video.mp4';
    const sdkParameters = rawQueryParameters(getSignedUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: TEST_KEYS.ec.privatePem, dateLessThan: new Date(EXPIRES * 1000) }));
    const policy = Buffer.from(`{"Statement":[{"Resource":"${url}","Condition":{"DateLessThan":{"AWS:EpochTime":${EXPIRES}}}}]}`);
    assert.equal(sdkParameters.get('Hash-Algorithm'), undefined);
    assert.ok(verify('sha1', policy, TEST_KEYS.ec.publicPem, decodeCloudFrontBase64ForTest(sdkParameters.get('Signature') ?? '')));
    const ourParameters = rawQueryParameters(signUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: TEST_KEYS.ec.privatePem, expires: EXPIRES }));
    assert.equal(ourParameters.get('Hash-Algorithm'), 'SHA256');
    assert.ok(verify('sha256', policy, TEST_KEYS.ec.publicPem, decodeCloudFrontBase64ForTest(ourParameters.get('Signature') ?? '')));
  });

  it('gap: the SDK signs with a DSA key (a URL CloudFront always refuses); ours rejects the key', () => {
    const dsa = readFileSync(resolve(AWS_FIXTURES, 'test-dsa-key.pem'), 'utf8');
    const options = { url: 'https://d111111abcdef8.cloudfront.net/a.jpg', keyPairId: KEY_PAIR_ID, privateKey: dsa };
    assert.match(getSignedUrl({ ...options, dateLessThan: new Date(EXPIRES * 1000) }), /Signature=/);
    assertSigningError(() => signUrl({ ...options, expires: EXPIRES }), 'UNSUPPORTED_KEY_TYPE', 'privateKey');
  });

  it('gap: the SDK turns a fragment into part of the path (%23) and duplicates an existing Expires; ours rejects both', () => {
    const sign = (url: string): string => getSignedUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: rsa, dateLessThan: new Date(EXPIRES * 1000) });
    assert.match(sign('https://d111111abcdef8.cloudfront.net/v.mp4#t=10'), /^https:\/\/d111111abcdef8\.cloudfront\.net\/v\.mp4%23t%3D10\?/);
    assert.match(sign('https://d111111abcdef8.cloudfront.net/a.jpg?Expires=5'), /\?Expires=5&Expires=1767290400&/);
    const options = { keyPairId: KEY_PAIR_ID, privateKey: rsa, expires: EXPIRES };
    assertSigningError(() => signUrl({ ...options, url: 'https://d111111abcdef8.cloudfront.net/v.mp4#t=10' }), 'FRAGMENT_NOT_ALLOWED', 'url');
    assertSigningError(() => signUrl({ ...options, url: 'https://d111111abcdef8.cloudfront.net/a.jpg?Expires=5' }), 'ALREADY_SIGNED', 'url');
  });

  it('gap: the SDK re-encodes the URL its own way, so it signs and returns a URL other than the one given; ours keeps the form clients send', () => {
    const url = 'https://d111111abcdef8.cloudfront.net/%7Euser/a:b.jpg?flag';
    const sdkBase = signedParts(getSignedUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: rsa, dateLessThan: new Date(EXPIRES * 1000) })).base;
    assert.equal(sdkBase, 'https://d111111abcdef8.cloudfront.net/~user/a%3Ab.jpg?flag=');
    assert.equal(signedParts(signUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: rsa, expires: EXPIRES })).base, new URL(url).href);
  });

  it('gap: the SDK signs a start date after the expiry (a URL that is never valid); ours rejects it', () => {
    const url = 'https://d111111abcdef8.cloudfront.net/a.jpg';
    assert.match(getSignedUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: rsa, dateLessThan: new Date(EXPIRES * 1000), dateGreaterThan: new Date((EXPIRES + 100) * 1000) }), /Policy=/);
    assertSigningError(() => signUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: rsa, expires: EXPIRES, activeFrom: EXPIRES + 100 }), 'ACTIVE_NOT_BEFORE_EXPIRY', 'activeFrom');
  });
});
