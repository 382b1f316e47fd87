import assert from 'node:assert/strict';
import type { Distribution, DistributionSummary } from '@aws-sdk/client-cloudfront';
import { fromDistribution, toDistributionSummary, toKeyGroupSummary, toPublicKeySummary } from '../../../src/aws/toDomain';

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
    assert.deepEqual([mapped.aliases, mapped.origins, mapped.behaviors, mapped.enabled, mapped.comment], [[], [], [], undefined, '']);
  });
});

describe('fromDistribution, toKeyGroupSummary, toPublicKeySummary', () => {
  it('reads a GetDistribution answer from its DistributionConfig', () => {
    const mapped = fromDistribution({
      Id: 'E3',
      ARN: 'arn:aws:cloudfront::1:distribution/E3',
      DomainName: 'd3.cloudfront.net',
      Status: 'InProgress',
      DistributionConfig: {
        Comment: 'c',
        Enabled: false,
        Aliases: { Quantity: 1, Items: ['a.example.com'] },
        CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: '/x/*', TargetOriginId: 'o', TrustedKeyGroups: { Enabled: true, Quantity: 1, Items: ['KG'] } }] },
        DefaultCacheBehavior: { TargetOriginId: 'o' },
        Origins: { Quantity: 1, Items: [{ Id: 'o', DomainName: 'o.example.com' }] },
      },
    } as unknown as Distribution);
    assert.deepEqual(
      [mapped.id, mapped.status, mapped.enabled, mapped.comment, mapped.aliases, mapped.behaviors.map((b) => b.pathPattern ?? '*')],
      ['E3', 'InProgress', false, 'c', ['a.example.com'], ['/x/*', '*']],
    );
  });

  it('flattens key groups and public keys', () => {
    const created = new Date('2026-01-02T03:04:05Z');
    assert.deepEqual(toKeyGroupSummary({ KeyGroup: { Id: 'KG', LastModifiedTime: created, KeyGroupConfig: { Name: 'g', Items: ['K1', 'K2'] } } }), {
      id: 'KG',
      name: 'g',
      comment: '',
      publicKeyIds: ['K1', 'K2'],
      lastModified: created,
    });
    assert.deepEqual(toPublicKeySummary({ Id: 'K1', Name: 'k', CreatedTime: created, EncodedKey: 'PEM', Comment: 'c' }), {
      id: 'K1',
      name: 'k',
      comment: 'c',
      encodedKey: 'PEM',
      created,
    });
  });
});

describe('origin kind', () => {
  const kindOf = (origin: object) => toDistributionSummary({ Origins: { Quantity: 1, Items: [origin] } } as unknown as DistributionSummary).origins[0].kind;
  it('follows the config CloudFront sends, and the domain only when no config is sent', () => {
    assert.equal(kindOf({ Id: 'a', DomainName: 'b.s3.amazonaws.com', CustomOriginConfig: { HTTPPort: 80 } }), 'custom');
    assert.equal(kindOf({ Id: 'a', DomainName: 'api.example.com', S3OriginConfig: { OriginAccessIdentity: '' } }), 's3');
    assert.equal(kindOf({ Id: 'a', DomainName: 'b.s3.eu-west-1.amazonaws.com' }), 's3');
    assert.equal(kindOf({ Id: 'a', DomainName: 'api.example.com' }), 'custom');
  });
});
