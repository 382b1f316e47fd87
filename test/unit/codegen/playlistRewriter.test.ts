// The generated playlist rewriter (kind playlistRewriter, issue 25), run for real: the TypeScript and
// Python files run as scripts over real HLS playlists (a master and its variant made by Debian's ffmpeg:
// AES-128 with a key URI, and fMP4 with EXT-X-MAP and byte ranges; and the committed ladder's master with
// audio and subtitle renditions, I-frame playlists and a session key). Every URI of each playlist must
// come back signed: the core's HLS parser finds the same URIs at the same places, each the URL a player
// requests there (resolved against the playlist's own URL) with a signature that verifies; the local edge
// grants each one the playlists name and refuses the unsigned request; the other lines are unchanged.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTestStreams } from '../../../scripts/streams/makeTestStreams.mjs';
import { startEdge, type RunningEdge } from '../../../scripts/edge/server';
import { generateSigningCode, PLAYLIST_REWRITER_LANGUAGES, type SigningLanguage } from '../../../src/codegen/signing';
import { normalizeViewerUrl, parseSignedUrl, verifySignedUrl } from '../../../src/signing';
import { parseHls } from '../../../src/signing/stream';
import type { KeyAlgorithm } from '../../../src/keys/algorithms';
import { TEST_KEYS } from '../signing/helpers';

const PINNED_NODE = resolve('node_modules/.bin/node');
const KEY_PAIR_ID = 'K2JCJMDEHXQW5F';
const LIFETIME = 3600;

const pemOf = (algorithm: KeyAlgorithm) => (algorithm === 'RSA_2048' ? TEST_KEYS.rsa2048 : TEST_KEYS.ec);

