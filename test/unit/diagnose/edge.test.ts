// The local edge (scripts/edge/server.ts, deciding with src/signing/edge.ts), started in-process on
// 127.0.0.1:0: it grants URLs and cookies signed independently of our signing code (botocore's
// CloudFrontSigner through test/unit/signing/botocore_sign.py, and `aws cloudfront sign`), and denies
// every case of a tampering corpus with CloudFront's exact XML error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { requestLive } from '../../../src/commands/diagnose/liveRequest';
import { startEdge, type RunningEdge } from '../../../scripts/edge/server';
import { signCookies, signUrl } from '../../../src/signing';
import { diagnose } from '../../../src/signing/diagnose';
import { cloudFrontErrorXml, evaluateEdgeRequest } from '../../../src/signing/edge';
import { cloudFrontBase64, EC_KEY_ID, KEY_ID, OTHER_RSA, param, setParam, TEST_KEYS } from './helpers';

interface BotocoreCase {
  id: string;
  url: string;
  keyPairId: string;
  key: 'rsa2048' | 'ec';
  hash: 'SHA1' | 'SHA256';
  expires: number;
  activeFrom?: number;
  ipRange?: string;
  resource?: string;
}

/** Signs with botocore's CloudFrontSigner; a string says why it could not run. */
function botocoreSign(cases: BotocoreCase[]): Map<string, string> | string {
  const keys = { rsa2048: TEST_KEYS.rsa2048.path, ec: TEST_KEYS.ec.path };
  const result = spawnSync('python3', [resolve('test/unit/signing/botocore_sign.py')], { input: JSON.stringify({ keys, cases }), encoding: 'utf8' });
  if (result.error) return `python3 could not be started (${result.error.message})`;
  if (result.status !== 0) return `botocore_sign.py exited with status ${result.status}: ${result.stderr.trim()}`;
  return new Map((JSON.parse(result.stdout) as Array<{ id: string; signedUrl: string }>).map((entry) => [entry.id, entry.signedUrl]));
}

/** Signs with the AWS CLI (`aws cloudfront sign`, which wants a PKCS#1 RSA key); a string says why it could not run. */
function awsCliSign(url: string, keyFile: string, extra: string[]): string | { failure: string } {
  const result = spawnSync('aws', ['cloudfront', 'sign', '--url', url, '--key-pair-id', KEY_ID, '--private-key', `file://${keyFile}`, ...extra], { encoding: 'utf8' });
  if (result.error) return { failure: `aws could not be started (${result.error.message})` };
  if (result.status !== 0) return { failure: `aws cloudfront sign exited with status ${result.status}: ${result.stderr.trim()}` };
  return result.stdout.trim();
}

