// Whether anyone can still read a bucket served through an origin access control, as the S3 Buckets
// view and Diagnose Signed URL say it: protected (a lock) only when the bucket is served through OAC
// and its policy lets nobody else read; otherwise a warning with the fix, "Close Public Access". Over
// the typed fakes (test/fakes/fakeS3Buckets.ts), for what moto cannot do: buckets of the China and
// GovCloud partitions, whose policies name arn:aws-cn / arn:aws-us-gov (an arn:aws check misses them),
// and a GetBucketPolicy denied on demand (moto enforces no IAM). The same view against moto, for a
// bucket in aws: protectBucket.test.ts.
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import * as vscode from 'vscode';
import { withBucketWriteEvents, type BucketWrite } from '../../src/aws/bucketWriteEvents';
import type { DistributionSummary } from '../../src/aws/cloudFrontService';
import { partitionOfRegion } from '../../src/cloudfront/partitions';
import { oacStatementOf } from '../../src/cloudfront/s3Origin';
import { UrlDiagnosis } from '../../src/commands/diagnoseUrl';
import { closePublicAccess } from '../../src/commands/protect/closePublicAccess';
import { ContextValues } from '../../src/constants';
import { signUrl } from '../../src/signing';
import { BucketsProvider } from '../../src/tree/bucketsProvider';
import { FakeCloudFrontService, sampleDistribution } from '../fakes/fakeCloudFrontService';
import { FakeS3Buckets, type FakeBucket } from '../fakes/fakeS3Buckets';
import { input, ScriptedUi } from '../fakes/scriptedUi';
import { FIXTURE_KEYS } from '../fixtures/keys';
import { labelOf, renderChildren } from './support/extension';
import { fakeSource, keyGroupsOf, testLog } from './support/fakeSource';

const PRIVATE_PEM = createPrivateKey(FIXTURE_KEYS.rsa2048).export({ type: 'pkcs8', format: 'pem' }).toString();

/** A distribution of `partition` whose only origin reads `bucket` (in `region`) through an OAC. */
function servedThroughOac(partition: string, bucket: string, region: string): DistributionSummary {
  const id = 'E000000000001';
  return sampleDistribution(1, {
    arn: `arn:${partition}:cloudfront::123456789012:distribution/${id}`,
    origins: [{ id: 'media', domainName: `${bucket}.s3.${region}.amazonaws.com${partition === 'aws-cn' ? '.cn' : ''}`, originPath: '', kind: 's3', originAccessControlId: 'E2OAC' }],
  });
}

