// Signing a document on every core: worker threads running the real worker entry
// (src/signing/workers/signWorker.ts, bundled here as the extension bundles it) give the same URLs as
// the in-process signer, byte for byte for RSA (PKCS#1 v1.5 is deterministic), in the document's order,
// with the core's refusals in place; and the pure chunking and merging behind it.
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { SigningError, signUrl, verifySignedUrl } from '../../../src/signing';
import { commonResource, signEach } from '../../../src/signing/output';
import { chunkUrls, mergeChunks, signInWorkers, WORKER_THRESHOLD, workersPay, type SignJob } from '../../../src/signing/workers';
import { FIXTURE_KEYS } from '../../fixtures/keys';

const HOST = 'https://d111111abcdef8.cloudfront.net';
const urls = (n: number) => Array.from({ length: n }, (_, i) => `${HOST}/hls/movie/${i}/segment.ts?quality=hd`);

describe('signing in worker threads', function () {
  // Starting threads on a busy machine: generous, and no test here measures time.
  this.timeout(60_000);
  let dir: string;
  let workerFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cfpc-sign-worker-'));
    workerFile = join(dir, 'signWorker.js');
    await esbuild.build({ entryPoints: ['src/signing/workers/signWorker.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'warning' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, pem] of [
    ['RSA-2048', FIXTURE_KEYS.rsa2048],
    ['ECDSA P-256', FIXTURE_KEYS.ecP256],
  ] as const) {
    it(`${name}: the same URLs as in-process, in order, each verifying, with a refusal where the core refuses`, async () => {
      const privateKey = createPrivateKey(pem);
      const job: SignJob = { privateKey, keyPairId: 'K2JCJMDEHXQW5F', expires: 2_000_000_000, ipRange: '192.0.2.0/24', hashAlgorithm: 'SHA256' };
      const list = urls(300);
      // A URL longer than CloudFront takes once signed: the core refuses it, in a worker as here.
      list.splice(123, 0, `${HOST}/${'a'.repeat(8100)}.ts`);
      const inProcess = signEach(list, (url) => signUrl({ ...job, url }));
      const inWorkers = await signInWorkers(list, job, { workerFile, threads: 3 });
      assert.deepEqual([...inWorkers.keys()], list, 'the document order');
      const refused = inWorkers.get(list[123]);
      assert.ok(refused instanceof SigningError && refused.code === 'URL_TOO_LONG' && refused.input === 'url');
      assert.equal(refused.message, (inProcess.get(list[123]) as Error).message);
      const publicKey = createPublicKey(pem);
      for (const url of list.filter((_, i) => i !== 123)) {
        const signed = inWorkers.get(url);
        assert.equal(typeof signed, 'string');
        assert.ok(verifySignedUrl(signed as string, publicKey), `${url} verifies`);
        // RSA PKCS#1 v1.5 is deterministic: byte for byte. ECDSA draws a nonce per signature.
        if (name === 'RSA-2048') assert.equal(signed, inProcess.get(url));
      }
    });
  }

  it('one thread, and an empty document, work too', async () => {
    const job: SignJob = { privateKey: createPrivateKey(FIXTURE_KEYS.rsa2048), keyPairId: 'K2JCJMDEHXQW5F', expires: 2_000_000_000 };
    assert.equal((await signInWorkers([], job, { workerFile, threads: 2 })).size, 0);
    const list = urls(40);
    const signed = await signInWorkers(list, job, { workerFile, threads: 1 });
    assert.deepEqual(
      [...signed.values()],
      list.map((url) => signUrl({ ...job, url })),
    );
  });

  it('rejects when the worker cannot run, instead of answering for fewer URLs', async () => {
    const job: SignJob = { privateKey: createPrivateKey(FIXTURE_KEYS.rsa2048), keyPairId: 'K2JCJMDEHXQW5F', expires: 2_000_000_000 };
    await assert.rejects(signInWorkers(urls(40), job, { workerFile: join(dir, 'missing.js'), threads: 2 }));
  });
});

describe('chunks for signing workers', () => {
  it('cover every URL once, in order, about sixteen per worker', () => {
    const list = urls(1000);
    const chunks = chunkUrls(list, 2);
    assert.equal(chunks.length, 32);
    assert.deepEqual(
      chunks.flatMap((c) => c.urls),
      list,
    );
    assert.ok(chunks.every((c) => list[c.start] === c.urls[0]));
    // A small document is not cut into tiny chunks.
    assert.equal(chunkUrls(urls(20), 4).length, 2);
  });

  it('merging refuses a missing or short answer rather than passing off a partial document', () => {
    const list = urls(40);
    const chunks = chunkUrls(list, 2);
    const answers = new Map(chunks.map((c) => [c.start, c.urls.map((u) => `${u}&signed`)] as const));
    assert.equal(mergeChunks(list, chunks, answers).size, 40);
    answers.delete(chunks[1].start);
    assert.throws(() => mergeChunks(list, chunks, answers), /answered nothing/);
    answers.set(chunks[1].start, []);
    assert.throws(() => mergeChunks(list, chunks, answers), /answered 0/);
  });

  it('workers start only with more than one core and from the threshold for the key type', () => {
    assert.equal(workersPay('rsa', 100_000, 1), false);
    assert.equal(workersPay('rsa', WORKER_THRESHOLD.rsa - 1, 8), false);
    assert.equal(workersPay('rsa', WORKER_THRESHOLD.rsa, 2), true);
    assert.ok(WORKER_THRESHOLD.ec > WORKER_THRESHOLD.rsa, 'ECDSA signs faster, so workers pay later');
  });
});

describe('commonResource', () => {
  it('is the deepest folder all URLs share, with a wildcard', () => {
    assert.equal(commonResource([`${HOST}/hls/movie/a/1.ts`, `${HOST}/hls/movie/b/2.ts?x=1`, `${HOST}/hls/movie/index.m3u8`]), `${HOST}/hls/movie/*`);
    assert.equal(commonResource([`${HOST}/hls/movie/1.ts`, `${HOST}/hls/music/1.ts`]), `${HOST}/hls/*`);
    // A common prefix that stops inside a name is cut back to the folder.
    assert.equal(commonResource([`${HOST}/hls/mov/1.ts`, `${HOST}/hls/movie/1.ts`]), `${HOST}/hls/*`);
    assert.equal(commonResource([`${HOST}/a.ts`, `${HOST}/b/c.ts`]), `${HOST}/*`);
    assert.equal(commonResource([`${HOST}/one/only.ts`]), `${HOST}/one/*`);
  });

  it('is undefined for different hosts, schemes or ports, for an invalid URL, and for no URL', () => {
    assert.equal(commonResource([`${HOST}/a.ts`, 'https://d222222abcdef8.cloudfront.net/a.ts']), undefined);
    assert.equal(commonResource([`${HOST}/a.ts`, `${HOST.replace('https', 'http')}/a.ts`]), undefined);
    assert.equal(commonResource([`${HOST}/a.ts`, `${HOST}:8443/a.ts`]), undefined);
    assert.equal(commonResource([`${HOST}/a.ts`, 'not a url']), undefined);
    assert.equal(commonResource([]), undefined);
  });

  it('covers every URL it was computed from, as CloudFront matches a resource', () => {
    const list = [`${HOST}/hls/movie/a/1.ts?q=1`, `${HOST}/hls/movie/b/2.ts`];
    const resource = commonResource(list)!;
    const privateKey = createPrivateKey(FIXTURE_KEYS.rsa2048);
    for (const url of list) assert.ok(verifySignedUrl(signUrl({ url, resource, privateKey, keyPairId: 'K2JCJMDEHXQW5F', expires: 2_000_000_000 }), createPublicKey(privateKey)));
  });
});
