// The names the infrastructure export gives (CloudFormation logical ids and CDK identifiers, Terraform
// labels) and what it says about each private key, checked without any tool: unique and valid for any
// names, stable for the same names, and true to where each key lives in every format.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exportInfrastructure, hasPrivateContent, privateKeyLocationOf } from '../../../src/codegen/infrastructure';
import { logicalName, secretArnKind, terraformLabel } from '../../../src/codegen/infrastructure/model';
import { FIXTURES } from './infrastructureFixtures';

/** Names as people write them: ASCII words joined by '-', '_', '.', ' ', in any case, some non-ASCII, some only digits or symbols. */
const names = fc.array(
  fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', '1', '-', '_', '.', ' '), maxLength: 8 }),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.constantFrom('media-signer', 'media_signer', 'Media-Signer', 'MEDIA_SIGNER', 'mediaSigner', 'ключ', '签名', '2026', ''),
  ),
  { maxLength: 40 },
);

describe('Infrastructure export: names', () => {
  it('Terraform labels are valid HCL identifiers, unique without case, and the same for the same names', () => {
    fc.assert(
      fc.property(names, (list) => {
        const taken = new Set<string>();
        const labels = list.map((name) => terraformLabel(name, taken, 'key'));
        for (const label of labels) assert.match(label, /^[a-z][a-z0-9_]*$/);
        assert.equal(new Set(labels.map((label) => label.toLowerCase())).size, labels.length);
        const again = new Set<string>();
        assert.deepEqual(
          list.map((name) => terraformLabel(name, again, 'key')),
          labels,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('logical ids are letters and digits after their prefix, unique without case, and the same for the same names', () => {
    fc.assert(
      fc.property(names, (list) => {
        const taken = new Set<string>();
        const ids = list.map((name) => logicalName('PublicKey', name, taken));
        for (const id of ids) assert.match(id, /^PublicKey[A-Za-z0-9]*$/);
        assert.equal(new Set(ids.map((id) => id.toLowerCase())).size, ids.length);
        const again = new Set<string>();
        assert.deepEqual(
          list.map((name) => logicalName('PublicKey', name, again)),
          ids,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('names that collide get a tag of the name; the first keeps the plain form', () => {
    const taken = new Set<string>();
    const labels = ['media-signer', 'media_signer', 'Media-Signer', 'ключ', '签名', '9lives'].map((name) => terraformLabel(name, taken, 'key'));
    assert.equal(labels[0], 'media_signer');
    assert.match(labels[1], /^media_signer_[0-9a-f]{8}$/);
    assert.match(labels[2], /^media_signer_[0-9a-f]{8}$/);
    assert.notEqual(labels[1], labels[2]);
    assert.equal(labels[3], 'key');
    assert.match(labels[4], /^key_[0-9a-f]{8}$/);
    assert.equal(labels[5], 'key_9lives');
  });
});

describe('Infrastructure export: where each private key lives', () => {
  const setup = FIXTURES.acmCertificateEveryKeyPlace;
  const local = FIXTURES.defaultCertificate;

  it('a key listed in VS Code is described from its storage, as the Keys view keeps it', () => {
    assert.deepEqual(privateKeyLocationOf(undefined), { kind: 'local' });
    assert.deepEqual(privateKeyLocationOf({ kind: 'local' }), { kind: 'local' });
    assert.deepEqual(privateKeyLocationOf({ kind: 'kms', keyArn: 'arn:aws:kms:us-east-1:1:key/k', alias: 'alias/a' }), { kind: 'kms', keyId: 'arn:aws:kms:us-east-1:1:key/k', alias: 'alias/a' });
    assert.deepEqual(privateKeyLocationOf({ kind: 'secretsManager', secretArn: 'arn:aws:secretsmanager:us-east-1:1:secret:s-AbCdEf', secretName: 's' }), {
      kind: 'secretsManager',
      secretId: 'arn:aws:secretsmanager:us-east-1:1:secret:s-AbCdEf',
      name: 's',
    });
    assert.deepEqual(privateKeyLocationOf({ kind: 'ssm', parameterName: '/p', region: 'eu-west-1' }), { kind: 'ssm', parameterName: '/p', region: 'eu-west-1' });
  });

  it('a secret ARN is complete when it ends with the 6 characters Secrets Manager adds (certain when the name is known), partial otherwise', () => {
    const arn = (resource: string) => `arn:aws:secretsmanager:us-east-1:123456789012:secret:${resource}`;
    assert.equal(secretArnKind(arn('cloudfront/media-AbCdEf'), 'cloudfront/media'), 'complete');
    assert.equal(secretArnKind(arn('cloudfront/media-AbCdEf')), 'complete');
    assert.equal(secretArnKind(arn('cloudfront/media')), 'partial');
    // A name that itself ends like a suffix: known to be partial when the name says so.
    assert.equal(secretArnKind(arn('cloudfront/key-abcdef'), 'cloudfront/key-abcdef'), 'partial');
    assert.equal(secretArnKind('cloudfront/media'), undefined);
    assert.equal(secretArnKind('media/transcoding=hls'), undefined);
  });

  it('CloudFormation: Metadata.PrivateKeys says where each key lives, true to its place', () => {
    const metadata = (JSON.parse(exportInfrastructure(setup, 'cloudformation').text) as { Metadata: { PrivateKeys: Record<string, string> } }).Metadata.PrivateKeys;
    assert.match(metadata.K2KMSARN, /is the AWS KMS key arn:aws:kms:us-east-1:123456789012:key\/0f8c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b \(alias\/cloudfront\/kms-by-arn\): it signs in KMS/);
    assert.match(metadata.K2KMSALIAS, /is the AWS KMS key alias\/cloudfront-signing:/);
    assert.match(metadata.K2SECRETCOMPLETE, /is in the AWS Secrets Manager secret arn:aws:secretsmanager:us-east-1:123456789012:secret:cloudfront\/media-AbCdEf \(cloudfront\/media\)\./);
    assert.match(metadata.K2SECRETNAME, /is in the AWS Secrets Manager secret media\/transcoding=hls\./);
    assert.match(metadata.K2SSM, /is in the AWS Systems Manager parameter \/cloudfront\/api-signer \(SecureString\)/);
    assert.match(metadata.K2UNKNOWN, /is not listed in the VS Code that exported this: where it lives is not known, and it is not exported\./);
    const here = (JSON.parse(exportInfrastructure(local, 'cloudformation').text) as { Metadata: { PrivateKeys: Record<string, string> } }).Metadata.PrivateKeys;
    assert.match(here.K1LOCALKEY, /stays in VS Code's secret storage on the machine that exported this, and is not exported\. To sign from AWS, move it with "CloudFront: Export Private Key"/);
    for (const statement of [...Object.values(metadata), ...Object.values(here)]) assert.doesNotMatch(statement, /Secrets Manager secret cloudfront\/K/, 'no guessed secret');
  });

  it('Terraform: a data source (metadata only) for a KMS key or a secret, by ARN or name as given; none for an SSM parameter or a key not in AWS', () => {
    const text = exportInfrastructure(setup, 'terraform').text;
    assert.match(text, /data "aws_kms_key" "kms_by_arn_private_key" \{\n {2}key_id = "arn:aws:kms:us-east-1:123456789012:key\/0f8c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"\n\}/);
    assert.match(text, /data "aws_kms_key" "kms_by_alias_private_key" \{\n {2}key_id = "alias\/cloudfront-signing"\n\}/);
    assert.match(text, /data "aws_secretsmanager_secret" "secret_complete_arn_private_key" \{\n {2}arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:cloudfront\/media-AbCdEf"\n\}/);
    assert.match(text, /data "aws_secretsmanager_secret" "secret_name_private_key" \{\n {2}name = "media\/transcoding=hls"\n\}/);
    assert.doesNotMatch(text, /aws_ssm_parameter/);
    assert.match(text, /^# The private key of K2SSM is in the AWS Systems Manager parameter \/cloudfront\/api-signer/m);
    assert.match(text, /^# The private key of K2UNKNOWN is not listed in the VS Code that exported this/m);
    const here = exportInfrastructure(local, 'terraform').text;
    assert.match(here, /^# The private key of K1LOCALKEY stays in VS Code's secret storage/m);
    assert.doesNotMatch(here, /^data "aws_(kms_key|secretsmanager_secret)"/m);
  });

  it('CDK: fromSecretCompleteArn, fromSecretPartialArn or fromSecretNameV2 as the secret is named; the KMS key by ARN, alias or id; the SSM parameter without its value', () => {
    const text = exportInfrastructure(setup, 'cdk').text;
    assert.match(text, /secretsmanager\.Secret\.fromSecretCompleteArn\(stack, "PrivateKeySecretCompleteArn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:cloudfront\/media-AbCdEf"\)/);
    assert.match(text, /secretsmanager\.Secret\.fromSecretPartialArn\(stack, "PrivateKeySecretPartialArn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:cloudfront\/partners"\)/);
    assert.match(text, /secretsmanager\.Secret\.fromSecretNameV2\(stack, "PrivateKeySecretName", "media\/transcoding=hls"\)/);
    assert.match(text, /kms\.Key\.fromKeyArn\(stack, "PrivateKeyKmsByArn", "arn:aws:kms:us-east-1:123456789012:key\/0f8c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"\)/);
    assert.match(text, /kms\.Alias\.fromAliasName\(stack, "PrivateKeyKmsByAlias", "alias\/cloudfront-signing"\)/);
    assert.match(text, /kms\.Key\.fromKeyArn\(stack, "PrivateKeyKmsByKeyId", stack\.formatArn\(\{ service: 'kms', resource: 'key', resourceName: "6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b" \}\)\)/);
    assert.match(text, /ssm\.StringParameter\.fromSecureStringParameterAttributes\(stack, "PrivateKeySsmParameter", \{ parameterName: "\/cloudfront\/api-signer" \}\)/);
    assert.doesNotMatch(text, /"PrivateKeyNotListed"/);
    const here = exportInfrastructure(local, 'cdk').text;
    assert.match(here, /^\/\/ The private key of K1LOCALKEY stays in VS Code's secret storage/m);
    assert.doesNotMatch(here, /aws-secretsmanager|aws-kms|aws-ssm/);
  });

  it('a value with a line break cannot end a comment and become code', () => {
    const hostile = { ...setup, privateKeys: { K2SSM: { kind: 'ssm' as const, parameterName: '/p\nresource "null_resource" "x" {}\r\u2028console.log(1)' } } };
    for (const format of ['terraform', 'cdk'] as const) {
      const text = exportInfrastructure(hostile, format).text;
      assert.doesNotMatch(text, /^resource "null_resource"/m, format);
      assert.doesNotMatch(text, /^console\.log/m, format);
    }
  });

  it('has private content: a key group or an origin access control; a distribution with neither has none', () => {
    for (const [name, fixture] of Object.entries(FIXTURES)) assert.equal(hasPrivateContent(fixture), true, name);
    assert.equal(hasPrivateContent({ ...local, publicKeys: [], keyGroups: [], originAccessControls: [], buckets: [] }), false);
  });
});
