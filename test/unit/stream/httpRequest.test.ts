import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpGet, parseAddress } from '../../../src/commands/stream/httpRequest';

describe('httpGet (Check Stream Playback, reading a stream through a distribution)', () => {
  it('reads the host-to-address forms: address, address:port, IPv6 in brackets', () => {
    assert.deepEqual(parseAddress('192.0.2.10'), { address: '192.0.2.10' });
    assert.deepEqual(parseAddress('192.0.2.10:8443'), { address: '192.0.2.10', port: 8443 });
    assert.deepEqual(parseAddress('[2001:db8::1]:443'), { address: '2001:db8::1', port: 443 });
    assert.deepEqual(parseAddress('2001:db8::1'), { address: '2001:db8::1' });
  });

  it("sends a host's requests to the address it maps to, keeping the Host header, with the Range and Cookie given", async () => {
    let seen: IncomingHttpHeaders | undefined;
    const server = createServer((request, response) => {
      seen = request.headers;
      response.writeHead(206, { 'content-range': 'bytes 0-0/10' });
      response.end('x');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    try {
      const plain = await httpGet('http://media.example.com/hls/a.ts', {
        addresses: { 'media.example.com': `127.0.0.1:${port}` },
        range: 'bytes=0-0',
        cookie: 'a=b',
        maxBodyBytes: 100,
        timeoutMs: 5000,
      });
      assert.deepEqual([plain.status, plain.headers['content-range'], plain.body], [206, 'bytes 0-0/10', 'x']);
      assert.deepEqual([seen?.host, seen?.range, seen?.cookie, seen?.['x-forwarded-proto']], ['media.example.com', 'bytes=0-0', 'a=b', undefined]);
      // An https URL to a local edge that terminates no TLS: plain HTTP, saying the viewer used https.
      await httpGet('https://media.example.com/hls/a.ts', { addresses: { 'media.example.com': `http://127.0.0.1:${port}` }, maxBodyBytes: 100, timeoutMs: 5000 });
      assert.deepEqual([seen?.host, seen?.['x-forwarded-proto']], ['media.example.com', 'https']);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
