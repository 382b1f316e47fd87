// Reading signed URLs and cookies back.
import assert from 'node:assert/strict';
import { sign } from 'node:crypto';
import { parseSignedCookies, parseSignedUrl, signCookies, signUrl, verifySignedCookies, verifySignedUrl } from '../../../src/signing';
import { alterUnusedBits, assertSigningError, TEST_KEYS } from './helpers';

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
      signUrl({
        ...BASE,
        url: 'https://d111111abcdef8.cloudfront.net/v/1.mp4',
        resource: 'https://d111111abcdef8.cloudfront.net/v/*',
        activeFrom: 1_767_200_000,
        ipRange: '192.0.2.0/24',
        hashAlgorithm: 'SHA1',
      }),
    );
    assert.equal(parsed.policyKind, 'custom');
    assert.deepEqual(
      [parsed.url, parsed.resource, parsed.expires, parsed.activeFrom, parsed.ipRange, parsed.hashAlgorithm],
      ['https://d111111abcdef8.cloudfront.net/v/1.mp4', 'https://d111111abcdef8.cloudfront.net/v/*', 1_767_290_400, 1_767_200_000, '192.0.2.0/24', 'SHA1'],
    );
  });

  it('ignores a fragment, which clients do not send', () => {
    const signedUrl = signUrl({ ...BASE, url: 'https://d111111abcdef8.cloudfront.net/v.mp4' });
    assert.equal(parseSignedUrl(`${signedUrl}#t=10`).url, 'https://d111111abcdef8.cloudfront.net/v.mp4');
    assert.ok(verifySignedUrl(`${signedUrl}#t=10`, TEST_KEYS.rsa2048.publicPem));
  });

  it('reads signed cookies for a request URL', () => {
    const cookies = signCookies({ ...BASE, resource: 'https://d111111abcdef8.cloudfront.net/private/*' });
    assert.deepEqual(Object.keys(cookies), ['CloudFront-Policy', 'CloudFront-Signature', 'CloudFront-Key-Pair-Id', 'CloudFront-Hash-Algorithm']);
    const parsed = parseSignedCookies(cookies, 'https://d111111abcdef8.cloudfront.net/private/a.jpg');
    assert.equal(parsed.hashAlgorithm, 'SHA256');
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

  // What a strict parser denies, although Node's lenient base64 decoder and JSON.parse read a policy
  // and a signature that verify: each must be refused by parse and be false for verifySignedUrl.
  const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64').replace(/\+/g, '-').replace(/=/g, '_').replace(/\//g, '~');
  const customSigned = (json: string) =>
    `https://d111111abcdef8.cloudfront.net/a.jpg?Policy=${b64(json)}&Signature=${b64(sign('sha1', Buffer.from(json), TEST_KEYS.rsa2048.privatePem))}&Key-Pair-Id=K2JCJMDEHXQW5F`;
  const signatureOf = (url: string) => /Signature=([^&]*)/.exec(url)![1];
  const duplicateResource =
    '{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/a.jpg","Condition":{"DateLessThan":{"AWS:EpochTime":1767290400}},"Resource":"https://d111111abcdef8.cloudfront.net/*"}]}';
  /** A valid policy whose length leaves two padding characters, so its last character has unused bits. */
  const paddedPolicy = (() => {
    let json = '{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/a.jpg","Condition":{"DateLessThan":{"AWS:EpochTime":1767290400}}}]}';
    while (json.length % 3 !== 1) json += ' ';
    return json;
  })();
  const lenient: Array<[string, string, string]> = [
    ['a Signature with data after its padding', signed.replace(signatureOf(signed), `${signatureOf(signed)}AAAA`), 'after its padding'],
    ['a Signature with altered unused bits', signed.replace(signatureOf(signed), alterUnusedBits(signatureOf(signed))), 'unused bits'],
    ['a Policy with altered unused bits', customSigned(paddedPolicy).replace(/Policy=[^&]*/, (p) => alterUnusedBits(p)), 'unused bits'],
    ['Expires with a leading zero', signed.replace(/Expires=(\d+)/, 'Expires=0$1'), 'leading zeros'],
  ];
  for (const [name, url, mention] of lenient) {
    it(`rejects ${name}, which a lenient decoder reads as valid (verifySignedUrl says false)`, () => {
      assertSigningError(() => parseSignedUrl(url), 'INVALID_SIGNING_PARAMETERS', 'url', [mention]);
      assert.equal(verifySignedUrl(url, TEST_KEYS.rsa2048.publicPem), false);
    });
  }

  it('rejects a policy with a key twice (JSON.parse takes the last), and verifySignedUrl says false', () => {
    const url = customSigned(duplicateResource);
    assertSigningError(() => parseSignedUrl(url), 'INVALID_POLICY', 'url', ['"Resource" twice']);
    assert.equal(verifySignedUrl(url, TEST_KEYS.rsa2048.publicPem), false);
    const escaped = customSigned(duplicateResource.replace('"Resource":"https://d111111abcdef8.cloudfront.net/*"', '"Re\\u0073ource":"https://d111111abcdef8.cloudfront.net/*"'));
    assertSigningError(() => parseSignedUrl(escaped), 'INVALID_POLICY', 'url', ['"Resource" twice']);
  });

  it('still reads the same key in different objects, and keys inside string values', () => {
    const json =
      '{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/\\"Resource\\":x","Condition":{"DateLessThan":{"AWS:EpochTime":1767290400},"DateGreaterThan":{"AWS:EpochTime":1767200000}}}]}';
    assert.equal(parseSignedUrl(customSigned(json)).activeFrom, 1_767_200_000);
  });

  it('rejects a Policy that is not a policy', () => {
    assertSigningError(() => parseSignedUrl(signed.replace(/Expires=\d+/, 'Policy=e30_')), 'INVALID_POLICY', 'url');
  });
});
