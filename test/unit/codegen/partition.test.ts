// Export as Infrastructure Code writes the bucket policy statement in the distribution's partition: a
// distribution in China or GovCloud reads arn:aws-cn / arn:aws-us-gov buckets.
import assert from 'node:assert/strict';
import { exportInfrastructure, type PrivateContentSetup } from '../../../src/codegen/infrastructure';

function setupIn(partition: string): PrivateContentSetup {
  return {
    distribution: {
      id: 'E1EXAMPLE0DIST',
      arn: `arn:${partition}:cloudfront::123456789012:distribution/E1EXAMPLE0DIST`,
      domainName: 'd111111abcdef8.cloudfront.net',
      config: {
        CallerReference: 'ref',
        Comment: 'media',
        Enabled: true,
        Origins: { Quantity: 1, Items: [{ Id: 'media', DomainName: 'media-bucket.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] },
        DefaultCacheBehavior: { TargetOriginId: 'media', ViewerProtocolPolicy: 'redirect-to-https' },
      },
    },
    publicKeys: [],
    keyGroups: [],
    originAccessControls: [],
    buckets: ['media-bucket'],
  };
}

describe('Export as Infrastructure Code: the partition of the bucket policy', () => {
  for (const partition of ['aws', 'aws-cn', 'aws-us-gov']) {
    it(`${partition}: every format's statement reads arn:${partition}:s3:::media-bucket/*`, () => {
      for (const format of ['cloudformation', 'cdk', 'terraform'] as const) {
        const { text } = exportInfrastructure(setupIn(partition), format);
        assert.ok(text.includes(`arn:${partition}:s3:::media-bucket/*`), `${format}: ${text}`);
        if (partition !== 'aws') assert.ok(!text.includes('arn:aws:s3:::'), `${format} has no arn:aws bucket`);
      }
    });
  }
});
