// From a bucket to a verified signed URL: the S3 Buckets view and its "Protect with CloudFront" against
// moto (CloudFront and S3); a person's choices (distribution, behavior, key), `wait: true` followed by
// the verification, Verify Protection and the UpdateDistribution permission check over the typed
// CloudFront fake — it can hold a deployment InProgress until the test lets it deploy (moto's manual
// progression would too, but the SDK's waiter then sleeps 60 s between polls) and deny one
// distribution's UpdateDistribution — with moto's S3, and the local edge standing in for the
// distribution and a local server for S3 (support/localEdge.ts).
import assert from 'node:assert/strict';
import { GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, PutObjectCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import { buildS3Client } from '../../src/aws/clientBuilder';
import { SdkS3Buckets } from '../../src/aws/s3Buckets';
import { protectBucket, type ProtectBucketContext } from '../../src/commands/protect/command';
import type { ProtectBucketResult } from '../../src/commands/protect/state';
import type { Requester } from '../../src/commands/protect/verify';
import { verifyProtectionCommand, type VerifyProtectionResult } from '../../src/commands/protect/verifyCommand';
import { Commands, ContextValues } from '../../src/constants';
import type { UserError } from '../../src/errors';
import { verifySignedUrl } from '../../src/signing';
import { FakeCloudFrontService } from '../fakes/fakeCloudFrontService';
import { generateKeyPair } from '../../src/keys/generate';
import { input, pick, ScriptedUi, type Answer } from '../fakes/scriptedUi';
import { createKeyGroup, createPublicKey, seedClient } from './support/cloudFrontSeed';
import { activateExtension, labelOf, renderChildren } from './support/extension';
import { EXTENSION_AGENT } from './support/faultProxy';
import { keyWorld } from './support/keyCommands';
import { startLocalEdge, type LocalEdge } from './support/localEdge';
import { rememberSigned } from './support/secrets';

const s3 = () => new S3Client({ region: 'us-east-1' });

/** A bucket as S3 creates one today (Block Public Access on), holding `objects`. */
async function newBucket(prefix: string, objects: Record<string, string> = {}): Promise<string> {
  const bucket = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  await s3().send(
    new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }),
  );
  for (const [Key, Body] of Object.entries(objects)) await s3().send(new PutObjectCommand({ Bucket: bucket, Key, Body }));
  return bucket;
}

async function world(service: FakeCloudFrontService, request?: Requester, answers: Answer[] = []) {
  const keys = keyWorld(service, answers);
  const buckets = new SdkS3Buckets(await buildS3Client({ userAgent: `${EXTENSION_AGENT}test` }));
  const context: ProtectBucketContext = { ...keys.context, source: { ...keys.context.source, buckets: () => Promise.resolve(buckets) }, ...(request ? { request } : {}) };
  return { keys, context };
}

/** "Protect" in the modal that sums up the changes. */
const confirmChanges: Answer = { kind: 'confirm', accept: true };

const statuses = (v: ProtectBucketResult['verification'] | VerifyProtectionResult | undefined) => (v && 'checks' in v ? v.checks.map((c) => [c.kind, c.status, c.passed]) : v);

