// Every ARN and S3 domain the extension writes is in the partition of the bucket or distribution it
// is about: a distribution in China (aws-cn) reads buckets whose ARNs are arn:aws-cn:s3:::… at
// *.amazonaws.com.cn; GovCloud's are arn:aws-us-gov:…. Protect, Close Public Access and the S3 Buckets
// view took `arn:aws` when no distribution ARN was at hand; these pin the table and what is built on it.
import assert from 'node:assert/strict';
import { publiclyReadable, publicReadStatementIds } from '../../../src/aws/publicRead';
import {
  bucketArn,
  bucketObjectsArn,
  distributionPartition,
  PARTITIONS,
  partitionOfArn,
  partitionOfRegion,
  partitionOfS3Domain,
  regionOfS3Domain,
  s3RegionalDomain,
} from '../../../src/cloudfront/partitions';
import { bucketOfDomain, oacStatementOf } from '../../../src/cloudfront/s3Origin';
import { mergeOacStatement, withoutPublicRead } from '../../../src/iam/bucketPolicyMerge';

const cases = [
  { region: 'us-east-1', id: 'aws', domain: 'media.s3.us-east-1.amazonaws.com' },
  { region: 'cn-north-1', id: 'aws-cn', domain: 'media.s3.cn-north-1.amazonaws.com.cn' },
  { region: 'cn-northwest-1', id: 'aws-cn', domain: 'media.s3.cn-northwest-1.amazonaws.com.cn' },
  { region: 'us-gov-west-1', id: 'aws-us-gov', domain: 'media.s3.us-gov-west-1.amazonaws.com' },
] as const;

describe('partitions: ARNs and S3 domains in the partition of the resource', () => {
  it('the partition of an ARN; no ARN or an unknown partition is undefined, never aws by default', () => {
    assert.equal(partitionOfArn('arn:aws:cloudfront::123456789012:distribution/E1'), PARTITIONS.aws);
    assert.equal(partitionOfArn('arn:aws-cn:cloudfront::123456789012:distribution/E1'), PARTITIONS['aws-cn']);
    assert.equal(partitionOfArn('arn:aws-us-gov:cloudfront::123456789012:distribution/E1'), PARTITIONS['aws-us-gov']);
    assert.equal(partitionOfArn('not an arn'), undefined);
    assert.equal(partitionOfArn('arn:aws-mars:s3:::media'), undefined);
    assert.throws(() => distributionPartition('E1DIST'), /E1DIST is not an ARN of a partition this extension knows \(aws, aws-cn, aws-us-gov\)/);
  });

  for (const { region, id, domain } of cases) {
    it(`${region}: partition ${id}, regional domain ${domain}, and back`, () => {
      assert.equal(partitionOfRegion(region).id, id);
      assert.equal(s3RegionalDomain('media', region), domain);
      assert.equal(regionOfS3Domain(domain), region);
      assert.equal(partitionOfS3Domain(domain)?.id, id);
      assert.equal(bucketOfDomain(domain), 'media', 'the origin reads the same bucket back');
      assert.equal(bucketArn('media', partitionOfRegion(region)), `arn:${id}:s3:::media`);
      assert.equal(bucketObjectsArn('media', partitionOfRegion(region)), `arn:${id}:s3:::media/*`);
    });
  }

  it('the global and legacy S3 domains name no region', () => {
    assert.equal(partitionOfS3Domain('media.s3.amazonaws.com'), undefined);
    assert.equal(regionOfS3Domain('media.s3-website-us-east-1.amazonaws.com'), undefined);
  });

  for (const id of ['aws', 'aws-cn', 'aws-us-gov'] as const) {
    const distribution = `arn:${id}:cloudfront::123456789012:distribution/E1DIST`;
    it(`${id}: the OAC statement, the merge and its source ARN are in the distribution's partition`, () => {
      assert.deepEqual(oacStatementOf('media', distribution), {
        Sid: 'AllowCloudFrontServicePrincipal',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: `arn:${id}:s3:::media/*`,
        Condition: { StringEquals: { 'AWS:SourceArn': distribution } },
      });
      const merged = mergeOacStatement(undefined, 'media', distribution);
      assert.ok(merged.outcome === 'added', merged.outcome);
      assert.deepEqual((JSON.parse(merged.policy) as { Statement: unknown }).Statement, [oacStatementOf('media', distribution)]);
      // A grant that is already there, in the same partition, is found: nothing is added.
      assert.equal(mergeOacStatement(merged.policy, 'media', distribution).outcome, 'present');
    });

    it(`${id}: a public read of a bucket in ${id} is found only with the bucket's partition`, () => {
      const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:${id}:s3:::media/*` }] });
      assert.deepEqual(publicReadStatementIds(policy, 'media', PARTITIONS[id]), ['PublicRead']);
      assert.equal(publiclyReadable(policy, undefined, 'media', PARTITIONS[id]), true);
      for (const other of Object.values(PARTITIONS).filter((p) => p.id !== id)) assert.deepEqual(publicReadStatementIds(policy, 'media', other), [], `not a ${other.id} bucket's objects`);
      assert.deepEqual(withoutPublicRead(policy, 'media', PARTITIONS[id]), { policy: undefined });
    });
  }
});
