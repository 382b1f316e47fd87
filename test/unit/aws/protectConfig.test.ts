import assert from 'node:assert/strict';
import type { RawDistributionConfig } from '../../../src/aws/cloudFrontService';
import { CACHING_OPTIMIZED_POLICY_ID, newDistributionConfig, protectProblem, viewersUseHttps, withProtectedBucket } from '../../../src/aws/protectConfig';

const target = { bucket: 'media', domainName: 'media.s3.eu-west-1.amazonaws.com', originAccessControlId: 'EOAC1', keyGroupId: 'KG1' };

/** A distribution as CloudFront returns it, with an OAI origin for `media` and a custom origin. */
function existing(): RawDistributionConfig {
  return {
    CallerReference: 'ref-1',
    Comment: 'site',
    Enabled: true,
    Aliases: { Quantity: 1, Items: ['cdn.example.com'] },
    Origins: {
      Quantity: 2,
      Items: [
        { Id: 'api', DomainName: 'api.example.com', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' } },
        { Id: 'files', DomainName: 'media.s3.amazonaws.com', OriginPath: '/v1', S3OriginConfig: { OriginAccessIdentity: 'origin-access-identity/cloudfront/E2OAI' } },
      ],
    },
    DefaultCacheBehavior: { TargetOriginId: 'files', ViewerProtocolPolicy: 'allow-all', CachePolicyId: 'custom-policy' },
    CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: '/api/*', TargetOriginId: 'api', ViewerProtocolPolicy: 'https-only' }] },
    PriceClass: 'PriceClass_100',
  };
}

describe('protect a bucket: distribution configuration', () => {
  it('a new distribution reads the bucket through the OAC; its default behavior redirects to HTTPS, caches optimized and trusts the key group', () => {
    const config = newDistributionConfig(target, 'ref', 'media');
    const origin = config.Origins!.Items![0];
    assert.equal(origin.DomainName, 'media.s3.eu-west-1.amazonaws.com');
    assert.equal(origin.OriginAccessControlId, 'EOAC1');
    assert.deepEqual(origin.S3OriginConfig, { OriginAccessIdentity: '' });
    assert.equal(config.DefaultCacheBehavior!.ViewerProtocolPolicy, 'redirect-to-https');
    assert.equal(config.DefaultCacheBehavior!.CachePolicyId, CACHING_OPTIMIZED_POLICY_ID);
    assert.deepEqual(config.DefaultCacheBehavior!.TrustedKeyGroups, { Enabled: true, Quantity: 1, Items: ['KG1'] });
    assert.equal(config.CacheBehaviors, undefined);
  });

  it('with a path pattern only that behavior is restricted and the default stays open', () => {
    const config = newDistributionConfig({ ...target, pathPattern: '/paid/*' }, 'ref', 'media');
    assert.deepEqual(config.CacheBehaviors!.Items![0].TrustedKeyGroups, { Enabled: true, Quantity: 1, Items: ['KG1'] });
    assert.equal(config.CacheBehaviors!.Items![0].PathPattern, '/paid/*');
    assert.equal(config.DefaultCacheBehavior!.TrustedKeyGroups!.Enabled, false);
  });

  it('moves an OAI origin to the OAC and restricts the default behavior, leaving everything else as read', () => {
    const before = existing();
    const { config, originId, addedOrigin, addedBehavior } = withProtectedBucket(before, target);
    assert.equal(originId, 'files');
    assert.equal(addedOrigin, false);
    assert.equal(addedBehavior, false);
    const files = config.Origins!.Items![1];
    assert.equal(files.OriginAccessControlId, 'EOAC1');
    assert.deepEqual(files.S3OriginConfig, { OriginAccessIdentity: '' });
    assert.deepEqual(config.DefaultCacheBehavior!.TrustedKeyGroups, { Enabled: true, Quantity: 1, Items: ['KG1'] });
    // Put back the three changed fields: the rest is identical to what was read.
    const restored = structuredClone(config);
    delete restored.Origins!.Items![1].OriginAccessControlId;
    restored.Origins!.Items![1].S3OriginConfig = before.Origins!.Items![1].S3OriginConfig;
    delete restored.DefaultCacheBehavior!.TrustedKeyGroups;
    assert.deepEqual(restored, before);
    assert.deepEqual(before, existing(), 'the configuration read is not modified');
  });

  it('adds the bucket as an origin and a behavior of the path pattern serving it when the distribution lacks both', () => {
    const before = existing();
    before.Origins = { Quantity: 1, Items: [before.Origins!.Items![0]] };
    before.DefaultCacheBehavior!.TargetOriginId = 'api';
    assert.equal(protectProblem(before, { bucket: 'media' }), 'noBehaviorForNewOrigin');
    assert.equal(protectProblem(before, { bucket: 'media', pathPattern: '/media/*' }), undefined);
    const { config, addedOrigin, addedBehavior, originId } = withProtectedBucket(before, { ...target, pathPattern: '/media/*' });
    assert.ok(addedOrigin && addedBehavior);
    assert.equal(config.Origins!.Quantity, 2);
    assert.equal(config.Origins!.Items![1].OriginAccessControlId, 'EOAC1');
    const added = config.CacheBehaviors!.Items!.find((b) => b.PathPattern === '/media/*')!;
    assert.equal(added.TargetOriginId, originId);
    assert.deepEqual(added.TrustedKeyGroups!.Items, ['KG1']);
    assert.equal(config.CacheBehaviors!.Quantity, 2);
  });

  it('refuses the default behavior when it serves another origin', () => {
    const before = existing();
    before.DefaultCacheBehavior!.TargetOriginId = 'api';
    assert.equal(protectProblem(before, { bucket: 'media' }), 'defaultServesOtherOrigin');
  });
});

describe('protect a bucket: the protocol CloudFront reads the bucket with', () => {
  it('HTTPS for a new distribution or behavior (redirect-to-https); an existing behavior keeps its own', () => {
    const config = existing();
    assert.equal(viewersUseHttps(undefined, undefined), true);
    assert.equal(viewersUseHttps(config, '/new/*'), true);
    config.DefaultCacheBehavior!.ViewerProtocolPolicy = 'allow-all';
    assert.equal(viewersUseHttps(config, undefined), false);
    assert.equal(viewersUseHttps(config, '*'), false);
    config.DefaultCacheBehavior!.ViewerProtocolPolicy = 'https-only';
    assert.equal(viewersUseHttps(config, undefined), true);
  });
});
