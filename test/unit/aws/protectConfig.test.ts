import assert from 'node:assert/strict';
import type { RawDistributionConfig } from '../../../src/aws/cloudFrontService';
import {
  CACHING_OPTIMIZED_POLICY_ID,
  newDistributionConfig,
  policyWithOacStatement,
  protectProblem,
  policyWithoutPublicRead,
  publicReadStatements,
  withProtectedBucket,
} from '../../../src/aws/protectConfig';

const target = { bucket: 'media', domainName: 'media.s3.eu-west-1.amazonaws.com', originAccessControlId: 'EOAC1', keyGroupId: 'KG1' };
const arn = 'arn:aws:cloudfront::123456789012:distribution/E1DIST';

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

describe('protect a bucket: bucket policy', () => {
  const other = { Sid: 'Logs', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/logs' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::media/logs/*' };

  it('adds the OAC statement for this distribution and keeps every existing statement', () => {
    const before = JSON.stringify({ Version: '2012-10-17', Statement: [other] });
    const { policy, added } = policyWithOacStatement(before, 'media', arn);
    assert.equal(added, true);
    const statements = (JSON.parse(policy) as { Statement: Array<Record<string, unknown>> }).Statement;
    assert.deepEqual(statements[0], other);
    assert.deepEqual(statements[1].Principal, { Service: 'cloudfront.amazonaws.com' });
    assert.equal(statements[1].Action, 's3:GetObject');
    assert.equal(statements[1].Resource, 'arn:aws:s3:::media/*');
    assert.deepEqual(statements[1].Condition, { StringEquals: { 'AWS:SourceArn': arn } });
  });

  it('says present, and changes nothing, when a statement already grants this distribution', () => {
    const first = policyWithOacStatement(undefined, 'media', arn).policy;
    assert.deepEqual(policyWithOacStatement(first, 'media', arn), { policy: first, added: false });
    // Another distribution's grant is not this one's: a second statement with its own Sid.
    const second = JSON.parse(policyWithOacStatement(first, 'media', arn.replace('E1DIST', 'E2DIST')).policy) as { Statement: Array<{ Sid: string }> };
    assert.equal(second.Statement.length, 2);
    assert.notEqual(second.Statement[0].Sid, second.Statement[1].Sid);
  });

  it('finds the statements that let anyone read', () => {
    const open = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' };
    const openAws = { Effect: 'Allow', Principal: { AWS: ['*'] }, Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::media/*' };
    const conditioned = { ...open, Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } };
    const policy = JSON.stringify({ Statement: [other, open, openAws, conditioned] });
    assert.deepEqual(publicReadStatements(policy), [open, openAws]);
    assert.deepEqual(publicReadStatements(undefined), []);
  });
});

describe('protect a bucket: closing public reads', () => {
  it('drops only the statements that let anyone read, and the whole policy when nothing else is left', () => {
    const open = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' };
    const oac = JSON.parse(policyWithOacStatement(undefined, 'media', arn).policy) as { Statement: object[] };
    const mixed = JSON.stringify({ Version: '2012-10-17', Statement: [open, ...oac.Statement] });
    assert.deepEqual(JSON.parse(policyWithoutPublicRead(mixed)!), { Version: '2012-10-17', Statement: oac.Statement });
    assert.equal(policyWithoutPublicRead(JSON.stringify({ Statement: [open] })), undefined);
  });
});
