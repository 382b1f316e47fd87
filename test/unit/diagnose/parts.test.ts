// The pieces the diagnosis is built from: CloudFront's path-pattern precedence, host lookup with
// wildcard aliases, IPv4 ranges, durations, and reading AWS XML errors.
import assert from 'node:assert/strict';
import { findDistribution, formatDuration, ipv4InRange, matchBehavior, pathPatternMatches, readCookieHeader, readXmlError, viewerAddress } from '../../../src/signing/diagnose';

describe('diagnose: building blocks', () => {
  it('path patterns: * any run (with /), ? one character, case-sensitive, leading / optional', () => {
    const cases: Array<[string, string, boolean]> = [
      ['/paid/*', '/paid/a/b.pdf', true],
      ['paid/*', '/paid/a.pdf', true],
      ['/paid/*', '/Paid/a.pdf', false],
      ['/paid/*', '/paid', false],
      ['*.jpg', '/a/b/c.jpg', true],
      ['/img/?.png', '/img/1.png', true],
      ['/img/?.png', '/img/12.png', false],
      ['*', '/anything', true],
      ['/a%20b/*', '/a%20b/c', true],
      ['/a b/*', '/a%20b/c', false],
    ];
    for (const [pattern, path, expected] of cases) assert.equal(pathPatternMatches(pattern, path), expected, `${pattern} ~ ${path}`);
  });

  it('behaviors: the first matching pattern in order wins, then the default', () => {
    const behaviors = [{ pathPattern: '/paid/free/*', n: 1 }, { pathPattern: '/paid/*', n: 2 }, { pathPattern: '/paid/free/x', n: 3 }, { n: 4 }];
    assert.equal(matchBehavior(behaviors, '/paid/free/x')?.n, 1);
    assert.equal(matchBehavior(behaviors, '/paid/a')?.n, 2);
    assert.equal(matchBehavior(behaviors, '/other')?.n, 4);
    assert.equal(matchBehavior([{ pathPattern: '/a/*' }], '/b'), undefined);
  });

  it('hosts: domain name or alias, case-insensitive; a wildcard alias covers one label; exact before wildcard', () => {
    const exact = { id: 'exact', domainName: 'd1.cloudfront.net', aliases: ['eu.cdn.example.com'] };
    const wild = { id: 'wild', domainName: 'd2.cloudfront.net', aliases: ['*.cdn.example.com'] };
    const all = [wild, exact];
    assert.equal(findDistribution(all, 'D1.CloudFront.net')?.id, 'exact');
    assert.equal(findDistribution(all, 'eu.cdn.example.com')?.id, 'exact');
    assert.equal(findDistribution(all, 'us.cdn.example.com')?.id, 'wild');
    assert.equal(findDistribution(all, 'a.us.cdn.example.com'), undefined);
    assert.equal(findDistribution(all, 'cdn.example.com'), undefined);
  });

  it('IPv4 ranges and dual-stack addresses', () => {
    assert.ok(ipv4InRange('192.0.2.255', '192.0.2.0/24'));
    assert.ok(!ipv4InRange('192.0.3.0', '192.0.2.0/24'));
    assert.ok(ipv4InRange('10.9.8.7', '0.0.0.0/0'));
    assert.ok(ipv4InRange('192.0.2.10', '192.0.2.10/32') && !ipv4InRange('192.0.2.11', '192.0.2.10/32'));
    assert.ok(ipv4InRange('192.0.2.10', '192.0.2.10'));
    assert.equal(viewerAddress('::ffff:127.0.0.1'), '127.0.0.1');
    assert.equal(viewerAddress('::1'), '::1');
  });

  it('durations: the largest unit and the next', () => {
    assert.deepEqual([0, 45, 60, 3600, 3660, 7325, 90_000, 86_400].map(formatDuration), ['0 s', '45 s', '1 min', '1 h', '1 h 1 min', '2 h 2 min', '1 d 1 h', '1 d']);
  });

  it("XML errors: CloudFront's have no RequestId; S3's do, or come with x-amz-request-id", () => {
    assert.deepEqual(readXmlError('<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidKey</Code><Message>Unknown Key</Message></Error>'), {
      code: 'InvalidKey',
      message: 'Unknown Key',
      fromOrigin: false,
    });
    assert.equal(readXmlError('<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>X</RequestId><HostId>Y</HostId></Error>')?.fromOrigin, true);
    assert.equal(readXmlError('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>', { 'x-amz-request-id': 'X' })?.fromOrigin, true);
    assert.equal(readXmlError('<html>403</html>'), undefined);
  });

  it('cookies: a header, Cookie: and Set-Cookie: lines, quoted values, repeats kept', () => {
    const read = readCookieHeader('Cookie: a=1; b="2"\nSet-Cookie: a=3; Path=/; HttpOnly');
    assert.deepEqual(
      [...read],
      [
        ['a', ['1', '3']],
        ['b', ['2']],
      ],
    );
  });
});
