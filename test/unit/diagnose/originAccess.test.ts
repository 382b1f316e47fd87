// A signed URL protects nothing when the file behind it can be fetched straight from S3: the origin
// that serves the path is an S3 origin with neither an origin access control (OAC) nor an origin
// access identity (OAI). The diagnosis warns, with the fix and the bucket policy statement.
import assert from 'node:assert/strict';
import { diagnose, type AccountData, type Finding, type OriginData } from '../../../src/signing/diagnose';
import { HOST, KEY_ID, LOCAL_KEYS, NOW, signed, TEST_KEYS } from './helpers';

const ARN = 'arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE';

/** /paid/* from origin `media` (trusting the group with KEY_ID), the default from `api`, a custom origin. */
function account(media: Omit<OriginData, 'id' | 'domainName' | 'kind'>): AccountData {
  return {
    distributions: [
      {
        id: 'E2EXAMPLE',
        arn: ARN,
        domainName: HOST,
        aliases: [],
        origins: [
          { id: 'media', domainName: 'media-bucket.s3.us-east-1.amazonaws.com', kind: 's3', ...media },
          { id: 'api', domainName: 'api.example.com', kind: 'custom' },
        ],
        behaviors: [
          { pathPattern: '/paid/*', targetOriginId: 'media', trustedKeyGroupIds: ['KGPAID'], trustedSigners: [] },
          { targetOriginId: 'api', trustedKeyGroupIds: ['KGPAID'], trustedSigners: [] },
        ],
      },
    ],
    keyGroups: [{ id: 'KGPAID', name: 'paid-signers', publicKeyIds: [KEY_ID] }],
    publicKey: { id: KEY_ID, name: 'media-2026', encodedKey: TEST_KEYS.rsa2048.publicPem },
  };
}

const run = (path: string, data: AccountData): Finding[] => diagnose({ url: signed(path), now: NOW, publicKeys: LOCAL_KEYS, account: data });
const warnings = (findings: Finding[]) => findings.filter((f) => f.severity !== 'ok').map((f) => f.code);

describe('diagnose: origin access', () => {
  it('an S3 origin with neither OAC nor OAI: a warning that anyone can fetch the file from S3, with the OAC fix and the bucket policy statement', () => {
    const findings = run('/paid/report.pdf', account({}));
    assert.deepEqual(warnings(findings), ['PublicBucketOrigin']);
    const finding = findings.find((f) => f.code === 'PublicBucketOrigin')!;
    assert.equal(finding.severity, 'warning');
    assert.match(
      finding.message,
      /^\/paid\/report\.pdf is fetched from S3 origin media \(media-bucket\.s3\.us-east-1\.amazonaws\.com\) of distribution E2EXAMPLE, which has no origin access control \(OAC\) or origin access identity/,
    );
    assert.match(finding.message, /anyone can fetch the file straight from S3 without a signature/);
    // The fix is Protect, which the interactive diagnosis offers for this bucket, distribution and behavior.
    assert.match(finding.fix, /^Protect bucket media-bucket with CloudFront: "Protect Bucket" after this diagnosis \(or "Protect with CloudFront" on origin media of distribution E2EXAMPLE/);
    assert.deepEqual(finding.protect, { bucket: 'media-bucket', distributionId: 'E2EXAMPLE', pathPattern: '/paid/*' });
    const statement = JSON.parse(/this statement: (\{.*\}) \(/.exec(finding.fix)![1]) as unknown;
    assert.deepEqual(statement, {
      Sid: 'AllowCloudFrontServicePrincipal',
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::media-bucket/*',
      Condition: { StringEquals: { 'AWS:SourceArn': ARN } },
    });
    assert.match(finding.fix, /S3 Block Public Access/);
  });

  it('no warning with an OAC, with a legacy OAI, for a custom origin, or when the origins are not known', () => {
    assert.deepEqual(warnings(run('/paid/a.pdf', account({ originAccessControlId: 'E2OAC' }))), []);
    assert.deepEqual(warnings(run('/paid/a.pdf', account({ originAccessIdentity: 'origin-access-identity/cloudfront/E3OAI' }))), []);
    assert.deepEqual(warnings(run('/api/a.json', account({}))), [], 'the default behavior fetches from the custom origin');
    const unknown = account({});
    const withoutOrigins: AccountData = { ...unknown, distributions: unknown.distributions.map(({ origins: _, ...d }) => d) };
    assert.deepEqual(warnings(run('/paid/a.pdf', withoutOrigins)), []);
  });

  it('an origin through an OAC whose bucket policy lets anyone read (bucketAccess): PublicBucketPolicy, with Close Public Access for that bucket', () => {
    const data = { ...account({ originAccessControlId: 'E2OAC' }), bucketAccess: { bucket: 'media-bucket', publicStatements: ['PublicRead', '(no Sid)'] } };
    const findings = run('/paid/report.pdf', data);
    assert.deepEqual(warnings(findings), ['PublicBucketPolicy']);
    const finding = findings.find((f) => f.code === 'PublicBucketPolicy')!;
    assert.match(finding.message, /through origin access control E2OAC, but the policy of bucket media-bucket lets anyone read its objects straight from S3 \(statements PublicRead, \(no Sid\)\)/);
    assert.match(finding.fix, /"Close Public Access" after this diagnosis/);
    assert.deepEqual(finding.closePublicAccess, { bucket: 'media-bucket' });
    assert.equal(finding.protect, undefined);
  });

  it('no PublicBucketPolicy when nobody reads the bucket, when another bucket was read, or when the path is served by a custom origin', () => {
    const closed = { ...account({ originAccessControlId: 'E2OAC' }), bucketAccess: { bucket: 'media-bucket', publicStatements: [] } };
    assert.deepEqual(warnings(run('/paid/report.pdf', closed)), []);
    const other = { ...account({ originAccessControlId: 'E2OAC' }), bucketAccess: { bucket: 'other-bucket', publicStatements: ['PublicRead'] } };
    assert.deepEqual(warnings(run('/paid/report.pdf', other)), []);
    const open = { ...account({ originAccessControlId: 'E2OAC' }), bucketAccess: { bucket: 'media-bucket', publicStatements: ['PublicRead'] } };
    assert.deepEqual(warnings(run('/api/status', open)), []);
  });
});
