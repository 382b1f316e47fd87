// Key groups changed through the extension against moto, whose UpdateKeyGroup and DeleteKeyGroup come
// from the project's patch (test/runner/lib/motoServer.py): adding a key to an existing group, rotation
// with the old key removed, and CloudFront's own answers the patch gives (If-Match and ETags, the
// 5-key quota, unknown groups, a group in use). Before the patch these ran only against the typed fake
// (keyPairWizardFake.test.ts, positionalArguments.test.ts); the fake still covers failures on demand.
// Undo deleting a new key group (DeleteKeyGroup) is in faults.test.ts, which can fail the step after it.
import assert from 'node:assert/strict';
import { DeleteKeyGroupCommand, GetKeyGroupCommand, GetPublicKeyCommand, UpdateKeyGroupCommand, type KeyGroupConfig } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import type { CreateKeyPairResult as CreatedKey } from '../../src/commands/keys/createKeyPair/state';
import type { RotateKeyResult } from '../../src/commands/keys/rotateKey';
import { Commands } from '../../src/constants';
import { behavior, createDistribution, createKeyGroup, createPublicKey, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++counter}`;

async function keyGroup(id: string): Promise<{ config: KeyGroupConfig; etag: string }> {
  const answer = await seedClient().send(new GetKeyGroupCommand({ Id: id }));
  return { config: answer.KeyGroup!.KeyGroupConfig!, etag: answer.ETag! };
}

/** The AWS error a call ends with: its name (CloudFront's code) and HTTP status. */
async function awsFailure(call: Promise<unknown>): Promise<[string, number | undefined]> {
  const error = (await call.then(
    () => assert.fail('the call succeeded'),
    (e: unknown) => e,
  )) as Error & { $metadata?: { httpStatusCode?: number } };
  return [error.name, error.$metadata?.httpStatusCode];
}

describe('key groups against moto (UpdateKeyGroup, DeleteKeyGroup)', function () {
  this.timeout(60_000);
  let hooks: TestingApi;
  const distributions: string[] = [];

  before(async () => {
    hooks = await (await activateExtension()).testing!();
  });
  after(() => deleteDistributions(seedClient(), distributions));

  it('Create Key Pair into an existing key group adds the new public key to it, with a new ETag', async () => {
    const group = unique('existing');
    const first = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: unique('first'), algorithm: 'RSA_2048', keyGroupName: group });
    const before = await keyGroup(first.keyGroupId);
    const second = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: unique('second'), algorithm: 'ECDSA_P256', keyGroupId: first.keyGroupId });
    assert.equal(second.keyGroupId, first.keyGroupId);
    const after = await keyGroup(first.keyGroupId);
    assert.deepEqual(after.config.Items, [first.publicKeyId, second.publicKeyId]);
    assert.equal(after.config.Name, group);
    assert.notEqual(after.etag, before.etag, 'an update gives the group a new ETag');
    assert.ok(hooks.keyStore.find(second.publicKeyId), 'the new private key is stored');
  });

  it('Rotate Key: a new key joins the group and signs for it; removing the old key takes it out of the group and deletes it', async () => {
    const first = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: unique('gen1'), algorithm: 'RSA_2048', keyGroupName: unique('rotating') });
    const rotated = await vscode.commands.executeCommand<RotateKeyResult>(Commands.rotateKey, { keyGroupId: first.keyGroupId });
    assert.equal(rotated.previousPublicKeyId, first.publicKeyId);
    assert.deepEqual((await keyGroup(first.keyGroupId)).config.Items, [first.publicKeyId, rotated.publicKeyId]);
    assert.equal(hooks.keyStore.defaultSigner(first.keyGroupId)?.publicKeyId, rotated.publicKeyId);

    const removed = await vscode.commands.executeCommand<RotateKeyResult>(Commands.rotateKey, { keyGroupId: first.keyGroupId, removePublicKeyId: first.publicKeyId });
    assert.equal(removed.removedPublicKeyId, first.publicKeyId);
    assert.deepEqual((await keyGroup(first.keyGroupId)).config.Items, [rotated.publicKeyId]);
    assert.deepEqual(await awsFailure(seedClient().send(new GetPublicKeyCommand({ Id: first.publicKeyId }))), ['NoSuchPublicKey', 404], 'the old public key is deleted');
    assert.equal(hooks.keyStore.find(first.publicKeyId), undefined, 'and its private key with it');
  });

  describe("CloudFront's answers (the patch)", () => {
    let keys: string[];
    let groupId: string;
    before(async () => {
      keys = [];
      for (let i = 0; i < 6; i++) keys.push(await createPublicKey(seedClient(), unique(`quota-${i}`)));
      groupId = await createKeyGroup(seedClient(), unique('answers'), [keys[0]]);
    });

    const update = (Items: string[], IfMatch: string | undefined, Id = groupId) => seedClient().send(new UpdateKeyGroupCommand({ Id, IfMatch, KeyGroupConfig: { Name: `answers-${groupId}`, Items } }));

    it('If-Match: missing is InvalidIfMatchVersion, stale is PreconditionFailed (412)', async () => {
      const { etag } = await keyGroup(groupId);
      assert.deepEqual(await awsFailure(update(keys.slice(0, 2), undefined)), ['InvalidIfMatchVersion', 400]);
      const updated = await update(keys.slice(0, 2), etag);
      assert.deepEqual(await awsFailure(update(keys.slice(0, 3), etag)), ['PreconditionFailed', 412], 'the ETag before the update is stale');
      assert.deepEqual(await awsFailure(seedClient().send(new DeleteKeyGroupCommand({ Id: groupId, IfMatch: etag }))), ['PreconditionFailed', 412]);
      assert.equal((await keyGroup(groupId)).etag, updated.ETag);
    });

    it('five public keys at most (TooManyPublicKeysInKeyGroup); unknown keys and groups are refused', async () => {
      const { etag } = await keyGroup(groupId);
      assert.deepEqual(await awsFailure(update(keys, etag)), ['TooManyPublicKeysInKeyGroup', 400]);
      assert.deepEqual(await awsFailure(update([keys[0], 'K000000NOSUCH'], etag)), ['NoSuchPublicKey', 404]);
      assert.deepEqual(await awsFailure(update([keys[0]], etag, 'KG00000NOSUCH')), ['NoSuchResource', 404]);
      const full = await update(keys.slice(0, 5), etag);
      assert.equal(full.KeyGroup?.KeyGroupConfig?.Items?.length, 5);
    });

    it('a key group a distribution trusts cannot be deleted (ResourceInUse); once unused it can', async () => {
      const inUse = await createKeyGroup(seedClient(), unique('in-use'), [keys[5]]);
      const distribution = await createDistribution(seedClient(), unique('trusting'), [behavior('/paid/*', [inUse])]);
      distributions.push(distribution.Id!);
      const { etag } = await keyGroup(inUse);
      assert.deepEqual(await awsFailure(seedClient().send(new DeleteKeyGroupCommand({ Id: inUse, IfMatch: etag }))), ['ResourceInUse', 409]);
      await deleteDistributions(seedClient(), [distributions.pop()!]);
      await seedClient().send(new DeleteKeyGroupCommand({ Id: inUse, IfMatch: etag }));
      assert.deepEqual(await awsFailure(seedClient().send(new GetKeyGroupCommand({ Id: inUse }))), ['NoSuchResource', 404]);
    });
  });
});
