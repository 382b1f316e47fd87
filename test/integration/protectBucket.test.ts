// "Protect S3 Bucket with CloudFront" in the real extension: against moto (CloudFront and S3) for a new
// distribution and for an existing one whose origin reads through a legacy OAI, and over the typed
// CloudFront fake (which fails any step on demand; moto's DeleteKeyGroup, which Undo needs, comes from the
// project's patch) with moto's S3 behind the fault proxy for a failure at each step followed by Undo.
import assert from 'node:assert/strict';
import { CreateDistributionCommand, GetDistributionConfigCommand, GetKeyGroupCommand, GetOriginAccessControlCommand, type DistributionConfig } from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, GetBucketPolicyCommand, GetPublicAccessBlockCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { buildS3Client } from '../../src/aws/clientBuilder';
import { SdkS3Buckets } from '../../src/aws/s3Buckets';
import { protectBucket, type ProtectBucketContext } from '../../src/commands/protect/command';
import type { ProtectBucketResult } from '../../src/commands/protect/state';
import { Commands, ContextValues } from '../../src/constants';
import { CancellationError, type UserError } from '../../src/errors';
import { awsError, FakeCloudFrontService } from '../fakes/fakeCloudFrontService';
import { ScriptedUi, type Answer } from '../fakes/scriptedUi';
import { createDistribution, createPublicKey, seedClient } from './support/cloudFrontSeed';
import { activateExtension, labelOf, renderChildren } from './support/extension';
import { clearFaults, EXTENSION_AGENT, Faults, faultProxyAvailable, injectFaults } from './support/faultProxy';
import { keyWorld } from './support/keyCommands';
import { testingHooks } from './support/testingHooks';

const s3 = () => new S3Client({ region: 'us-east-1' });

async function newBucket(prefix: string, policy?: object): Promise<string> {
  const bucket = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  if (policy) await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
  return bucket;
}