/** Cookies carrying a signed URL's parameters, as CloudFront-* cookie names. */
function cookiesFrom(signedUrl: string): string {
  return ['Policy', 'Expires', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm']
    .filter((name) => new URL(signedUrl).searchParams.has(name))
    .map((name) => `CloudFront-${name}=${param(signedUrl, name)}`)
    .join('; ');
}

function skipOrFail(context: Mocha.Context, why: string): never {
  if (process.env.CI) throw new Error(why);
  console.warn(`\n!!! SKIPPED ${why}\n`);
  context.skip();
}

async function get(url: string, cookie?: string): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

describe('local edge: grants independently signed URLs and cookies, denies tampering', function () {
  this.timeout(60_000);
  let edge: RunningEdge;
  let root: string;
  let base: string;
  const expires = () => Math.floor(Date.now() / 1000) + 3600;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'cfpc-edge-'));
    mkdirSync(join(root, 'paid', 'v'), { recursive: true });
    writeFileSync(join(root, 'paid', 'report.pdf'), 'paid report');
    writeFileSync(join(root, 'paid', 'other.pdf'), 'other report');
    writeFileSync(join(root, 'paid', 'annual report.pdf'), 'annual');
    writeFileSync(join(root, 'paid', 'v', '1.ts'), 'segment 1');
    writeFileSync(join(root, 'free.txt'), 'free');
    edge = await startEdge({
      root,
      port: 0,
      pathPattern: '/paid/*',
      keyGroupName: 'test-signers',
      publicKeys: new Map([
        [KEY_ID, TEST_KEYS.rsa2048.publicPem],
        [EC_KEY_ID, TEST_KEYS.ec.publicPem],
      ]),
    });
    base = edge.url;
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  after(async () => {
    await edge?.close();
    rmSync(root, { recursive: true, force: true });
  });

  describe('grants', () => {
    it("takes the viewer's scheme from X-Forwarded-Proto (a TLS proxy in front): cookies for https:// are granted over it only", async () => {
      const host = new URL(base).host;
      const cookies = signCookies({ resource: `https://${host}/paid/*`, keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: expires() });
      const cookie = Object.entries(cookies)
        .map(([name, value]) => `${name}=${value}`)
        .join('; ');
      const overTls = await fetch(`${base}/paid/report.pdf`, { headers: { cookie, 'x-forwarded-proto': 'https' } });
      assert.deepEqual([overTls.status, await overTls.text()], [200, 'paid report']);
      const plain = await get(`${base}/paid/report.pdf`, cookie);
      assert.equal(plain.status, 403, 'an http request is not what the https:// resource covers');
    });

    it("serves the unrestricted default behavior to anyone, and S3's NoSuchKey for a missing file", async () => {
      assert.deepEqual(await get(`${base}/free.txt`).then((r) => [r.status, r.body]), [200, 'free']);
      const missing = await get(`${base}/paid/none.pdf?${signUrl({ url: `${base}/paid/none.pdf`, keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: expires() }).split('?')[1]}`);
      assert.equal(missing.status, 404);
      assert.match(missing.body, /<Code>NoSuchKey<\/Code>.*<RequestId>/);
    });

    it("grants URLs and cookies signed by botocore's CloudFrontSigner (canned, custom, wildcard, IP, start, ECDSA)", async function () {
      const now = Math.floor(Date.now() / 1000);
      const cases: BotocoreCase[] = [
        { id: 'canned', url: `${base}/paid/report.pdf`, keyPairId: KEY_ID, key: 'rsa2048', hash: 'SHA1', expires: now + 600 },
        { id: 'query', url: `${base}/paid/report.pdf?download=1&name=a%20b`, keyPairId: KEY_ID, key: 'rsa2048', hash: 'SHA1', expires: now + 600 },
        { id: 'wildcard', url: `${base}/paid/v/1.ts`, keyPairId: KEY_ID, key: 'rsa2048', hash: 'SHA1', expires: now + 600, resource: `${base}/paid/*` },
        { id: 'ip-start', url: `${base}/paid/report.pdf`, keyPairId: KEY_ID, key: 'rsa2048', hash: 'SHA1', expires: now + 600, activeFrom: now - 60, ipRange: '127.0.0.0/8' },
        { id: 'ecdsa', url: `${base}/paid/report.pdf`, keyPairId: EC_KEY_ID, key: 'ec', hash: 'SHA256', expires: now + 600 },
        { id: 'rsa-sha256', url: `${base}/paid/other.pdf`, keyPairId: KEY_ID, key: 'rsa2048', hash: 'SHA256', expires: now + 600 },
        { id: 'cookies', url: `${base}/paid/anything`, keyPairId: KEY_ID, key: 'rsa2048', hash: 'SHA1', expires: now + 600, resource: `${base}/paid/*` },
      ];
      const signed = botocoreSign(cases);
      if (typeof signed === 'string') skipOrFail(this, `botocore signing not run: ${signed}`);
      // botocore writes no Hash-Algorithm; CloudFront needs it for SHA-256 signatures.
      const withHash = (id: string) => `${signed.get(id)}${cases.find((c) => c.id === id)!.hash === 'SHA256' ? '&Hash-Algorithm=SHA256' : ''}`;
      for (const id of ['canned', 'query', 'wildcard', 'ip-start', 'ecdsa', 'rsa-sha256']) {
        const answer = await get(withHash(id));
        assert.equal(answer.status, 200, `${id}: ${answer.body}`);
      }
      const cookies = cookiesFrom(signed.get('cookies')!);
      assert.deepEqual(await get(`${base}/paid/v/1.ts`, cookies).then((r) => [r.status, r.body]), [200, 'segment 1']);
      assert.deepEqual(await get(`${base}/paid/report.pdf`, cookies).then((r) => [r.status, r.body]), [200, 'paid report']);
    });

    it('answers one byte range as S3 does (206 with Content-Range; 416 past the end), as players read segments', async () => {
      const free = async (range: string) => {
        const response = await fetch(`${base}/free.txt`, { headers: { range } });
        return [response.status, response.headers.get('content-range'), await response.text()];
      };
      assert.deepEqual(await free('bytes=0-0'), [206, 'bytes 0-0/4', 'f']);
      assert.deepEqual(await free('bytes=1-'), [206, 'bytes 1-3/4', 'ree']);
      assert.deepEqual(await free('bytes=-2'), [206, 'bytes 2-3/4', 'ee']);
      assert.deepEqual(await free('bytes=9-'), [416, 'bytes */4', 'Range not satisfiable\n']);
      assert.deepEqual(await free('bytes=0-0,2-3'), [200, null, 'free'], 'several ranges: the whole object, as S3 answers');
    });

    it('grants URLs signed by `aws cloudfront sign` (canned, and custom with start and IP)', async function () {
      const keyFile = join(root, 'pkcs1.pem');
      writeFileSync(keyFile, createPrivateKey(TEST_KEYS.rsa2048.privatePem).export({ type: 'pkcs1', format: 'pem' }));
      const now = Math.floor(Date.now() / 1000);
      const canned = awsCliSign(`${base}/paid/report.pdf`, keyFile, ['--date-less-than', String(now + 600)]);
      if (typeof canned !== 'string') skipOrFail(this, `AWS CLI signing not run: ${canned.failure}`);
      const custom = awsCliSign(`${base}/paid/other.pdf`, keyFile, ['--date-less-than', String(now + 600), '--date-greater-than', String(now - 60), '--ip-address', '127.0.0.1/32']);
      assert.equal(typeof custom, 'string', JSON.stringify(custom));
      assert.match(canned, /\?Expires=\d+&Signature=/);
      assert.match(custom as string, /\?Policy=/);
      assert.deepEqual(await get(canned).then((r) => [r.status, r.body]), [200, 'paid report']);
      assert.deepEqual(await get(custom as string).then((r) => [r.status, r.body]), [200, 'other report']);
    });
  });

  describe("denies every tampering with CloudFront's XML error", () => {
    const ours = (path: string, options: Partial<Parameters<typeof signUrl>[0]> = {}) =>
      signUrl({ url: `${base}${path}`, keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: expires(), ...options });
    const flipBit = (signature: string) => {
      const bytes = Buffer.from(signature.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');
      bytes[bytes.length - 10] ^= 0x01;
      return cloudFrontBase64(bytes);
    };
    const tampering: Array<[string, () => { url: string; cookie?: string }, string]> = [
      ['a changed path', () => ({ url: ours('/paid/report.pdf').replace('/paid/report.pdf', '/paid/other.pdf') }), 'AccessDenied'],
      ['an added query parameter', () => ({ url: ours('/paid/report.pdf').replace('?', '?download=1&') }), 'AccessDenied'],
      ['a changed query value', () => ({ url: ours('/paid/report.pdf?quality=low').replace('quality=low', 'quality=hd') }), 'AccessDenied'],
      ['a later expiry', () => ({ url: setParam(ours('/paid/report.pdf'), 'Expires', String(expires() + 86_400)) }), 'AccessDenied'],
      ['an expired URL', () => ({ url: ours('/paid/report.pdf', { expires: Math.floor(Date.now() / 1000) - 5 }) }), 'AccessDenied'],
      ['a key ID of another trusted key', () => ({ url: setParam(ours('/paid/report.pdf'), 'Key-Pair-Id', EC_KEY_ID) }), 'AccessDenied'],
      ['an unknown key ID', () => ({ url: setParam(ours('/paid/report.pdf'), 'Key-Pair-Id', 'K0UNKNOWNKEY') }), 'InvalidKey'],
      ['no key ID', () => ({ url: setParam(ours('/paid/report.pdf'), 'Key-Pair-Id', undefined) }), 'MissingKey'],
      ['a flipped signature bit', () => ({ url: setParam(ours('/paid/report.pdf'), 'Signature', flipBit(param(ours('/paid/report.pdf'), 'Signature'))) }), 'AccessDenied'],
      ['a signature in standard base64', () => ({ url: setParam(ours('/paid/report.pdf'), 'Signature', 'ab+c/de=') }), 'MalformedSignature'],
      [
        'a policy and signature swapped from another URL',
        () => {
          const other = ours('/paid/other.pdf', { resource: `${base}/paid/other.pdf`, activeFrom: Math.floor(Date.now() / 1000) - 60 });
          return { url: `${base}/paid/report.pdf?Policy=${param(other, 'Policy')}&Signature=${param(other, 'Signature')}&Key-Pair-Id=${KEY_ID}` };
        },
        'AccessDenied',
      ],
      [
        'a policy swapped in, keeping the signature',
        () => {
          const wide = ours('/paid/report.pdf', { resource: `${base}/*`, activeFrom: Math.floor(Date.now() / 1000) - 60 });
          const narrow = ours('/paid/report.pdf', { resource: `${base}/paid/report.pdf`, activeFrom: Math.floor(Date.now() / 1000) - 60 });
          return { url: setParam(narrow, 'Policy', param(wide, 'Policy')) };
        },
        'AccessDenied',
      ],
      ['a policy that is not base64 JSON', () => ({ url: setParam(ours('/paid/report.pdf', { resource: `${base}/paid/*` }), 'Policy', cloudFrontBase64('not json')) }), 'MalformedPolicy'],
      ['the wrong key type (ECDSA signature, RSA key ID)', () => ({ url: ours('/paid/report.pdf', { privateKey: TEST_KEYS.ec.privatePem }) }), 'AccessDenied'],
      ['another RSA key', () => ({ url: ours('/paid/report.pdf', { privateKey: OTHER_RSA.privatePem }) }), 'AccessDenied'],
      ['a SHA-256 signature without Hash-Algorithm', () => ({ url: setParam(ours('/paid/report.pdf', { hashAlgorithm: 'SHA256' }), 'Hash-Algorithm', undefined) }), 'AccessDenied'],
      ['a SHA-1 signature with Hash-Algorithm=SHA256', () => ({ url: `${ours('/paid/report.pdf')}&Hash-Algorithm=SHA256` }), 'AccessDenied'],
      ['an IP range without the viewer', () => ({ url: ours('/paid/report.pdf', { ipRange: '192.0.2.0/24' }) }), 'AccessDenied'],
      [
        'cookies with a swapped policy',
        () => {
          const cookies = signCookies({ resource: `${base}/paid/v/*`, keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: expires() });
          const wide = signCookies({ resource: `${base}/*`, keyPairId: KEY_ID, privateKey: OTHER_RSA.privatePem, expires: expires() });
          return {
            url: `${base}/paid/report.pdf`,
            cookie: `CloudFront-Policy=${wide['CloudFront-Policy']}; CloudFront-Signature=${cookies['CloudFront-Signature']}; CloudFront-Key-Pair-Id=${KEY_ID}`,
          };
        },
        'AccessDenied',
      ],
      [
        'cookies for another folder',
        () => {
          const cookies = signCookies({ resource: `${base}/paid/v/*`, keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: expires() });
          return {
            url: `${base}/paid/report.pdf`,
            cookie: Object.entries(cookies)
              .map(([n, v]) => `${n}=${v}`)
              .join('; '),
          };
        },
        'AccessDenied',
      ],
    ];

    for (const [name, build, code] of tampering) {
      it(`${name}: 403 ${code}`, async () => {
        const { url, cookie } = build();
        const answer = await get(url, cookie);
        assert.equal(answer.status, 403, answer.body);
        assert.equal(answer.body, cloudFrontErrorXml(code as Parameters<typeof cloudFrontErrorXml>[0]));
        assert.equal(answer.headers.get('x-cache'), 'Error from cloudfront');
      });
    }

    it("grants each untampered original (so the denials are the tampering's doing)", async () => {
      for (const url of [ours('/paid/report.pdf'), ours('/paid/report.pdf?quality=low'), ours('/paid/report.pdf', { hashAlgorithm: 'SHA256' })]) {
        assert.equal((await get(url)).status, 200, url);
      }
    });
  });

  describe('the live check against the edge', () => {
    it("classifies the edge's answers: granted, CloudFront's MissingKey, the origin's NoSuchKey", async () => {
      const signed = signUrl({ url: `${base}/paid/report.pdf`, keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: expires() });
      const codes = async (url: string, cookies?: string) =>
        diagnose({ url, live: await requestLive(url, cookies) })
          .filter((f) => f.code.startsWith('Live') || f.code.startsWith('Origin'))
          .map((f) => `${f.severity} ${f.code}`);
      assert.deepEqual(await codes(signed), ['ok LiveGranted']);
      assert.deepEqual(await codes(`${base}/paid/report.pdf`), ['error LiveMissingKey']);
      const missing = signUrl({ url: `${base}/paid/none.pdf`, keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: expires() });
      assert.deepEqual(await codes(missing), ['error OriginNoSuchKey']);
      const cookies = signCookies({ resource: `${base}/paid/*`, keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: expires() });
      const setCookieLines = Object.entries(cookies)
        .map(([n, v]) => `Set-Cookie: ${n}=${v}; Path=/; HttpOnly`)
        .join('\n');
      assert.deepEqual(await codes(`${base}/paid/v/1.ts`, setCookieLines), ['ok LiveGranted']);
    });

    it('reports a refused connection as unreachable, without throwing', async () => {
      const closed = await startEdge({ root, publicKeys: new Map() });
      await closed.close();
      const findings = diagnose({ url: `${closed.url}/paid/report.pdf?Expires=1&Signature=AA__&Key-Pair-Id=K1`, now: 0, live: await requestLive(`${closed.url}/x`, undefined, 2000) });
      assert.ok(
        findings.some((f) => f.code === 'LiveUnreachable' && /ECONNREFUSED/.test(f.message)),
        JSON.stringify(findings),
      );
    });
  });

  it('decides by the same rules as the diagnosis: evaluateEdgeRequest without a server', () => {
    const config = { publicKeys: new Map([[KEY_ID, TEST_KEYS.rsa2048.publicPem]]), pathPattern: 'paid/*' };
    const url = signUrl({ url: 'http://127.0.0.1:1/paid/a', keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: 2_000_000_000 });
    assert.deepEqual(evaluateEdgeRequest({ url, now: 1_999_999_000 }, config), { granted: true, behavior: 'paid/*' });
    const late = evaluateEdgeRequest({ url, now: 2_000_000_001 }, config);
    assert.equal(late.granted, false);
    assert.equal(!late.granted && late.code, 'AccessDenied');
    assert.deepEqual(!late.granted && late.findings.filter((f) => f.severity === 'error').map((f) => f.code), ['Expired']);
    assert.deepEqual(evaluateEdgeRequest({ url: 'http://127.0.0.1:1/free' }, config), { granted: true, behavior: 'Default (*)' });
  });
});
