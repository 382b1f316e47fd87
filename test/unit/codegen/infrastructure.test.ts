// "Export as Infrastructure Code", checked by each tool's own rules: the CloudFormation template
// parses and uses only resource types and properties of CloudFormation's resource specification
// (@aws-cdk/aws-service-spec), with import identifiers by each type's primary identifier; the CDK app
// type-checks against aws-cdk-lib and synthesizes offline (App.synth()) into a template that passes the same check;
// the Terraform passes `terraform fmt -check`, and `terraform validate` with the AWS provider from a local
// mirror (terraform's own plugin directories, or /opt/tf-plugins where this machine has it; never the
// registry). None holds a private key.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { DistributionConfig } from '@aws-sdk/client-cloudfront';
import { exportInfrastructure, type PrivateContentSetup } from '../../../src/codegen/infrastructure';
import { TEST_KEYS } from '../signing/helpers';
import { primaryIdentifier, specProblems } from './cloudFormationSpec';

const run = promisify(execFile);
const PINNED_NODE = resolve('node_modules/.bin/node');
const ARN = 'arn:aws:cloudfront::123456789012:distribution/E1EXAMPLE0DIST';

/** A distribution as GetDistributionConfig returns it, with the settings a real one has (typed by the SDK). */
const CONFIG: DistributionConfig = {
  CallerReference: 'console-2026-01-01',
  Aliases: { Quantity: 1, Items: ['media.example.com'] },
  DefaultRootObject: '',
  Comment: 'media',
  Enabled: true,
  IsIPV6Enabled: true,
  HttpVersion: 'http2and3',
  PriceClass: 'PriceClass_100',
  Origins: {
    Quantity: 2,
    Items: [
      {
        Id: 'media-bucket',
        DomainName: 'media-bucket.s3.us-east-1.amazonaws.com',
        OriginPath: '',
        CustomHeaders: { Quantity: 0 },
        S3OriginConfig: { OriginAccessIdentity: '' },
        OriginAccessControlId: 'E2OACEXAMPLE',
        ConnectionAttempts: 3,
        ConnectionTimeout: 10,
      },
      {
        Id: 'api',
        DomainName: 'api.example.com',
        OriginPath: '/v1',
        CustomHeaders: { Quantity: 1, Items: [{ HeaderName: 'X-Origin-Secret', HeaderValue: 'not-a-key' }] },
        CustomOriginConfig: {
          HTTPPort: 80,
          HTTPSPort: 443,
          OriginProtocolPolicy: 'https-only',
          OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] },
          OriginReadTimeout: 30,
          OriginKeepaliveTimeout: 5,
        },
      },
    ],
  },
  DefaultCacheBehavior: {
    TargetOriginId: 'media-bucket',
    ViewerProtocolPolicy: 'redirect-to-https',
    TrustedSigners: { Enabled: false, Quantity: 0 },
    TrustedKeyGroups: { Enabled: false, Quantity: 0 },
    AllowedMethods: { Quantity: 2, Items: ['GET', 'HEAD'], CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] } },
    Compress: true,
    CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    FunctionAssociations: { Quantity: 0 },
    LambdaFunctionAssociations: { Quantity: 0 },
  },
  CacheBehaviors: {
    Quantity: 1,
    Items: [
      {
        PathPattern: '/paid/*',
        TargetOriginId: 'media-bucket',
        ViewerProtocolPolicy: 'https-only',
        TrustedSigners: { Enabled: false, Quantity: 0 },
        TrustedKeyGroups: { Enabled: true, Quantity: 1, Items: ['kg-0a1b2c3d'] },
        AllowedMethods: { Quantity: 2, Items: ['GET', 'HEAD'], CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] } },
        CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
        FunctionAssociations: { Quantity: 1, Items: [{ FunctionARN: 'arn:aws:cloudfront::123456789012:function/rewrite', EventType: 'viewer-request' }] },
      },
    ],
  },
  CustomErrorResponses: { Quantity: 1, Items: [{ ErrorCode: 403, ResponsePagePath: '/denied.html', ResponseCode: '403', ErrorCachingMinTTL: 10 }] },
  Logging: { Enabled: false, IncludeCookies: false, Bucket: '', Prefix: '' },
  ViewerCertificate: {
    ACMCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    SSLSupportMethod: 'sni-only',
    MinimumProtocolVersion: 'TLSv1.2_2021',
    Certificate: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    CertificateSource: 'acm',
  },
  Restrictions: { GeoRestriction: { RestrictionType: 'whitelist', Quantity: 2, Items: ['DE', 'FR'] } },
  WebACLId: '',
};

