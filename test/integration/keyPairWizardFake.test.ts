// "Create Key Pair", "Import Private Key", "Rotate Key" and the delete/export commands over the typed
// fake, which fails any step on demand and raises ETag conflicts between a read and a write: each test
// asserts what exists remotely and locally. (UpdateKeyGroup and DeleteKeyGroup against moto, from the
// project's patch: keyGroupsMoto.test.ts.)
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { createKeyPair } from '../../src/commands/keys/createKeyPair/command';
import { deleteLocalKey, deletePublicKey } from '../../src/commands/keys/deleteKeys';
import { exportPrivateKey } from '../../src/commands/keys/exportKeys';
import { importPrivateKey } from '../../src/commands/keys/importPrivateKey';
import { rotateKey } from '../../src/commands/keys/rotateKey';
import { UserError } from '../../src/errors';
import { samePublicKey } from '../../src/keys/fingerprint';
import { awsError, FakeCloudFrontService, listedByMoto } from '../fakes/fakeCloudFrontService';
import { input, pick, pickMany, back } from '../fakes/scriptedUi';
import { keyWorld, rawConfig } from './support/keyCommands';

const spki = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'aws-cli-cloudfront', name), 'utf8');

function accountWithGroups(): FakeCloudFrontService {
  const service = new FakeCloudFrontService();
  service.publicKeys = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'].map((id) => ({ id, name: `old-${id}`, comment: '', encodedKey: spki() }));
  service.keyGroups = [
    { id: 'KGFULL', name: 'full-group', comment: '', publicKeyIds: ['K1', 'K2', 'K3', 'K4', 'K5'] },
    { id: 'KGMEDIA', name: 'media-signers', comment: 'prod', publicKeyIds: ['K6'] },
  ];
  service.addDistribution('E1', rawConfig());
  return service;
}

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
  return error;
}