const publicRead = (partition: string, bucket: string) => ({ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:${partition}:s3:::${bucket}/*` });

/** The bucket's policy as people write it: the OAC's grant and a public read, both in the bucket's partition. */
function openBucket(distribution: DistributionSummary, bucket: string, region: string): FakeBucket {
  const partition = partitionOfRegion(region).id;
  return { region, policy: JSON.stringify({ Version: '2012-10-17', Statement: [oacStatementOf(bucket, distribution.arn), publicRead(partition, bucket)] }, null, 2) };
}

/** A source over the fakes whose bucket writes are announced, as AwsSession announces them. */
function sourceOver(service: FakeCloudFrontService, buckets: FakeS3Buckets) {
  const wroteBucket = new vscode.EventEmitter<BucketWrite>();
  const announced = withBucketWriteEvents(buckets, (write) => wroteBucket.fire(write));
  return { ...fakeSource(service, { profile: 'dev' }), buckets: () => Promise.resolve(announced), onDidWriteBucket: wroteBucket.event };
}

async function rowOf(provider: BucketsProvider, bucket: string) {
  provider.refresh();
  const row = (await renderChildren(provider)).find((r) => labelOf(r.item) === bucket);
  assert.ok(row, `no row for ${bucket}`);
  return { ...row, tooltip: (row.item.tooltip as vscode.MarkdownString).value, icon: (row.item.iconPath as vscode.ThemeIcon).id };
}

describe('Bucket exposure: the S3 Buckets view and Diagnose (typed fakes: China and GovCloud buckets, denied reads)', () => {
  const disposables: vscode.Disposable[] = [];
  afterEach(() => {
    for (const d of disposables.splice(0)) void d.dispose();
  });

  it('S3 Buckets view, a China bucket served through OAC whose policy lets anyone read (arn:aws-cn): a warning with the fix; after Close Public Access, the lock', async () => {
    const distribution = servedThroughOac('aws-cn', 'media-cn', 'cn-north-1');
    const buckets = new FakeS3Buckets({ 'media-cn': openBucket(distribution, 'media-cn', 'cn-north-1') });
    const provider = new BucketsProvider(sourceOver(new FakeCloudFrontService([distribution]), buckets), testLog());
    disposables.push(provider);

    const open = await rowOf(provider, 'media-cn');
    assert.equal(open.item.contextValue, ContextValues.bucketWithOacPublic);
    assert.equal(open.item.description, `served through OAC by ${distribution.id} · readable by anyone in S3`);
    assert.equal(open.icon, 'warning');
    assert.match(open.tooltip, /Not protected: anyone can read its objects straight from S3 \(bucket policy statements PublicRead\).*Fix: "Close Public Access" on this row/);

    // What the row's "Close Public Access" runs after the modal, with the bucket's partition.
    assert.deepEqual(await closePublicAccess(buckets, 'media-cn', partitionOfRegion('cn-north-1')), ['PublicRead']);
    assert.deepEqual((JSON.parse(buckets.buckets['media-cn'].policy ?? '{}') as { Statement: unknown[] }).Statement, [oacStatementOf('media-cn', distribution.arn)]);
    const closed = await rowOf(provider, 'media-cn');
    assert.equal(closed.item.contextValue, ContextValues.bucketWithOac);
    assert.equal(closed.icon, 'lock');
    assert.match(closed.tooltip, /Protected: only CloudFront reads it/);
  });

  it('S3 Buckets view, a GovCloud bucket: Block Public Access restricting public buckets is protected; a denied GetBucketPolicy is a warning naming the action, never the lock', async () => {
    const distribution = servedThroughOac('aws-us-gov', 'media-gov', 'us-gov-west-1');
    const bucket = openBucket(distribution, 'media-gov', 'us-gov-west-1');
    bucket.block = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
    const buckets = new FakeS3Buckets({ 'media-gov': bucket });
    const provider = new BucketsProvider(sourceOver(new FakeCloudFrontService([distribution]), buckets), testLog());
    disposables.push(provider);

    const restricted = await rowOf(provider, 'media-gov');
    assert.equal(restricted.icon, 'lock');
    assert.equal(restricted.item.contextValue, ContextValues.bucketWithOac);
    bucket.block = { ...bucket.block, restrictPublicBuckets: false };
    assert.equal((await rowOf(provider, 'media-gov')).item.contextValue, ContextValues.bucketWithOacPublic, 'the arn:aws-us-gov statement is found');

    buckets.denied.add('getPolicy');
    const unknown = await rowOf(provider, 'media-gov');
    assert.equal(unknown.icon, 'warning');
    assert.equal(unknown.item.description, `served through OAC by ${distribution.id} · public access not checked`);
    assert.match(unknown.tooltip, /Not known to be protected: .*s3:GetBucketPolicy \(arn:aws-us-gov:s3:::media-gov\)/);
  });

  function diagnosisOver(service: FakeCloudFrontService, buckets: FakeS3Buckets, ui = new ScriptedUi([])): UrlDiagnosis {
    const source = sourceOver(service, buckets);
    const diagnosis = new UrlDiagnosis({ source, keyGroups: keyGroupsOf(source), log: testLog(), ui });
    disposables.push(diagnosis);
    return diagnosis;
  }
  const signed = (distribution: DistributionSummary) =>
    signUrl({ url: `https://${distribution.domainName}/paid/a.pdf`, keyPairId: 'K2FAKEKEY0001', privateKey: PRIVATE_PEM, expires: Math.floor(Date.now() / 1000) + 3600 });

  it('Diagnose: a URL served through OAC from a China bucket anyone can read is a PublicBucketPolicy warning, with "Close Public Access" next to the live check', async () => {
    const distribution = servedThroughOac('aws-cn', 'media-cn', 'cn-north-1');
    const buckets = new FakeS3Buckets({ 'media-cn': openBucket(distribution, 'media-cn', 'cn-north-1') });
    const url = signed(distribution);
    const findings = await diagnosisOver(new FakeCloudFrontService([distribution]), buckets).run({ url });
    const finding = findings.find((f) => f.code === 'PublicBucketPolicy');
    assert.equal(finding?.severity, 'warning', findings.map((f) => `${f.severity} ${f.code}`).join(', '));
    assert.match(finding.message, /through origin access control E2OAC, but the policy of bucket media-cn lets anyone read its objects straight from S3 \(statements PublicRead\)/);
    assert.match(finding.fix, /^Close public access to bucket media-cn: "Close Public Access" after this diagnosis/);
    assert.deepEqual(Object.keys(finding).sort(), ['code', 'fix', 'message', 'severity'], 'automation gets plain data');
    assert.ok(!findings.some((f) => f.code === 'PublicBucketOrigin'), 'the origin itself reads through an OAC');

    const ui = new ScriptedUi([input(url)]);
    await diagnosisOver(new FakeCloudFrontService([distribution]), buckets, ui).run();
    ui.assertAllUsed();
    assert.deepEqual(ui.notifications[0]?.actions, ['Run Live Check', 'Close Public Access']);
  });

  it('Diagnose: no PublicBucketPolicy once Block Public Access restricts the bucket; a denied read is said (AccountUnavailable), not passed over', async () => {
    const distribution = servedThroughOac('aws-cn', 'media-cn', 'cn-north-1');
    const bucket = openBucket(distribution, 'media-cn', 'cn-north-1');
    const buckets = new FakeS3Buckets({ 'media-cn': bucket });
    const diagnosis = diagnosisOver(new FakeCloudFrontService([distribution]), buckets);
    const url = signed(distribution);
    await closePublicAccess(buckets, 'media-cn', partitionOfRegion('cn-north-1'));
    const closed = await diagnosis.run({ url });
    assert.ok(!closed.some((f) => f.code === 'PublicBucketPolicy' || f.code === 'AccountUnavailable'), closed.map((f) => f.code).join(', '));
    assert.ok(
      buckets.calls.some((c) => c.operation === 'getPolicy' && c.bucket === 'media-cn'),
      'the policy was read',
    );

    buckets.denied.add('getPolicy');
    const denied = await diagnosis.run({ url });
    const unavailable = denied.find((f) => f.code === 'AccountUnavailable');
    assert.equal(unavailable?.severity, 'warning');
    assert.match(unavailable.message, /dev may not call s3:GetBucketPolicy \(arn:aws-cn:s3:::media-cn\)/);
  });
});
