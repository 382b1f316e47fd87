// Keys kept in AWS, made OUTSIDE the extension (with the AWS SDK against moto, as a team's
// infrastructure would make them), then linked: an SSM SecureString parameter and a KMS key sign URLs
// that an independent verifier (Python's `cryptography`, not this project's code) accepts with
// CloudFront's copy of the public key; a local key moved to Secrets Manager signs from the secret; the
// Keys view says where each private key lives; deleting never touches a KMS key unless asked.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { resolve } from 'node:path';
import { CreatePublicKeyCommand, GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import { CreateAliasCommand, GetPublicKeyCommand as GetKmsPublicKeyCommand } from '@aws-sdk/client-kms';
import { DescribeSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import type { LinkKeyResult } from '../../src/commands/keys/linkKey';
import type { CreateKeyPairResult } from '../../src/commands/keys/createKeyPair/state';
import { Commands, ContextValues } from '../../src/constants';
import { fingerprintOf, samePublicKey } from '../../src/keys/fingerprint';
import { pick, input, ScriptedUi } from '../fakes/scriptedUi';
import { createKmsKey, createSecret, kmsClient, describeKmsKey, newPrivateKeyPem, putParameter, secretsClient } from './support/awsKeysSeed';
import { behavior, createDistribution, createKeyGroup, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { activateExtension, labelOf, renderChildren } from './support/extension';
import { rememberPrivateKey, rememberSigned } from './support/secrets';
import { testingHooks } from './support/testingHooks';

const FUTURE = '2099-01-01T00:00:00Z';
const VERIFIER = resolve(__dirname, '../../../test/unit/codegen/verify_signed.py');
const run = <T>(command: string, arg?: unknown) => Promise.resolve(vscode.commands.executeCommand<T>(command, arg));

/** CloudFront's copy of a public key (what CloudFront verifies with). */
async function cloudFrontPublicKey(publicKeyId: string): Promise<string> {
  return (await seedClient().send(new GetPublicKeyCommand({ Id: publicKeyId }))).PublicKey!.PublicKeyConfig!.EncodedKey!;
}

/** A public key uploaded to CloudFront outside the extension; returns its id. */
async function createPublicKeyFor(privateKey: KeyObject, name: string): Promise<string> {
  const encoded = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const created = await seedClient().send(new CreatePublicKeyCommand({ PublicKeyConfig: { CallerReference: randomUUID(), Name: name, EncodedKey: encoded } }));
  return created.PublicKey!.Id!;
}

/** The independent verifier's verdict on a signed URL: Python's cryptography package in a child process. */
function verifiedIndependently(signedUrl: string, publicKeyPem: string): { valid: boolean; reason: string; hashAlgorithm: string; keyPairId: string } {
  const output = execFileSync(process.env.CFPC_PYTHON ?? 'python3', [VERIFIER], {
    input: JSON.stringify([{ id: 'url', kind: 'url', output: signedUrl, publicKey: publicKeyPem }]),
    encoding: 'utf8',
    timeout: 20_000,
  });
  return (JSON.parse(output) as Array<{ valid: boolean; reason: string; hashAlgorithm: string; keyPairId: string }>)[0];
}

describe('keys kept in AWS, made outside the extension: link, sign, move, show, delete (moto)', function () {
  this.timeout(60_000);
  const suffix = `${Date.now()}`;
  let hooks: TestingApi;
  const distributionIds: string[] = [];

  before(async () => {
    hooks = await testingHooks();
  });
  afterEach(() => hooks.setUi(undefined));
  after(() => deleteDistributions(seedClient(), distributionIds));

  /** A distribution whose /paid/* trusts a new key group of `publicKeyIds`; returns its domain. */
  async function trustedBy(publicKeyIds: string[], name: string): Promise<string> {
    const groupId = await createKeyGroup(seedClient(), `${name}-${suffix}`, publicKeyIds);
    const distribution = await createDistribution(seedClient(), `${name} ${suffix}`, [behavior('/paid/*', [groupId])]);
    distributionIds.push(distribution.Id!);
    await run(Commands.refresh); // forget the distributions and key groups read so far
    return distribution.DomainName!;
  }

  async function signAndVerify(domain: string, publicKeyId: string): Promise<void> {
    const signed = await run<string>(Commands.signUrl, { url: `https://${domain}/paid/a.mp4`, keyPairId: publicKeyId, expires: FUTURE, hashAlgorithm: 'SHA256', copy: false });
    rememberSigned(signed);
    const verdict = verifiedIndependently(signed, await cloudFrontPublicKey(publicKeyId));
    assert.deepEqual(verdict.valid, true, verdict.reason);
    assert.equal(verdict.keyPairId, publicKeyId);
    assert.equal(verdict.hashAlgorithm, 'SHA256');
  }

  let ssmLinked: LinkKeyResult;
  let kmsLinked: LinkKeyResult;
  let exported: CreateKeyPairResult;
  const parameterName = `/cfpc/linked/${suffix}`;
  const aliasName = `alias/cfpc-linked-${suffix}`;
  const secretName = `cloudfront/exported-${suffix}`;

  it('links an SSM SecureString parameter (uploading its public half) and a KMS key by alias; the public halves in CloudFront are theirs; no PEM is stored', async () => {
    const { pem, privateKey } = newPrivateKeyPem('rsa');
    await putParameter(parameterName, pem, 'SecureString');
    ssmLinked = await run<LinkKeyResult>(Commands.linkKey, { parameterName });
    assert.deepEqual(ssmLinked.keyStorage, { kind: 'ssm', parameterName, region: 'us-east-1' });
    assert.ok(samePublicKey(await cloudFrontPublicKey(ssmLinked.publicKeyId), privateKey));

    const keyArn = await createKmsKey('ECC_NIST_P256');
    await kmsClient().send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: keyArn }));
    kmsLinked = await run<LinkKeyResult>(Commands.linkKey, { kmsKeyId: aliasName, name: `kms-linked-${suffix}` });
    assert.deepEqual(kmsLinked.keyStorage, { kind: 'kms', keyArn, alias: aliasName });
    const kmsPublic = (await kmsClient().send(new GetKmsPublicKeyCommand({ KeyId: keyArn }))).PublicKey!;
    assert.equal(
      fingerprintOf(await cloudFrontPublicKey(kmsLinked.publicKeyId)),
      fingerprintOf(createPublicKey({ key: Buffer.from(kmsPublic), format: 'der', type: 'spki' })),
      "CloudFront's public key is KMS's",
    );

    for (const id of [ssmLinked.publicKeyId, kmsLinked.publicKeyId]) {
      const listed = hooks.keyStore.find(id);
      assert.ok(listed, `${id} is listed`);
      assert.equal(await hooks.keyStore.privateKeyPem(listed.fingerprint), undefined, 'only the reference is kept on this machine');
    }
  });

  it("signs with the linked parameter and the linked KMS key; an independent verifier accepts both with CloudFront's public keys", async () => {
    const domain = await trustedBy([ssmLinked.publicKeyId, kmsLinked.publicKeyId], 'linked');
    await signAndVerify(domain, ssmLinked.publicKeyId);
    await signAndVerify(domain, kmsLinked.publicKeyId);
  });

  it('moves a local key to Secrets Manager (a person is asked whether to delete the local copy); after deleting it, signing reads the secret', async () => {
    exported = await run<CreateKeyPairResult>(Commands.createKeyPair, { name: `exported-${suffix}`, algorithm: 'RSA_2048', keyGroupName: `exported-${suffix}` });
    const fingerprint = hooks.keyStore.find(exported.publicKeyId)!.fingerprint;
    // A person: file or secret, the secret's name, then the question about the local copy (kept here).
    const ui = new ScriptedUi([pick(/Secrets Manager/), input(secretName), { kind: 'confirm', accept: false }]);
    hooks.setUi(ui);
    const copied = await run<{ secretArn: string; deletedLocalCopy: boolean }>(Commands.exportPrivateKey, exported.publicKeyId);
    ui.assertAllUsed();
    assert.match(ui.confirmations[0].message, /Delete the local copy/);
    assert.equal(copied.deletedLocalCopy, false);
    assert.equal(hooks.keyStore.find(exported.publicKeyId)!.storage, undefined, 'still a local key');
    const secretPem = (await secretsClient().send(new GetSecretValueCommand({ SecretId: copied.secretArn }))).SecretString!;
    rememberPrivateKey(createPrivateKey(secretPem));
    assert.ok(samePublicKey(secretPem, await cloudFrontPublicKey(exported.publicKeyId)), "the secret holds the CloudFront key's private half");
    hooks.setUi(undefined);

    // Automation deletes the local copy only when told to; the secret it then creates is another one.
    const moved = await run<{ keyStorage: { kind: string; secretName: string }; deletedLocalCopy: boolean }>(Commands.exportPrivateKey, {
      publicKeyId: exported.publicKeyId,
      secretName: `${secretName}-moved`,
      deleteLocalCopy: true,
    });
    assert.equal(moved.deletedLocalCopy, true);
    assert.equal(await hooks.keyStore.privateKeyPem(fingerprint), undefined, 'no PEM left on this machine');
    assert.equal(hooks.keyStore.find(exported.publicKeyId)!.storage?.kind, 'secretsManager');
    await signAndVerify(await trustedBy([exported.publicKeyId], 'exported-signer'), exported.publicKeyId);
  });

  it('interactively: the public key (or a new one), the kind, then the secret from the list; with a public key id only where the key is', async () => {
    const { pem, privateKey } = newPrivateKeyPem('ec');
    const uploadedSecret = `cloudfront/linked-${suffix}`;
    await createSecret(uploadedSecret, pem);
    // A secret that holds no key is picked first: the person is told why, and picks again from the list.
    const notAKey = `cloudfront/not-a-key-${suffix}`;
    await createSecret(notAKey, 'a password, not a PEM');
    let ui = new ScriptedUi([
      pick(/Upload its public half/),
      pick('Secrets Manager secret'),
      pick(notAKey),
      pick(uploadedSecret),
      input(`picked-${suffix}`, { expectValue: `cloudfront-linked-${suffix}` }),
    ]);
    hooks.setUi(ui);
    const uploaded = await run<LinkKeyResult | undefined>(Commands.linkKey);
    assert.ok(uploaded, `no result; asked: ${JSON.stringify(ui.shownPicks)}`);
    ui.assertAllUsed();
    assert.ok(
      // The list's value is the secret's ARN, which ends with its name and a random suffix.
      ui.notifications.some(
        (n) => n.severity === 'warning' && n.message.includes(notAKey) && n.message.endsWith('holds no PEM private key (-----BEGIN PRIVATE KEY----- …): store the PEM text itself.'),
      ),
      JSON.stringify(ui.notifications),
    );
    assert.equal(uploaded.keyStorage.kind, 'secretsManager');
    assert.ok(samePublicKey(await cloudFrontPublicKey(uploaded.publicKeyId), privateKey));
    // The secret picked again after the refusal, and the new public key's name (a follow-up), share 3/3.
    assert.deepEqual(
      ui.prompts.map((p) => `${p.position?.step}/${p.position?.totalSteps}`),
      ['1/3', '2/3', '3/3', '3/3', '3/3'],
    );

    // A public key made elsewhere, its private half in a SecureString parameter: called with its id, only where.
    const other = newPrivateKeyPem('rsa');
    const publicKeyId = await createPublicKeyFor(other.privateKey, `made-elsewhere-${suffix}`);
    const otherParameter = `/cfpc/elsewhere/${suffix}`;
    await putParameter(otherParameter, other.pem, 'SecureString');
    ui = new ScriptedUi([pick('SSM Parameter Store SecureString'), pick(otherParameter)]);
    hooks.setUi(ui);
    const linked = await run<LinkKeyResult>(Commands.linkKey, publicKeyId);
    ui.assertAllUsed();
    assert.deepEqual(linked, { publicKeyId, keyStorage: { kind: 'ssm', parameterName: otherParameter, region: 'us-east-1' } });
    assert.deepEqual(
      ui.prompts.map((p) => `${p.position?.step}/${p.position?.totalSteps}`),
      ['1/2', '2/2'],
      'no name is asked when linking to a public key: the run ends at 2/2',
    );
    assert.equal(hooks.keyStore.find(publicKeyId)?.name, `made-elsewhere-${suffix}`);

    // Interactive with the name given: the new public key takes it, and no name is asked.
    const named = newPrivateKeyPem('rsa');
    const namedSecret = `cloudfront/named-${suffix}`;
    await createSecret(namedSecret, named.pem);
    ui = new ScriptedUi([pick(/Upload its public half/), pick('Secrets Manager secret'), pick(namedSecret)]);
    hooks.setUi(ui);
    const withName = await run<LinkKeyResult>(Commands.linkKey, { interactive: true, name: `given-${suffix}` });
    ui.assertAllUsed();
    assert.deepEqual(
      ui.prompts.map((p) => `${p.position?.step}/${p.position?.totalSteps}`),
      ['1/3', '2/3', '3/3'],
      'the name was given: the run ends at 3/3 without asking it',
    );
    assert.ok(samePublicKey(await cloudFrontPublicKey(withName.publicKeyId), named.privateKey));
    assert.equal(hooks.keyStore.find(withName.publicKeyId)?.name, `given-${suffix}`);
  });

  it('the Keys view says where each private key lives, with the context values the menus match', async () => {
    const api = await activateExtension();
    const rows: Array<{ description: string; contextValue: string | undefined; label: string; tooltip: string }> = [];
    for (const group of await renderChildren(api.keysView)) {
      for (const child of await renderChildren(api.keysView, group.node)) {
        const tooltip = typeof child.item.tooltip === 'string' ? child.item.tooltip : (child.item.tooltip?.value ?? '');
        rows.push({ label: labelOf(child.item), description: String(child.item.description ?? ''), contextValue: child.item.contextValue, tooltip });
      }
    }
    // The row says where, short and first; the tooltip says which parameter, key or secret.
    const rowOf = (publicKeyId: string) => rows.find((r) => r.description.endsWith(` · ${publicKeyId}`));
    assert.equal(rowOf(ssmLinked.publicKeyId)?.description, `SSM · ${ssmLinked.publicKeyId}`);
    assert.match(rowOf(ssmLinked.publicKeyId)?.tooltip ?? '', new RegExp(`Private key: SSM ${parameterName}$`));
    assert.equal(rowOf(ssmLinked.publicKeyId)?.contextValue, ContextValues.publicKeyInSsm);
    assert.equal(rowOf(kmsLinked.publicKeyId)?.description, `KMS · ${kmsLinked.publicKeyId}`);
    assert.match(rowOf(kmsLinked.publicKeyId)?.tooltip ?? '', new RegExp(`Private key: AWS KMS ${aliasName}$`));
    assert.equal(rowOf(kmsLinked.publicKeyId)?.contextValue, ContextValues.publicKeyInKms);
    assert.equal(rowOf(exported.publicKeyId)?.description, `Secrets Manager · ${exported.publicKeyId}`);
    assert.match(rowOf(exported.publicKeyId)?.tooltip ?? '', new RegExp(`Private key: Secrets Manager ${secretName}-moved$`));
    assert.equal(rowOf(exported.publicKeyId)?.contextValue, ContextValues.publicKeyInSecretsManager);
  });

  it('deleting the listed key moved to Secrets Manager deletes its secret only with deleteSecret, with the 7-day recovery window', async () => {
    const moved = hooks.keyStore.find(exported.publicKeyId)!;
    const secretArn = (moved.storage as { secretArn: string }).secretArn;
    const result = await run<{ secretDeletionDate: string }>(Commands.deleteLocalKey, { publicKeyId: exported.publicKeyId, deleteSecret: true });
    const described = await secretsClient().send(new DescribeSecretCommand({ SecretId: secretArn }));
    assert.ok(described.DeletedDate, 'the secret is scheduled for deletion');
    const days = (Date.parse(result.secretDeletionDate) - Date.now()) / 86_400_000;
    assert.ok(days > 6.9 && days <= 7.01, `deleted for good ${days} days ahead`);
    assert.equal(hooks.keyStore.find(exported.publicKeyId), undefined);
    // The first secret (the copy made while the local key stayed) was not asked about: it is untouched.
    const first = await secretsClient().send(new DescribeSecretCommand({ SecretId: secretName }));
    assert.equal(first.DeletedDate, undefined);
  });

  it('deleting a linked key keeps its KMS key unless deleteKmsKey; asked, the KMS key is scheduled for deletion in 7 days, named in the confirmation', async () => {
    const kept = await run<LinkKeyResult>(Commands.linkKey, { kmsKeyId: await createKmsKey('RSA_2048'), name: `kms-kept-${suffix}` });
    const keptArn = (kept.keyStorage as { keyArn: string }).keyArn;
    await run(Commands.deletePublicKey, { publicKeyId: kept.publicKeyId });
    await run(Commands.deleteLocalKey, { publicKeyId: kept.publicKeyId });
    assert.equal((await describeKmsKey(keptArn)).KeyState, 'Enabled', 'not asked: the KMS key stays');
    assert.equal(hooks.keyStore.find(kept.publicKeyId), undefined);

    const dropped = await run<LinkKeyResult>(Commands.linkKey, { kmsKeyId: await createKmsKey('ECC_NIST_P256'), name: `kms-dropped-${suffix}` });
    const droppedArn = (dropped.keyStorage as { keyArn: string }).keyArn;
    const result = await run<{ kmsKeyDeletionDate: string }>(Commands.deletePublicKey, { publicKeyId: dropped.publicKeyId, deleteKmsKey: true });
    const described = await describeKmsKey(droppedArn);
    assert.equal(described.KeyState, 'PendingDeletion');
    const days = (Date.parse(result.kmsKeyDeletionDate) - Date.now()) / 86_400_000;
    assert.ok(days > 6.9 && days <= 7.01, `scheduled ${days} days ahead`);
    assert.equal(hooks.keyStore.find(dropped.publicKeyId), undefined, 'nothing is left to sign with: unlisted');

    // A person chooses it separately, and the confirmation names the window and the date.
    const asked = await run<LinkKeyResult>(Commands.linkKey, { kmsKeyId: await createKmsKey('RSA_2048'), name: `kms-asked-${suffix}` });
    const ui = new ScriptedUi([pick(/Also schedule KMS key/), { kind: 'confirm', accept: true }]);
    hooks.setUi(ui);
    await run(Commands.deleteLocalKey, asked.publicKeyId);
    ui.assertAllUsed();
    assert.match(ui.confirmations[0].detail, /KMS key arn:aws:kms:\S+ will be scheduled for deletion in 7 days \(on \d{4}-\d{2}-\d{2}\)/);
    assert.equal((await describeKmsKey((asked.keyStorage as { keyArn: string }).keyArn)).KeyState, 'PendingDeletion');
  });
});
