// Where each private key lives, said the Keys view's way everywhere keys are listed or exported:
// the key pickers of Generate Signing Code (and the other commands on one public key) and of Protect
// S3 Bucket, and "Export as Infrastructure Code", over the typed fake with keys on this machine, in
// KMS, in Secrets Manager and in SSM (the views' own rows: keysFake.test.ts).
import type { DistributionConfig } from '@aws-sdk/client-cloudfront';
import assert from 'node:assert/strict';
import { exportInfrastructureCommand } from '../../src/commands/codegen/exportInfrastructure';
import { choosePublicKey } from '../../src/commands/keys/chooseKey';
import { askProtectChoices } from '../../src/commands/protect/choices';
import type { UserError } from '../../src/errors';
import { FakeCloudFrontService } from '../fakes/fakeCloudFrontService';
import { pick, ScriptedUi } from '../fakes/scriptedUi';
import { keyWorld, type FakeKeyWorld } from './support/keyCommands';

const created = new Date('2026-03-04T05:06:07Z');
const IDS = ['K1', 'K2', 'K3', 'K4', 'K5'];
const KMS_ARN = 'arn:aws:kms:us-east-1:123456789012:key/0f8c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:cloudfront/media-AbCdEf';

function distribution(keyGroupIds: string[]): DistributionConfig {
  return {
    CallerReference: 'ref',
    Comment: 'places',
    Enabled: true,
    Origins: { Quantity: 1, Items: [{ Id: 'api', DomainName: 'api.example.com', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' } }] },
    DefaultCacheBehavior: {
      TargetOriginId: 'api',
      ViewerProtocolPolicy: 'https-only',
      TrustedKeyGroups: { Enabled: keyGroupIds.length > 0, Quantity: keyGroupIds.length, Items: keyGroupIds },
      TrustedSigners: { Enabled: false, Quantity: 0 },
    },
  };
}

/** K1 on this machine, K2 in KMS, K3 in Secrets Manager, K4 in SSM, K5 not listed in VS Code; all in key group KG1. */
async function world(answers: Parameters<typeof keyWorld>[1] = []): Promise<{ service: FakeCloudFrontService } & FakeKeyWorld> {
  const service = new FakeCloudFrontService();
  service.publicKeys = IDS.map((id) => ({ id, name: `key-${id}`, comment: '', created, encodedKey: '-----BEGIN PUBLIC KEY-----' }));
  service.keyGroups = [{ id: 'KG1', name: 'media-signers', comment: '', publicKeyIds: IDS }];
  const keys = keyWorld(service, answers);
  const listed = (fingerprint: string, publicKeyId: string) => ({ fingerprint, publicKeyId, name: `key-${publicKeyId}`, algorithm: 'RSA_2048' as const, created: created.toISOString() });
  await keys.keyStore.add(listed('fp1', 'K1'), 'the PEM (not read by the pickers)');
  await keys.keyStore.addRemote({ ...listed('fp2', 'K2'), storage: { kind: 'kms', keyArn: KMS_ARN, alias: 'alias/cloudfront/media' } });
  await keys.keyStore.addRemote({ ...listed('fp3', 'K3'), storage: { kind: 'secretsManager', secretArn: SECRET_ARN, secretName: 'cloudfront/media' } });
  await keys.keyStore.addRemote({ ...listed('fp4', 'K4'), storage: { kind: 'ssm', parameterName: '/cloudfront/media', region: 'us-east-1' } });
  return { service, ...keys };
}

const PLACES = ['private key on this machine', 'private key in AWS KMS alias/cloudfront/media', 'private key in Secrets Manager cloudfront/media', 'private key in SSM /cloudfront/media'];

describe('Where each private key lives, in pickers and exports (typed fake)', () => {
  it("the public key picker (Generate Signing Code, Export, Delete) says each key's place as the Keys view does", async () => {
    const { context, ui } = await world([pick('key-K2')]);
    assert.equal(await choosePublicKey(context, undefined, 'Public key the backend signs with'), 'K2');
    ui.assertAllUsed();
    assert.deepEqual(ui.prompts.at(-1)!.rows, [...IDS.slice(0, 4).map((id, i) => `key-${id} — ${id} · ${PLACES[i]}`), 'key-K5 — K5']);
  });

  it("Protect's key picker says each existing key's place as the Keys view does (a KMS key is not 'on this machine')", async () => {
    const { service, keyStore } = await world();
    const ui = new ScriptedUi([pick('Default (*)'), pick('$(key) key-K2')]);
    const choices = await askProtectChoices('media-bucket', service, keyStore, ui);
    ui.assertAllUsed();
    assert.equal(choices.keyPairId, 'K2');
    const rows = ui.prompts.at(-1)!.rows!.filter((row) => row.startsWith('$(key)'));
    assert.deepEqual(
      rows,
      IDS.slice(0, 4).map((id, i) => `$(key) key-${id} — ${id} · existing key, ${PLACES[i]}`),
    );
  });

  it('Export as Infrastructure Code states where each key lives from the keys listed in VS Code; options override', async () => {
    const { service, context } = await world();
    service.addDistribution('E1PLACES', distribution(['KG1']));
    const template = JSON.parse(await exportInfrastructureCommand(context, { distributionId: 'E1PLACES', format: 'cloudformation' })) as { Metadata: { PrivateKeys: Record<string, string> } };
    const places = template.Metadata.PrivateKeys;
    assert.match(places.K1, /^The private key of K1 stays in VS Code's secret storage on the machine that exported this, and is not exported\./);
    assert.match(places.K2, new RegExp(`^The private key of K2 is the AWS KMS key ${KMS_ARN} \\(alias/cloudfront/media\\)`));
    assert.match(places.K3, new RegExp(`^The private key of K3 is in the AWS Secrets Manager secret ${SECRET_ARN} \\(cloudfront/media\\)`));
    assert.match(places.K4, /^The private key of K4 is in the AWS Systems Manager parameter \/cloudfront\/media \(SecureString, in us-east-1\)/);
    assert.match(places.K5, /^The private key of K5 is not listed in the VS Code that exported this/);
    const cdk = await exportInfrastructureCommand(context, { distributionId: 'E1PLACES', format: 'cdk', privateKeys: { K5: { kind: 'secretsManager', secretId: 'team/k5' } } });
    assert.match(cdk, new RegExp(`secretsmanager\\.Secret\\.fromSecretCompleteArn\\(stack, "PrivateKeyKeyK3", "${SECRET_ARN}"\\)`));
    assert.match(cdk, /secretsmanager\.Secret\.fromSecretNameV2\(stack, "PrivateKeyKeyK5", "team\/k5"\)/);
  });

  it('Export as Infrastructure Code refuses a distribution with nothing private, naming it and why', async () => {
    const { service, context } = await world();
    service.addDistribution('E2OPEN', distribution([]));
    await assert.rejects(exportInfrastructureCommand(context, { distributionId: 'E2OPEN', format: 'terraform' }), (error: UserError) => {
      assert.equal(error.input, 'distributionId');
      assert.match(error.message, /^distributionId: distribution E2OPEN has no private content to export: no behavior trusts a key group and no origin uses an origin access control\./);
      return true;
    });
  });
});
