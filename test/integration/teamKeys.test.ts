// Keys whose private half lives in AWS, in the real extension against moto (one moto.server serves
// CloudFront, KMS and Secrets Manager): key pairs created in KMS through arguments and through the
// wizard, RSA and ECDSA, whose CloudFront public key is exactly KMS's; URLs and cookies signed with
// them that OpenSSL (a child process, not the project's verifier) verifies against CloudFront's copy of
// the public key; SHA1 refused. A key pair kept in Secrets Manager: the secret's PEM is the private
// half of the CloudFront key and nothing on this machine holds it (the secret scan, which runs last,
// searches every file for it). Undo after an injected failure leaves no enabled KMS key, no alias and
// no secret.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetPublicKeyCommand, ListPublicKeysCommand } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import type { CreateKeyPairResult } from '../../src/commands/keys/createKeyPair/state';
import { Commands } from '../../src/constants';
import { input, pick, ScriptedUi, type Answer } from '../fakes/scriptedUi';
import { behavior, createDistribution, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { faultProxyAvailable, Faults, injectFaults, clearFaults, RecoveringUi } from './support/faultProxy';
import { aliasTarget, createKmsAlias, createKmsKey, describeKmsKey, kmsKeysNamed, kmsPublicKeyDer, secretTags, secretValue } from './support/awsKeysSeed';
import { rememberPrivateKey, rememberSigned } from './support/secrets';
import { testingHooks } from './support/testingHooks';

const FUTURE = '2099-01-01T00:00:00Z';
const KMS = 'AWS KMS — the private key never leaves KMS';
const SECRETS_MANAGER = 'AWS Secrets Manager — for your backend';
let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++counter}`;

async function cloudFrontPublicKey(id: string): Promise<KeyObject> {
  return createPublicKey((await seedClient().send(new GetPublicKeyCommand({ Id: id }))).PublicKey!.PublicKeyConfig!.EncodedKey!);
}

const der = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });

/** CloudFront's URL-safe base64 (- for +, _ for =, ~ for /) back to bytes. */
const cloudFrontBytes = (value: string) => Buffer.from(value.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');

/** OpenSSL verifies `signature` over `data` with `publicKey` and SHA-256 (RSASSA-PKCS1-v1_5 or DER ECDSA): the independent check. */
function opensslVerifies(publicKey: KeyObject, data: Buffer, signature: Buffer): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'verify-'));
  try {
    writeFileSync(join(dir, 'public.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(dir, 'data'), data);
    writeFileSync(join(dir, 'signature'), signature);
    try {
      // stderr is captured, not printed: a refused signature (the tampered check) is expected.
      const args = ['dgst', '-sha256', '-verify', join(dir, 'public.pem'), '-signature', join(dir, 'signature'), join(dir, 'data')];
      return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() === 'Verified OK';
    } catch {
      return false; // openssl exits 1 on "Verification failure"
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The policy and signature of a signed URL as CloudFront reads them: the Policy parameter, or for a
 * canned policy the statement CloudFront rebuilds from the URL without its signing parameters and
 * Expires (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html).
 */
function signedParts(signed: string): { policy: Buffer; signature: Buffer; keyPairId: string; hash: string | null } {
  const url = new URL(signed);
  const q = url.searchParams;
  const known = ['Expires', 'Policy', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm'];
  assert.deepEqual(
    [...q.keys()].filter((k) => !known.includes(k)),
    [],
    'the URL to sign had no query of its own',
  );
  const policy = q.get('Policy')
    ? cloudFrontBytes(q.get('Policy')!)
    : Buffer.from(`{"Statement":[{"Resource":"${url.origin}${url.pathname}","Condition":{"DateLessThan":{"AWS:EpochTime":${q.get('Expires')!}}}}]}`);
  return { policy, signature: cloudFrontBytes(q.get('Signature')!), keyPairId: q.get('Key-Pair-Id')!, hash: q.get('Hash-Algorithm') };
}

describe('keys in AWS KMS and Secrets Manager (moto)', function () {
  this.timeout(60_000);
  let hooks: TestingApi;
  const distributions: string[] = [];

  before(async () => {
    hooks = await testingHooks();
  });

  afterEach(() => hooks.setUi(undefined));

  after(async () => {
    await deleteDistributions(seedClient(), distributions);
  });

  /** A distribution whose /team/* trusts `keyGroupId`; returns its domain. */
  async function trustingDistribution(keyGroupId: string): Promise<string> {
    const distribution = await createDistribution(seedClient(), `team keys ${Date.now()}`, [behavior('/team/*', [keyGroupId])]);
    distributions.push(distribution.Id!);
    await vscode.commands.executeCommand(Commands.refresh); // forget the distributions read so far
    return distribution.DomainName!;
  }

  /** Signs a URL (canned and custom policy) and cookies with `publicKeyId`, each checked by OpenSSL against CloudFront's copy; SHA1 refused. */
  async function signsVerifiably(publicKeyId: string, keyGroupId: string): Promise<void> {
    const domain = await trustingDistribution(keyGroupId);
    const publicKey = await cloudFrontPublicKey(publicKeyId);
    for (const extra of [{}, { ipRange: '192.0.2.0/24' }]) {
      const signed = await vscode.commands.executeCommand<string>(Commands.signUrl, { url: `https://${domain}/team/a.mp4`, keyPairId: publicKeyId, expires: FUTURE, copy: false, ...extra });
      rememberSigned(signed);
      const parts = signedParts(signed);
      assert.equal(parts.keyPairId, publicKeyId);
      assert.equal(parts.hash, 'SHA256', 'a key in AWS signs with SHA-256, and says so');
      assert.ok(opensslVerifies(publicKey, parts.policy, parts.signature), `OpenSSL verifies the URL signature (${JSON.stringify(extra)})`);
      assert.equal(opensslVerifies(publicKey, Buffer.concat([parts.policy, Buffer.from(' ')]), parts.signature), false, 'and refuses it over other bytes');
    }
    const cookies = await vscode.commands.executeCommand<Record<string, string>>(Commands.signCookies, { resource: `https://${domain}/team/*`, keyPairId: publicKeyId, expires: FUTURE, copy: false });
    rememberSigned(cookies);
    assert.equal(cookies['CloudFront-Key-Pair-Id'], publicKeyId);
    assert.equal(cookies['CloudFront-Hash-Algorithm'], 'SHA256');
    assert.ok(opensslVerifies(publicKey, cloudFrontBytes(cookies['CloudFront-Policy']), cloudFrontBytes(cookies['CloudFront-Signature'])), 'OpenSSL verifies the cookie signature');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(Commands.signUrl, { url: `https://${domain}/team/a.mp4`, keyPairId: publicKeyId, hashAlgorithm: 'SHA1', expires: FUTURE, copy: false })),
      (error: Error & { input?: string }) => error.input === 'hashAlgorithm' && /SHA1 cannot be used here: .*signs with SHA-256 only\. Use SHA256\./.test(error.message),
    );
  }

  /** The key pair's KMS key: the spec, a signing key, enabled, named by its alias; CloudFront's public key is exactly KMS's. */
  async function isKmsKeyPair(result: CreateKeyPairResult, name: string, spec: 'RSA_2048' | 'ECC_NIST_P256'): Promise<void> {
    assert.equal(result.keyStorage, 'kms');
    assert.ok(result.kmsKeyArn?.startsWith('arn:aws:kms:us-east-1:'), result.kmsKeyArn);
    assert.equal(result.secretArn, undefined);
    const key = await describeKmsKey(result.kmsKeyArn!);
    assert.deepEqual([key.KeySpec, key.KeyUsage, key.KeyState], [spec, 'SIGN_VERIFY', 'Enabled']);
    assert.equal(await aliasTarget(`alias/cloudfront/${name}`), key.KeyId);
    assert.ok(der(await cloudFrontPublicKey(result.publicKeyId)).equals(await kmsPublicKeyDer(result.kmsKeyArn!)), "CloudFront's public key is KMS's GetPublicKey");
    const listed = hooks.keyStore.find(result.publicKeyId)!;
    assert.deepEqual(listed.storage, { kind: 'kms', keyArn: result.kmsKeyArn, alias: `alias/cloudfront/${name}` });
    assert.equal(await hooks.keyStore.privateKeyPem(listed.fingerprint), undefined, 'the secret-storage entry holds no private key');
  }

  for (const [algorithm, spec] of [
    ['RSA_2048', 'RSA_2048'],
    ['ECDSA_P256', 'ECC_NIST_P256'],
  ] as const) {
    it(`with arguments: a ${algorithm} key pair in KMS whose URLs and cookies OpenSSL verifies with CloudFront's public key`, async () => {
      const name = unique(`kms-${algorithm.toLowerCase()}`);
      const result = await vscode.commands.executeCommand<CreateKeyPairResult>(Commands.createKeyPair, { name, algorithm, keyGroupName: `${name}-group`, keyStorage: 'kms' });
      await isKmsKeyPair(result, name, spec);
      await signsVerifiably(result.publicKeyId, result.keyGroupId);
    });
  }

  /** An ECDSA key pair `name` through the wizard, its private key where the storage row `storageRow` says, in a new key group. */
  async function ecdsaKeyPairThroughWizard(name: string, storageRow: string): Promise<{ ui: ScriptedUi; result: CreateKeyPairResult }> {
    const ui = new ScriptedUi([
      input(name),
      pick('ECDSA P-256'),
      pick(storageRow, { expectPicked: 'This machine (VS Code secret storage)' }),
      pick('$(add) New key group'),
      input(`${name}-group`),
      pick('Not now'),
      pick('$(check) Create'),
    ]);
    hooks.setUi(ui);
    const result = await vscode.commands.executeCommand<CreateKeyPairResult>(Commands.createKeyPair);
    ui.assertAllUsed();
    return { ui, result };
  }

  it('through the wizard: the storage step after the algorithm, a KMS key for ECDSA, said in the confirm step and the notification', async () => {
    const name = unique('kms-wizard');
    const { ui, result } = await ecdsaKeyPairThroughWizard(name, KMS);
    assert.ok(ui.prompts.at(-1)!.rows!.includes(`$(cloud) Private key in a new AWS KMS key — alias/cloudfront/${name} · never leaves KMS`), ui.prompts.at(-1)!.rows!.join('\n'));
    await isKmsKeyPair(result, name, 'ECC_NIST_P256');
    assert.ok(ui.progress.includes('Create an AWS KMS signing key (ECC_NIST_P256)'), ui.progress.join(' | '));
    assert.ok(!ui.progress.some((p) => p.includes("VS Code's secret storage")), ui.progress.join(' | '));
    assert.match(ui.notifications.at(-1)!.message, new RegExp(`Its private key is in AWS KMS \\(alias/cloudfront/${name}\\) and never leaves it\\.$`));
    await signsVerifiably(result.publicKeyId, result.keyGroupId);
  });

  it('through the wizard: an existing KMS key of the right spec is offered by its alias; the others are not', async () => {
    const name = unique('kms-existing');
    const alias = `alias/team/${name}`;
    const keyArn = await createKmsKey('ECC_NIST_P256');
    await createKmsAlias(alias, keyArn);
    const rsaAlias = `alias/team/${name}-rsa`;
    await createKmsAlias(rsaAlias, await createKmsKey('RSA_2048'));
    const { ui, result } = await ecdsaKeyPairThroughWizard(name, `AWS KMS — existing key ${alias}`);
    const storageRows = ui.prompts.find((p) => p.rows?.some((r) => r.startsWith('AWS KMS — existing key')))!.rows!;
    assert.ok(!storageRows.some((row) => row.includes(rsaAlias)), 'an RSA key is not offered for an ECDSA key pair');
    assert.equal(result.kmsKeyArn, keyArn, 'the existing key holds the private key: no new KMS key');
    assert.ok(der(await cloudFrontPublicKey(result.publicKeyId)).equals(await kmsPublicKeyDer(keyArn)), "CloudFront's public key is the existing KMS key's");
    assert.equal((hooks.keyStore.find(result.publicKeyId)?.storage as { alias?: string } | undefined)?.alias, alias);
    await signsVerifiably(result.publicKeyId, result.keyGroupId);
  });

  it('the hover says the key is in KMS, and Generate Signing Code signs through that KMS key unless told otherwise', async () => {
    const name = unique('kms-where');
    const result = await vscode.commands.executeCommand<CreateKeyPairResult>(Commands.createKeyPair, { name, algorithm: 'RSA_2048', keyGroupName: `${name}-group`, keyStorage: 'kms' });
    const domain = await trustingDistribution(result.keyGroupId);
    const signed = await vscode.commands.executeCommand<string>(Commands.signUrl, { url: `https://${domain}/team/c.mp4`, keyPairId: result.publicKeyId, expires: FUTURE, copy: false });
    rememberSigned(signed);
    const document = await vscode.workspace.openTextDocument({ content: signed });
    await vscode.window.showTextDocument(document);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 20));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'); // later suites and UI tests start with no editor
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, new RegExp(`${result.publicKeyId}.*private key in AWS KMS alias/cloudfront/${name}`));
    const code = await vscode.commands.executeCommand<string>(Commands.generateSigningCode, { publicKeyId: result.publicKeyId, language: 'python' });
    assert.ok(code.includes(`alias/cloudfront/${name}`), 'the generated code names the KMS key');
    assert.match(code, /kms/i);
    const fromEnv = await vscode.commands.executeCommand<string>(Commands.generateSigningCode, { publicKeyId: result.publicKeyId, language: 'python', keySource: { kind: 'env', variable: 'CF_KEY' } });
    assert.ok(!fromEnv.includes(`alias/cloudfront/${name}`) && fromEnv.includes('CF_KEY'), 'an explicit keySource wins');
  });

  it("with arguments: a key pair in Secrets Manager: the secret's PEM is the private half of the CloudFront key, tagged with its id, and this machine keeps none", async () => {
    const name = unique('sm-key');
    const result = await vscode.commands.executeCommand<CreateKeyPairResult>(Commands.createKeyPair, { name, algorithm: 'RSA_2048', keyGroupName: `${name}-group`, keyStorage: 'secretsManager' });
    assert.equal(result.keyStorage, 'secretsManager');
    assert.equal(result.kmsKeyArn, undefined);
    const pem = await secretValue(result.secretArn!);
    assert.ok(pem?.includes('PRIVATE KEY-----'), 'the secret holds a PEM');
    const privateKey = rememberPrivateKey(pem!); // the secret scan (run last) finds any copy of it on disk
    assert.ok(der(createPublicKey(privateKey)).equals(der(await cloudFrontPublicKey(result.publicKeyId))), "the secret's PEM is the private half of the CloudFront key");
    assert.deepEqual((await secretTags(result.secretArn!))?.['cloudfront:public-key-id'], result.publicKeyId);
    const listed = hooks.keyStore.find(result.publicKeyId)!;
    assert.deepEqual(listed.storage, { kind: 'secretsManager', secretArn: result.secretArn, secretName: `cloudfront/${name}` });
    assert.equal(await hooks.keyStore.privateKeyPem(listed.fingerprint), undefined, 'the secret-storage entry holds no private key');
    await signsVerifiablyLocalHash(result.publicKeyId, result.keyGroupId);
  });

  /** A key read from Secrets Manager signs like a local one (SHA1 allowed for RSA); checked by OpenSSL with SHA-256. */
  async function signsVerifiablyLocalHash(publicKeyId: string, keyGroupId: string): Promise<void> {
    const domain = await trustingDistribution(keyGroupId);
    const signed = await vscode.commands.executeCommand<string>(Commands.signUrl, {
      url: `https://${domain}/team/b.mp4`,
      keyPairId: publicKeyId,
      hashAlgorithm: 'SHA256',
      expires: FUTURE,
      copy: false,
    });
    rememberSigned(signed);
    const parts = signedParts(signed);
    assert.ok(opensslVerifies(await cloudFrontPublicKey(publicKeyId), parts.policy, parts.signature), 'OpenSSL verifies the URL signed with the key read from Secrets Manager');
  }

  describe('Undo after a failure (fault proxy)', () => {
    before(function () {
      if (!faultProxyAvailable()) this.skip();
    });
    afterEach(() => (faultProxyAvailable() ? clearFaults() : undefined));

    async function undoneWizard(name: string, storage: Answer[]): Promise<RecoveringUi> {
      const ui = new RecoveringUi([input(name), pick('RSA 2048'), ...storage, pick('$(add) New key group'), input(`${name}-group`), pick('Not now'), pick('$(check) Create')]);
      ui.notificationAnswers.push('Undo');
      hooks.setUi(ui);
      await injectFaults({ operation: 'CreateKeyGroup', fault: Faults.internalError });
      assert.equal(await vscode.commands.executeCommand(Commands.createKeyPair), undefined, 'cancelled after Undo');
      ui.assertAllUsed();
      const publicKeys = (await seedClient().send(new ListPublicKeysCommand({}))).PublicKeyList?.Items ?? [];
      assert.deepEqual(
        publicKeys.filter((k) => k.Name === name),
        [],
        'Undo deleted the public key',
      );
      assert.equal(
        hooks.keyStore.list().some((k) => k.name === name),
        false,
        'and unlisted the key',
      );
      return ui;
    }

    it('a KMS key pair: the alias is deleted and the key scheduled for deletion (7 days), none left enabled', async () => {
      const name = unique('kms-undo');
      const ui = await undoneWizard(name, [pick(KMS)]);
      assert.match(
        ui.notifications.at(-1)!.message,
        /^Undone: Create an AWS KMS signing key \(RSA_2048\); Name the KMS key alias\/cloudfront\/kms-undo-\S+; Read the public key of the KMS key; Upload public key \S+; List key /,
      );
      assert.equal(await aliasTarget(`alias/cloudfront/${name}`), undefined, 'no alias');
      const keys = await kmsKeysNamed(name);
      assert.equal(keys.length, 1, 'the run made one KMS key');
      assert.equal(keys[0].state, 'PendingDeletion');
    });

    it('a Secrets Manager key pair: the secret is deleted at once', async () => {
      const name = unique('sm-undo');
      const ui = await undoneWizard(name, [pick(SECRETS_MANAGER), input('')]);
      assert.match(
        ui.notifications.at(-1)!.message,
        new RegExp(`^Undone: Generate an RSA 2048 key pair; Upload public key \\S+; Store the private key in Secrets Manager secret cloudfront/${name}; List key `),
      );
      assert.equal(await secretTags(`cloudfront/${name}`), undefined, 'no secret');
    });
  });
});
