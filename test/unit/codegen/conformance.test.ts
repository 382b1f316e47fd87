// One corpus, every generated language, the core as the reference (issue 22). Each URL and cookie
// resource of test/fixtures/conformance/urls.json is signed by each language's generated program
// (RSA 2048 and ECDSA P-256, key from an environment variable, a fixed clock) and by the extension's
// core (src/signing):
// - RSA URLs: the printed signed URL is byte-identical to the core's (PKCS#1 v1.5 is deterministic);
// - ECDSA URLs: the URL before the signing parameters is the core's browser form, and the signature
//   verifies against the public key over the canned policy CloudFront rebuilds from it;
// - cookies: the policy's Resource is the core's normalizeResource, and the signature verifies;
// - stream cookies (each corpus URL taken as a playlist): the Resource is the core's normalizeResource of the
//   playlist's folder, and the signature verifies;
// - an input the core refuses (fragment, quote, backslash, bad host or port...) is refused too.
// The programs run in batches (drivers in conformance/: one process per language, one `go test` per Go
// variant), so the whole corpus takes seconds. A missing toolchain skips its language and says so.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { generateSigningCode, type SigningKind, type SigningLanguage } from '../../../src/codegen/signing';
import { decodeCloudFrontBase64, normalizeResource, normalizeViewerUrl, signUrl } from '../../../src/signing';
import type { KeyAlgorithm } from '../../../src/keys/algorithms';
import { TEST_KEYS } from '../signing/helpers';

const run = promisify(execFile);
const PINNED_NODE = resolve('node_modules/.bin/node');
const DRIVERS = resolve('test/unit/codegen/conformance');
const CORPUS = JSON.parse(readFileSync(resolve('test/fixtures/conformance/urls.json'), 'utf8')) as { urls: string[]; resources: string[] };
const EXPIRES = 2_000_000_000;
const LIFETIME = 3600;
const KEY_PAIR_ID = 'K2JCJMDEHXQW5F';
const ALGORITHMS: readonly KeyAlgorithm[] = ['RSA_2048', 'ECDSA_P256'];
/** The kinds every language generates (playlistRewriter, in three, runs in playlistRewriter.test.ts). */
const KINDS = ['url', 'cookies', 'streamCookies'] as const satisfies readonly SigningKind[];
type CorpusKind = (typeof KINDS)[number];

interface Variant {
  readonly id: string;
  readonly language: SigningLanguage;
  readonly algorithm: KeyAlgorithm;
  readonly kind: CorpusKind;
  readonly file: string;
}

type Answers = Record<string, string[]>;

const privatePem = (algorithm: KeyAlgorithm) => (algorithm === 'RSA_2048' ? TEST_KEYS.rsa2048 : TEST_KEYS.ec).privatePem;
const publicKey = (algorithm: KeyAlgorithm) => createPublicKey(privatePem(algorithm));
const attempt = (work: () => string): string => {
  try {
    return work();
  } catch (error) {
    return `ERROR ${(error as Error).message}`;
  }
};
/** What the core makes of each entry: the browser form, or its refusal. */
/**
 * The folder of a stream's playlist as a cookie resource, the rule every language writes (playlist.ts): the
 * query cut, up to the last / after the authority, then *.
 */
function streamFolder(playlistUrl: string): string {
  const query = playlistUrl.indexOf('?');
  const base = query < 0 ? playlistUrl : playlistUrl.slice(0, query);
  const slash = base.lastIndexOf('/');
  return slash >= base.indexOf('//') + 2 ? `${base.slice(0, slash + 1)}*` : `${base}/*`;
}
const CORE: Record<CorpusKind, string[]> = {
  url: CORPUS.urls.map((url) => attempt(() => normalizeViewerUrl(url))),
  cookies: CORPUS.resources.map((resource) => attempt(() => normalizeResource(resource))),
  // streamCookies: each URL of the corpus taken as a playlist; the cookies cover its folder.
  streamCookies: CORPUS.urls.map((url) => attempt(() => normalizeResource(streamFolder(url)))),
};
/** What a kind's generated code is given: URLs (a playlist's for streamCookies) or resource patterns. */
const targetsOf = (kind: CorpusKind): string[] => (kind === 'cookies' ? CORPUS.resources : CORPUS.urls);
const CORE_SIGNED_RSA = CORPUS.urls.map((url) => attempt(() => signUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: EXPIRES, hashAlgorithm: 'SHA256' })));