const SETUP: PrivateContentSetup = {
  distribution: { id: 'E1EXAMPLE0DIST', arn: ARN, domainName: 'd111111abcdef8.cloudfront.net', config: CONFIG },
  publicKeys: [
    { id: 'K2JCJMDEHXQW5F', name: 'media-signer', comment: 'rotated 2026-11', encodedKey: TEST_KEYS.rsa2048.publicPem, callerReference: 'ref-1' },
    { id: 'K3ECDSAP256KEY', name: 'media-signer-ec', comment: '', encodedKey: TEST_KEYS.ec.publicPem, callerReference: 'ref-2' },
  ],
  keyGroups: [{ id: 'kg-0a1b2c3d', name: 'media-signers', comment: '', publicKeyIds: ['K2JCJMDEHXQW5F', 'K3ECDSAP256KEY'] }],
  originAccessControls: [{ id: 'E2OACEXAMPLE', name: 'media-bucket-oac', description: 'reads media-bucket', originType: 's3', signingBehavior: 'always', signingProtocol: 'sigv4' }],
  buckets: ['media-bucket'],
  privateKeys: { K3ECDSAP256KEY: { kind: 'kms', keyId: 'alias/cloudfront-ec' } },
};

const noPrivateKey = (text: string) => assert.doesNotMatch(text, /PRIVATE KEY/);

/**
 * A directory holding the AWS provider in terraform's unpacked mirror layout: terraform's implied local
 * mirrors on Linux, then /opt/tf-plugins (where this machine's image puts it). Undefined when none has it.
 */
function awsProviderMirror(): string | undefined {
  const candidates = [
    process.env.CFPC_TERRAFORM_PLUGIN_DIR,
    join(homedir(), '.terraform.d', 'plugins'),
    join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
    '/opt/tf-plugins',
  ];
  return candidates.find((dir) => dir !== undefined && existsSync(join(dir, 'registry.terraform.io', 'hashicorp', 'aws')));
}

