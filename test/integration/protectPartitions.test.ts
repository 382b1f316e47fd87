// Protect S3 Bucket with CloudFront for a bucket in China (aws-cn) and in GovCloud (aws-us-gov): the
// origin reads the bucket's regional domain in its partition (.amazonaws.com.cn in China), the OAC's
// statement names arn:aws-cn / arn:aws-us-gov, and the public read still left in the policy is found
// (an arn:aws check missed it and said nothing). Over the typed fakes: moto serves neither partition's
// S3 nor CloudFront ARNs outside aws (test/fakes/fakeS3Buckets.ts, FakeCloudFrontService.partition).
import assert from 'node:assert/strict';
import { protectBucket, type ProtectBucketContext } from '../../src/commands/protect/command';
import { FakeCloudFrontService } from '../fakes/fakeCloudFrontService';
import { FakeS3Buckets } from '../fakes/fakeS3Buckets';
import { keyWorld } from './support/keyCommands';

const cases = [
  { partition: 'aws-cn', region: 'cn-north-1', domain: 'media-cn.s3.cn-north-1.amazonaws.com.cn' },
  { partition: 'aws-us-gov', region: 'us-gov-west-1', domain: 'media-cn.s3.us-gov-west-1.amazonaws.com' },
] as const;

describe('Protect S3 Bucket with CloudFront in the China and GovCloud partitions (typed fakes)', () => {
  for (const { partition, region, domain } of cases) {
    it(`${partition}: origin ${domain}, the OAC statement and the public-read check in ${partition}`, async () => {
      const service = new FakeCloudFrontService();
      service.partition = partition;
      const publicRead = { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:${partition}:s3:::media-cn/*` };
      const buckets = new FakeS3Buckets({ 'media-cn': { region, policy: JSON.stringify({ Version: '2012-10-17', Statement: [publicRead] }) } });
      const keys = keyWorld(service);
      const context: ProtectBucketContext = { ...keys.context, source: { ...keys.context.source, buckets: () => Promise.resolve(buckets) } };

      const result = await protectBucket(context, { bucket: 'media-cn', newKey: { name: `${partition}-key`, algorithm: 'ECDSA_P256' }, keyGroupName: `${partition}-group` });

      const arn = `arn:${partition}:cloudfront::123456789012:distribution/${result.distributionId}`;
      const origins = service.configs.get(result.distributionId)?.Origins?.Items ?? [];
      assert.deepEqual(
        origins.map((o) => [o.DomainName, o.OriginAccessControlId]),
        [[domain, result.originAccessControlId]],
      );
      const statements = (JSON.parse(buckets.buckets['media-cn'].policy ?? '{}') as { Statement: object[] }).Statement;
      assert.deepEqual(statements[1], {
        Sid: 'AllowCloudFrontServicePrincipal',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: `arn:${partition}:s3:::media-cn/*`,
        Condition: { StringEquals: { 'AWS:SourceArn': arn } },
      });
      assert.match(result.publicAccess[0] ?? '', /^The policy of bucket media-cn lets anyone read its objects \(PublicRead\)\.$/);
    });
  }
});