describe('Create Key Pair (typed fake)', () => {
  it('asks step by step with Back, refuses a full group, adds to an existing group through an ETag conflict and restricts the chosen behaviors', async () => {
    const service = accountWithGroups();
    const world = keyWorld(service, [
      input('bad name', { expectInvalid: /letters, digits, hyphens and underscores/ }),
      input('old-K6', { expectInvalid: /already exists/ }),
      input('media-2026'),
      pick('ECDSA P-256', { expectPicked: 'RSA 2048' }),
      pick('This machine (VS Code secret storage)'),
      pick('full-group', { expectRefusal: /holds 5 of 5 public keys/ }),
      pick('media-signers'),
      pick('E1'),
      back(), // at the behaviors: the distribution is asked again, with E1 still chosen
      pick('E1', { expectPicked: 'E1' }),
      pickMany(['/public/*', 'Default (*)']),
      pick('$(check) Create'),
    ]);
    // Someone else changes the key group between our read and our write: CloudFront answers 412.
    service.operationFailures.set('UpdateKeyGroup', [awsError('PreconditionFailed', 'The precondition given in one or more of the request-header fields evaluated to false.', 412)]);
    const before = structuredClone(service.configs.get('E1')!);

    const result = await createKeyPair(world.context);
    world.ui.assertAllUsed();

    const created = service.publicKeys.find((k) => k.id === result.publicKeyId)!;
    assert.equal(created.name, 'media-2026');
    assert.equal(result.keyGroupId, 'KGMEDIA');
    assert.deepEqual(service.keyGroups.find((g) => g.id === 'KGMEDIA')!.publicKeyIds, ['K6', result.publicKeyId]);
    assert.equal(service.keyGroups.find((g) => g.id === 'KGMEDIA')!.comment, 'prod', 'the rest of the group is kept');
    assert.deepEqual(
      service.calls.filter((c) => /KeyGroup$/.test(c) && c !== 'ListKeyGroups'),
      ['GetKeyGroup', 'UpdateKeyGroup', 'GetKeyGroup', 'UpdateKeyGroup'],
      're-read and retried after 412',
    );

    const after = service.configs.get('E1')!;
    assert.deepEqual(after.CacheBehaviors!.Items![1].TrustedKeyGroups, { Enabled: true, Quantity: 1, Items: ['KGMEDIA'] });
    assert.deepEqual(after.DefaultCacheBehavior!.TrustedKeyGroups, { Enabled: true, Quantity: 1, Items: ['KGMEDIA'] });
    const rest = (c: typeof before) => ({
      ...c,
      CacheBehaviors: { ...c.CacheBehaviors, Items: [c.CacheBehaviors!.Items![0]] },
      DefaultCacheBehavior: { ...c.DefaultCacheBehavior, TrustedKeyGroups: undefined },
    });
    assert.deepEqual(rest(after), rest(before), 'everything else as read');

    const [local] = world.keyStore.list();
    assert.deepEqual([local.publicKeyId, local.name, local.algorithm, local.defaultSignerFor], [result.publicKeyId, 'media-2026', 'ECDSA_P256', ['KGMEDIA']]);
    assert.ok(samePublicKey(created.encodedKey, (await world.keyStore.getPrivateKey(result.publicKeyId))!), "the uploaded SPKI is the stored private key's");
    const done = world.ui.notifications.at(-1)!;
    assert.deepEqual([done.severity, done.actions], ['info', ['Sign a URL now']]);
  });

  it("the distribution pick shows alias and comment when the list summaries lack them (moto's), reading each distribution once", async () => {
    const service = accountWithGroups();
    service.addDistribution('E2', { ...rawConfig(), CallerReference: 'caller-2', Comment: 'downloads', Aliases: { Quantity: 0 } });
    for (const d of service.distributions) service.details.set(d.id, d);
    service.distributions = service.distributions.map(listedByMoto);
    const world = keyWorld(service, [
      input('pick-key'),
      pick('RSA 2048'),
      pick('This machine (VS Code secret storage)'),
      pick('media-signers'),
      pick('E1'),
      pickMany(['/public/*']),
      pick('$(check) Create'),
    ]);
    await createKeyPair(world.context);
    world.ui.assertAllUsed();
    const distributions = world.ui.shownPicks.find((p) => p.placeholder.startsWith('Restrict cache behaviors'));
    assert.deepEqual(distributions?.items.slice(1), [
      { label: 'E1', description: 'cdn.example.com · media' },
      { label: 'E2', description: 'e2.cloudfront.net · downloads' },
    ]);
    assert.deepEqual(
      service.calls.filter((c) => c === 'GetDistribution'),
      ['GetDistribution', 'GetDistribution'],
      'the behaviors step reuses what the pick read',
    );
  });

  it('counts 1/6 … 6/6 without a gap (a follow-up question shares its step: the group name 4/6 after "New key group", the behaviors 5/6 after the distribution), takes the names its boxes show on Enter, confirms in readable rows and names what it did in the notification', async () => {
    const service = accountWithGroups();
    // The defaults are names nobody has taken yet.
    service.publicKeys.push({ id: 'K7', name: 'signing-key-1', comment: '', encodedKey: spki() });
    service.keyGroups.push({ id: 'KGSIGN', name: 'signing-keys', comment: '', publicKeyIds: ['K7'] });
    const world = keyWorld(service, [
      input(''),
      pick('RSA 2048'),
      pick('This machine (VS Code secret storage)'),
      pick('$(add) New key group'),
      input(''),
      pick('E1'),
      pickMany(['/paid/*', 'Default (*)']),
      pick('$(check) Create'),
    ]);

    const result = await createKeyPair(world.context);
    world.ui.assertAllUsed();
    assert.deepEqual(
      world.ui.prompts.map((p) => `${p.position?.step}/${p.position?.totalSteps}`),
      ['1/6', '2/6', '3/6', '4/6', '4/6', '5/6', '5/6', '6/6'],
    );
    assert.equal(service.publicKeys.find((k) => k.id === result.publicKeyId)!.name, 'signing-key-2');
    assert.equal(service.keyGroups.find((g) => g.id === result.keyGroupId)!.name, 'signing-keys-2');
    assert.deepEqual(world.ui.prompts.at(-1)!.rows, [
      '$(check) Create',
      '$(key) RSA 2048 key pair signing-key-2 — The public key goes to CloudFront.',
      "$(lock) Private key in VS Code's secret storage — on this machine only",
      '$(new-folder) New key group signing-keys-2 — Created with the new public key in it.',
      '$(cloud) Distribution E1 — cdn.example.com',
      '$(lock) Restrict /paid/* — Requests need a URL or cookies signed with a key of signing-keys-2.',
      '$(lock) Restrict Default (*) — Requests need a URL or cookies signed with a key of signing-keys-2.',
      'Cancel',
    ]);
    assert.equal(
      world.ui.notifications.at(-1)!.message,
      `Created key signing-key-2 (${result.publicKeyId}) in new key group signing-keys-2 (${result.keyGroupId}). /paid/*, Default (*) of distribution E1 now require URLs or cookies signed with a key of signing-keys-2. Its private key is in VS Code's secret storage.`,
    );
  });

  it('asks where the private key lives after the algorithm; Back from the key group shows that answer again', async () => {
    const service = accountWithGroups();
    const kms = 'AWS KMS — the private key never leaves KMS';
    const local = 'This machine (VS Code secret storage)';
    const world = keyWorld(service, [
      input('stored-where'),
      pick('RSA 2048'),
      pick(kms, { expectPicked: local }),
      back(),
      pick(local, { expectPicked: kms }),
      pick('media-signers'),
      pick('Not now'),
      pick('$(check) Create'),
    ]);
    const result = await createKeyPair(world.context);
    world.ui.assertAllUsed();
    assert.equal(world.ui.shownPicks[2].placeholder, 'Where should the private key live?');
    assert.deepEqual(
      world.ui.shownPicks[2].items.map((i) => i.label),
      [local, kms, 'AWS Secrets Manager — for your backend'],
    );
    assert.equal(result.keyStorage, 'local');
    assert.ok(await world.keyStore.privateKeyPem(world.keyStore.find(result.publicKeyId)!.fingerprint));
  });

  it('never jumps when an answer makes a follow-up unnecessary: an existing key group and "Not now" count 1 … 6 of 6, and "Not now" names the group', async () => {
    const service = accountWithGroups();
    const world = keyWorld(service, [input('counted'), pick('RSA 2048'), pick('This machine (VS Code secret storage)'), pick('media-signers'), pick('Not now'), pick('$(check) Create')]);
    const result = await createKeyPair(world.context);
    world.ui.assertAllUsed();
    assert.deepEqual(
      world.ui.prompts.map((p) => `${p.position?.step}/${p.position?.totalSteps}`),
      ['1/6', '2/6', '3/6', '4/6', '5/6', '6/6'],
    );
    assert.ok(world.ui.prompts[4].rows!.includes('Not now — only create the key pair in key group media-signers'), world.ui.prompts[4].rows!.join('\n'));
    assert.deepEqual(world.ui.prompts.at(-1)!.rows!.slice(3, -1), ['$(folder) Existing key group media-signers — The new public key is added to it.']);
    assert.equal(world.ui.notifications.at(-1)!.message, `Created key counted (${result.publicKeyId}) in key group media-signers (KGMEDIA). Its private key is in VS Code's secret storage.`);
  });

  it('a failure midway reports what was done; Retry resumes at the failed step', async () => {
    const service = accountWithGroups();
    const world = keyWorld(service, newGroupAnswers('retry-key', 'retry-group', ['/paid/*']));
    world.ui.notificationAnswers.push('Retry');
    service.operationFailures.set('CreateKeyGroup', [awsError('ServiceUnavailable', 'CloudFront is busy', 503)]);

    const result = await createKeyPair(world.context);
    world.ui.assertAllUsed();
    const failure = world.ui.notifications.find((n) => n.severity === 'error')!;
    assert.deepEqual(failure.actions, ['Retry', 'Undo']);
    assert.match(
      failure.message,
      /stopped at "Create key group retry-group": CloudFront is busy\. Done so far: Generate an RSA 2048 key pair; Store the private key in VS Code's secret storage; Upload public key K\w+; Link the private key to public key K\w+\./,
    );
    assert.equal(service.calls.filter((c) => c === 'CreatePublicKey').length, 1, 'the public key is not uploaded twice');
    assert.equal(service.publicKeys.filter((k) => k.name === 'retry-key').length, 1);
    assert.deepEqual(service.keyGroups.find((g) => g.name === 'retry-group')?.publicKeyIds, [result.publicKeyId]);
    assert.deepEqual(service.configs.get('E1')!.CacheBehaviors!.Items![0].TrustedKeyGroups!.Items, [result.keyGroupId]);
    assert.deepEqual(
      world.keyStore.list().map((k) => [k.publicKeyId, k.defaultSignerFor]),
      [[result.publicKeyId, [result.keyGroupId]]],
    );
  });

  it('Undo after a failed UpdateDistribution removes the key group, the public key and the stored private key', async () => {
    const service = accountWithGroups();
    const world = keyWorld(service, newGroupAnswers('undo-key', 'undo-group', ['/paid/*']));
    world.ui.notificationAnswers.push('Undo');
    service.operationFailures.set('UpdateDistribution', [awsError('AccessDenied', 'not authorized to perform cloudfront:UpdateDistribution', 403)]);
    const before = structuredClone(service.configs.get('E1'));
    const keysBefore = service.publicKeys.length;

    await assert.rejects(createKeyPair(world.context), { name: 'CancellationError' });
    world.ui.assertAllUsed();
    assert.match(
      world.ui.notifications.find((n) => n.severity === 'error')!.message,
      /stopped at "Restrict \/paid\/\* of distribution E1": not authorized.*Done so far: .*Create key group undo-group; Make it the default signer/,
    );
    assert.equal(service.publicKeys.length, keysBefore, 'the uploaded public key is deleted');
    assert.equal(
      service.keyGroups.find((g) => g.name === 'undo-group'),
      undefined,
      'the new key group is deleted (DeleteKeyGroup: fake only)',
    );
    assert.deepEqual(service.configs.get('E1'), before);
    assert.deepEqual(world.keyStore.list(), []);
    assert.deepEqual([...world.secrets.values.keys()], [], 'no private key left in SecretStorage');
    assert.match(world.ui.notifications.at(-1)!.message, /^Undone: /);
  });

  it('Undo on an existing group takes the key out again through UpdateKeyGroup', async () => {
    const service = accountWithGroups();
    const world = keyWorld(service, [input('undo-existing'), pick('RSA 2048'), pick('This machine (VS Code secret storage)'), pick('media-signers'), pick('Not now'), pick('$(check) Create')]);
    world.ui.notificationAnswers.push('Undo');
    service.operationFailures.set('UpdateKeyGroup', [awsError('Throttling', 'Rate exceeded', 400)]);
    await assert.rejects(createKeyPair(world.context), { name: 'CancellationError' });
    assert.deepEqual(service.keyGroups.find((g) => g.id === 'KGMEDIA')!.publicKeyIds, ['K6']);
    assert.equal(
      service.publicKeys.some((k) => k.name === 'undo-existing'),
      false,
    );
    assert.deepEqual(world.keyStore.list(), []);
  });

  it('with arguments asks nothing, rejects a bad argument by name before changing anything, and reports a failure', async () => {
    const service = accountWithGroups();
    const world = keyWorld(service);
    const base = { name: 'args-key', algorithm: 'RSA_2048', keyGroupName: 'args-group' };
    assert.equal((await rejection(createKeyPair(world.context, { ...base, algorithm: 'DSA' }))).input, 'algorithm');
    assert.equal((await rejection(createKeyPair(world.context, { ...base, name: 'has space' }))).input, 'name');
    assert.equal((await rejection(createKeyPair(world.context, { ...base, keyGroupName: undefined }))).input, 'keyGroupName');
    assert.equal((await rejection(createKeyPair(world.context, { name: 'x', algorithm: 'RSA_2048', keyGroupId: 'KGFULL' }))).input, 'keyGroupId');
    assert.equal((await rejection(createKeyPair(world.context, { ...base, distributionId: 'E1', pathPatterns: ['/nope/*'] }))).input, 'pathPatterns');
    assert.equal((await rejection(createKeyPair(world.context, { ...base, distributionId: 'ENONE', pathPatterns: ['*'] }))).input, 'distributionId');
    assert.equal(service.calls.filter((c) => /^(Create|Update|Delete)/.test(c)).length, 0, 'nothing changed');

    // CreatePublicKey fails: the stored private key has no public key, and the Keys view flags it.
    service.operationFailures.set('CreatePublicKey', [awsError('AccessDenied', 'denied', 403)]);
    const error = await rejection(createKeyPair(world.context, base));
    assert.match(error.message, /stopped at "Upload public key args-key": denied\. Done so far: Generate an RSA 2048 key pair; Store the private key/);
    assert.deepEqual(
      world.keyStore.list().map((k) => [k.name, k.publicKeyId]),
      [['args-key', undefined]],
    );
    world.ui.assertAllUsed();
  });
});

