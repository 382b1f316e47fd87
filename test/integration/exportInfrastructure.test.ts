// "Export as Infrastructure Code" in the real extension against moto: it reads the distribution, the
// key group its behavior trusts and that group's public key (with its CallerReference) from CloudFront,
// and writes them in each format; run by a person it asks only the format. (The formats are checked
// against each tool in test/unit/codegen/infrastructure.test.ts.)
import assert from 'node:assert/strict';
import { GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import { Commands } from '../../src/constants';
import { pick, ScriptedUi } from '../fakes/scriptedUi';
import { behavior, createDistribution, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';
import type { CreateKeyPairResult as CreatedKey } from '../../src/commands/keys/createKeyPair/state';

const run = <T>(arg: unknown) => Promise.resolve(vscode.commands.executeCommand<T>(Commands.exportInfrastructure, arg));

describe('Export as Infrastructure Code (moto)', function () {
  this.timeout(120_000);
  let hooks: TestingApi;
  let key: CreatedKey;
  let distributionId: string;
  const suffix = Date.now();

  before(async () => {
    hooks = await (await activateExtension()).testing!();
    key = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: `iac-${suffix}`, algorithm: 'ECDSA_P256', keyGroupName: `iac-${suffix}` });
    distributionId = (await createDistribution(seedClient(), `iac ${suffix}`, [behavior('/paid/*', [key.keyGroupId])])).Id!;
  });
  afterEach(() => hooks.setUi(undefined));
  after(() => deleteDistributions(seedClient(), [distributionId]));

  it('CloudFormation: the distribution, the trusted key group and its public key, each with its import identifier', async () => {
    const template = JSON.parse(await run<string>({ distributionId, format: 'cloudformation' })) as {
      Resources: Record<string, { Type: string; Properties: Record<string, { CallerReference?: string; CacheBehaviors?: Array<{ PathPattern: string; TrustedKeyGroups: unknown }> }> }>;
      Metadata: { ResourcesToImport: Array<{ ResourceType: string; ResourceIdentifier: Record<string, string> }>; PrivateKeys: Record<string, string> };
    };
    assert.deepEqual(template.Metadata.ResourcesToImport.map((entry) => `${entry.ResourceType} ${Object.values(entry.ResourceIdentifier).join()}`).sort(), [
      `AWS::CloudFront::Distribution ${distributionId}`,
      `AWS::CloudFront::KeyGroup ${key.keyGroupId}`,
      `AWS::CloudFront::PublicKey ${key.publicKeyId}`,
    ]);
    const publicKey = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::CloudFront::PublicKey')!;
    const held = (await seedClient().send(new GetPublicKeyCommand({ Id: key.publicKeyId }))).PublicKey!.PublicKeyConfig!;
    assert.equal(publicKey.Properties.PublicKeyConfig.CallerReference, held.CallerReference);
    // The key was made on this machine: the export says it stays here, not exported.
    assert.match(template.Metadata.PrivateKeys[key.publicKeyId], /stays in VS Code's secret storage on the machine that exported this, and is not exported/);
    const distribution = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::CloudFront::Distribution')!;
    const paid = distribution.Properties.DistributionConfig.CacheBehaviors!.find((b) => b.PathPattern === '/paid/*')!;
    const keyGroupLogicalId = Object.entries(template.Resources).find(([, resource]) => resource.Type === 'AWS::CloudFront::KeyGroup')![0];
    assert.deepEqual(paid.TrustedKeyGroups, [{ Ref: keyGroupLogicalId }]);
  });

  it('Terraform and CDK name the same resources; a wrong format is refused by name', async () => {
    const terraform = await run<string>({ distributionId, format: 'terraform' });
    assert.match(terraform, new RegExp(`id = "${key.publicKeyId}"`));
    assert.match(terraform, new RegExp(`to = aws_cloudfront_distribution\\.this\\n  id = "${distributionId}"`));
    const cdk = await run<string>({ distributionId, format: 'cdk', privateKeys: { [key.publicKeyId]: { kind: 'kms', keyId: 'alias/media' } } });
    assert.match(cdk, new RegExp(`// Key group ${key.keyGroupId}\\.\\nexport const \\w+ = new cloudfront\\.CfnKeyGroup\\(`));
    assert.match(cdk, /kms\.Alias\.fromAliasName\(stack, "[A-Za-z0-9]+", "alias\/media"\)/);
    await assert.rejects(run({ distributionId, format: 'pulumi' }), (error: Error & { input?: string }) => error.input === 'format');
  });

  it('run by a person with a distribution id: asks only the format and opens the text', async () => {
    const ui = new ScriptedUi([pick('Terraform')]);
    hooks.setUi(ui);
    const text = await run<string>(distributionId);
    ui.assertAllUsed();
    assert.equal(vscode.window.activeTextEditor?.document.getText(), text);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
