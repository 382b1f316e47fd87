// The step counters of the key wizards over the typed fake: one total for the whole run, numbers that
// go up from 1 without a gap and end at the total, whichever follow-up questions a run asks (a
// follow-up shares its step's number: Import's passphrase and new name, Create's key group name and
// behaviors). Create Key Pair's own counts are in keyPairWizardFake.test.ts, Link Key's in
// linkedKeys.test.ts (it needs moto's KMS, Secrets Manager and SSM).
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { importPrivateKey } from '../../src/commands/keys/importPrivateKey';
import { FakeCloudFrontService } from '../fakes/fakeCloudFrontService';
import { input, pick } from '../fakes/scriptedUi';
import { keyWorld } from './support/keyCommands';

const counters = (world: ReturnType<typeof keyWorld>) => world.ui.prompts.map((p) => `${p.position?.step}/${p.position?.totalSteps}`);

const pemOf = (encrypted: boolean) => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const pem = privateKey.export(encrypted ? { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'open sesame' } : { type: 'pkcs8', format: 'pem' }).toString();
  return { pem, spki: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString() };
};

describe('key wizards count their steps without a jump (typed fake)', () => {
  it('Import Private Key, a plain PEM uploaded under a new name: 1/2, 2/2, and the name shares 2/2', async () => {
    const world = keyWorld(new FakeCloudFrontService(), [pick('$(clippy) Paste the PEM text'), input(pemOf(false).pem), pick('$(cloud-upload) Upload as a new public key'), input('counted-import')]);
    await importPrivateKey(world.context);
    world.ui.assertAllUsed();
    // The paste box is part of the first step (where the key is): it shares 1/2.
    assert.deepEqual(counters(world), ['1/2', '1/2', '2/2', '2/2']);
  });

  it('Import Private Key, an encrypted PEM linked to its public key: the passphrase shares 1/2, and linking ends at 2/2', async () => {
    const service = new FakeCloudFrontService();
    const key = pemOf(true);
    service.publicKeys = [{ id: 'KHELD', name: 'held', comment: '', encodedKey: key.spki }];
    const world = keyWorld(service, [pick('$(clippy) Paste the PEM text'), input(key.pem), input('open sesame'), pick('Link to held')]);
    const { publicKeyId } = await importPrivateKey(world.context);
    world.ui.assertAllUsed();
    assert.equal(publicKeyId, 'KHELD');
    assert.deepEqual(counters(world), ['1/2', '1/2', '1/2', '2/2']);
  });

  it('Import Private Key called with a public key id: only where the key is, 1/1', async () => {
    const service = new FakeCloudFrontService();
    const key = pemOf(false);
    service.publicKeys = [{ id: 'KGIVEN', name: 'given', comment: '', encodedKey: key.spki }];
    const world = keyWorld(service, [pick('$(clippy) Paste the PEM text'), input(key.pem)]);
    assert.deepEqual(await importPrivateKey(world.context, 'KGIVEN'), { publicKeyId: 'KGIVEN' });
    world.ui.assertAllUsed();
    assert.deepEqual(counters(world), ['1/1', '1/1']);
  });
});