describe('generated playlist rewriter: every URI of a real HLS master and variant signed and verifiable', function () {
  this.timeout(120_000);
  let scratch: string;
  let edge: RunningEdge;
  const files = new Map<string, string>();

  before(async () => {
    mkdirSync(resolve('test-output'), { recursive: true });
    scratch = mkdtempSync(resolve('test-output', 'rewriter-'));
    writeFileSync(join(scratch, 'package.json'), '{ "type": "module", "private": true }\n');
    // Debian's ffmpeg makes the streams (.ci/run installs it), as for the UI player test.
    makeTestStreams(join(scratch, 'site', 'paid'));
    for (const language of ['typescript', 'python'] as const) {
      for (const algorithm of ['RSA_2048', 'ECDSA_P256'] as const) {
        const generated = generateSigningCode({ publicKeyId: KEY_PAIR_ID, algorithm, language, kind: 'playlistRewriter', keySource: { kind: 'env', variable: 'CF_KEY' } });
        const dir = join(scratch, `${language}-${algorithm}`);
        mkdirSync(dir);
        files.set(`${language} ${algorithm}`, join(dir, generated.fileName));
        writeFileSync(join(dir, generated.fileName), generated.code);
      }
    }
    edge = await startEdge({ root: join(scratch, 'site'), publicKeys: new Map([[KEY_PAIR_ID, TEST_KEYS.rsa2048.publicPem]]), pathPattern: '/paid/*' });
  });
  after(async () => {
    await edge?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** Runs the generated rewriter as its usage line says: `node sign.ts URL SECONDS < playlist`. */
  async function rewrite(language: SigningLanguage, algorithm: KeyAlgorithm, playlistUrl: string, playlist: string): Promise<string> {
    const file = files.get(`${language} ${algorithm}`);
    assert.ok(file);
    const child = execFile(language === 'python' ? (process.env.CFPC_PYTHON ?? 'python3') : PINNED_NODE, [file, playlistUrl, String(LIFETIME)], {
      env: { PATH: process.env.PATH, HOME: scratch, CF_KEY: pemOf(algorithm).privatePem, PYTHONWARNINGS: 'ignore' },
    });
    child.stdin?.end(playlist);
    const output: string[] = [];
    const errors: string[] = [];
    child.stdout?.on('data', (chunk: string) => output.push(chunk));
    child.stderr?.on('data', (chunk: string) => errors.push(chunk));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    if (code !== 0) throw new Error(errors.join('').trim());
    return output.join('');
  }

  /** Every URI of `rewritten` is the signed form of the one at the same place in `original`, and verifies. */
  function assertEveryUriSigned(algorithm: KeyAlgorithm, playlistUrl: string, original: string, rewritten: string): number {
    const before = parseHls(original, playlistUrl).occurrences;
    const after = parseHls(rewritten, playlistUrl).occurrences;
    assert.ok(before.length > 0, 'the playlist names URIs');
    assert.equal(after.length, before.length, 'the same URIs, no more, no fewer');
    before.forEach((occurrence, index) => {
      const signed = after[index].text;
      const parsed = parseSignedUrl(signed);
      assert.equal(parsed.url, normalizeViewerUrl(occurrence.url), `URI ${occurrence.text}: signs the URL a player requests`);
      assert.equal(parsed.keyPairId, KEY_PAIR_ID);
      assert.equal(parsed.hashAlgorithm, 'SHA256');
      assert.ok(verifySignedUrl(signed, pemOf(algorithm).publicPem), `URI ${occurrence.text}: the signature verifies`);
    });
    // Everything else is as it was.
    const strip = (text: string, occurrences: typeof before): string => occurrences.reduceRight((rest, { start, end }) => `${rest.slice(0, start)}<URI>${rest.slice(end)}`, text);
    assert.equal(strip(rewritten, after), strip(original, before));
    return before.length;
  }

  for (const language of PLAYLIST_REWRITER_LANGUAGES.filter((name) => name !== 'javascript')) {
    const name = language === 'typescript' ? 'TypeScript' : 'Python';
    for (const [stream, variant] of [
      ['hls-aes', 'media.m3u8'],
      ['hls-fmp4', 'media.m3u8'],
    ] as const) {
      it(`${name}: ${stream} master and variant (RSA), every URI signed, verified and granted by the local edge`, async () => {
        const granted: string[] = [];
        for (const file of ['master.m3u8', variant]) {
          const playlistUrl = `${edge.url}/paid/${stream}/${file}`;
          const original = readFileSync(join(scratch, 'site', 'paid', stream, file), 'utf8');
          const rewritten = await rewrite(language, 'RSA_2048', playlistUrl, original);
          assertEveryUriSigned('RSA_2048', playlistUrl, original, rewritten);
          granted.push(...parseHls(rewritten, playlistUrl).occurrences.map((occurrence) => occurrence.text));
        }
        assert.ok(granted.length >= 4, `master, key or init section, and segments: ${granted.length}`);
        for (const url of new Set(granted)) {
          const answer = await fetch(url, { headers: { range: 'bytes=0-0' } });
          await answer.arrayBuffer();
          assert.ok(answer.status === 200 || answer.status === 206, `${url.split('?')[0]}: ${answer.status}`);
          const unsigned = await fetch(url.split('?')[0]);
          await unsigned.arrayBuffer();
          assert.equal(unsigned.status, 403, `${url.split('?')[0]} unsigned`);
        }
      });
    }

    it(`${name}: the ladder's master (ECDSA): renditions, I-frame playlists and a session key on another path, all signed`, async () => {
      const playlistUrl = 'https://d111111abcdef8.cloudfront.net/vod/ladder/master.m3u8';
      const original = readFileSync(resolve('test/fixtures/playlists/ladder/master.m3u8'), 'utf8');
      const rewritten = await rewrite(language, 'ECDSA_P256', playlistUrl, original);
      assert.ok(assertEveryUriSigned('ECDSA_P256', playlistUrl, original, rewritten) >= 6);
      assert.match(rewritten, /URI="https:\/\/d111111abcdef8\.cloudfront\.net\/vod\/keys\/session\.key\?Expires=/, 'the session key resolved against the master, ../ included');
    });

    it(`${name}: a text that is not a playlist is refused`, async () => {
      await assert.rejects(rewrite(language, 'RSA_2048', `${edge.url}/paid/x.m3u8`, '<html>not found</html>\n'), /not an HLS playlist/);
    });
  }

  it('JavaScript: the same file as TypeScript without types, so the TypeScript runs above speak for it; it runs too', async () => {
    const generated = generateSigningCode({ publicKeyId: KEY_PAIR_ID, algorithm: 'RSA_2048', language: 'javascript', kind: 'playlistRewriter', keySource: { kind: 'env', variable: 'CF_KEY' } });
    const dir = join(scratch, 'javascript');
    mkdirSync(dir);
    writeFileSync(join(dir, generated.fileName), generated.code);
    files.set('javascript RSA_2048', join(dir, generated.fileName));
    const playlistUrl = `${edge.url}/paid/hls-aes/media.m3u8`;
    const original = readFileSync(join(scratch, 'site', 'paid', 'hls-aes', 'media.m3u8'), 'utf8');
    assertEveryUriSigned('RSA_2048', playlistUrl, original, await rewrite('javascript', 'RSA_2048', playlistUrl, original));
  });

  it('Go, C# and Java are refused with the languages that have it', () => {
    for (const language of ['go', 'csharp', 'java'] as const) {
      assert.throws(
        () => generateSigningCode({ publicKeyId: KEY_PAIR_ID, algorithm: 'RSA_2048', language, kind: 'playlistRewriter', keySource: { kind: 'env', variable: 'CF_KEY' } }),
        /playlistRewriter is generated in typescript, javascript, python/,
      );
    }
  });
});