function cannedPolicy(resource: string): string {
  return JSON.stringify({ Statement: [{ Resource: resource, Condition: { DateLessThan: { 'AWS:EpochTime': EXPIRES } } }] });
}

function signatureVerifies(algorithm: KeyAlgorithm, policy: Buffer | string, signature: string): boolean {
  const bytes = decodeCloudFrontBase64(signature);
  return bytes !== undefined && verify('sha256', Buffer.from(policy), publicKey(algorithm), bytes);
}

interface Tally {
  entries: number;
  byteIdentical: number;
  verified: number;
  refused: number;
  /** Browser form equal to the core's, where the signing itself could not run (C# on Mono). */
  browserForm?: number;
}

/** Checks one answer against the core; returns what it proved, or throws with the entry. */
function check(variant: Variant, index: number, answer: string, tally: Tally): void {
  const input = targetsOf(variant.kind)[index];
  const expected = CORE[variant.kind][index];
  const where = `${variant.id} #${index} ${JSON.stringify(input)}`;
  tally.entries++;
  if (expected.startsWith('ERROR')) {
    assert.ok(answer.startsWith('ERROR'), `${where}: the core refuses it (${expected}), the generated code printed ${answer}`);
    tally.refused++;
    return;
  }
  assert.ok(!answer.startsWith('ERROR'), `${where}: the core signs ${expected}, the generated code refused: ${answer}`);
  if (variant.kind === 'url') {
    if (variant.algorithm === 'RSA_2048') {
      assert.equal(answer, CORE_SIGNED_RSA[index], `${where}: not byte-identical to the core`);
      tally.byteIdentical++;
    }
    const parameters = answer.slice(expected.length);
    assert.equal(answer.slice(0, expected.length), expected, `${where}: signs another URL than the core's browser form`);
    const match = /^[?&]Expires=(\d+)&Signature=([^&]+)&Key-Pair-Id=([^&]+)&Hash-Algorithm=SHA256$/.exec(parameters);
    assert.ok(match, `${where}: signing parameters ${parameters}`);
    assert.equal(Number(match[1]), EXPIRES, `${where}: Expires`);
    assert.equal(match[3], KEY_PAIR_ID);
    assert.ok(signatureVerifies(variant.algorithm, cannedPolicy(expected), match[2]), `${where}: the signature does not verify`);
    tally.verified++;
    return;
  }
  const cookies = Object.fromEntries(answer.split('; ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  const policy = decodeCloudFrontBase64(cookies['CloudFront-Policy'] ?? '');
  assert.ok(policy, `${where}: no CloudFront-Policy in ${answer}`);
  const statement = (JSON.parse(policy.toString('utf8')) as { Statement: Array<{ Resource: string; Condition: { DateLessThan: { 'AWS:EpochTime': number } } }> }).Statement[0];
  assert.equal(statement.Resource, expected, `${where}: the policy's Resource is not the core's`);
  assert.equal(statement.Condition.DateLessThan['AWS:EpochTime'], EXPIRES, `${where}: expiry`);
  assert.equal(cookies['CloudFront-Key-Pair-Id'], KEY_PAIR_ID);
  assert.equal(cookies['CloudFront-Hash-Algorithm'], 'SHA256');
  assert.ok(signatureVerifies(variant.algorithm, policy, cookies['CloudFront-Signature'] ?? ''), `${where}: the signature does not verify`);
  tally.verified++;
}

function available(tool: string, args: string[]): boolean {
  return !spawnSync(tool, args, { stdio: 'ignore' }).error;
}

describe('conformance corpus: every generated language signs the core’s browser form', function () {
  this.timeout(300_000);
  let scratch: string;
  const tallies = new Map<SigningLanguage, Tally>();
  const skipped: string[] = [];

  before(() => {
    assert.ok(CORPUS.urls.length >= 200 && CORPUS.resources.length >= 50, 'the corpus holds at least 200 URLs and 50 resources');
    mkdirSync(resolve('test-output'), { recursive: true });
    scratch = mkdtempSync(resolve('test-output', 'conformance-'));
    writeFileSync(join(scratch, 'package.json'), '{ "type": "module", "private": true }\n');
  });
  after(() => {
    const languages = [...tallies.keys()];
    const sum = (field: keyof Tally) => [...tallies.values()].reduce((total, tally) => total + (tally[field] ?? 0), 0);
    console.log(
      `      conformance: ${CORPUS.urls.length} URLs + ${CORPUS.resources.length} resources × ${languages.length} languages (${languages.join(', ')}), ` +
        `RSA and ECDSA: ${sum('entries')} answers, ${sum('byteIdentical')} byte-identical, ${sum('verified')} verified, ${sum('refused')} refused as the core refuses, ` +
        `${sum('browserForm')} in the core's browser form without signing (C# on Mono)` +
        (skipped.length > 0 ? `; skipped: ${skipped.join('; ')}` : ''),
    );
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Each algorithm and kind, the key from an environment variable (or, with `kms`, from KMS). */
  function writeVariants(language: SigningLanguage, source: 'env' | 'kms' = 'env'): Variant[] {
    const variants: Variant[] = [];
    for (const algorithm of ALGORITHMS) {
      for (const kind of KINDS) {
        const id = `${language}${source === 'kms' ? '-kms' : ''}-${algorithm}-${kind}`;
        const keySource = source === 'kms' ? ({ kind: 'kms', keyId: 'alias/conformance' } as const) : ({ kind: 'env', variable: `CONFORMANCE_${algorithm}` } as const);
        const generated = generateSigningCode({ publicKeyId: KEY_PAIR_ID, algorithm, language, kind, keySource });
        const folder = join(scratch, id);
        mkdirSync(folder);
        const file = join(folder, language === 'python' ? `sign_${algorithm}_${kind}.py` : generated.fileName);
        writeFileSync(file, generated.code);
        variants.push({ id, language, algorithm, kind, file });
      }
    }
    return variants;
  }

  const environment = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: scratch,
    CONFORMANCE_RSA_2048: privatePem('RSA_2048'),
    CONFORMANCE_ECDSA_P256: privatePem('ECDSA_P256'),
    // The stub KMS of the Java KMS variants (conformance/java-sdk-stubs) signs with these.
    FAKE_KMS_RSA_KEY: privatePem('RSA_2048'),
    FAKE_KMS_EC_KEY: privatePem('ECDSA_P256'),
    PYTHONWARNINGS: 'ignore',
  });

  function tallyAll(language: SigningLanguage, variants: Variant[], answers: Answers): void {
    const tally: Tally = { entries: 0, byteIdentical: 0, verified: 0, refused: 0 };
    for (const variant of variants) {
      const list = answers[variant.id];
      assert.equal(list?.length, targetsOf(variant.kind).length, `${variant.id}: one answer per entry`);
      list.forEach((answer, index) => check(variant, index, answer, tally));
    }
    tallies.set(language, tally);
  }

  async function runDriver(command: string, args: string[], variants: Variant[]): Promise<Answers> {
    const job = JSON.stringify({ now: EXPIRES - LIFETIME, lifetime: LIFETIME, urls: CORPUS.urls, resources: CORPUS.resources, variants });
    const child = execFile(command, args, { env: environment(), cwd: scratch, maxBuffer: 64 * 1024 * 1024 });
    child.stdin?.end(job);
    const output: string[] = [];
    child.stdout?.on('data', (chunk: string) => output.push(chunk));
    const errors: string[] = [];
    child.stderr?.on('data', (chunk: string) => errors.push(chunk));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    assert.equal(code, 0, `${command} ${args.join(' ')}: ${errors.join('')}`);
    return JSON.parse(output.join('')) as Answers;
  }

  it('Python: every entry as the core, RSA byte-identical (generated modules, one python3 process)', async function () {
    const variants = writeVariants('python');
    tallyAll('python', variants, await runDriver('python3', [join(DRIVERS, 'driver.py')], variants));
  });

  it('JavaScript: every entry as the core (one node process)', async function () {
    const variants = writeVariants('javascript');
    tallyAll('javascript', variants, await runDriver(process.execPath, [join(DRIVERS, 'driver.mjs')], variants));
  });

  it('TypeScript: every entry as the core (Node 24 runs the .ts files as they are)', async function () {
    const variants = writeVariants('typescript');
    tallyAll('typescript', variants, await runDriver(PINNED_NODE, [join(DRIVERS, 'driver.mjs')], variants));
  });

  it('Java: every entry as the core (javac and the JVM: the JDK-only variants, and the KMS variants against STUBS of the SDK)', async function () {
    if (!available('javac', ['-version']) || !available('java', ['-version'])) {
      skipped.push('Java (no JDK)');
      console.warn('SKIPPED: javac or java is not on this machine');
      this.skip();
    }
    // The KMS variants compile against java-sdk-stubs: STUBS of the SDK's documented KmsClient API whose "KMS" signs locally.
    const variants = [...writeVariants('java'), ...writeVariants('java', 'kms')];
    const stubs = join(DRIVERS, 'java-sdk-stubs');
    const stubSources = ['core/SdkBytes', 'services/kms/KmsClient', ...['MessageType', 'SignRequest', 'SignResponse', 'SigningAlgorithmSpec'].map((name) => `services/kms/model/${name}`)].map((name) =>
      join(stubs, 'software/amazon/awssdk', `${name}.java`),
    );
    // One javac and one JVM for all variants: each file gets a package of its own (its class is Sign in each).
    const packageOf = (variant: Variant) => variant.id.replaceAll('-', '_').toLowerCase();
    const sources = variants.map((variant) => {
      const file = join(scratch, variant.id, 'Sign.java');
      writeFileSync(file, `package ${packageOf(variant)};\n${readFileSync(variant.file, 'utf8')}`);
      return file;
    });
    const classes = join(scratch, 'java-classes');
    await run('javac', ['-d', classes, ...sources, ...stubSources, join(DRIVERS, 'Driver.java')], { env: { ...environment(), LC_ALL: 'C' } });
    const lines = variants.flatMap((variant) => targetsOf(variant.kind).map((target) => `${packageOf(variant)} ${variant.kind} ${Buffer.from(target, 'utf8').toString('base64')}\n`));
    const child = execFile('java', ['-cp', classes, 'Driver', String(EXPIRES - LIFETIME), String(LIFETIME)], { env: environment(), maxBuffer: 64 * 1024 * 1024 });
    child.stdin?.end(lines.join(''));
    const output: string[] = [];
    child.stdout?.on('data', (chunk: string) => output.push(chunk));
    const errors: string[] = [];
    child.stderr?.on('data', (chunk: string) => errors.push(chunk));
    assert.equal(await new Promise<number | null>((done) => child.on('close', done)), 0, `java: ${errors.join('')}`);
    const answers: Answers = {};
    for (const line of output.join('').split('\n').slice(0, -1)) {
      const [name, answer] = line.split(' ');
      const variant = variants.find((candidate) => packageOf(candidate) === name);
      assert.ok(variant, line);
      (answers[variant.id] ??= []).push(Buffer.from(answer, 'base64').toString('utf8'));
    }
    tallyAll('java', variants, answers);
  });

  it('C#: every entry in the core’s browser form (mcs and Mono; signing needs .NET 5, which Mono lacks)', async function () {
    if (!available('mcs', ['--version']) || !available('mono', ['--version'])) {
      skipped.push('C# (no mcs or mono)');
      console.warn('SKIPPED: mcs or mono is not on this machine');
      this.skip();
    }
    const variants = writeVariants('csharp');
    const tally: Required<Tally> = { entries: 0, byteIdentical: 0, verified: 0, refused: 0, browserForm: 0 };
    for (const variant of variants) {
      const folder = join(scratch, variant.id);
      const program = join(folder, 'Browser.exe');
      // DotNet5Stubs.cs declares the .NET 5 APIs Mono lacks (JSON writer, ImportFromPem...): stubs that throw, never called.
      await run('mcs', ['-nologo', '-main:Driver', `-out:${program}`, variant.file, join(DRIVERS, 'DotNet5Stubs.cs'), join(DRIVERS, 'Driver.cs')], { cwd: folder });
      if (variant.algorithm !== 'RSA_2048') continue; // the browser form is the same code in both
      const targets = targetsOf(variant.kind);
      const mode = ({ url: 'Url', cookies: 'Resource', streamCookies: 'Stream' } as const)[variant.kind];
      const child = execFile('mono', [program, mode], { maxBuffer: 64 * 1024 * 1024 });
      child.stdin?.end(targets.map((target) => `${Buffer.from(target, 'utf8').toString('base64')}\n`).join(''));
      const output: string[] = [];
      child.stdout?.on('data', (chunk: string) => output.push(chunk));
      assert.equal(await new Promise<number | null>((done) => child.on('close', done)), 0);
      const answers = output
        .join('')
        .split('\n')
        .slice(0, -1)
        .map((line) => Buffer.from(line, 'base64').toString('utf8'));
      assert.equal(answers.length, targets.length);
      answers.forEach((answer, index) => {
        const expected = CORE[variant.kind][index];
        const where = `${variant.id} #${index} ${JSON.stringify(targets[index])}`;
        tally.entries++;
        if (expected.startsWith('ERROR')) {
          assert.ok(answer.startsWith('ERROR'), `${where}: the core refuses it (${expected}), the generated code gave ${answer}`);
          tally.refused++;
        } else {
          assert.equal(answer, expected, `${where}: not the core's browser form`);
          tally.browserForm++;
        }
      });
    }
    tallies.set('csharp', tally);
  });

  it('Go: every entry as the core (go test per variant, offline against Debian’s aws-sdk-go-v2)', async function () {
    if (!available('go', ['version'])) {
      skipped.push('Go (no go toolchain)');
      console.warn('SKIPPED: go is not on this machine');
      this.skip();
    }
    const variants = writeVariants('go');
    const answers: Answers = {};
    for (const variant of variants) {
      const folder = join(scratch, variant.id);
      copyFileSync(join(DRIVERS, 'driver_test.go'), join(folder, 'driver_test.go'));
      copyFileSync(join(DRIVERS, `${variant.kind}_test.go`), join(folder, 'sign_test.go'));
      const jobFile = join(folder, 'job.json');
      const answerFile = join(folder, 'answer.json');
      writeFileSync(jobFile, JSON.stringify({ now: EXPIRES - LIFETIME, lifetime: LIFETIME, targets: targetsOf(variant.kind) }));
      await run('go', ['test', '-count=1', '.'], {
        cwd: folder,
        env: {
          ...environment(),
          GOPATH: '/usr/share/gocode',
          GO111MODULE: 'off',
          GOFLAGS: '',
          GOCACHE: process.env.GOCACHE ?? join(process.env.HOME ?? scratch, '.cache', 'go-build'),
          CONFORMANCE_JOB: jobFile,
          CONFORMANCE_ANSWER: answerFile,
        },
      }).catch((error: { stdout?: string; stderr?: string }) => assert.fail(`${variant.id}: go test failed: ${error.stdout ?? ''}${error.stderr ?? ''}`));
      answers[variant.id] = JSON.parse(readFileSync(answerFile, 'utf8')) as string[];
    }
    tallyAll('go', variants, answers);
  });
});
