// "CloudFront: Create Key Pair" in the real extension against moto: with arguments and through a
// scripted Ui. The public key moto holds must be exactly the SubjectPublicKeyInfo of the private key
// in SecretStorage, and that private key must appear nowhere else: not in the extension host's user
// data or global storage folders, the scratch HOME, settings, the log, the workspace or the clipboard.
// (secretScan.test.ts repeats the scan for every key of the run, and proves it finds a planted key.)
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GetKeyGroupCommand, GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import { Commands } from '../../src/constants';
import type { UserError } from '../../src/errors';
import { input, pick, ScriptedUi } from '../fakes/scriptedUi';
import { seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';
import { filesContaining, firstNeedleIn, privateKeyNeedles } from './support/secrets';

async function testing(): Promise<TestingApi> {
  const api = await activateExtension();
  assert.ok(api.testing, 'the extension runs in test mode');
  return api.testing();
}

async function publicKeyInMoto(id: string): Promise<string> {
  return (await seedClient().send(new GetPublicKeyCommand({ Id: id }))).PublicKey!.PublicKeyConfig!.EncodedKey!;
}

describe('Create Key Pair (moto)', () => {
  afterEach(async () => (await testing()).setUi(undefined));

  it('with arguments: a new key group holding a new public key that is exactly the SPKI of the private key in SecretStorage, which is nowhere else', async () => {
    const hooks = await testing();
    const suffix = Date.now();
    await vscode.env.clipboard.writeText('before');
    const result = await vscode.commands.executeCommand<{ publicKeyId: string; keyGroupId: string }>(Commands.createKeyPair, {
      name: `moto-key-${suffix}`,
      algorithm: 'RSA_2048',
      keyGroupName: `moto-group-${suffix}`,
    });

    const group = await seedClient().send(new GetKeyGroupCommand({ Id: result.keyGroupId }));
    assert.deepEqual(group.KeyGroup!.KeyGroupConfig!.Items, [result.publicKeyId]);
    const privateKey = await hooks.keyStore.getPrivateKey(result.publicKeyId);
    assert.ok(privateKey, 'the private key is in SecretStorage');
    assert.equal(privateKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal((await publicKeyInMoto(result.publicKeyId)).trim(), createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString().trim());

    // Nowhere else: globalStorage is <user data>/User/globalStorage/<extension>; HOME is the scratch home.
    await hooks.keyStore.setDefaultSigner(result.keyGroupId, hooks.keyStore.find(result.publicKeyId)!.fingerprint); // flush the index to disk
    const userData = dirname(dirname(dirname(hooks.globalStorageUri.fsPath)));
    const roots = [userData, process.env.HOME!, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath)].filter(existsSync);
    assert.ok(existsSync(join(userData, 'User')), `${userData} is VS Code's user data folder`);
    assert.ok(existsSync(join(userData, 'logs')), 'the logs (with our output channel) are under it');
    const needles = privateKeyNeedles(privateKey);
    const leaks = roots.flatMap((root) => filesContaining(root, needles));
    assert.deepEqual(leaks, [], 'private key material on disk');
    assert.equal(firstNeedleIn(JSON.stringify(vscode.workspace.getConfiguration('cloudfront')), needles), undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'before');
  });

  it('with a bad argument: rejects naming it, before creating anything', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(Commands.createKeyPair, { name: `k-${Date.now()}`, algorithm: 'RSA_4096', keyGroupName: 'g' })),
      (error: unknown) => error instanceof Error && /algorithm must be RSA_2048 or ECDSA_P256/.test(error.message) && (error as UserError).input === 'algorithm',
    );
  });

  it('interactive, answered by a scripted Ui: ECDSA P-256 into a new key group', async () => {
    const hooks = await testing();
    const suffix = Date.now();
    const ui = new ScriptedUi([
      input(`scripted-${suffix}`),
      pick('ECDSA P-256'),
      pick('This machine (VS Code secret storage)'),
      pick('$(add) New key group'),
      input(`scripted-group-${suffix}`),
      pick('Not now'),
      pick('$(check) Create'),
    ]);
    hooks.setUi(ui);
    const result = await vscode.commands.executeCommand<{ publicKeyId: string; keyGroupId: string }>(Commands.createKeyPair);
    ui.assertAllUsed();
    const privateKey = await hooks.keyStore.getPrivateKey(result.publicKeyId);
    assert.equal(privateKey?.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.equal((await publicKeyInMoto(result.publicKeyId)).trim(), createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString().trim());
    assert.deepEqual((await seedClient().send(new GetKeyGroupCommand({ Id: result.keyGroupId }))).KeyGroup!.KeyGroupConfig!.Name, `scripted-group-${suffix}`);
    assert.ok(ui.progress.includes("Store the private key in VS Code's secret storage"), ui.progress.join(' | '));
  });

  it('marks public keys whose private key is on this machine in the Keys view', async () => {
    const api = await activateExtension();
    const hooks = await api.testing!();
    const suffix = Date.now();
    const result = await vscode.commands.executeCommand<{ publicKeyId: string }>(Commands.createKeyPair, { name: `marked-${suffix}`, algorithm: 'ECDSA_P256', keyGroupName: `marked-group-${suffix}` });
    const rows = (await api.keysView.getChildren(undefined)) ?? [];
    const group = rows.find((r) => r.getTreeItem().label === `marked-group-${suffix}`)!;
    const [key] = await group.getChildren!();
    const item = key.getTreeItem();
    assert.equal(String(item.description), `this machine · ${result.publicKeyId}`);
    assert.equal(item.contextValue, 'publicKey.local');
    assert.ok(hooks.keyStore.find(result.publicKeyId));
  });
});