function newGroupAnswers(name: string, group: string, patterns: string[]) {
  return [input(name), pick('RSA 2048'), pick('This machine (VS Code secret storage)'), pick('$(add) New key group'), input(group), pick('E1'), pickMany(patterns), pick('$(check) Create')];
}

describe('Import Private Key (typed fake): every key file of the AWS CLI test data', () => {
  it('uploads the ECDSA P-256 PKCS#8 key as a new public key, and links the SEC1 form of it to that key', async () => {
    const service = new FakeCloudFrontService();
    const world = keyWorld(service);
    const { publicKeyId } = await importPrivateKey(world.context, { pem: fixture('test-ecdsa-key.pem'), name: 'aws-cli-ecdsa' });
    assert.ok(samePublicKey(service.publicKeys.find((k) => k.id === publicKeyId)!.encodedKey, fixture('test-ecdsa-key-public.pem')));
    await world.keyStore.remove(world.keyStore.find(publicKeyId)!.fingerprint);
    const linked = await importPrivateKey(world.context, { pem: fixture('test-ecdsa-key-sec1.pem'), publicKeyId });
    assert.equal(linked.publicKeyId, publicKeyId);
    assert.equal(service.publicKeys.length, 1, 'linked, not uploaded again');
    assert.deepEqual(
      world.keyStore.list().map((k) => [k.publicKeyId, k.name, k.algorithm]),
      [[publicKeyId, 'aws-cli-ecdsa', 'ECDSA_P256']],
    );
  });

  it("links only when CloudFront holds exactly this private key's public half", async () => {
    const service = new FakeCloudFrontService();
    service.publicKeys = [{ id: 'KOTHER', name: 'other', comment: '', encodedKey: spki() }];
    const error = await rejection(importPrivateKey(keyWorld(service).context, { pem: fixture('test-ecdsa-key.pem'), publicKeyId: 'KOTHER' }));
    assert.equal(error.input, 'publicKeyId');
    assert.match(error.message, /not the public half of this private key/);
  });

  for (const name of ['test-rsa-key.pem', 'test-rsa-key-pkcs1.pem']) {
    it(`imports the 1024-bit RSA ${name} only for a legacy key pair id, refusing it for key groups with CloudFront's reason`, async () => {
      const service = new FakeCloudFrontService();
      const world = keyWorld(service);
      for (const args of [{ name: 'rsa1024' }, { publicKeyId: 'K2JCJMDEHXQW5F' }]) {
        const error = await rejection(importPrivateKey(world.context, { pem: fixture(name), ...args }));
        assert.equal(error.input, 'pem');
        assert.match(error.message, /RSA 1024-bit key\. CloudFront key groups accept only RSA 2048-bit and ECDSA P-256/);
      }
      const { publicKeyId } = await importPrivateKey(world.context, { pem: fixture(name), publicKeyId: 'APKAEIBAERJR2EXAMPLE' });
      assert.equal(publicKeyId, 'APKAEIBAERJR2EXAMPLE');
      assert.deepEqual(
        world.keyStore.list().map((k) => k.algorithm),
        ['RSA_1024'],
      );
      assert.deepEqual(service.calls, [], 'CloudFront is not asked about legacy key pairs');
    });
  }

  it('refuses the DSA key, naming the supported key types', async () => {
    const error = await rejection(importPrivateKey(keyWorld(new FakeCloudFrontService()).context, { pem: fixture('test-dsa-key.pem'), name: 'dsa' }));
    assert.equal(error.input, 'pem');
    assert.match(error.message, /unsupported DSA key; CloudFront accepts RSA keys .* and ECDSA P-256/);
  });

  it('asks for the passphrase of an encrypted PEM pasted in one line, and for a name', async () => {
    const service = new FakeCloudFrontService();
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'open sesame' }).toString();
    const world = keyWorld(service, [
      pick('$(clippy) Paste the PEM text'),
      input(pem.replace(/\n/g, ' ')),
      input('wrong', { expectInvalid: /passphrase does not decrypt/ }),
      input('open sesame'),
      pick('$(cloud-upload) Upload as a new public key'),
      input('pasted-key'),
    ]);
    const { publicKeyId } = await importPrivateKey(world.context);
    world.ui.assertAllUsed();
    const stored = await world.keyStore.privateKeyPem(world.keyStore.find(publicKeyId)!.fingerprint);
    assert.match(stored!, /^-----BEGIN RSA PRIVATE KEY-----\n/, 'stored decrypted, as PKCS#1');
    assert.ok(samePublicKey(service.publicKeys[0].encodedKey, stored!));
  });
});

