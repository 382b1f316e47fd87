import assert from 'node:assert/strict';
import { bucketOfOrigin, oacBucketPolicy } from '../../../src/aws/bucketPolicy';
import type { OriginSummary } from '../../../src/aws/cloudFrontService';
import { sampleDistribution } from '../../fakes/fakeCloudFrontService';

const origin = (domainName: string): OriginSummary => ({ id: 'o', domainName, originPath: '', kind: 's3' });

describe('bucket policy for origin access control', () => {
  it('finds the bucket in every S3 REST endpoint form, and nothing in other hosts', () => {
    assert.equal(bucketOfOrigin(origin('media.s3.amazonaws.com')), 'media');
    assert.equal(bucketOfOrigin(origin('my.dotted.bucket.s3.eu-west-1.amazonaws.com')), 'my.dotted.bucket');
    assert.equal(bucketOfOrigin(origin('legacy.s3-us-west-2.amazonaws.com')), 'legacy');
    assert.equal(bucketOfOrigin(origin('site.s3-website-us-east-1.amazonaws.com')), undefined);
    assert.equal(bucketOfOrigin(origin('site.s3-website.eu-west-1.amazonaws.com')), undefined);
    assert.equal(bucketOfOrigin(origin('api.example.com')), undefined);
  });

  it('grants cloudfront.amazonaws.com s3:GetObject on the bucket, for this distribution only', () => {
    const distribution = sampleDistribution(7);
    const policy = JSON.parse(oacBucketPolicy(distribution, origin('media.s3.us-east-1.amazonaws.com'))!) as { Statement?: unknown };
    assert.deepEqual(policy.Statement, [
      {
        Sid: 'AllowCloudFrontServicePrincipal',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::media/*',
        Condition: { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::123456789012:distribution/E000000000007' } },
      },
    ]);
  });
});