describe('Export as Infrastructure Code', function () {
  this.timeout(180_000);

  it('CloudFormation: parses, and every resource and property is in the resource specification', () => {
    const { text } = exportInfrastructure(SETUP, 'cloudformation');
    noPrivateKey(text);
    const template = JSON.parse(text) as {
      Resources: Record<string, { Type: string; DeletionPolicy: string; Properties: Record<string, unknown> }>;
      Metadata: { ResourcesToImport: Array<{ ResourceType: string; LogicalResourceId: string; ResourceIdentifier: Record<string, string> }> };
    };
    assert.deepEqual(specProblems(template), []);
    const types = Object.values(template.Resources)
      .map((resource) => resource.Type)
      .sort();
    assert.deepEqual(types, [
      'AWS::CloudFront::Distribution',
      'AWS::CloudFront::KeyGroup',
      'AWS::CloudFront::OriginAccessControl',
      'AWS::CloudFront::PublicKey',
      'AWS::CloudFront::PublicKey',
      'AWS::S3::BucketPolicy',
    ]);
    // Adopting: one import entry per resource, by the identifier CloudFormation's specification names, and Retain.
    assert.equal(template.Metadata.ResourcesToImport.length, types.length);
    for (const entry of template.Metadata.ResourcesToImport) {
      assert.deepEqual(Object.keys(entry.ResourceIdentifier), primaryIdentifier(entry.ResourceType), entry.ResourceType);
      assert.equal(template.Resources[entry.LogicalResourceId]?.DeletionPolicy, 'Retain');
    }
    assert.deepEqual(template.Metadata.ResourcesToImport.map((entry) => Object.values(entry.ResourceIdentifier)[0]).sort(), [
      'E1EXAMPLE0DIST',
      'E2OACEXAMPLE',
      'K2JCJMDEHXQW5F',
      'K3ECDSAP256KEY',
      'kg-0a1b2c3d',
      'media-bucket',
    ]);
    // The /paid/* behavior trusts the template's key group; the origin uses the template's OAC.
    const distribution = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::CloudFront::Distribution')!;
    const config = distribution.Properties.DistributionConfig as {
      CacheBehaviors: Array<{ TrustedKeyGroups: unknown }>;
      DefaultCacheBehavior: { TrustedKeyGroups: unknown };
      Origins: Array<{ OriginAccessControlId?: unknown }>;
    };
    const keyGroupId = Object.entries(template.Resources).find(([, resource]) => resource.Type === 'AWS::CloudFront::KeyGroup')![0];
    assert.deepEqual(config.CacheBehaviors[0].TrustedKeyGroups, [{ Ref: keyGroupId }]);
    assert.deepEqual(config.DefaultCacheBehavior.TrustedKeyGroups, []);
    assert.deepEqual(config.Origins[0].OriginAccessControlId, { 'Fn::GetAtt': [Object.entries(template.Resources).find(([, r]) => r.Type === 'AWS::CloudFront::OriginAccessControl')![0], 'Id'] });
  });

  it('the specification check finds a misspelt property and a made-up resource type (it can fail)', () => {
    const problems = specProblems({
      Resources: {
        A: { Type: 'AWS::CloudFront::KeyGroup', Properties: { KeyGroupConfig: { Name: 'x', Items: [], Comments: 'typo' } } },
        B: { Type: 'AWS::CloudFront::SigningKey', Properties: {} },
        C: { Type: 'AWS::CloudFront::PublicKey', Properties: { PublicKeyConfig: { Name: 'x', EncodedKey: 'y' } } },
      },
    });
    assert.deepEqual(problems, [
      'A.Properties.KeyGroupConfig.Comments: no such property',
      'B: no resource type AWS::CloudFront::SigningKey',
      'C.Properties.PublicKeyConfig.CallerReference: required, missing',
    ]);
  });

  it('CDK: the app type-checks against aws-cdk-lib and synthesizes offline, into a template that passes the specification check', async function () {
    const { text } = exportInfrastructure(SETUP, 'cdk');
    noPrivateKey(text);
    mkdirSync(resolve('test-output'), { recursive: true });
    // Inside the repository, so the app resolves aws-cdk-lib from its node_modules.
    const dir = mkdtempSync(resolve('test-output', 'cdk-'));
    try {
      writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
      writeFileSync(join(dir, 'app.ts'), text);
      // Type-checked against aws-cdk-lib's declarations (Node runs the app without checking types).
      const tsc = resolve('node_modules/typescript/bin/tsc');
      const options = ['--noEmit', '--strict', '--erasableSyntaxOnly', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--skipLibCheck'];
      const checked = await run(PINNED_NODE, [tsc, ...options, join(dir, 'app.ts')], { cwd: dir }).catch((error: Error & { stdout?: string }) => ({ stdout: error.stdout ?? error.message }));
      assert.equal(checked.stdout.trim(), '');
      const out = join(dir, 'cdk.out');
      await run(PINNED_NODE, [join(dir, 'app.ts')], { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, CDK_OUTDIR: out } });
      const templateFile = readdirSync(out).find((name) => name.endsWith('.template.json'));
      assert.ok(templateFile, `no template in ${readdirSync(out).join(', ')}`);
      const template = JSON.parse(readFileSync(join(out, templateFile), 'utf8')) as {
        Resources: Record<string, { Type: string; Properties: { Bucket?: string; PolicyDocument?: { Statement: unknown[] } } }>;
        Outputs: Record<string, { Value: unknown }>;
      };
      assert.deepEqual(specProblems(template), []);
      const policies = Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::S3::BucketPolicy');
      assert.equal(policies.length, 1);
      assert.equal(policies[0].Properties.Bucket, 'media-bucket');
      assert.match(JSON.stringify(policies[0].Properties.PolicyDocument), /"Service":"cloudfront\.amazonaws\.com".*"arn:aws:s3:::media-bucket\/\*"/);
      assert.match(JSON.stringify(policies[0].Properties.PolicyDocument), /:cloudfront::123456789012:distribution\/E1EXAMPLE0DIST/);
      // Lookups create nothing: the bucket policy (and CDK's own metadata) is all the stack holds.
      assert.deepEqual([...new Set(Object.values(template.Resources).map((resource) => resource.Type))].sort(), ['AWS::S3::BucketPolicy']);
      assert.equal(template.Outputs.DistributionDomainName?.Value, 'd111111abcdef8.cloudfront.net');
      assert.match(text, /cloudfront\.KeyGroup\.fromKeyGroupId\(stack, "KeyGroupMediaSigners", "kg-0a1b2c3d"\)/);
      assert.match(text, /kms\.Alias\.fromAliasName\(stack, "PublicKeyMediaSignerEcPrivateKey", "alias\/cloudfront-ec"\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Terraform: import blocks for what exists, and terraform fmt -check passes', function () {
    if (spawnSync('terraform', ['version'], { stdio: 'ignore' }).error) this.skip();
    const { text } = exportInfrastructure(SETUP, 'terraform');
    noPrivateKey(text);
    const imports = [...text.matchAll(/import \{\n {2}to = (\S+)\n {2}id = "([^"]+)"\n\}/g)].map((match) => `${match[1]} ${match[2]}`);
    assert.deepEqual(imports, [
      'aws_cloudfront_public_key.media_signer K2JCJMDEHXQW5F',
      'aws_cloudfront_public_key.media_signer_ec K3ECDSAP256KEY',
      'aws_cloudfront_key_group.media_signers kg-0a1b2c3d',
      'aws_cloudfront_origin_access_control.media_bucket_oac E2OACEXAMPLE',
      'aws_cloudfront_distribution.this E1EXAMPLE0DIST',
      'aws_s3_bucket_policy.media_bucket media-bucket',
    ]);
    mkdirSync(resolve('test-output'), { recursive: true });
    const dir = mkdtempSync(join(resolve('test-output'), 'terraform-'));
    try {
      writeFileSync(join(dir, 'main.tf'), text);
      const result = spawnSync('terraform', ['fmt', '-check', '-diff', 'main.tf'], { cwd: dir, encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
      // fmt really checks: a misaligned copy fails.
      writeFileSync(join(dir, 'main.tf'), text.replace('  id = ', '  id   = '));
      assert.notEqual(spawnSync('terraform', ['fmt', '-check', 'main.tf'], { cwd: dir, env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } }).status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Terraform: terraform validate passes with the AWS provider from a local mirror, and fails on a misspelt argument', function () {
    if (spawnSync('terraform', ['version'], { stdio: 'ignore' }).error) this.skip();
    const mirror = awsProviderMirror();
    if (!mirror) {
      // The provider comes only from a local mirror: this test never downloads it from the registry.
      console.warn('SKIPPED terraform validate: no AWS provider in a local mirror (~/.terraform.d/plugins, /opt/tf-plugins, CFPC_TERRAFORM_PLUGIN_DIR)');
      this.skip();
    }
    const { text } = exportInfrastructure(SETUP, 'terraform');
    mkdirSync(resolve('test-output'), { recursive: true });
    const dir = mkdtempSync(join(resolve('test-output'), 'terraform-validate-'));
    try {
      // A CLI configuration that installs providers from the mirror only (symlinked, not copied) and nowhere else.
      writeFileSync(join(dir, 'cli.tfrc'), `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`);
      const env = { ...process.env, TF_CLI_CONFIG_FILE: join(dir, 'cli.tfrc'), TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
      const terraform = (args: string[]) => spawnSync('terraform', args, { cwd: dir, encoding: 'utf8', env });
      writeFileSync(join(dir, 'main.tf'), text);
      const init = terraform(['init', '-backend=false', '-input=false', '-no-color']);
      assert.equal(init.status, 0, `${init.stdout}${init.stderr}`);
      const validated = terraform(['validate', '-no-color']);
      assert.equal(validated.status, 0, `${validated.stdout}${validated.stderr}`);
      // validate really checks against the provider's schema: a misspelt argument fails.
      writeFileSync(join(dir, 'main.tf'), text.replace('encoded_key =', 'encoded_keys ='));
      const broken = terraform(['validate', '-no-color']);
      assert.notEqual(broken.status, 0);
      assert.match(`${broken.stdout}${broken.stderr}`, /encoded_keys/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
