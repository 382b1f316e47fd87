// The Go, C# and Java outputs, every variant checked by its toolchain's parser (what runs for real is in
// conformance.test.ts: Go against Debian's aws-sdk-go-v2, Java on the JDK, C#'s browser form on Mono):
// - Go: `gofmt -l -e` parses each file and finds it formatted as gofmt would (Debian's golang-go);
// - C#: `mcs --parse` (Debian's mono-mcs) parses each file;
// - Java: the JDK's compiler front end parses each file (ParseJava.java).
// A missing tool skips its test and says which. The SDK calls themselves are pinned by golden files
// (golden.test.ts), reviewed against each SDK's sources and release notes, cited there.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { generateSigningCode, type KeySource, type SigningLanguage } from '../../../src/codegen/signing';

const run = promisify(execFile);
const SOURCES: KeySource[] = [
  { kind: 'env', variable: 'CLOUDFRONT_PRIVATE_KEY' },
  { kind: 'file', path: '/run/secrets/cloudfront.pem' },
  { kind: 'kms', keyId: 'alias/cloudfront-signing' },
  { kind: 'secretsManager', secretId: 'cloudfront/signing-key' },
  { kind: 'ssm', parameterName: '/cloudfront/signing-key' },
];

/** Every variant of a language, each in its own folder (the file names repeat). */
function writeVariants(root: string, language: SigningLanguage): Array<{ id: string; file: string }> {
  const written: Array<{ id: string; file: string }> = [];
  for (const algorithm of ['RSA_2048', 'ECDSA_P256'] as const) {
    for (const kind of ['url', 'cookies', 'streamCookies'] as const) {
      for (const keySource of SOURCES) {
        const id = `${language}-${algorithm}-${kind}-${keySource.kind}`;
        const generated = generateSigningCode({ publicKeyId: 'K2JCJMDEHXQW5F', algorithm, language, kind, keySource });
        mkdirSync(join(root, id));
        const file = join(root, id, generated.fileName);
        writeFileSync(file, generated.code);
        written.push({ id, file });
      }
    }
  }
  return written;
}

/** Skips the test, saying which tool is missing (mocha prints no reason for a skip). */
function skipWithout(context: Mocha.Context, tool: string, args: string[]): void {
  if (!spawnSync(tool, args, { stdio: 'ignore' }).error) return;
  console.warn(`SKIPPED: ${tool} is not on this machine`);
  context.skip();
}

describe('generated signing code for Go, C# and Java, checked by their toolchains', function () {
  this.timeout(120_000);
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'cfpc-codegen-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('Go: every variant parses and is gofmt-formatted', async function () {
    skipWithout(this, 'gofmt', ['-h']);
    const files = writeVariants(root, 'go').map((variant) => variant.file);
    const { stdout } = await run('gofmt', ['-l', '-e', ...files]).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: `${error.stdout ?? ''}${error.stderr ?? ''}` }));
    assert.equal(stdout.trim(), '', 'gofmt lists the files it would change or cannot parse');
  });

  it('C#: every variant parses (mcs --parse)', function () {
    skipWithout(this, 'mcs', ['--version']);
    const problems: string[] = [];
    for (const variant of writeVariants(root, 'csharp')) {
      const result = spawnSync('mcs', ['--parse', variant.file], { encoding: 'utf8' });
      if (result.status !== 0) problems.push(`${variant.id}: ${result.stdout}${result.stderr}`);
    }
    assert.deepEqual(problems, []);
  });

  it('Java: every variant parses (the JDK compiler front end)', function () {
    skipWithout(this, 'java', ['-version']);
    const variants = writeVariants(root, 'java');
    const parsed = spawnSync('java', [resolve('test/unit/codegen/ParseJava.java'), ...variants.map((variant) => variant.file)], { encoding: 'utf8' });
    assert.equal(`${parsed.stdout}${parsed.stderr}`.trim(), '');
    assert.equal(parsed.status, 0);
  });

  it('the parse checks can fail: a broken file is reported by each tool', function () {
    skipWithout(this, 'gofmt', ['-h']);
    skipWithout(this, 'mcs', ['--version']);
    skipWithout(this, 'java', ['-version']);
    const broken = (language: SigningLanguage, name: string) => {
      const code = generateSigningCode({ publicKeyId: 'K2JCJMDEHXQW5F', algorithm: 'RSA_2048', language, kind: 'url', keySource: SOURCES[0] }).code;
      const file = join(root, name);
      writeFileSync(file, code.replace(/\}\s*$/, ''));
      return file;
    };
    assert.notEqual(spawnSync('gofmt', ['-l', '-e', broken('go', 'sign.go')]).status, 0);
    assert.notEqual(spawnSync('mcs', ['--parse', broken('csharp', 'Sign.cs')]).status, 0);
    assert.notEqual(spawnSync('java', [resolve('test/unit/codegen/ParseJava.java'), broken('java', 'Sign.java')]).status, 0);
  });

  it('each signs with SHA-256, through its SDK or standard library where that keeps the URL as signed', function () {
    const url = (language: SigningLanguage, algorithm: 'RSA_2048' | 'ECDSA_P256', keySource: KeySource = SOURCES[0]) =>
      generateSigningCode({ publicKeyId: 'K2JCJMDEHXQW5F', algorithm, language, kind: 'url', keySource }).code;
    assert.match(url('go', 'ECDSA_P256'), /sign\.NewCannedPolicy\(viewerURL, time\.Unix\(expires, 0\)\)/);
    assert.match(url('go', 'ECDSA_P256'), /key\.Sign\(rand\.Reader, digest\[:\], crypto\.SHA256\)/);
    assert.match(url('go', 'RSA_2048', SOURCES[2]), /MessageType:\s+kmstypes\.MessageTypeDigest/);
    // Java signs with the JDK: CloudFrontUtilities writes a decoded path and drops the port (see java.ts).
    assert.match(url('java', 'ECDSA_P256'), /Signature\.getInstance\("SHA256withECDSA"\)/);
    assert.doesNotMatch(url('java', 'ECDSA_P256'), /CloudFrontUtilities/);
    assert.match(url('csharp', 'ECDSA_P256'), /key\.SignData\(policy, HashAlgorithmName\.SHA256, DSASignatureFormat\.Rfc3279DerSequence\)/);
    assert.match(url('csharp', 'RSA_2048'), /key\.SignData\(policy, HashAlgorithmName\.SHA256, RSASignaturePadding\.Pkcs1\)/);
    assert.match(url('csharp', 'RSA_2048', SOURCES[2]), /SigningAlgorithm = SigningAlgorithmSpec\.RSASSA_PKCS1_V1_5_SHA_256/);
    assert.match(url('javascript', 'RSA_2048'), /sign\('sha256', Buffer\.from\(policy, 'utf8'\), await privateKey\(\)\)/);
    assert.match(url('python', 'RSA_2048'), /CloudFrontSigner\(KEY_PAIR_ID, sign_policy\)/);
    for (const language of ['typescript', 'javascript', 'python', 'go', 'csharp', 'java'] as const) {
      for (const keySource of SOURCES) {
        const code = url(language, 'RSA_2048', keySource);
        assert.doesNotMatch(code, /BEGIN [A-Z ]*PRIVATE KEY-----\s*\n[A-Za-z0-9+/]/, `${language} ${keySource.kind}: no key material in the code`);
        // ASCII only, so no compiler depends on the machine's default encoding (javac under a C locale reads US-ASCII).
        assert.ok(![...code].some((character) => character.charCodeAt(0) > 0x7f), `${language} ${keySource.kind}: ASCII only`);
      }
    }
  });
});
