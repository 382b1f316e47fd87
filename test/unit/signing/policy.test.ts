// Policy JSON, CloudFront base64, times, IP ranges and Resource patterns.
import assert from 'node:assert/strict';
import { buildPolicy, decodeCloudFrontBase64, encodeCloudFrontBase64, normalizeIpRange, normalizeResource, parsePolicy, resourceMatches, toEpochSeconds } from '../../../src/signing';
import { assertSigningError } from './helpers';

describe('signing: policy and encodings', () => {
  it('writes compact JSON with keys in the order of AWS documentation (DateLessThan, DateGreaterThan, IpAddress)', () => {
    assert.equal(
      buildPolicy({ resource: 'https://d111111abcdef8.cloudfront.net/*', expires: 1767290400, activeFrom: 1767200000, ipRange: '192.0.2.1' }),
      '{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/*","Condition":{"DateLessThan":{"AWS:EpochTime":1767290400},"DateGreaterThan":{"AWS:EpochTime":1767200000},"IpAddress":{"AWS:SourceIp":"192.0.2.1/32"}}}]}',
    );
  });

  it('reads back what it writes, and reads a policy written with other key order and spacing', () => {
    const conditions = { resource: 'https://d111111abcdef8.cloudfront.net/a?b*', expires: 1767290400, activeFrom: 0, ipRange: '10.0.0.0/8' };
    assert.deepEqual(parsePolicy(buildPolicy(conditions), 'policy'), conditions);
    const spaced = '{ "Statement": [ { "Condition": { "IpAddress": { "AWS:SourceIp": "10.1.2.3" }, "DateLessThan": { "AWS:EpochTime": 5 } }, "Resource": "*" } ] }';
    assert.deepEqual(parsePolicy(spaced, 'policy'), { resource: '*', expires: 5, ipRange: '10.1.2.3' });
  });

  it('rejects policies CloudFront could not use, naming where they came from', () => {
    for (const json of [
      'not json',
      '{}',
      '{"Statement":[]}',
      '{"Statement":[{"Resource":1}]}',
      '{"Statement":[{"Resource":"*","Condition":{}}]}',
      '{"Statement":[{"Resource":"*","Condition":{"DateLessThan":{"AWS:EpochTime":"1"}}}]}',
      '{"Statement":[{"Resource":"*","Condition":{"DateLessThan":{"AWS:EpochTime":1},"IpAddress":{}}}]}',
    ]) {
      assertSigningError(() => parsePolicy(json, 'cookies'), 'INVALID_POLICY', 'cookies');
    }
  });

  it("encodes CloudFront's base64 (+ to -, = to _, / to ~) and decodes only that alphabet", () => {
    const bytes = Buffer.from([0xfb, 0xff, 0xbf, 0x00]);
    assert.equal(bytes.toString('base64'), '+/+/AA==');
    assert.equal(encodeCloudFrontBase64(bytes), '-~-~AA__');
    assert.deepEqual(decodeCloudFrontBase64('-~-~AA__'), bytes);
    assert.equal(decodeCloudFrontBase64('+/+/AA=='), undefined);
    assert.equal(encodeCloudFrontBase64('é'), 'w6k_');
  });

  it('takes numbers as epoch seconds and Dates to whole seconds, rounding down; past times are fine', () => {
    assert.equal(toEpochSeconds(1767290400, 'expires'), 1767290400);
    assert.equal(toEpochSeconds(1767290400.9, 'expires'), 1767290400);
    assert.equal(toEpochSeconds(new Date(1767290400999), 'expires'), 1767290400);
    assert.equal(toEpochSeconds(new Date(0), 'activeFrom'), 0);
    assert.equal(toEpochSeconds(99_999_999_999, 'expires'), 99_999_999_999);
    assertSigningError(() => toEpochSeconds(100_000_000_000, 'expires'), 'TIME_IN_MILLISECONDS', 'expires');
  });

  it('normalizes IPv4 addresses to CIDR and keeps ranges as given', () => {
    assert.equal(normalizeIpRange('192.0.2.1'), '192.0.2.1/32');
    assert.equal(normalizeIpRange('0.0.0.0/0'), '0.0.0.0/0');
    assert.equal(normalizeIpRange('255.255.255.255/32'), '255.255.255.255/32');
    assertSigningError(() => normalizeIpRange('192.0.2.1/'), 'INVALID_IP_RANGE', 'ipRange');
    assertSigningError(() => normalizeIpRange('192.0.2.1/08'), 'INVALID_IP_RANGE', 'ipRange');
  });
});

