import assert from 'node:assert/strict';
import type { DistributionSummary } from '@aws-sdk/client-cloudfront';
import { toDistributionSummary } from '../../../src/aws/mapDistribution';

describe('toDistributionSummary', () => {
  it('flattens lists and orders behaviors as CloudFront evaluates them: patterns, then the default', () => {
    const sdk = {
      Id: 'E1ABC',
      ARN: 'arn:aws:cloudfront::123456789012:distribution/E1ABC',
      DomainName: 'd111111abcdef8.cloudfront.net',
      Aliases: { Quantity: 1, Items: ['media.example.com'] },
      Comment: 'paid downloads',
      Status: 'Deployed',
      Enabled: true,
      Origins: {
        Quantity: 2,
        Items: [
          { Id: 's3', DomainName: 'b.s3.us-east-1.amazonaws.com', OriginPath: '/v1', S3OriginConfig: { OriginAccessIdentity: '' }, OriginAccessControlId: 'OAC1' },
          { Id: 'api', DomainName: 'api.example.com', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' } },
        ],
      },
      CacheBehaviors: {
        Quantity: 2,
        Items: [
          { PathPattern: '/paid/*', TargetOriginId: 's3', TrustedKeyGroups: { Enabled: true, Quantity: 1, Items: ['KG1'] }, ViewerProtocolPolicy: 'https-only' },
          { PathPattern: '/legacy/*', TargetOriginId: 's3', TrustedSigners: { Enabled: true, Quantity: 1, Items: ['self'] }, ViewerProtocolPolicy: 'https-only' },
        ],
      },
      DefaultCacheBehavior: { TargetOriginId: 'api', TrustedKeyGroups: { Enabled: false, Quantity: 0 }, ViewerProtocolPolicy: 'allow-all' },
    } as unknown as DistributionSummary;

    const mapped = toDistributionSummary(sdk);
    assert.equal(mapped.id, 'E1ABC');
    assert.deepEqual(mapped.aliases, ['media.example.com']);
    assert.deepEqual(
      mapped.behaviors.map((b) => [b.pathPattern ?? 'Default (*)', b.trustedKeyGroupIds, b.trustedSigners]),
      [
        ['/paid/*', ['KG1'], []],
        ['/legacy/*', [], ['self']],
        ['Default (*)', [], []],
      ],
    );
    assert.deepEqual(mapped.origins, [
      { id: 's3', domainName: 'b.s3.us-east-1.amazonaws.com', originPath: '/v1', kind: 's3', originAccessControlId: 'OAC1' },
      { id: 'api', domainName: 'api.example.com', originPath: '', kind: 'custom' },
    ]);
  });

  it('treats missing optional lists as empty', () => {
    const mapped = toDistributionSummary({ Id: 'E2', DomainName: 'd2.cloudfront.net' } as DistributionSummary);
    assert.deepEqual(
      [mapped.aliases, mapped.origins, mapped.behaviors, mapped.enabled, mapped.comment],
      [[], [], [], undefined, ''],
    );
  });
});
