// The URL we sign must be the URL a real client sends. A local HTTP server records the request target
// Node's fetch (undici, WHATWG URL) sends, and we compare it with what the signature covers.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { parseSignedUrl, signUrl, verifySignedUrl } from '../../../src/signing';
import { TEST_KEYS } from './helpers';

const TYPED_PATHS = [
  '/a b/c d.jpg',
  '/vidéo/日本語/emoji😀.mp4',
  '/already%20encoded/%E2%82%AC.jpg',
  "/~user/it's(1)!$,;=+:@.png",
  '/a/./b/../c.jpg',
  "/search?q=a b&lang=é&x=it's&empty=&flag",
  '/p?pre=%20encoded&plus=a+b&tilde=~',
  '/?',
];

describe('signing: the signed URL is what an HTTP client sends', () => {
  let server: Server;
  let origin = '';
  const received: string[] = [];

  before(async () => {
    server = createServer((request, response) => {
      received.push(request.url ?? '');
      response.end('ok');
    });
    await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  });

  /** The request target the server saw for a fetch of `url`. */
  async function requestTarget(url: string): Promise<string> {
    received.length = 0;
    const response = await fetch(url);
    await response.text();
    assert.equal(received.length, 1);
    return received[0];
  }

  for (const typedPath of TYPED_PATHS) {
    it(`signs ${JSON.stringify(typedPath)} as fetch sends it, and fetch sends the signed URL unchanged`, async () => {
      const typedUrl = `${origin}${typedPath}`;
      const signedUrl = signUrl({ url: typedUrl, keyPairId: 'K2JCJMDEHXQW5F', privateKey: TEST_KEYS.rsa2048.privatePem, expires: 1_767_290_400 });
      const sentForTyped = await requestTarget(typedUrl);
      const signedFor = parseSignedUrl(signedUrl).url;
      // What the signature covers is what a client sends for the URL as typed ("/?" loses its empty query).
      assert.equal(signedFor, `${origin}${sentForTyped === '/?' ? '/' : sentForTyped}`);
      // And the signed URL goes over the wire byte for byte, so CloudFront sees exactly what was signed.
      const sentForSigned = await requestTarget(signedUrl);
      assert.equal(`${origin}${sentForSigned}`, signedUrl);
      assert.ok(verifySignedUrl(`${origin}${sentForSigned}`, TEST_KEYS.rsa2048.publicPem));
    });
  }

  it('differs from the typed string where clients rewrite it (so signing the raw string would fail)', async () => {
    const typedUrl = `${origin}/a b/é?q=x y`;
    assert.notEqual(`${origin}${await requestTarget(typedUrl)}`, typedUrl);
  });
});