describe('Rotate, export and delete keys (typed fake)', () => {
  it('rotates within the quota: a new default signer in the same group, then the old key removed', async () => {
    const service = accountWithGroups();
    const world = keyWorld(service);
    const first = await createKeyPair(world.context, { name: 'gen1', algorithm: 'ECDSA_P256', keyGroupName: 'rotating' });
    await rejection(rotateKey(world.context, { keyGroupId: 'KGFULL' })).then((e) => assert.match(e.message, /holds 5 of 5/));

    const rotated = await rotateKey(world.context, { keyGroupId: first.keyGroupId, name: 'gen2' });
    assert.equal(rotated.previousPublicKeyId, first.publicKeyId);
    assert.deepEqual(service.keyGroups.find((g) => g.id === first.keyGroupId)!.publicKeyIds, [first.publicKeyId, rotated.publicKeyId]);
    assert.equal(world.keyStore.defaultSigner(first.keyGroupId)?.publicKeyId, rotated.publicKeyId);
    assert.equal(world.keyStore.find(rotated.publicKeyId!)?.algorithm, 'ECDSA_P256', 'same algorithm as before');

    const refused = await rejection(rotateKey(world.context, { keyGroupId: first.keyGroupId, removePublicKeyId: rotated.publicKeyId }));
    assert.match(refused.message, /is the default signer/);
    await rotateKey(world.context, { keyGroupId: first.keyGroupId, removePublicKeyId: first.publicKeyId });
    assert.deepEqual(service.keyGroups.find((g) => g.id === first.keyGroupId)!.publicKeyIds, [rotated.publicKeyId]);
    assert.equal(
      service.publicKeys.some((k) => k.id === first.publicKeyId),
      false,
      'the old public key is deleted',
    );
    assert.deepEqual(
      world.keyStore.list().map((k) => k.name),
      ['gen2'],
    );
  });

  it('deletes a public key only when no key group holds it, naming the groups that do', async () => {
    const service = accountWithGroups();
    const world = keyWorld(service);
    const error = await rejection(deletePublicKey(world.context, { publicKeyId: 'K6' }));
    assert.match(error.message, /K6 is in key groups media-signers \(KGMEDIA\)/);
    service.publicKeys.push({ id: 'KLONE', name: 'lone', comment: '', encodedKey: spki() });
    await deletePublicKey(world.context, { publicKeyId: 'KLONE' });
    assert.equal(
      service.publicKeys.some((k) => k.id === 'KLONE'),
      false,
    );
  });

  it('exports a private key: a person only after the modal warning, automation without a question, as PKCS#1, to the chosen file; deletes a local key from options without asking', async () => {
    const service = accountWithGroups();
    const world = keyWorld(service);
    const { publicKeyId } = await createKeyPair(world.context, { name: 'exported', algorithm: 'RSA_2048', keyGroupName: 'export-group' });
    const file = vscode.Uri.file(join(tmpdir(), `cfpc-export-${process.pid}.pem`));
    // A person (called with the key's id) is warned first; declining writes nothing.
    world.ui['answers'].push({ kind: 'pick', choose: /To a PEM file/ }, { kind: 'confirm', accept: false });
    await assert.rejects(exportPrivateKey(world.context, publicKeyId), { name: 'CancellationError' });
    assert.equal(existsSync(file.fsPath), false);
    // Automation said where the file goes: no question at all.
    const promptsBefore = world.ui.prompts.length;
    await exportPrivateKey(world.context, { publicKeyId, uri: file.fsPath });
    assert.equal(world.ui.prompts.length, promptsBefore, 'no question with options');
    const pem = await readFile(file.fsPath, 'utf8');
    await vscode.workspace.fs.delete(file);
    assert.match(pem, /^-----BEGIN RSA PRIVATE KEY-----\n/);
    assert.ok(samePublicKey(createPublicKey(pem), service.publicKeys.find((k) => k.id === publicKeyId)!.encodedKey));

    // With options (automation) the deletion is not confirmed: the caller has said what it wants.
    const asked = world.ui.prompts.length;
    await deleteLocalKey(world.context, { publicKeyId });
    assert.deepEqual(world.keyStore.list(), []);
    assert.equal(world.ui.prompts.length, asked, 'no confirmation for automation');
    world.ui.assertAllUsed();
  });
});