describe('S3 Buckets view (moto)', () => {
  it('lists the buckets, says which a distribution serves through OAC, and protects one from its row: Enter on each default, then Copy Signed URL', async () => {
    const api = await activateExtension();
    const hooks = await api.testing!();
    const served = await newBucket('view-served', { 'a.txt': 'a' });
    const fresh = await newBucket('view-fresh', { 'movie.txt': 'the movie' });
    // A key group in the account: the key question is asked (with nothing to choose from it is not).
    await createKeyGroup(seedClient(), `view-group-${Date.now()}`, [await createPublicKey(seedClient(), `view-key-${Date.now()}`)]);
    const first = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucket, { bucket: served, newKey: { name: `view-key-a-${Date.now()}`, algorithm: 'RSA_2048' } });

    const rowOf = async (bucket: string) => {
      await vscode.commands.executeCommand(Commands.refresh);
      const row = (await renderChildren(api.bucketsView)).find((r) => labelOf(r.item) === bucket);
      assert.ok(row, `no row for ${bucket}`);
      return row;
    };
    const servedRow = await rowOf(served);
    assert.equal(servedRow.item.contextValue, ContextValues.bucketWithOac);
    assert.match(String(servedRow.item.description), new RegExp(`served through OAC by ${first.distributionId}`));
    const freshRow = await rowOf(fresh);
    assert.equal(freshRow.item.contextValue, ContextValues.bucket);
    assert.equal(freshRow.item.description, 'not served by CloudFront');

    const ui = new ScriptedUi([
      pick(/New distribution/, { expectPicked: /New distribution/ }),
      pick('Default (*)', { expectPicked: 'Default (*)' }),
      pick(/New key pair in a new key group/, { expectPicked: /New key pair in a new key group/ }),
      confirmChanges,
    ]);
    ui.notificationAnswers.push('Copy Signed URL');
    hooks.setUi(ui);
    try {
      const result = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucketRow, freshRow.node);
      ui.assertAllUsed();
      // One summary of every change, confirmed before anything was made.
      assert.equal(ui.confirmations[0].message, `Protect bucket ${fresh} with CloudFront? This makes these changes:`);
      const summary = ui.confirmations[0].detail.split('\n');
      assert.match(summary[0], /^• Create RSA 2048 key pair view-fresh-.*-signer\. The private key stays in VS Code's secret storage/);
      assert.match(summary[1], /^• Create key group view-fresh-.*-signers holding the key\.$/);
      assert.match(summary.at(-2)!, new RegExp(`^• Create a distribution for bucket ${fresh}; behavior Default \\(\\*\\) trusts key group view-fresh-.*-signers\\.$`));
      assert.match(summary.at(-1)!, new RegExp(`^• The policy of bucket ${fresh} gains a statement`));
      const done = ui.notifications.find((n) => n.severity === 'info' && n.actions.length > 0);
      assert.deepEqual(done?.actions, ['Copy Signed URL', 'Verify Protection']);
      const signed = await ui.when(() => (ui.clipboard.includes('Signature=') ? ui.clipboard : undefined));
      rememberSigned(signed);
      assert.equal(signed.split('?')[0], `https://${result.domainName}/movie.txt`);
      const publicKey = (await seedClient().send(new GetPublicKeyCommand({ Id: result.publicKeyId }))).PublicKey!.PublicKeyConfig!.EncodedKey!;
      assert.ok(verifySignedUrl(signed, publicKey), 'the signature verifies with the public key in CloudFront');

      const after = await rowOf(fresh);
      assert.equal(after.item.contextValue, ContextValues.bucketWithOac);
      assert.match(String(after.item.description), new RegExp(`served through OAC by ${result.distributionId}`));
    } finally {
      hooks.setUi(undefined);
    }
  });
});

