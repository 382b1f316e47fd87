// Reading signed URLs and cookies back.
import assert from 'node:assert/strict';
import { parseSignedCookies, parseSignedUrl, signCookies, signUrl, verifySignedCookies, verifySignedUrl } from '../../../src/signing';
import { assertSigningError, TEST_KEYS } from './helpers';

const BASE = { keyPairId: 'K2JCJMDEHXQW5F', privateKey: TEST_KEYS.rsa2048.privatePem, expires: 1_767_290_400 };

describe('signing: parsing signed URLs and cookies', () => {
  it('reads a canned URL: the unsigned URL with its own query, the rebuilt policy, expiry, key and hash', () => {
    const signedUrl = signUrl({ ...BASE, url: 'https://d111111abcdef8.cloudfront.net/a.jpg?size=large&flag', hashAlgorithm: 'SHA256' });
    const parsed = parseSignedUrl(signedUrl);
    assert.equal(parsed.url, 'https://d111111abcdef8.cloudfront.net/a.jpg?size=large&flag');
    assert.deepEqual(Object.keys(parsed.params), ['Expires', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm']);
    assert.equal(parsed.policyKind, 'canned');
    assert.equal(parsed.policyJson, '{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/a.jpg?size=large&flag","Condition":{"DateLessThan":{"AWS:EpochTime":1767290400}}}]}');
    assert.deepEqual([parsed.expires, parsed.activeFrom, parsed.ipRange, parsed.keyPairId, parsed.hashAlgorithm], [1_767_290_400, undefined, undefined, 'K2JCJMDEHXQW5F', 'SHA256']);
    assert.equal(parsed.signature.length, 256);
  });

  it('reads a custom URL: resource, start, IP range; SHA1 when Hash-Algorithm is absent', () => {
    const parsed = parseSignedUrl(
      signUrl({ ...BASE, url: 'https://d111111abcdef8.cloudfront.net/v/1.mp4', resource: 'https://d111111abcdef8.cloudfront.net/v/*', activeFrom: 1_767_200_000, ipRange: '192.0.2.0/24' }),
    );
    assert.equal(parsed.policyKind, 'custom');
    assert.deepEqual([parsed.url, parsed.resource, parsed.expires, parsed.activeFrom, parsed.ipRange, parsed.hashAlgorithm], ['https://d111111abcdef8.cloudfront.net/v/1.mp4', 'https://d111111abcdef8.cloudfront.net/v/*', 1_767_290_400, 1_767_200_000, '192.0.2.0/24', 'SHA1']);
  });

  it('ignores a fragment, which clients do not send', () => {
    const signedUrl = signUrl({ ...BASE, url: 'https://d111111abcdef8.cloudfront.net/v.mp4' });
    assert.equal(parseSignedUrl(`${signedUrl}#t=10`).url, 'https://d111111abcdef8.cloudfront.net/v.mp4');
    assert.ok(verifySignedUrl(`${signedUrl}#t=10`, TEST_KEYS.rsa2048.publicPem));
  });

  it('reads signed cookies for a request URL', () => {
    const cookies = signCookies({ ...BASE, resource: 'https://d111111abcdef8.cloudfront.net/private/*' });
    assert.deepEqual(Object.keys(cookies), ['CloudFront-Policy', 'CloudFront-Signature', 'CloudFront-Key-Pair-Id']);
    const parsed = parseSignedCookies(cookies, 'https://d111111abcdef8.cloudfront.net/private/a.jpg');
    assert.equal(parsed.resource, 'https://d111111abcdef8.cloudfront.net/private/*');
    assert.ok(verifySignedCookies(cookies, 'https://d111111abcdef8.cloudfront.net/private/a.jpg', TEST_KEYS.rsa2048.publicPem));
    assert.equal(verifySignedCookies(cookies, 'https://d111111abcdef8.cloudfront.net/public/a.jpg', TEST_KEYS.rsa2048.publicPem), false);
  });

  it('signs canned cookies for a URL and custom ones for a * in it', () => {
    assert.ok('CloudFront-Expires' in signCookies({ ...BASE, url: 'https://d111111abcdef8.cloudfront.net/a.jpg' }));
    assert.ok('CloudFront-Policy' in signCookies({ ...BASE, url: 'https://d111111abcdef8.cloudfront.net/*' }));
  });

  const signed = signUrl({ ...BASE, url: 'https://d111111abcdef8.cloudfront.net/a.jpg' });
  const malformed: Array<[string, string]> = [
    ['no query', 'https://d111111abcdef8.cloudfront.net/a.jpg'],
    ['no Signature', signed.replace(/&Signature=[^&]*/, '')],
    ['no Key-Pair-Id', signed.replace(/&Key-Pair-Id=[^&]*/, '')],
    ['both Expires and Policy', `${signed}&Policy=e30_`],
    ['a repeated Signature', `${signed}&Signature=abc`],
    ['Expires that is not a number', signed.replace(/Expires=\d+/, 'Expires=soon')],
    ['an unknown Hash-Algorithm', `${signed}&Hash-Algorithm=SHA512`],
    ['a Signature in standard base64', signed.replace(/Signature=[^&]*/, 'Signature=ab+/')],
    ['a Policy that is not UTF-8', signed.replace(/Expires=\d+/, 'Policy=~w__')],
  ];
  for (const [name, url] of malformed) {
    it(`rejects a signed URL with ${name} (and verifySignedUrl says false)`, () => {
      assertSigningError(() => parseSignedUrl(url), 'INVALID_SIGNING_PARAMETERS', 'url', ['signed url']);
      assert.equal(verifySignedUrl(url, TEST_KEYS.rsa2048.publicPem), false);
    });
  }

  it('rejects a Policy that is not a policy', () => {
    assertSigningError(() => parseSignedUrl(signed.replace(/Expires=\d+/, 'Policy=e30_')), 'INVALID_POLICY', 'url');
  });
});