describe('signing: Resource patterns', () => {
  const table: Array<[string, string, boolean]> = [
    ['https://d.net/a.jpg', 'https://d.net/a.jpg', true],
    ['https://d.net/a.jpg', 'https://d.net/a.jpgx', false],
    ['https://d.net/*', 'https://d.net/', true],
    ['https://d.net/*', 'https://d.net/a/b/c.jpg?x=1', true],
    ['https://d.net/*.jpg', 'https://d.net/a/b.jpg', true],
    ['https://d.net/*.jpg', 'https://d.net/a/b.png', false],
    ['https://d.net/a?c.jpg', 'https://d.net/abc.jpg', true],
    ['https://d.net/a?c.jpg', 'https://d.net/ac.jpg', false],
    ['https://d.net/a?c.jpg', 'https://d.net/a?c.jpg', true],
    ['http*://d.net/*', 'https://d.net/x', true],
    ['http*://d.net/*', 'ws://d.net/x', false],
    ['*://d.net/a*b*c', 'wss://d.net/aXbYbZc', true],
    ['*://d.net/a*b*c', 'wss://d.net/aXbYbZcd', false],
    ['https://d.net/**', 'https://d.net/', true],
    ['https://d.net/a*a*a*a*b', `https://d.net/${'a'.repeat(200)}`, false],
    ['', '', true],
    ['*', '', true],
    ['?', '', false],
  ];
  for (const [pattern, url, expected] of table) {
    it(`${pattern || '(empty)'} ${expected ? 'matches' : 'does not match'} ${url || '(empty)'}`, () => {
      assert.equal(resourceMatches(pattern, url), expected);
    });
  }

  it('percent-encodes spaces and non-ASCII as clients do, keeps wildcards and existing escapes', () => {
    assert.equal(normalizeResource('https://d.net/vidéo 1/*?q=日本'), 'https://d.net/vid%C3%A9o%201/*?q=%E6%97%A5%E6%9C%AC');
    assert.equal(normalizeResource('https://d.net/a%20b/?.jpg'), 'https://d.net/a%20b/?.jpg');
    assert.equal(normalizeResource('https://d.net/\uD800x'), 'https://d.net/%EF%BF%BDx');
    assert.equal(normalizeResource(`https://d.net/😀`), new URL('https://d.net/😀').href);
  });

  // The patterns, and more: each written as a browser writes the URLs it is to match. The
  // oracle is the browser's own parser (WHATWG URL) over the pattern with its wildcard part replaced.
  const asBrowsersSend = [
    'https://D111111ABCDEF8.cloudfront.net/*',
    'https://d111111abcdef8.cloudfront.net:443/*',
    'HTTPS://d111111abcdef8.cloudfront.net/paid/*',
    'http://media.example.com:80/*',
    'https://media.example.com:0443/*',
    'wss://media.example.com:443/live/*',
    'https://media.example.com:8443/*',
    'https://d.net/a/../b/*',
    'https://d.net/a/./b/*',
    'https://d.net/a/b/%2E%2e/c/*',
    'https://d.net/a/.%2E/../c/*',
    'https://d.net/../../a/*',
    'https://d.net/a<b>/*',
    'https://d.net/{x}/*',
    'https://d.net/`x`/*',
    "https://d.net/it's/*",
    'https://d.net/a b/日本/*',
    'https://d.net/a/b/..',
    'https://d.net/a/.',
    'https://D.NET',
  ];
  for (const pattern of asBrowsersSend) {
    it(`normalizes ${pattern} as browsers write the URLs it matches`, () => {
      const wildcard = pattern.endsWith('*');
      const browser = new URL(wildcard ? `${pattern.slice(0, -1)}PLACEHOLDER` : pattern).href;
      assert.equal(normalizeResource(pattern), wildcard ? `${browser.slice(0, -'PLACEHOLDER'.length)}*` : browser);
      assert.ok(resourceMatches(normalizeResource(pattern), browser), 'matches the URL a browser sends');
    });
  }

  it('after a wildcard, where the path may have ended, keeps what a query keeps and encodes what both encode', () => {
    // * may match "?q=", so { ` and ' may be in a query (kept); < and > are encoded in both.
    assert.equal(normalizeResource('https://d.net/a*{x}<y>'), 'https://d.net/a*{x}%3Cy%3E');
    assert.equal(normalizeResource('https://d.net/a*/../b'), 'https://d.net/a*/../b');
    // A wildcard in the host may match into the path: the rest is kept as written.
    assert.equal(normalizeResource('https://D*.Example.com/A'), 'https://d*.Example.com/A');
    assert.equal(normalizeResource('http*://Media.Example.com:443/*'), 'http*://media.example.com:443/*');
  });

  it('refuses hosts and ports no URL a browser sends can have, with the reason', () => {
    assertSigningError(() => normalizeResource('https://media example.com/*'), 'INVALID_URL', 'resource', ['media example.com', 'could never match']);
    assertSigningError(() => normalizeResource('https://media.example.com:http/*'), 'INVALID_URL', 'resource', ['no port number']);
    assertSigningError(() => normalizeResource('https://media.example.com:70000/*'), 'INVALID_URL', 'resource', ['no port number']);
    assertSigningError(() => normalizeResource('https:///paid/*'), 'INVALID_URL', 'resource', ['no host']);
  });
});
