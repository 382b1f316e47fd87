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
import type { DistributionConfig } from '@aws-sdk/client-cloudfront';
import { exportInfrastructure, type PrivateContentSetup } from '../../../src/codegen/infrastructure';
import { TEST_KEYS } from '../signing/helpers';
import { primaryIdentifier, specProblems } from './cloudFormationSpec';
import { customOrigin, FIXTURES } from './infrastructureFixtures';

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
      customOrigin('api', 'api.example.com'),
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

  it('CDK: public keys, key groups and OACs are adopted as retained resources, the distribution looked up, private keys where they live', () => {
    const { text } = exportInfrastructure(SETUP, 'cdk');
    noPrivateKey(text);
    assert.match(
      text,
      /new cloudfront\.CfnKeyGroup\(stack, "KeyGroupMediaSigners", \{ keyGroupConfig: \{ name: "media-signers", items: \[publicKeyMediaSigner\.attrId, publicKeyMediaSignerEc\.attrId\] \} \}\);/,
    );
    assert.match(text, /publicKeyMediaSigner\.applyRemovalPolicy\(RemovalPolicy\.RETAIN\);/);
    assert.match(text, /kms\.Alias\.fromAliasName\(stack, "PrivateKeyMediaSignerEc", "alias\/cloudfront-ec"\)/);
    assert.match(text, /cloudfront\.Distribution\.fromDistributionAttributes\(stack, 'Distribution', \{ distributionId: "E1EXAMPLE0DIST"/);
    // K2JCJMDEHXQW5F is in no privateKeys entry: its place is said to be unknown, never guessed.
    assert.match(text, /\/\/ The private key of K2JCJMDEHXQW5F is not listed in the VS Code that exported this/);
    assert.doesNotMatch(text, /PrivateKeyMediaSigner\b/);
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
});

/** A command's exit status and output; never throws (a missing tool has status null and says why). */
function runTool(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ status: number | null; output: string; stdout: string }> {
  return new Promise((done) => {
    execFile(command, args, { ...options, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      done({ status, stdout, output: `${stdout}${stderr}${error && status === null ? error.message : ''}` });
    });
  });
}

/** Runs the jobs at most `limit` at a time: the CI machine has 2 cores. */
async function inTurns<T>(jobs: ReadonlyArray<() => Promise<T>>, limit = 2): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

const toolAvailable = (command: string) => !spawnSync(command, ['--version'], { stdio: 'ignore' }).error;

/** Every resource and data source of a Terraform file, as type.label. */
const terraformAddresses = (text: string) => [...text.matchAll(/^(resource|data) "([^"]+)" "([^"]+)" \{/gm)].map((match) => `${match[1]}.${match[2]}.${match[3]}`);

interface SynthesizedTemplate {
  Resources: Record<string, { Type: string; DeletionPolicy?: string; Properties?: Record<string, unknown> }>;
}

describe('Export as Infrastructure Code: every fixture passes cfn-lint, terraform validate and CDK synth', function () {
  this.timeout(600_000);
  const names = Object.keys(FIXTURES);
  let root = '';
  let synthesized = new Map<string, string>();
  let synthesis: { typeCheck: string; synth: string } = { typeCheck: '', synth: '' };

  before(async () => {
    mkdirSync(resolve('test-output'), { recursive: true });
    // Inside the repository, so the CDK apps resolve aws-cdk-lib from its node_modules.
    root = mkdtempSync(resolve('test-output', 'iac-'));
    for (const name of names) {
      mkdirSync(join(root, 'cloudformation'), { recursive: true });
      writeFileSync(join(root, 'cloudformation', `${name}.json`), exportInfrastructure(FIXTURES[name], 'cloudformation').text);
      mkdirSync(join(root, 'terraform', name), { recursive: true });
      writeFileSync(join(root, 'terraform', name, 'main.tf'), exportInfrastructure(FIXTURES[name], 'terraform').text);
      mkdirSync(join(root, 'cdk', name), { recursive: true });
      writeFileSync(join(root, 'cdk', name, 'package.json'), '{ "type": "module", "private": true }\n');
      writeFileSync(join(root, 'cdk', name, 'app.ts'), exportInfrastructure(FIXTURES[name], 'cdk').text);
    }
    // The CDK apps: one type-check of them all against aws-cdk-lib's declarations, then one Node process
    // that runs each (Node strips the types), each App writing to its own CDK_OUTDIR.
    const apps = names.map((name) => join(root, 'cdk', name, 'app.ts'));
    const tsc = resolve('node_modules/typescript/bin/tsc');
    const options = ['--noEmit', '--strict', '--erasableSyntaxOnly', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--skipLibCheck'];
    const driver = join(root, 'cdk', 'synth.mjs');
    writeFileSync(
      driver,
      "import { pathToFileURL } from 'node:url';\nfor (const app of process.argv.slice(2)) {\n  process.env.CDK_OUTDIR = new URL('cdk.out', pathToFileURL(app)).pathname;\n  await import(pathToFileURL(app).href);\n}\n",
    );
    const env = { PATH: process.env.PATH, HOME: root };
    const [typeCheck, synth] = await Promise.all([runTool(PINNED_NODE, [tsc, ...options, ...apps], { cwd: root, env }), runTool(PINNED_NODE, [driver, ...apps], { cwd: root, env })]);
    synthesis = { typeCheck: typeCheck.output.trim(), synth: synth.status === 0 ? '' : synth.output };
    synthesized = new Map(
      names.flatMap((name) => {
        const out = join(root, 'cdk', name, 'cdk.out');
        const file = existsSync(out) ? readdirSync(out).find((entry) => entry.endsWith('.template.json')) : undefined;
        return file ? [[name, join(out, file)] as const] : [];
      }),
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('CDK: every app type-checks and synthesizes; each stack holds what it adopts (never empty), all retained, and passes the specification check', () => {
    assert.equal(synthesis.typeCheck, '');
    assert.equal(synthesis.synth, '');
    for (const name of names) {
      const setup = FIXTURES[name];
      assert.ok(synthesized.has(name), `${name}: no template`);
      const template = JSON.parse(readFileSync(synthesized.get(name)!, 'utf8')) as SynthesizedTemplate;
      assert.deepEqual(specProblems(template), [], name);
      noPrivateKey(JSON.stringify(template));
      const count = (type: string) => Object.values(template.Resources).filter((resource) => resource.Type === type).length;
      assert.deepEqual(
        [count('AWS::CloudFront::PublicKey'), count('AWS::CloudFront::KeyGroup'), count('AWS::CloudFront::OriginAccessControl'), count('AWS::S3::BucketPolicy')],
        [setup.publicKeys.length, setup.keyGroups.length, setup.originAccessControls.length, setup.buckets.length],
        name,
      );
      assert.ok(Object.keys(template.Resources).length > 0, `${name}: an empty stack`);
      for (const [id, resource] of Object.entries(template.Resources)) assert.equal(resource.DeletionPolicy, 'Retain', `${name} ${id}`);
    }
  });

  it('cfn-lint finds nothing in any CloudFormation export nor any synthesized CDK template (one run), and finds E3014 in the old certificate shape', async function () {
    if (!toolAvailable('cfn-lint')) {
      console.warn('SKIPPED cfn-lint: not on PATH (pip install cfn-lint)');
      this.skip();
    }
    // The shape the export wrote before: CloudFrontDefaultCertificate: false beside the ACM certificate.
    const canary = join(root, 'cloudformation', 'canary.json');
    const acm = JSON.parse(exportInfrastructure(FIXTURES.acmCertificateEveryKeyPlace, 'cloudformation').text) as SynthesizedTemplate;
    const distribution = Object.values(acm.Resources).find((resource) => resource.Type === 'AWS::CloudFront::Distribution')!;
    (distribution.Properties!.DistributionConfig as { ViewerCertificate: Record<string, unknown> }).ViewerCertificate.CloudFrontDefaultCertificate = false;
    writeFileSync(canary, JSON.stringify(acm, null, 2));
    const files = [...names.map((name) => join(root, 'cloudformation', `${name}.json`)), ...synthesized.values(), canary];
    const linted = await runTool('cfn-lint', ['--format', 'json', '--', ...files], { cwd: root });
    // cfn-lint exits non-zero when it finds something (the canary at least); its findings are the JSON array it prints.
    // Only stdout: a shell shim (pyenv) may warn on stderr about the unit runs' locale.
    const json = linted.stdout.slice(linted.stdout.indexOf('['));
    assert.ok(linted.status !== null && json.startsWith('['), `cfn-lint did not run: ${linted.output}`);
    const findings = JSON.parse(json) as Array<{ Filename: string; Rule: { Id: string }; Message: string }>;
    const byFile = (file: string) => findings.filter((finding) => resolve(root, finding.Filename) === file).map((finding) => `${finding.Rule.Id} ${finding.Message}`);
    assert.deepEqual(
      Object.fromEntries(files.slice(0, -1).map((file) => [file.slice(root.length + 1), byFile(file)])),
      Object.fromEntries(files.slice(0, -1).map((file) => [file.slice(root.length + 1), []])),
    );
    assert.ok(
      byFile(canary).some((finding) => finding.startsWith('E3014')),
      `cfn-lint did not catch the canary: ${JSON.stringify(byFile(canary))}`,
    );
  });

  it('Terraform: fmt and validate pass on every export with the AWS provider from a local mirror (one init), labels are unique, and validate fails on a misspelt argument', async function () {
    if (!toolAvailable('terraform')) {
      console.warn('SKIPPED terraform: not on PATH');
      this.skip();
    }
    const mirror = awsProviderMirror();
    if (!mirror) {
      // The provider comes only from a local mirror: this test never downloads it from the registry.
      console.warn('SKIPPED terraform validate: no AWS provider in a local mirror (~/.terraform.d/plugins, /opt/tf-plugins, CFPC_TERRAFORM_PLUGIN_DIR)');
      this.skip();
    }
    for (const name of names) {
      const addresses = terraformAddresses(readFileSync(join(root, 'terraform', name, 'main.tf'), 'utf8'));
      assert.deepEqual(addresses, [...new Set(addresses)], `${name}: a label twice`);
      for (const address of addresses) assert.match(address.split('.')[2], /^[A-Za-z_][A-Za-z0-9_-]*$/, `${name}: ${address}`);
    }
    const dirs = names.map((name) => join(root, 'terraform', name));
    // A CLI configuration that installs providers from the mirror only (symlinked, not copied) and nowhere
    // else, and one data directory for every export: terraform init runs once.
    writeFileSync(join(root, 'cli.tfrc'), `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`);
    const env = { ...process.env, TF_CLI_CONFIG_FILE: join(root, 'cli.tfrc'), TF_DATA_DIR: join(root, 'terraform-data'), TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
    const terraform = (dir: string, args: string[]) => runTool('terraform', args, { cwd: dir, env });
    const formatted = await terraform(join(root, 'terraform'), ['fmt', '-check', '-diff', '-recursive', '-no-color']);
    assert.equal(formatted.status, 0, formatted.output);
    const init = await terraform(dirs[0], ['init', '-backend=false', '-input=false', '-no-color']);
    assert.equal(init.status, 0, init.output);
    const lock = readFileSync(join(dirs[0], '.terraform.lock.hcl'), 'utf8');
    // validate really checks against the provider's schema: a misspelt argument fails.
    const broken = join(root, 'terraform', 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'main.tf'), exportInfrastructure(FIXTURES.defaultCertificate, 'terraform').text.replace('encoded_key =', 'encoded_keys ='));
    for (const dir of [...dirs, broken]) writeFileSync(join(dir, '.terraform.lock.hcl'), lock);
    const results = await inTurns([...dirs, broken].map((dir) => () => terraform(dir, ['validate', '-no-color'])));
    assert.deepEqual(Object.fromEntries(names.map((name, i) => [name, results[i].status === 0 ? 'valid' : results[i].output])), Object.fromEntries(names.map((name) => [name, 'valid'])));
    assert.notEqual(results.at(-1)!.status, 0);
    assert.match(results.at(-1)!.output, /encoded_keys/);
  });
});
