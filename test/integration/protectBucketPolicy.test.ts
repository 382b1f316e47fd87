// "Protect S3 Bucket with CloudFront" against moto's S3 (which stores a policy's text as given): a
// bucket policy with a Deny, a NotPrincipal, conditions and another distribution's grant, written
// pretty in the 2008-10-17 grammar, comes back with every byte it had plus one inserted statement in
// its layout, under a Sid of its own; a second run finds the grant and changes nothing; closing
// public reads drops only the public statement.
import assert from 'node:assert/strict';
import { CreateBucketCommand, GetBucketPolicyCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import type { ProtectBucketResult } from '../../src/commands/protect/state';
import { Commands } from '../../src/constants';
import { ScriptedUi } from '../fakes/scriptedUi';
import { insertion } from '../support/textInsertion';
import { activateExtension } from './support/extension';

const s3 = () => new S3Client({ region: 'us-east-1' });

async function bucketWithPolicy(prefix: string, policy: (bucket: string) => string): Promise<{ bucket: string; text: string }> {
  const bucket = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  const text = policy(bucket);
  await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: text }));
  return { bucket, text };
}

const policyOf = async (bucket: string) => (await s3().send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy!;

/** A policy as people write them: pretty, four spaces, CRLF, the 2008-10-17 grammar, an old OAC grant. */
const handWritten = (bucket: string) =>
  JSON.stringify(
    {
      Version: '2008-10-17',
      Id: 'PolicyForCloudFrontPrivateContent',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        {
          Sid: 'DenyDeletesButAdmins',
          Effect: 'Deny',
          NotPrincipal: { AWS: ['arn:aws:iam::123456789012:role/admin', 'arn:aws:iam::123456789012:root'] },
          Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
          Resource: `arn:aws:s3:::${bucket}/*`,
        },
        {
          Sid: 'AllowCloudFrontServicePrincipal',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${bucket}/*`,
          Condition: { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::123456789012:distribution/E2OLDDISTRIBUTION' } },
        },
        {
          Sid: 'LogDelivery',
          Effect: 'Allow',
          Principal: { Service: 'logging.s3.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${bucket}/logs/*`,
          Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${bucket}` }, StringEquals: { 'aws:SourceAccount': '123456789012' } },
        },
      ],
    },
    null,
    4,
  ).replace(/\n/g, '\r\n');

describe('Protect S3 Bucket with CloudFront: the bucket policy merged without loss (moto)', () => {
  it('a hand-written policy keeps every byte; the statement is inserted in its layout under a Sid of its own; a second run changes nothing', async () => {
    await activateExtension();
    const { bucket, text } = await bucketWithPolicy('protect-kept', handWritten);
    const result = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucket, {
      bucket,
      newKey: { name: `kept-key-${Date.now()}`, algorithm: 'RSA_2048' },
    });
    assert.equal(result.bucketPolicy, 'added');
    assert.equal(result.bucketPolicyWarnings, undefined, 'the Deny of plain HTTP does not touch a behavior that redirects to HTTPS');
    const after = await policyOf(bucket);
    const inserted = insertion(text, after);
    const arn = `arn:aws:cloudfront::123456789012:distribution/${result.distributionId}`;
    assert.ok(inserted.startsWith(',\r\n        {\r\n            "Sid": '), JSON.stringify(inserted.slice(0, 40)));
    assert.deepEqual(JSON.parse(inserted.slice(1)), {
      Sid: `AllowCloudFrontServicePrincipal${result.distributionId}`,
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::${bucket}/*`,
      Condition: { StringEquals: { 'AWS:SourceArn': arn } },
    });
    assert.equal((JSON.parse(after) as { Version: string }).Version, '2008-10-17');

    const again = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucket, {
      bucket,
      distributionId: result.distributionId,
      keyPairId: result.publicKeyId,
    });
    assert.equal(again.bucketPolicy, 'present');
    assert.equal(await policyOf(bucket), after);
  });

  it('a Deny that does not spare CloudFront, and a grant narrowed by an IP condition: said (result, log and warning), the statement added', async () => {
    const api = await activateExtension();
    const hooks = await api.testing!();
    const policy = (bucket: string) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'OnlyAdmins', Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:role/admin' }, Action: 's3:Get*', Resource: `arn:aws:s3:::${bucket}/private/*` },
          {
            Sid: 'CloudFrontFromOffice',
            Effect: 'Allow',
            Principal: { Service: ['cloudfront.amazonaws.com'] },
            Action: 's3:GetObject',
            Resource: `arn:aws:s3:::${bucket}/*`,
            Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudfront::123456789012:distribution/*' }, IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
          },
        ],
      });
    const { bucket, text } = await bucketWithPolicy('protect-warned', policy);
    const ui = new ScriptedUi([]);
    hooks.setUi(ui);
    try {
      const result = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucket, {
        interactive: true,
        bucket,
        newKey: { name: `warned-key-${Date.now()}`, algorithm: 'RSA_2048' },
      });
      assert.equal(result.bucketPolicy, 'added');
      assert.deepEqual(result.bucketPolicyWarnings, [
        `Statement OnlyAdmins (Deny) of the policy of bucket ${bucket} may refuse CloudFront's reads (only some objects): no Allow outweighs a Deny, so make sure it spares the service principal cloudfront.amazonaws.com.`,
        `Statement CloudFrontFromOffice of the policy of bucket ${bucket} lets this distribution read only under more conditions (IpAddress aws:SourceIp), so it is not the same grant: a statement without them was added.`,
      ]);
      assert.ok(ui.notifications.some((n) => n.severity === 'warning' && n.message === result.bucketPolicyWarnings!.join(' ')));
      insertion(text, await policyOf(bucket));
    } finally {
      hooks.setUi(undefined);
    }
  });

  it('"Close Public Access" drops only the statements anyone can read through (s3:GetObject* to {"AWS":"*"}, s3:*Object with a Referer condition), every other byte kept', async () => {
    const api = await activateExtension();
    const hooks = await api.testing!();
    const open = (bucket: string) =>
      `{"Version":"2012-10-17","Statement":[${JSON.stringify({ Sid: 'Logs', Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/logs/*` })}, ${JSON.stringify({ Sid: 'Anyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'S3:GetObject*', Resource: `arn:aws:s3:::${bucket}/*` })}, ${JSON.stringify({ Sid: 'FromOurSite', Effect: 'Allow', Principal: '*', Action: 's3:*Object', Resource: `arn:aws:s3:::${bucket}/site/*`, Condition: { StringLike: { 'aws:Referer': 'https://example.com/*' } } })}]}`;
    const { bucket, text } = await bucketWithPolicy('protect-open-wild', open);
    const ui = new ScriptedUi([]);
    ui.notificationAnswers.push('Close Public Access');
    hooks.setUi(ui);
    try {
      const result = await vscode.commands.executeCommand<ProtectBucketResult>(Commands.protectBucket, {
        interactive: true,
        bucket,
        newKey: { name: `open-wild-key-${Date.now()}`, algorithm: 'RSA_2048' },
      });
      assert.deepEqual(result.publicAccess, []);
      const warning = ui.notifications.find((n) => n.severity === 'warning');
      // A Referer is no limit by S3's rule: public, with the condition and the prefix said.
      const named = `The policy of bucket ${bucket} lets anyone read its objects (Anyone; FromOurSite: some objects, only when StringLike aws:Referer).`;
      assert.ok(warning?.message.includes(named), warning?.message);
      const after = await policyOf(bucket);
      const logs = text.slice(text.indexOf('[') + 1, text.indexOf('}, {') + 1);
      const added = after.slice(after.indexOf('}, {') + 3, after.lastIndexOf(']'));
      assert.equal(after, `{"Version":"2012-10-17","Statement":[${logs}, ${added}]}`, 'the logs statement as written, then the OAC statement');
      assert.equal((JSON.parse(added) as { Sid: string }).Sid, 'AllowCloudFrontServicePrincipal');
    } finally {
      hooks.setUi(undefined);
    }
  });
});
