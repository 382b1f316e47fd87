// The Go, C# and Java outputs, checked with what this machine has (the AWS SDKs for these languages
// cannot be fetched offline, so most variants cannot be compiled here):
// - Go: `gofmt -l -e` parses each file and finds it formatted as gofmt would (Debian's golang-go);
// - C#: `mcs --parse` (Debian's mono-mcs) parses each file;
// - Java: the JDK's compiler front end parses each file (ParseJava.java), and the variants that use
//   only the JDK (cookies from an environment variable or a file) compile with `javac -Xlint:all -Werror`;
//   signingCode.test.ts runs those against the local edge.
// A missing tool skips its test and says which; the AWS SDK calls are checked by review against each
// SDK's documented API (see src/codegen/signing/*.ts).
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

const available = (command: string, args: string[]): boolean => !spawnSync(command, args, { stdio: 'ignore' }).error;

/** Every variant of a language, each in its own folder (the file names repeat). */
function writeVariants(root: string, language: SigningLanguage): Array<{ id: string; file: string; jdkOnly: boolean }> {
  const written: Array<{ id: string; file: string; jdkOnly: boolean }> = [];
  for (const algorithm of ['RSA_2048', 'ECDSA_P256'] as const) {
    for (const kind of ['url', 'cookies'] as const) {
      for (const keySource of SOURCES) {
        const id = `${language}-${algorithm}-${kind}-${keySource.kind}`;
        const generated = generateSigningCode({ publicKeyId: 'K2JCJMDEHXQW5F', algorithm, language, kind, keySource });
        mkdirSync(join(root, id));
        const file = join(root, id, generated.fileName);
        writeFileSync(file, generated.code);
        written.push({ id, file, jdkOnly: kind === 'cookies' && (keySource.kind === 'env' || keySource.kind === 'file') });
      }
    }
  }
  return written;
}

describe('generated signing code for Go, C# and Java, checked by their toolchains', function () {
  this.timeout(120_000);
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'cfpc-codegen-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('Go: every variant parses and is gofmt-formatted', async function () {
    if (!available('gofmt', ['-h'])) this.skip();
    const files = writeVariants(root, 'go').map((variant) => variant.file);
    const { stdout } = await run('gofmt', ['-l', '-e', ...files]).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: `${error.stdout ?? ''}${error.stderr ?? ''}` }));
    assert.equal(stdout.trim(), '', 'gofmt lists the files it would change or cannot parse');
  });

  it('C#: every variant parses (mcs --parse)', function () {
    if (!available('mcs', ['--version'])) this.skip();
    const problems: string[] = [];
    for (const variant of writeVariants(root, 'csharp')) {
      const result = spawnSync('mcs', ['--parse', variant.file], { encoding: 'utf8' });
      if (result.status !== 0) problems.push(`${variant.id}: ${result.stdout}${result.stderr}`);
    }
    assert.deepEqual(problems, []);
  });

  it('Java: every variant parses, and the JDK-only ones compile without warnings', function () {
    if (!available('javac', ['-version'])) this.skip();
    const variants = writeVariants(root, 'java');
    const parsed = spawnSync('java', [resolve('test/unit/codegen/ParseJava.java'), ...variants.map((variant) => variant.file)], { encoding: 'utf8' });
    assert.equal(`${parsed.stdout}${parsed.stderr}`.trim(), '');
    assert.equal(parsed.status, 0);
    const jdkOnly = variants.filter((variant) => variant.jdkOnly);
    assert.equal(jdkOnly.length, 4);
    for (const variant of jdkOnly) {
      const compiled = spawnSync('javac', ['-Xlint:all', '-Werror', '-d', join(root, variant.id, 'classes'), variant.file], { encoding: 'utf8' });
      assert.equal(compiled.status, 0, `${variant.id}: ${compiled.stdout}${compiled.stderr}`);
    }
  });

  it('each uses its SDK signer where the SDK can, with SHA-256', function () {
    const url = (language: SigningLanguage, algorithm: 'RSA_2048' | 'ECDSA_P256', keySource: KeySource = SOURCES[0]) =>
      generateSigningCode({ publicKeyId: 'K2JCJMDEHXQW5F', algorithm, language, kind: 'url', keySource }).code;
    assert.match(url('go', 'ECDSA_P256'), /sign\.NewURLSigner\(keyPairID, key\)[\s\S]*signer\.HashAlg = sign\.HashSHA256/);
    assert.match(url('go', 'RSA_2048', SOURCES[2]), /MessageType:\s+kmstypes\.MessageTypeDigest/);
    assert.match(url('java', 'ECDSA_P256'), /CloudFrontUtilities\.create\(\)\.getSignedUrlWithCannedPolicy[\s\S]*/);
    assert.match(url('java', 'ECDSA_P256'), /\.hashAlgorithm\(HashAlgorithm\.SHA256\)/);
    assert.match(url('csharp', 'ECDSA_P256'), /DSASignatureFormat\.Rfc3279DerSequence/);
    assert.match(url('javascript', 'RSA_2048'), /getSignedUrl\(\{[^}]*algorithm: 'SHA256' \}\)/);
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
