import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { parseSignedUrl, signCookies, signUrl, verifySignedUrl } from '../../../src/signing';
import { FIXTURE_KEYS } from '../../fixtures/keys';
import {
  applyEdits,
  checkCookieDomain,
  checkCookieScope,
  cookieDomainCovers,
  cookiePathFor,
  httpDate,
  isPublicSuffix,
  parentCookieDomains,
  setCookieHeaders,
  durationInWords,
  expiryInWords,
  findUrls,
  formatCookies,
  parseLocalDateTime,
  readDateArgument,
  signText,
  resourceHost,
  resourceOnHost,
  summarizeSignedUrl,
} from '../../../src/signing/output';

const privateKey = createPrivateKey(FIXTURE_KEYS.rsa2048);
const publicKey = createPublicKey(FIXTURE_KEYS.rsa2048);
const EXPIRES = 4102444800; // 2100-01-01
const sign = (url: string) => signUrl({ url, keyPairId: 'K2TEST', privateKey, expires: EXPIRES });

describe('findUrls', () => {
  it('finds absolute URLs in HTML, JSON and prose, without trailing punctuation or quotes', () => {
    const text = [
      '<video src="https://media.example.com/a.mp4"></video>',
      '{"poster": "https://media.example.com/p.jpg?w=200&h=100"}',
      'See https://media.example.com/guide.pdf. Or (https://media.example.com/wiki/Foo_(bar)), then `https://x.example/y`!',
    ].join('\n');
    assert.deepEqual(
      findUrls(text).map((o) => o.text),
      ['https://media.example.com/a.mp4', 'https://media.example.com/p.jpg?w=200&h=100', 'https://media.example.com/guide.pdf', 'https://media.example.com/wiki/Foo_(bar)', 'https://x.example/y'],
    );
    for (const o of findUrls(text)) assert.equal(text.slice(o.start, o.end), o.text);
  });

  it('resolves the relative URIs of an HLS playlist, URI attributes included, only with a base URL', () => {
    const playlist = readFileSync('test/fixtures/playlists/media.m3u8', 'utf8');
    const base = 'https://media.example.com/hls/movie/index.m3u8';
    assert.deepEqual(
      findUrls(playlist, base).map((o) => o.url),
      [
        'https://media.example.com/hls/movie/keys/key1.bin',
        'https://media.example.com/hls/movie/init.mp4',
        'https://media.example.com/hls/movie/segment-0.m4s',
        'https://media.example.com/hls/movie/segment-1.m4s',
        'https://media.example.com/hls/movie/segment-2.m4s',
        'https://cdn.other-company.example/ads/ad-1.m4s',
        'https://media.example.com/hls/shared/segment%203.m4s',
      ],
    );
    assert.equal(findUrls(playlist).length, 2, 'without a base only absolute URLs');
  });
});

