// The cloudfront.hostAddresses setting (curl --resolve for the live checks): which values are read,
// which are refused with the entry named, and the address chosen for a host. Then the live request
// itself: a mapped host is reached at its address with the real Host header, TLS server name and
// certificate check (a local HTTPS server with a certificate made by openssl for that name only).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedCertificate } from '../../../scripts/edge/sampleEdge';
import { requestLive } from '../../../src/commands/diagnose/liveRequest';
import { verdictOf, type ProtectionCheck } from '../../../src/commands/protect/verify';
import { addressFor, parseAddress, parseHostAddresses } from '../../../src/signing/hostAddresses';

describe('cloudfront.hostAddresses', () => {
  it('reads address[:port], [ipv6]:port, a bare IPv6 address, a host name, and the object form with a certificate', () => {
    assert.deepEqual(parseAddress('203.0.113.10'), { address: '203.0.113.10' });
    assert.deepEqual(parseAddress('127.0.0.1:8443'), { address: '127.0.0.1', port: 8443 });
    assert.deepEqual(parseAddress('[2001:db8::1]:443'), { address: '2001:db8::1', port: 443 });
    assert.deepEqual(parseAddress('2001:db8::1'), { address: '2001:db8::1' });
    assert.deepEqual(parseAddress('edge.example.net:8443'), { address: 'edge.example.net', port: 8443 });
    for (const bad of ['', 'edge:99999', 'edge:0', '1.2.3.4:x', 'http://1.2.3.4', '[nope]:1', 'a b']) assert.equal(parseAddress(bad), undefined, bad);

    const { addresses, problems } = parseHostAddresses({
      'D111.CloudFront.net.': '203.0.113.10',
      'media.example.com': { address: '127.0.0.1:8443', certificate: '/tmp/edge.pem' },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(addressFor(addresses, 'd111.cloudfront.net'), { address: '203.0.113.10' });
    assert.deepEqual(addressFor(addresses, 'MEDIA.example.com'), { address: '127.0.0.1', port: 8443, certificateFile: '/tmp/edge.pem' });
    assert.equal(addressFor(addresses, 'other.example.com'), undefined);
    const plain = parseHostAddresses({ 'd1.cloudfront.net': 'http://127.0.0.1:8787', 'd2.cloudfront.net': 'http://127.0.0.1:8787/path' });
    assert.deepEqual(addressFor(plain.addresses, 'd1.cloudfront.net'), { address: '127.0.0.1', port: 8787, plainHttp: true });
    assert.equal(plain.problems.length, 1, 'a path is no address');
  });

  it('refuses entries it cannot use, naming each, and keeps the others', () => {
    const { addresses, problems } = parseHostAddresses({
      'https://d1.cloudfront.net': '1.2.3.4',
      'd2.cloudfront.net': 'edge:99999',
      'd3.cloudfront.net': { address: '1.2.3.4', certificate: 7 },
      'd4.cloudfront.net': '1.2.3.4',
    });
    assert.deepEqual([...addresses.keys()], ['d4.cloudfront.net']);
    assert.deepEqual(
      problems.map((p) => p.split(':')[0] + ':' + p.split('"')[1]),
      ['cloudfront.hostAddresses:https://d1.cloudfront.net', 'cloudfront.hostAddresses:d2.cloudfront.net', 'cloudfront.hostAddresses:d3.cloudfront.net'],
    );
    assert.match(parseHostAddresses(['1.2.3.4']).problems[0], /must be an object mapping a host/);
    assert.deepEqual(parseHostAddresses(undefined), { addresses: new Map(), problems: [] });
  });

  it('a verdict: any wrong answer is not protected; no wrong answer but no answer somewhere is inconclusive', () => {
    const check = (status: number | undefined, passed: boolean): ProtectionCheck => ({ kind: 'unsigned', url: 'u', expected: 403, ...(status !== undefined ? { status } : { failure: 'x' }), passed });
    assert.equal(verdictOf([check(403, true), check(200, true), check(403, true)]), 'verified');
    assert.equal(verdictOf([check(403, true), check(undefined, false), check(403, true)]), 'inconclusive');
    assert.equal(verdictOf([check(200, false), check(undefined, false), check(undefined, false)]), 'notProtected');
  });

  describe('the live request to a mapped host', () => {
    let dir: string;
    let server: Server;
    let port: number;
    let certificate: string;
    const seen: Array<{ host?: string; servername?: string | false }> = [];

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'cfpc-host-addresses-'));
      const tls = selfSignedCertificate(dir, ['d111.cloudfront.net']);
      certificate = tls.certificateFile;
      server = createServer({ cert: tls.cert, key: tls.key }, (request, response) => {
        seen.push({ host: request.headers.host, servername: (request.socket as { servername?: string | false }).servername });
        response.writeHead(403, { 'content-type': 'text/xml' }).end('<Error><Code>MissingKey</Code></Error>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    after(async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    });

    it('connects to the mapped address with the real host as Host header and TLS server name, trusting the given certificate for it', async () => {
      const { addresses } = parseHostAddresses({ 'd111.cloudfront.net': { address: `127.0.0.1:${port}`, certificate } });
      const answer = await requestLive('https://d111.cloudfront.net/paid/a.mp4', { addresses, timeoutMs: 5000 });
      assert.ok('status' in answer, JSON.stringify(answer));
      assert.equal(answer.status, 403);
      assert.deepEqual(seen.at(-1), { host: 'd111.cloudfront.net', servername: 'd111.cloudfront.net' });
    });

    it('without the certificate, or for another name, the TLS check fails: unreachable (tls), with the host and the address', async () => {
      const plain = parseHostAddresses({ 'd111.cloudfront.net': `127.0.0.1:${port}`, 'd999.cloudfront.net': { address: `127.0.0.1:${port}`, certificate } }).addresses;
      for (const host of ['d111.cloudfront.net', 'd999.cloudfront.net']) {
        const answer = await requestLive(`https://${host}/paid/a.mp4`, { addresses: plain, timeoutMs: 5000 });
        assert.ok('failure' in answer, JSON.stringify(answer));
        assert.deepEqual([answer.unreachable?.host, answer.unreachable?.via, answer.unreachable?.kind], [host, `127.0.0.1:${port}`, 'tls']);
      }
    });

    it('a name that does not resolve is unreachable (dns); a closed port is unreachable (connect)', async () => {
      const dns = await requestLive('https://nowhere.invalid/a', { timeoutMs: 5000 });
      assert.equal('failure' in dns && dns.unreachable?.kind, 'dns');
      const closed = parseHostAddresses({ 'd111.cloudfront.net': '127.0.0.1:1' }).addresses;
      const refused = await requestLive('https://d111.cloudfront.net/a', { addresses: closed, timeoutMs: 5000 });
      assert.equal('failure' in refused && refused.unreachable?.kind, 'connect');
    });
  });
});
