// UpdateDistribution replaces the whole configuration: only the chosen behaviors' TrustedKeyGroups
// may differ from what GetDistributionConfig returned, everything else must go back exactly.
import assert from 'node:assert/strict';
import type { DistributionConfig } from '@aws-sdk/client-cloudfront';
import { behaviorPatterns, withKeyGroup, withoutKeyGroup } from '../../../src/aws/trustedKeyGroups';

function fullConfig(): DistributionConfig {
  const behavior = (PathPattern: string, trusted?: string[]) => ({
    PathPattern,
    TargetOriginId: 'media',
    ViewerProtocolPolicy: 'redirect-to-https' as const,
    CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    Compress: true,
    AllowedMethods: { Quantity: 2, Items: ['GET' as const, 'HEAD' as const], CachedMethods: { Quantity: 2, Items: ['GET' as const, 'HEAD' as const] } },
    FunctionAssociations: { Quantity: 1, Items: [{ EventType: 'viewer-request' as const, FunctionARN: 'arn:aws:cloudfront::1:function/rewrite' }] },
    TrustedSigners: { Enabled: false, Quantity: 0 },
    ...(trusted ? { TrustedKeyGroups: { Enabled: true, Quantity: trusted.length, Items: trusted } } : {}),
  });
  return {
    CallerReference: 'ref-1',
    Comment: 'prod',
    Enabled: true,
    Aliases: { Quantity: 1, Items: ['cdn.example.com'] },
    DefaultRootObject: 'index.html',
    Origins: { Quantity: 1, Items: [{ Id: 'media', DomainName: 'media.s3.us-east-1.amazonaws.com', OriginAccessControlId: 'E2OAC', S3OriginConfig: { OriginAccessIdentity: '' } }] },
    DefaultCacheBehavior: { TargetOriginId: 'media', ViewerProtocolPolicy: 'allow-all', CachePolicyId: 'abc', TrustedKeyGroups: { Enabled: false, Quantity: 0 } },
    CacheBehaviors: { Quantity: 3, Items: [behavior('/paid/*', ['KG0']), behavior('/free/*'), behavior('/video/*')] },
    CustomErrorResponses: { Quantity: 1, Items: [{ ErrorCode: 403, ResponsePagePath: '/denied.html', ResponseCode: '403', ErrorCachingMinTTL: 10 }] },
    Logging: { Enabled: true, IncludeCookies: false, Bucket: 'logs.s3.amazonaws.com', Prefix: 'cf/' },
    PriceClass: 'PriceClass_100',
    ViewerCertificate: { ACMCertificateArn: 'arn:aws:acm:us-east-1:1:certificate/x', SSLSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
    Restrictions: { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } },
    WebACLId: '',
    HttpVersion: 'http2and3',
    IsIPV6Enabled: true,
  };
}

/** The config with the TrustedKeyGroups of the named behaviors taken out, for comparing the rest. */
function withoutTrust(config: DistributionConfig, patterns: string[]): unknown {
  const copy = structuredClone(config);
  for (const b of copy.CacheBehaviors?.Items ?? []) if (patterns.includes(b.PathPattern!)) delete b.TrustedKeyGroups;
  if (patterns.includes('*')) delete copy.DefaultCacheBehavior!.TrustedKeyGroups;
  return copy;
}

describe('trusted key groups of cache behaviors', () => {
  it('adds the group to the chosen behaviors only and returns every other field exactly as read', () => {
    const before = fullConfig();
    const snapshot = structuredClone(before);
    const after = withKeyGroup(before, 'KG1', ['/paid/*', '/video/*', '*']);
    assert.deepEqual(before, snapshot, 'the input is not mutated');
    assert.deepEqual(withoutTrust(after, ['/paid/*', '/video/*', '*']), withoutTrust(before, ['/paid/*', '/video/*', '*']));
    assert.deepEqual(after.CacheBehaviors!.Items![0].TrustedKeyGroups, { Enabled: true, Quantity: 2, Items: ['KG0', 'KG1'] });
    assert.deepEqual(after.CacheBehaviors!.Items![1], before.CacheBehaviors!.Items![1], '/free/* untouched, even its absent TrustedKeyGroups');
    assert.deepEqual(after.CacheBehaviors!.Items![2].TrustedKeyGroups, { Enabled: true, Quantity: 1, Items: ['KG1'] });
    assert.deepEqual(after.DefaultCacheBehavior!.TrustedKeyGroups, { Enabled: true, Quantity: 1, Items: ['KG1'] });
  });

  it('leaves a behavior that already trusts the group byte-for-byte as it was', () => {
    const before = fullConfig();
    assert.deepEqual(withKeyGroup(before, 'KG0', ['/paid/*']), before);
  });

  it('removes the group again (undo), disabling trust where no group is left', () => {
    const before = fullConfig();
    const undone = withoutKeyGroup(withKeyGroup(before, 'KG1', ['/paid/*', '/video/*']), 'KG1', ['/paid/*', '/video/*']);
    assert.deepEqual(undone.CacheBehaviors!.Items![0], before.CacheBehaviors!.Items![0]);
    assert.deepEqual(undone.CacheBehaviors!.Items![2].TrustedKeyGroups, { Enabled: false, Quantity: 0, Items: [] });
    assert.deepEqual(withoutTrust(undone, ['/video/*']), withoutTrust(before, ['/video/*']));
  });

  it('lists patterns in evaluation order with the default last, and refuses an unknown one', () => {
    assert.deepEqual(behaviorPatterns(fullConfig()), ['/paid/*', '/free/*', '/video/*', '*']);
    assert.throws(() => withKeyGroup(fullConfig(), 'KG1', ['/nope/*']), /no cache behavior with path pattern \/nope\/\*/);
  });
});