describe('signText', () => {
  const playlist = readFileSync('test/fixtures/playlists/media.m3u8', 'utf8');
  const base = 'https://media.example.com/hls/movie/index.m3u8';

  it('signs every URL of a known host in place, skips others with the reason, and each signature verifies', () => {
    const result = signText(playlist, { isKnownHost: (host) => host === 'media.example.com', sign, baseUrl: base });
    assert.equal(result.signed, 6);
    assert.deepEqual(result.skipped, [{ url: 'https://cdn.other-company.example/ads/ad-1.m4s', reason: 'cdn.other-company.example is not a distribution of this account' }]);
    const signed = applyEdits(playlist, result.edits);
    const urls = findUrls(signed)
      .map((o) => o.url)
      .filter((u) => u.includes('media.example.com'));
    assert.equal(urls.length, 6);
    for (const url of urls) assert.ok(verifySignedUrl(url, publicKey), url);
    assert.ok(signed.startsWith('#EXTM3U\n#EXT-X-VERSION:7'), 'tags untouched');
    assert.match(signed, /#EXT-X-KEY:METHOD=AES-128,URI="https:\/\/media\.example\.com\/hls\/movie\/keys\/key1\.bin\?Expires=/);
  });

  it('skips URLs already signed, gives repeated URLs one signature, and reports signing errors', () => {
    const once = sign('https://media.example.com/a.mp4');
    const text = `${once}\nhttps://media.example.com/b.mp4 https://media.example.com/b.mp4\nhttps://media.example.com/c.mp4#t=10`;
    const result = signText(text, { isKnownHost: () => true, sign });
    assert.equal(result.signed, 2);
    assert.equal(result.edits[0].newText, result.edits[1].newText);
    assert.deepEqual(
      result.skipped.map((s) => [s.url.slice(0, 35), s.reason.slice(0, 20)]),
      [
        ['https://media.example.com/a.mp4?Exp', 'already signed'],
        ['https://media.example.com/c.mp4#t=1', 'url has a fragment ('],
      ],
    );
  });

  it('leaves the text exactly as it was when nothing is signed', () => {
    const result = signText(playlist, { isKnownHost: () => false, sign, baseUrl: base });
    assert.equal(applyEdits(playlist, result.edits), playlist);
  });
});

describe('cookie output', () => {
  const vectors = JSON.parse(readFileSync('test/fixtures/aws-cli-cloudfront/sign-cookies-test-cases.json', 'utf8')) as Array<{
    id: string;
    input: { resource: string; keyPairId: string; privateKeyFile: string; expirationDate?: number; ipRange?: string; hashAlgorithm?: 'SHA1' | 'SHA256' };
    expected: { cookies?: Record<string, string>; signatureAlgorithm?: string; error?: boolean };
  }>;
  for (const vector of vectors.filter((v) => !v.expected.error && v.expected.signatureAlgorithm?.startsWith('RSA'))) {
    it(`carries the AWS CLI cookie values of ${vector.id} in every format`, () => {
      const key = readFileSync(`test/fixtures/aws-cli-cloudfront/${vector.input.privateKeyFile}`, 'utf8');
      const cookies = signCookies({
        url: vector.input.resource,
        keyPairId: vector.input.keyPairId,
        privateKey: key,
        expires: vector.input.expirationDate!,
        ...(vector.input.ipRange ? { ipRange: vector.input.ipRange } : {}),
        // aws-cli's vectors are SHA-1 unless they say otherwise; ours defaults to SHA-256.
        hashAlgorithm: vector.input.hashAlgorithm ?? 'SHA1',
      });
      for (const [name, value] of Object.entries(vector.expected.cookies!)) assert.equal(cookies[name], value, name);
      const json: unknown = JSON.parse(formatCookies(cookies, 'json', { url: vector.input.resource }));
      assert.deepEqual(json, cookies);
      const headers = formatCookies(cookies, 'set-cookie', { url: vector.input.resource, domain: 'media.example.com' }).split('\n');
      assert.deepEqual(
        headers,
        Object.entries(cookies).map(([n, v]) => `Set-Cookie: ${n}=${v}; Domain=media.example.com; Path=/; Secure; HttpOnly; SameSite=Lax`),
      );
      const curl = formatCookies(cookies, 'curl', { url: 'https://media.example.com/a.jpg' });
      assert.equal(
        curl,
        `curl -sS -D - -o /dev/null -b '${Object.entries(cookies)
          .map(([n, v]) => `${n}=${v}`)
          .join('; ')}' 'https://media.example.com/a.jpg'`,
      );
    });
  }

  it("refuses *.cloudfront.net as the cookie domain with CloudFront's reason, and accepts a distribution domain or alias", () => {
    for (const bad of ['*.cloudfront.net', '.cloudfront.net', 'cloudfront.net']) {
      assert.throws(
        () => checkCookieDomain(bad),
        (e: Error & { input?: string }) => e.input === 'domain' && /public suffix/.test(e.message),
      );
    }
    assert.throws(() => checkCookieDomain('not a domain'), /not a domain name/);
    assert.equal(checkCookieDomain('.Example.com'), 'example.com');
    assert.equal(checkCookieDomain('d111111abcdef8.cloudfront.net'), 'd111111abcdef8.cloudfront.net');
  });

  it('refuses a public suffix as the cookie domain (co.uk, com.au, a single label), and takes a parent domain that is not one', () => {
    for (const bad of ['co.uk', '.com.au', 'github.io', 'amazonaws.com']) {
      assert.throws(
        () => checkCookieDomain(bad),
        (e: Error & { input?: string }) => e.input === 'domain' && /is a public suffix: browsers refuse cookies for it/.test(e.message),
        bad,
      );
    }
    assert.throws(() => checkCookieDomain('com'), /not a domain name/);
    assert.equal(checkCookieDomain('example.co.uk'), 'example.co.uk');
    assert.equal(checkCookieDomain('example.com'), 'example.com');
  });

  it('offers each parent domain of an alias that is not a public suffix, nearest first', () => {
    assert.deepEqual(parentCookieDomains('downloads.example.com'), ['example.com']);
    assert.deepEqual(parentCookieDomains('a.media.example.com'), ['media.example.com', 'example.com']);
    assert.deepEqual(parentCookieDomains('downloads.example.co.uk'), ['example.co.uk']);
    assert.deepEqual(parentCookieDomains('cdn.shop.com.au'), ['shop.com.au']);
    assert.deepEqual(parentCookieDomains('example.com'), []);
    assert.deepEqual(parentCookieDomains('d111111abcdef8.cloudfront.net'), []);
    assert.deepEqual(parentCookieDomains('localhost'), []);
    assert.equal(isPublicSuffix('co.uk'), true);
    assert.equal(isPublicSuffix('example.co.uk'), false);
  });

  it('Set-Cookie lines: Path where the resource can match, Expires (IMF-fixdate, GMT) and Max-Age of the policy, SameSite', () => {
    const cookies = { 'CloudFront-Policy': 'p', 'CloudFront-Signature': 's', 'CloudFront-Key-Pair-Id': 'K2TEST', 'CloudFront-Hash-Algorithm': 'SHA256' };
    const expires = 1_767_290_400; // 2026-01-01T18:00:00Z
    const text = setCookieHeaders(cookies, { domain: 'example.com', path: cookiePathFor('https://downloads.example.com/paid/*'), expires, now: expires - 3600, sameSite: 'None' });
    assert.deepEqual(text.split('\n'), [
      'Set-Cookie: CloudFront-Policy=p; Domain=example.com; Path=/paid/; Expires=Thu, 01 Jan 2026 18:00:00 GMT; Max-Age=3600; Secure; HttpOnly; SameSite=None',
      'Set-Cookie: CloudFront-Signature=s; Domain=example.com; Path=/paid/; Expires=Thu, 01 Jan 2026 18:00:00 GMT; Max-Age=3600; Secure; HttpOnly; SameSite=None',
      'Set-Cookie: CloudFront-Key-Pair-Id=K2TEST; Domain=example.com; Path=/paid/; Expires=Thu, 01 Jan 2026 18:00:00 GMT; Max-Age=3600; Secure; HttpOnly; SameSite=None',
      'Set-Cookie: CloudFront-Hash-Algorithm=SHA256; Domain=example.com; Path=/paid/; Expires=Thu, 01 Jan 2026 18:00:00 GMT; Max-Age=3600; Secure; HttpOnly; SameSite=None',
    ]);
    assert.match(setCookieHeaders(cookies, { expires: new Date(expires * 1000), now: expires + 5 }), /; Max-Age=0; Secure; HttpOnly; SameSite=Lax$/m, 'past: Max-Age 0, Lax by default');
    assert.equal(httpDate(0), 'Thu, 01 Jan 1970 00:00:00 GMT');
  });

  it('puts the cookies on the path the resource can match, up to the last / before a wildcard', () => {
    assert.equal(cookiePathFor('https://downloads.example.com/paid/*'), '/paid/');
    assert.equal(cookiePathFor('https://downloads.example.com/paid/2026/*.pdf'), '/paid/2026/');
    assert.equal(cookiePathFor('https://downloads.example.com/*.pdf'), '/');
    assert.equal(cookiePathFor('https://downloads.example.com/paid*'), '/');
    assert.equal(cookiePathFor('https://downloads.example.com/a/b.mp4'), '/a/');
    assert.equal(cookiePathFor('https://*'), '/');
  });

  // Browsers send cookies with Domain D to D and its subdomains only: the Resource must be able to match there.
  const scopes: Array<[resource: string, domain: string, covers: boolean]> = [
    ['https://media.example.com/paid/*', 'media.example.com', true],
    ['https://media.example.com/paid/*', 'example.com', true],
    ['https://MEDIA.example.com:443/paid/*', 'media.example.com', true],
    ['https://d111111abcdef8.cloudfront.net/paid/*', 'media.example.com', false],
    ['https://d111111abcdef8.cloudfront.net/paid/*', 'd111111abcdef8.cloudfront.net', true],
    ['https://example.com/paid/*', 'media.example.com', false],
    ['https://notexample.com/paid/*', 'example.com', false],
    ['https://*.example.com/paid/*', 'media.example.com', true],
    ['https://*.example.com/paid/*', 'other.net', false],
    ['http*://*/paid/*', 'media.example.com', true],
  ];
  for (const [resource, domain, covers] of scopes) {
    it(`cookies for ${domain} ${covers ? 'can' : 'never'} reach where ${resource} matches`, () => {
      assert.equal(cookieDomainCovers(resource, domain), covers);
      if (covers) assert.equal(checkCookieScope(resource, domain), domain);
      else
        assert.throws(
          () => checkCookieScope(resource, domain),
          (e: Error & { input?: string; code?: string }) => e.input === 'domain' && e.code === 'COOKIE_DOMAIN_MISMATCH' && e.message.includes('never matches'),
        );
    });
  }

  it('the mismatch message names both fixes: the resource on the domain, or the domain of the resource', () => {
    assert.throws(() => checkCookieScope('https://d111111abcdef8.cloudfront.net/paid/*', 'media.example.com'), {
      message:
        "The cookie domain media.example.com does not cover the resource's host d111111abcdef8.cloudfront.net: browsers send the cookies only to media.example.com and its subdomains, where the resource https://d111111abcdef8.cloudfront.net/paid/* never matches, so CloudFront would refuse every request. Use a resource on media.example.com (https://media.example.com/paid/*) or the domain d111111abcdef8.cloudfront.net.",
    });
    assert.equal(resourceHost('https://D111111ABCDEF8.cloudfront.net:443/paid/*'), 'd111111abcdef8.cloudfront.net');
    assert.equal(resourceOnHost('https://d111111abcdef8.cloudfront.net:8443/paid/*', 'media.example.com'), 'https://media.example.com/paid/*');
  });
});

describe('dates and words', () => {
  it('reads local date-times and refuses impossible dates', () => {
    const date = parseLocalDateTime('2026-12-01 14:30')!;
    assert.deepEqual([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()], [2026, 11, 1, 14, 30]);
    assert.equal(parseLocalDateTime('2026-02-30 10:00'), undefined);
    assert.equal(parseLocalDateTime('tomorrow'), undefined);
  });

  it('reads date arguments as ISO strings or epoch seconds', () => {
    assert.equal((readDateArgument('2026-01-01T00:00:00Z') as Date).toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(readDateArgument(1767225600), 1767225600);
    assert.equal(readDateArgument('1767225600'), 1767225600);
    assert.ok(Number.isNaN((readDateArgument('soon') as Date).getTime()));
  });

  it('says expiry in words', () => {
    assert.equal(durationInWords(3 * 3600 + 59), '3 hours');
    assert.equal(expiryInWords(1000 + 3 * 3600, 1000), 'expires in 3 hours');
    assert.equal(expiryInWords(1000, 1000 + 2 * 86400 + 5), 'expired 2 days ago');
    assert.equal(expiryInWords(1060, 1000), 'expires in 1 minute');
  });

  it('says "1 hour" for a URL signed for an hour and read seconds later, not "59 minutes"', () => {
    assert.equal(expiryInWords(1000 + 3600, 1001), 'expires in 1 hour');
    assert.equal(expiryInWords(1000 + 3600, 1029), 'expires in 1 hour');
    assert.equal(expiryInWords(1000 + 86_400, 1005), 'expires in 1 day');
    assert.equal(expiryInWords(1000 + 7 * 86_400, 1003), 'expires in 7 days');
    assert.equal(expiryInWords(1000 + 15 * 60, 1002), 'expires in 15 minutes');
    assert.equal(expiryInWords(1000 + 3540, 1000), 'expires in 59 minutes');
    assert.equal(expiryInWords(1000 + 59, 1000), 'expires in 59 seconds');
    assert.equal(expiryInWords(1000, 1000 + 3599), 'expired 1 hour ago');
  });

  it('summarizes a signed URL for the hover', () => {
    const url = signUrl({ url: 'https://media.example.com/a.mp4', keyPairId: 'K2TEST', privateKey, expires: 2000, activeFrom: 500, ipRange: '10.0.0.0/8', hashAlgorithm: 'SHA1' });
    const summary = summarizeSignedUrl(parseSignedUrl(url), 1000);
    assert.deepEqual(
      [summary.keyPairId, summary.hashAlgorithm, summary.policyKind, summary.resource, summary.ipRange, summary.expiry, summary.expired],
      ['K2TEST', 'SHA1', 'custom', 'https://media.example.com/a.mp4', '10.0.0.0/8', 'expires in 17 minutes', false],
    );
  });
});
