// The OAC statement in the distribution's partition: a distribution in China or GovCloud reads
// buckets whose ARNs are arn:aws-cn / arn:aws-us-gov.
import assert from 'node:assert/strict';
import { bucketObjectsArn, oacStatementOf, partitionOfArn, partitionOfRegion } from '../../../src/cloudfront/s3Origin';

describe('S3 origins: partitions', () => {
  it('the partition of an ARN, and of a region', () => {
    assert.equal(partitionOfArn('arn:aws:cloudfront::123456789012:distribution/E1'), 'aws');
    assert.equal(partitionOfArn('arn:aws-cn:cloudfront::123456789012:distribution/E1'), 'aws-cn');
    assert.equal(partitionOfArn('arn:aws-us-gov:cloudfront::123456789012:distribution/E1'), 'aws-us-gov');
    assert.equal(partitionOfArn('not an arn'), 'aws');
    assert.deepEqual(['us-east-1', 'cn-north-1', 'cn-northwest-1', 'us-gov-west-1'].map(partitionOfRegion), ['aws', 'aws-cn', 'aws-cn', 'aws-us-gov']);
  });

  for (const partition of ['aws', 'aws-cn', 'aws-us-gov']) {
    it(`the OAC statement of a distribution in ${partition}`, () => {
      const arn = `arn:${partition}:cloudfront::123456789012:distribution/E1DIST`;
      assert.deepEqual(oacStatementOf('media', arn), {
        Sid: 'AllowCloudFrontServicePrincipal',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: `arn:${partition}:s3:::media/*`,
        Condition: { StringEquals: { 'AWS:SourceArn': arn } },
      });
      assert.equal(bucketObjectsArn('media', partition), `arn:${partition}:s3:::media/*`);
    });
  }
});