async function policyOf(bucket: string): Promise<string | undefined> {
  try {
    return (await s3().send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy;
  } catch (error) {
    if (error instanceof Error && error.name === 'NoSuchBucketPolicy') return undefined;
    throw error;
  }
}

const logsStatement = (bucket: string) => ({
  Sid: 'LogDelivery',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::123456789012:root' },
  Action: 's3:PutObject',
  Resource: `arn:aws:s3:::${bucket}/logs/*`,
});

/** Yes in a modal: the summary of Protect's changes, or Close Public Access. */
const yes: Answer = { kind: 'confirm', accept: true };

type Statement = { Sid?: string; Principal?: unknown; Action?: unknown; Resource?: unknown; Condition?: unknown };

describe('Protect S3 Bucket with CloudFront (moto)', () => {
  it('a new distribution for a bucket whose policy has a statement: OAC origin, key group on the default behavior, both statements in the policy', async () => {
    await activateExtension();
    const bucket = await newBucket('protect-new');
    await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [logsStatement(bucket)] }) }));
    const suffix = Date.now();
    const result = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucket, {
      bucket,
      newKey: { name: `protect-key-${suffix}`, algorithm: 'RSA_2048' },
      keyGroupName: `protect-group-${suffix}`,
    });
    assert.equal(result.bucketPolicy, 'added');

    const cloudFront = seedClient();
    const config = (await cloudFront.send(new GetDistributionConfigCommand({ Id: result.distributionId }))).DistributionConfig!;
    const origin = config.Origins!.Items![0];
    assert.equal(origin.DomainName, `${bucket}.s3.us-east-1.amazonaws.com`);
    assert.equal(origin.OriginAccessControlId, result.originAccessControlId);
    assert.equal(origin.S3OriginConfig?.OriginAccessIdentity, '');
    const behavior = config.DefaultCacheBehavior!;
    assert.equal(behavior.TargetOriginId, origin.Id);
    assert.equal(behavior.ViewerProtocolPolicy, 'redirect-to-https');
    assert.equal(behavior.CachePolicyId, '658327ea-f89d-4fab-a63d-7e88639e58f6');
    assert.deepEqual(behavior.TrustedKeyGroups?.Items, [result.keyGroupId]);

    const oac = (await cloudFront.send(new GetOriginAccessControlCommand({ Id: result.originAccessControlId }))).OriginAccessControl!.OriginAccessControlConfig!;
    assert.deepEqual([oac.OriginAccessControlOriginType, oac.SigningBehavior, oac.SigningProtocol], ['s3', 'always', 'sigv4']);
    const group = (await cloudFront.send(new GetKeyGroupCommand({ Id: result.keyGroupId }))).KeyGroup!.KeyGroupConfig!;
    assert.deepEqual(group.Items, [result.publicKeyId]);

    const statements = (JSON.parse((await policyOf(bucket))!) as { Statement: Statement[] }).Statement;
    assert.equal(statements.length, 2);
    assert.deepEqual(statements[0], logsStatement(bucket));
    assert.deepEqual(statements[1].Principal, { Service: 'cloudfront.amazonaws.com' });
    assert.equal(statements[1].Action, 's3:GetObject');
    assert.equal(statements[1].Resource, `arn:aws:s3:::${bucket}/*`);
    const arn = `arn:aws:cloudfront::123456789012:distribution/${result.distributionId}`;
    assert.deepEqual(statements[1].Condition, { StringEquals: { 'AWS:SourceArn': arn } });

    // Run again for the same bucket and distribution: the statement is there, the OAC is reused.
    const again = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucket, {
      bucket,
      distributionId: result.distributionId,
      keyPairId: result.publicKeyId,
    });
    assert.equal(again.bucketPolicy, 'present');
    assert.equal(again.keyGroupId, result.keyGroupId);
    assert.equal(again.originAccessControlId, result.originAccessControlId);
  });

  it('an existing distribution whose origin reads through a legacy OAI moves to the OAC; the rest of its configuration is identical', async () => {
    await activateExtension();
    const bucket = await newBucket('protect-oai');
    const cloudFront = seedClient();
    const created = await cloudFront.send(
      new CreateDistributionCommand({
        DistributionConfig: {
          CallerReference: randomUUID(),
          Comment: 'site with a legacy OAI',
          Enabled: true,
          Aliases: { Quantity: 0, Items: [] },
          Origins: {
            Quantity: 2,
            Items: [
              { Id: 'api', DomainName: 'api.example.com', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' } },
              { Id: 'files', DomainName: `${bucket}.s3.amazonaws.com`, OriginPath: '/v1', S3OriginConfig: { OriginAccessIdentity: 'origin-access-identity/cloudfront/E2EXAMPLEOAI' } },
            ],
          },
          DefaultCacheBehavior: { TargetOriginId: 'files', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' },
          CacheBehaviors: {
            Quantity: 1,
            Items: [{ PathPattern: '/api/*', TargetOriginId: 'api', ViewerProtocolPolicy: 'https-only', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' }],
          },
        },
      }),
    );
    const id = created.Distribution!.Id!;
    const before = await cloudFront.send(new GetDistributionConfigCommand({ Id: id }));
    const keyId = await createPublicKey(cloudFront, `oai-key-${Date.now()}`);

    const result = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucket, {
      bucket,
      distributionId: id,
      keyPairId: keyId,
      keyGroupName: `oai-group-${Date.now()}`,
    });
    assert.equal(result.distributionId, id);
    assert.equal(result.bucketPolicy, 'added');

    const after = await cloudFront.send(new GetDistributionConfigCommand({ Id: id }));
    const files = after.DistributionConfig!.Origins!.Items![1];
    assert.equal(files.OriginAccessControlId, result.originAccessControlId);
    assert.equal(files.S3OriginConfig?.OriginAccessIdentity, '');
    assert.deepEqual(after.DistributionConfig!.DefaultCacheBehavior!.TrustedKeyGroups?.Items, [result.keyGroupId]);
    // Put back the three fields this changed: the rest is what it was.
    const restored: DistributionConfig = structuredClone(after.DistributionConfig!);
    restored.Origins!.Items![1].OriginAccessControlId = before.DistributionConfig!.Origins!.Items![1].OriginAccessControlId;
    restored.Origins!.Items![1].S3OriginConfig = before.DistributionConfig!.Origins!.Items![1].S3OriginConfig;
    restored.DefaultCacheBehavior!.TrustedKeyGroups = before.DistributionConfig!.DefaultCacheBehavior!.TrustedKeyGroups;
    assert.deepEqual(restored, before.DistributionConfig);
  });

  it('"Protect with CloudFront" on a public S3 origin row: the row then shows the origin access control, and the notification names what changed', async () => {
    const api = await activateExtension();
    const hooks = await api.testing!();
    const ui = new ScriptedUi([yes]);
    hooks.setUi(ui);
    try {
      const bucket = await newBucket('protect-row');
      const created = await createDistribution(seedClient(), `row ${Date.now()}`, [], `${bucket}.s3.us-east-1.amazonaws.com`);
      const originRow = async () => {
        await vscode.commands.executeCommand(Commands.refresh);
        const row = (await renderChildren(api.distributionsView)).find((r) => labelOf(r.item) === created.Id);
        assert.ok(row);
        return (await renderChildren(api.distributionsView, row.node))[0];
      };
      const before = await originRow();
      assert.equal(before.item.contextValue, ContextValues.originS3);
      assert.match(String(before.item.description), /public bucket access/);
      // The S3 Buckets view: a warning, with the fix in the tooltip.
      const bucketRow = (await renderChildren(api.bucketsView)).find((r) => labelOf(r.item) === bucket)!;
      assert.equal(bucketRow.item.description, `served without OAC by ${created.Id}`);
      assert.match((bucketRow.item.tooltip as vscode.MarkdownString).value, /Not protected: .* Fix: "Protect with CloudFront" on this row puts it behind one\./);

      const result = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectOrigin, before.node);
      assert.equal(result.distributionId, created.Id);
      assert.equal(result.bucketPolicy, 'added');
      const after = await originRow();
      assert.equal(after.item.contextValue, ContextValues.originS3WithOac);
      assert.match(String(after.item.description), new RegExp(`origin access control ${result.originAccessControlId}`));
      const done = ui.notifications.find((n) => n.severity === 'info');
      assert.ok(done && done.message.includes(bucket) && done.message.includes(result.keyGroupId), done?.message);
      // The summary said that the origin read anonymously until now.
      assert.match(ui.confirmations[0].detail, new RegExp(`• Distribution ${created.Id}: origin \\S+ reads bucket ${bucket} through the OAC instead of anonymously\\.`));
      ui.assertAllUsed();
    } finally {
      hooks.setUi(undefined);
    }
  });

  it('a bucket anyone can still read: says so (result and warning), keeps it open unless the person chooses "Close Public Access"', async () => {
    const api = await activateExtension();
    const hooks = await api.testing!();
    const publicRead = { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '' };
    const openBucket = async () => {
      const bucket = await newBucket('protect-open');
      await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ ...publicRead, Resource: `arn:aws:s3:::${bucket}/*` }] }) }));
      return bucket;
    };
    const sids = async (bucket: string) => (JSON.parse((await policyOf(bucket))!) as { Statement: Statement[] }).Statement.map((st) => st.Sid);

    // Automation: reported, nothing closed.
    const quiet = await openBucket();
    const reported = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucket, { bucket: quiet, newKey: { name: `open-key-${Date.now()}`, algorithm: 'RSA_2048' } });
    assert.deepEqual(reported.publicAccess, [`The policy of bucket ${quiet} lets anyone read its objects (PublicRead).`, `S3 Block Public Access is not fully on for bucket ${quiet}.`]);
    assert.deepEqual(await sids(quiet), ['PublicRead', 'AllowCloudFrontServicePrincipal']);

    // A person who chooses "Close Public Access", then confirms it in the modal: the public statement
    // goes, the OAC statement stays, Block Public Access is on, and the log says so.
    const ui = new ScriptedUi([yes, yes]);
    ui.notificationAnswers.push('Close Public Access');
    hooks.setUi(ui);
    try {
      const closed = await openBucket();
      const result = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucket, {
        interactive: true,
        bucket: closed,
        newKey: { name: `closed-key-${Date.now()}`, algorithm: 'RSA_2048' },
      });
      // The run resolves as it ended; closing is the person's own next step.
      assert.equal(result.publicAccess.length, 2);
      // Closing is done when its notification says so: wait on that, not on time or order.
      await ui.when(() => ui.notifications.find((n) => n.message === `Public access to bucket ${closed} is closed: only CloudFront reads it now.`));
      assert.equal((await sids(closed)).join(), 'AllowCloudFrontServicePrincipal');
      const block = (await s3().send(new GetPublicAccessBlockCommand({ Bucket: closed }))).PublicAccessBlockConfiguration!;
      assert.deepEqual([block.BlockPublicAcls, block.IgnorePublicAcls, block.BlockPublicPolicy, block.RestrictPublicBuckets], [true, true, true, true]);
      const warning = ui.notifications.find((n) => n.severity === 'warning');
      assert.ok(warning && warning.message.includes('lets anyone read its objects (PublicRead)'), warning?.message);
      // The success came first, not after the warning was answered.
      assert.ok(ui.notifications.indexOf(ui.notifications.find((n) => n.actions.includes('Copy Signed URL'))!) < ui.notifications.indexOf(warning));
      assert.deepEqual(ui.confirmations[1], {
        message: `Close public access to bucket ${closed}?`,
        detail: [
          'The bucket policy loses the statements that let anyone read objects: PublicRead.',
          'All four S3 Block Public Access settings of the bucket are turned on.',
          'Whoever reads the files straight from S3 (not through CloudFront) loses access; CloudFront keeps it through the origin access control.',
        ].join('\n'),
      });
      ui.assertAllUsed();
    } finally {
      hooks.setUi(undefined);
    }
  });

  it('the S3 Buckets view: a bucket served through OAC that anyone can still read is a warning with the fix, closed only after the modal says yes', async () => {
    const api = await activateExtension();
    const hooks = await api.testing!();
    const bucket = await newBucket('protect-view-open');
    const protectedRun = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucket, { bucket, newKey: { name: `view-open-${Date.now()}`, algorithm: 'RSA_2048' } });
    const policy = JSON.parse((await policyOf(bucket))!) as { Statement: object[] };
    policy.Statement.push({ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` });
    await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
    const rowOf = async () => {
      await vscode.commands.executeCommand(Commands.refresh);
      const row = (await renderChildren(api.bucketsView)).find((r) => labelOf(r.item) === bucket);
      assert.ok(row, `no row for ${bucket}`);
      return row;
    };
    const open = await rowOf();
    assert.equal(open.item.contextValue, ContextValues.bucketWithOacPublic);
    assert.equal(open.item.description, `served through OAC by ${protectedRun.distributionId} · readable by anyone in S3`);
    assert.equal((open.item.iconPath as vscode.ThemeIcon).id, 'warning');
    const tooltip = (open.item.tooltip as vscode.MarkdownString).value;
    assert.match(
      tooltip,
      /Not protected: anyone can read its objects straight from S3 \(bucket policy statements PublicRead\), so signed URLs protect nothing\. Fix: "Close Public Access" on this row/,
    );

    const ui = new ScriptedUi([{ kind: 'confirm', accept: false }, yes]);
    hooks.setUi(ui);
    // The view reads the bucket again because Close Public Access's writes are announced (onDidWriteBucket), not because anything refreshes it.
    let viewChanges = 0;
    const listening = api.bucketsView.onDidChangeTreeData!(() => viewChanges++);
    try {
      assert.equal(await vscode.commands.executeCommand(Commands.closePublicAccess, open.node), undefined, 'No in the modal: cancelled');
      assert.ok((await policyOf(bucket))!.includes('PublicRead'), 'No in the modal closes nothing');
      const closed = await vscode.commands.executeCommand<{ removedStatements: string[] }>(Commands.closePublicAccess, open.node);
      assert.deepEqual(closed.removedStatements, ['PublicRead']);
      ui.assertAllUsed();
    } finally {
      listening.dispose();
      hooks.setUi(undefined);
    }
    assert.ok(viewChanges > 0, 'the bucket writes refreshed the S3 Buckets view');
    const after = (await renderChildren(api.bucketsView)).find((r) => labelOf(r.item) === bucket);
    assert.ok(after, `no row for ${bucket}`);
    assert.equal(after.item.contextValue, ContextValues.bucketWithOac);
    assert.equal((after.item.iconPath as vscode.ThemeIcon).id, 'lock');
    assert.match((after.item.tooltip as vscode.MarkdownString).value, /Protected: only CloudFront reads it/);
  });

  it('refuses a bucket that does not exist and a key storage that does not exist, before creating anything', async () => {
    await activateExtension();
    await assert.rejects(
      async () => vscode.commands.executeCommand(Commands.protectBucket, { bucket: `no-such-bucket-${Date.now()}`, newKey: { name: `k-${Date.now()}`, algorithm: 'RSA_2048' } }),
      (error: UserError) => error.input === 'bucket' && /there is no S3 bucket no-such-bucket-/.test(error.message),
    );
    const bucket = await newBucket('protect-ssm');
    await assert.rejects(
      async () => vscode.commands.executeCommand(Commands.protectBucket, { bucket, newKey: { name: `k-${Date.now()}`, algorithm: 'ECDSA_P256', keyStorage: 'ssm' } }),
      (error: UserError) => error.input === 'newKey.keyStorage' && /^keyStorage must be 'local'/.test(error.message),
    );
    assert.equal(await policyOf(bucket), undefined);
  });

  for (const keyStorage of ['kms', 'secretsManager'] as const) {
    it(`a new key kept in ${keyStorage}: its public key signs for the new key group, and this machine lists it without a private key`, async () => {
      const hooks = await testingHooks();
      const bucket = await newBucket(`protect-${keyStorage.toLowerCase()}`);
      const name = `protect-${keyStorage}-${Date.now()}`;
      const result = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucket, { bucket, newKey: { name, algorithm: 'ECDSA_P256', keyStorage } });
      const group = (await seedClient().send(new GetKeyGroupCommand({ Id: result.keyGroupId }))).KeyGroup!.KeyGroupConfig!;
      assert.deepEqual(group.Items, [result.publicKeyId]);
      const listed = hooks.keyStore.find(result.publicKeyId)!;
      assert.equal(listed.storage?.kind, keyStorage);
      assert.equal(await hooks.keyStore.privateKeyPem(listed.fingerprint), undefined, 'no private key in secret storage');
      if (listed.storage?.kind === 'kms') assert.equal(listed.storage.alias, `alias/cloudfront/${name}`);
      if (listed.storage?.kind === 'secretsManager') assert.equal(listed.storage.secretName, `cloudfront/${name}`);
    });
  }
});

describe('Protect S3 Bucket with CloudFront: a failure at each step, then Undo (fake CloudFront, moto S3)', () => {
  afterEach(async () => {
    if (faultProxyAvailable()) await clearFaults();
  });

  /** Everything the run could change: CloudFront (the fake), the bucket policy (moto) and the local keys. */
  async function snapshot(service: FakeCloudFrontService, keys: { list(): unknown[] }, bucket: string): Promise<string> {
    return JSON.stringify({
      publicKeys: service.publicKeys.map((k) => k.id),
      keyGroups: service.keyGroups,
      originAccessControls: service.originAccessControls,
      configs: [...service.configs.entries()],
      policy: await policyOf(bucket),
      localKeys: keys.list(),
    });
  }

  async function world(service: FakeCloudFrontService) {
    const keys = keyWorld(service, [yes]);
    keys.ui.notificationAnswers.push('Undo');
    const buckets = new SdkS3Buckets(await buildS3Client({ userAgent: `${EXTENSION_AGENT}test` }));
    const context: ProtectBucketContext = { ...keys.context, source: { ...keys.context.source, buckets: () => Promise.resolve(buckets) } };
    return { keys, context };
  }

  const steps: Array<{ fails: string; operation?: string }> = [
    { fails: 'Upload public key', operation: 'CreatePublicKey' },
    { fails: 'Create key group', operation: 'CreateKeyGroup' },
    { fails: 'Create or reuse origin access control', operation: 'CreateOriginAccessControl' },
    { fails: 'Create a distribution', operation: 'CreateDistribution' },
    { fails: 'bucket policy' },
  ];
  for (const step of steps) {
    it(`new distribution: "${step.fails}" fails; Undo leaves CloudFront, the bucket policy and the local keys as they were`, async function () {
      if (!step.operation && !faultProxyAvailable()) this.skip();
      const bucket = await newBucket('protect-undo', { Version: '2012-10-17', Statement: [logsStatement('x')] });
      const service = new FakeCloudFrontService();
      const { keys, context } = await world(service);
      const before = await snapshot(service, keys.keyStore, bucket);
      if (step.operation) service.operationFailures.set(step.operation, [awsError('AccessDenied', 'not authorized', 403)]);
      else await injectFaults({ operation: 'PutBucketPolicy', fault: Faults.accessDenied });
      await assert.rejects(protectBucket(context, { interactive: true, bucket, newKey: { name: 'undo-key', algorithm: 'RSA_2048' }, keyGroupName: 'undo-group' }), CancellationError);
      const report = keys.ui.notifications.find((n) => n.severity === 'error');
      assert.ok(report && report.message.includes(step.fails), `the report names the failed step: ${report?.message}`);
      assert.deepEqual(report.actions, ['Retry', 'Undo']);
      assert.equal(await snapshot(service, keys.keyStore, bucket), before);
    });
  }

  it('existing distribution: the bucket policy fails; Undo restores the distribution configuration exactly', async function () {
    if (!faultProxyAvailable()) this.skip();
    const bucket = await newBucket('protect-undo-existing');
    const service = new FakeCloudFrontService();
    service.addDistribution('E1EXISTING', {
      CallerReference: 'ref',
      Comment: 'existing',
      Enabled: true,
      Origins: { Quantity: 1, Items: [{ Id: 'files', DomainName: `${bucket}.s3.amazonaws.com`, S3OriginConfig: { OriginAccessIdentity: '' } }] },
      DefaultCacheBehavior: { TargetOriginId: 'files', ViewerProtocolPolicy: 'allow-all' },
    });
    const { keys, context } = await world(service);
    const before = await snapshot(service, keys.keyStore, bucket);
    await injectFaults({ operation: 'PutBucketPolicy', fault: Faults.accessDenied });
    await assert.rejects(
      protectBucket(context, { interactive: true, bucket, distributionId: 'E1EXISTING', newKey: { name: 'undo-key', algorithm: 'RSA_2048' }, keyGroupName: 'undo-group' }),
      CancellationError,
    );
    assert.ok(service.calls.includes('UpdateDistribution'), 'the distribution was changed before the failure');
    assert.equal(await snapshot(service, keys.keyStore, bucket), before);
  });
});