describe('Protect S3 Bucket: choices, wait: true and Verify Protection (fake CloudFront, moto S3, local edge)', () => {
  let edge: LocalEdge;
  beforeEach(async () => {
    edge = await startLocalEdge({ 'movie.txt': 'the movie' });
  });
  afterEach(async () => {
    await edge.close();
  });

  it('wait: true resolves only after the distribution is deployed, then reports unsigned 403, signed 200 and straight from S3 403', async () => {
    const bucket = await newBucket('verify-wait', { 'movie.txt': 'the movie' });
    const service = new FakeCloudFrontService();
    const { context } = await world(service, edge.request);
    const order: string[] = [];
    service.onWaitForDeployment = (id) => {
      order.push(`waiting ${id}`);
      // The run's key is in CloudFront now: the edge standing in for the distribution trusts it.
      for (const key of service.publicKeys) edge.publicKeys.set(key.id, key.encodedKey);
      setImmediate(() => {
        order.push('deployed');
        service.deploy(id);
      });
    };
    const result = await protectBucket(context, { bucket, newKey: { name: 'wait-key', algorithm: 'RSA_2048' }, wait: true });
    order.push('resolved');
    assert.deepEqual(order, [`waiting ${result.distributionId}`, 'deployed', 'resolved']);
    assert.deepEqual(statuses(result.verification), [
      ['unsigned', 403, true],
      ['signed', 200, true],
      ['direct', 403, true],
    ]);
    assert.ok(result.verification && 'passed' in result.verification && result.verification.passed);
    assert.equal(result.verification.objectKey, 'movie.txt');
    assert.equal(result.verification.keyPairId, result.publicKeyId);
    const domain = service.distributions.find((d) => d.id === result.distributionId)!.domainName;
    assert.deepEqual(edge.requested, [`https://${domain}/movie.txt`, `https://${domain}/movie.txt`, `https://${bucket}.s3.us-east-1.amazonaws.com/movie.txt`]);

    // Verify Protection by itself: a bucket anyone can read fails the check straight from S3.
    edge.bucketIsPublic = true;
    const open = await verifyProtectionCommand(context, { distributionId: result.distributionId });
    assert.equal(open.passed, false);
    assert.deepEqual(
      open.checks.map((c) => [c.kind, c.status, c.passed]),
      [
        ['unsigned', 403, true],
        ['signed', 200, true],
        ['direct', 200, false],
      ],
    );
  });

  it('wait: true with an empty bucket: protected, and the verification says why it could not run', async () => {
    const bucket = await newBucket('verify-empty');
    const { context } = await world(new FakeCloudFrontService(), edge.request);
    const result = await protectBucket(context, { bucket, newKey: { name: 'empty-key', algorithm: 'RSA_2048' }, wait: true });
    assert.deepEqual(result.verification, { skipped: `objectKey: bucket ${bucket} has no object that behavior Default (*) serves; upload one, or pass objectKey.` });
    assert.deepEqual(edge.requested, []);
  });

  it('a person picks an existing distribution, its behavior and an existing key group; Copy Signed URL gives a URL the edge grants', async () => {
    const bucket = await newBucket('verify-choices', { 'movie.txt': 'the movie' });
    const service = new FakeCloudFrontService();
    service.addDistribution('E1EXISTING', {
      CallerReference: 'ref',
      Comment: 'existing',
      Enabled: true,
      Origins: { Quantity: 1, Items: [{ Id: 'files', DomainName: `${bucket}.s3.amazonaws.com`, S3OriginConfig: { OriginAccessIdentity: 'origin-access-identity/cloudfront/E2OAI' } }] },
      DefaultCacheBehavior: { TargetOriginId: 'files', ViewerProtocolPolicy: 'allow-all' },
    });
    const group = (await service.createKeyGroup({ name: 'existing-group', publicKeyIds: [(await service.createPublicKey({ name: 'other', encodedKey: 'x' })).value.id] })).value;
    const { keys, context } = await world(service, edge.request, [
      input(bucket),
      pick('E1EXISTING', { expectPicked: /New distribution/ }),
      pick('Default (*)', { expectPicked: 'Default (*)' }),
      pick('$(add) New key pair in key group existing-group'),
      confirmChanges,
    ]);
    keys.ui.notificationAnswers.push('Copy Signed URL');
    const result = await protectBucket(context);
    keys.ui.assertAllUsed();
    // Key groups by name and id, in the picker, the summary and the success message.
    const keyRows = keys.ui.prompts.find((p) => p.title.endsWith('Which key signs the URLs?'))!.rows!;
    assert.ok(keyRows.includes(`$(add) New key pair in key group existing-group — ${group.id} · 1 of 5 keys`), keyRows.join('\n'));
    assert.deepEqual(keys.ui.confirmations[0].detail.split('\n').slice(1), [
      `• Add the key to key group existing-group (${group.id}).`,
      `• Use an origin access control (OAC) for bucket ${bucket}: an existing one that fits, or a new one.`,
      `• Distribution E1EXISTING: origin files reads bucket ${bucket} through the OAC instead of its legacy origin access identity.`,
      `• Distribution E1EXISTING: behavior Default (*) trusts key group existing-group (${group.id}): its requests need a signed URL or signed cookies.`,
      `• The policy of bucket ${bucket} gains a statement that lets the distribution read its objects through the OAC; its other statements stay.`,
    ]);
    assert.match(keys.ui.notifications.find((n) => n.actions.includes('Copy Signed URL'))!.message, new RegExp(`key of key group existing-group \\(${group.id}\\)\\.$`));
    assert.equal(result.distributionId, 'E1EXISTING');
    assert.equal(result.keyGroupId, group.id);
    assert.deepEqual(service.keyGroups.find((g) => g.id === group.id)?.publicKeyIds.length, 2);

    const signed = await keys.ui.when(() => (keys.ui.clipboard.includes('Signature=') ? keys.ui.clipboard : undefined));
    rememberSigned(signed);
    for (const key of service.publicKeys) edge.publicKeys.set(key.id, key.encodedKey);
    const granted = await edge.request(signed);
    assert.ok('status' in granted && granted.status === 200 && granted.body === 'the movie', JSON.stringify(granted));
  });

  it('answers given as a start (Diagnose\'s "Protect Bucket" names a distribution): "New distribution" creates one and leaves the given one as it was', async () => {
    const bucket = await newBucket('verify-new-over-given');
    const service = new FakeCloudFrontService();
    const given = {
      CallerReference: 'ref',
      Comment: 'serves the bucket publicly',
      Enabled: true,
      Origins: { Quantity: 1, Items: [{ Id: 'files', DomainName: `${bucket}.s3.us-east-1.amazonaws.com`, S3OriginConfig: { OriginAccessIdentity: '' } }] },
      DefaultCacheBehavior: { TargetOriginId: 'files', ViewerProtocolPolicy: 'allow-all' as const },
    };
    service.addDistribution('E1GIVEN', structuredClone(given));
    const { keys, context } = await world(service, undefined, [pick(/New distribution/, { expectPicked: 'E1GIVEN' }), pick('Default (*)', { expectPicked: 'Default (*)' }), confirmChanges]);
    const result = await protectBucket(context, { interactive: true, bucket, distributionId: 'E1GIVEN' });
    keys.ui.assertAllUsed();
    assert.match(keys.ui.confirmations[0].detail, new RegExp(`• Create a distribution for bucket ${bucket};`));
    assert.notEqual(result.distributionId, 'E1GIVEN');
    assert.ok(!service.calls.includes('UpdateDistribution'), service.calls.join(' '));
    assert.deepEqual(service.configs.get('E1GIVEN')?.Origins?.Items?.[0].OriginAccessControlId, undefined);
  });

  it('a person types a path pattern for a new distribution: only that behavior is restricted', async () => {
    const bucket = await newBucket('verify-pattern');
    const service = new FakeCloudFrontService();
    const { keys, context } = await world(service, undefined, [
      input(bucket),
      pick('$(edit) A path pattern…'),
      // CloudFront's rule, as the person types: no spaces, no braces (there is no {a,b} alternation).
      input('private files/*.{pdf}', { expectInvalid: /^CloudFront does not take ␠ \{ \} in a path pattern \(private files\/\*\.\{pdf\}\)\. Use letters, digits/ }),
      input('/private/*'),
      confirmChanges,
    ]);
    const result = await protectBucket(context);
    keys.ui.assertAllUsed();
    assert.deepEqual(
      keys.ui.prompts.filter((p) => p.kind !== 'confirm').map((p) => p.position && `${p.position.step}/${p.position.totalSteps}`),
      ['1/1', '1/1', '1/1', '1/1'],
    );
    const config = service.configs.get(result.distributionId)!;
    assert.deepEqual(
      config.CacheBehaviors?.Items?.map((b) => [b.PathPattern, b.TrustedKeyGroups?.Items]),
      [['/private/*', [result.keyGroupId]]],
    );
    assert.equal(config.DefaultCacheBehavior?.TrustedKeyGroups?.Enabled, false);
  });

  it('refuses a distribution without that origin when UpdateDistribution is denied, before anything is created', async () => {
    const bucket = await newBucket('verify-denied');
    const service = new FakeCloudFrontService();
    service.addDistribution('E1DENIED', {
      CallerReference: 'ref',
      Comment: 'another site',
      Enabled: true,
      Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: 'site.example.com', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' } }] },
      DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'allow-all' },
    });
    service.updateDenied.add('E1DENIED');
    const { keys, context } = await world(service);
    await assert.rejects(
      protectBucket(context, { bucket, distributionId: 'E1DENIED', pathPattern: '/files/*', newKey: { name: 'denied-key', algorithm: 'RSA_2048' } }),
      (error: UserError) =>
        error.input === 'distributionId' &&
        error.message === `distributionId: bucket ${bucket} is not an origin of distribution E1DENIED, and this profile may not add it (cloudfront:UpdateDistribution is denied).`,
    );
    assert.deepEqual([service.publicKeys, service.keyGroups, service.originAccessControls, keys.keyStore.list()], [[], [], [], []]);
    assert.ok(!service.calls.includes('UpdateDistribution'));
  });

  it('the default key is one the chosen behavior already trusts and this window can sign with: no key group changes', async () => {
    const bucket = await newBucket('verify-trusted', { 'movie.txt': 'the movie' });
    const service = new FakeCloudFrontService();
    const pair = await generateKeyPair('RSA_2048');
    const publicKeyId = (await service.createPublicKey({ name: 'media-2026', encodedKey: pair.publicKeyPem })).value.id;
    const other = (await service.createPublicKey({ name: 'other', encodedKey: 'x' })).value.id;
    const trusting = (await service.createKeyGroup({ name: 'media-signers', publicKeyIds: [other, publicKeyId] })).value;
    service.addDistribution('E1TRUSTS', {
      CallerReference: 'ref',
      Comment: 'trusts a key of ours',
      Enabled: true,
      Origins: { Quantity: 1, Items: [{ Id: 'files', DomainName: `${bucket}.s3.us-east-1.amazonaws.com`, S3OriginConfig: { OriginAccessIdentity: '' } }] },
      DefaultCacheBehavior: { TargetOriginId: 'files', ViewerProtocolPolicy: 'allow-all', TrustedKeyGroups: { Enabled: true, Quantity: 1, Items: [trusting.id] } },
    });
    const { keys, context } = await world(service, undefined, [
      input(bucket),
      pick('E1TRUSTS'),
      pick('Default (*)', { expectPicked: 'Default (*)' }),
      pick('$(key) media-2026', { expectPicked: '$(key) media-2026' }),
      confirmChanges,
    ]);
    await keys.keyStore.add({ fingerprint: pair.fingerprint, publicKeyId, name: 'media-2026', algorithm: 'RSA_2048', created: new Date(0).toISOString() }, pair.privateKeyPem);
    const setupCalls = service.calls.length;
    const result = await protectBucket(context);
    keys.ui.assertAllUsed();
    const keyRows = keys.ui.prompts.find((p) => p.title.endsWith('Which key signs the URLs?'))!.rows!;
    assert.ok(keyRows.includes(`$(key) media-2026 — ${publicKeyId} · trusted already through key group media-signers (${trusting.id}), private key on this machine`), keyRows.join('\n'));
    assert.deepEqual([result.publicKeyId, result.keyGroupId], [publicKeyId, trusting.id]);
    const runCalls = service.calls.slice(setupCalls);
    assert.ok(!runCalls.some((c) => ['CreatePublicKey', 'CreateKeyGroup', 'UpdateKeyGroup'].includes(c)), runCalls.join(' '));
    assert.doesNotMatch(keys.ui.confirmations[0].detail, /Create .*key pair|Add the key|Create key group/);
    assert.match(keys.ui.confirmations[0].detail, new RegExp(`behavior Default \\(\\*\\) trusts key group media-signers \\(${trusting.id}\\)`));
  });

  it('a person who cancels the summary changes nothing', async () => {
    const bucket = await newBucket('verify-cancel');
    const service = new FakeCloudFrontService();
    const { keys, context } = await world(service, undefined, [input(bucket), pick('Default (*)'), { kind: 'confirm', accept: false }]);
    await assert.rejects(protectBucket(context), { name: 'CancellationError' });
    keys.ui.assertAllUsed();
    assert.deepEqual([service.publicKeys, service.keyGroups, service.originAccessControls, service.distributions, keys.keyStore.list()], [[], [], [], [], []]);
  });

  it('the success shows at once, with Copy Signed URL and Verify, while the warning that the bucket is public waits for its own answer', async () => {
    const bucket = await newBucket('verify-open');
    await s3().send(
      new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false } }),
    );
    const service = new FakeCloudFrontService();
    const { keys, context } = await world(service, undefined, [confirmChanges]);
    // A person who has not answered the warning yet: it never resolves in this test.
    const notify = keys.ui.notify.bind(keys.ui);
    keys.ui.notify = (severity, message, ...actions) =>
      severity === 'warning' ? (keys.ui.notifications.push({ severity, message, actions }), new Promise<undefined>(() => {})) : notify(severity, message, ...actions);
    const result = await protectBucket(context, { interactive: true, bucket, newKey: { name: 'open-key', algorithm: 'RSA_2048' } });
    keys.ui.assertAllUsed();
    assert.deepEqual(result.publicAccess, [`S3 Block Public Access is not fully on for bucket ${bucket}.`]);
    assert.deepEqual(
      keys.ui.notifications.map((n) => [n.severity, n.actions]),
      [
        ['info', ['Copy Signed URL', 'Verify Protection']],
        ['warning', ['Close Public Access']],
      ],
    );
  });
});
