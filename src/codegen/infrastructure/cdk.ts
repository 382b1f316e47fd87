// The setup as an AWS CDK app (TypeScript, aws-cdk-lib v2) that adopts what exists by lookup:
// PublicKey.fromPublicKeyId, KeyGroup.fromKeyGroupId, S3OriginAccessControl.fromOriginAccessControlId,
// Distribution.fromDistributionAttributes and Bucket.fromBucketName reference the existing resources
// without managing them, so the app can grant and wire against them. A looked-up distribution's
// behaviors cannot be changed from CDK; their trusted key groups are listed in a comment (adopt the
// distribution itself with the CloudFormation export and `cdk import` to manage them). The bucket
// policy statement is the one resource it creates. Private keys are looked up where they live.
import { behaviorTrust, bucketStatement, logicalName, privateKeyOf, type PrivateContentSetup } from './model';

const q = (text: string): string => JSON.stringify(text).replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
const camel = (name: string): string => name[0].toLowerCase() + name.slice(1);

export function cdkText(setup: PrivateContentSetup): string {
  const taken = new Set<string>();
  const account = setup.distribution.arn.split(':')[4] ?? '';
  const body: string[] = [];
  const keys = new Map<string, string>();
  const secretsOrKeys = new Set<'kms' | 'secretsManager'>();
  for (const key of setup.publicKeys) {
    const id = logicalName('PublicKey', key.name, taken);
    keys.set(key.id, camel(id));
    body.push(`const ${camel(id)} = cloudfront.PublicKey.fromPublicKeyId(stack, ${q(id)}, ${q(key.id)});`);
    const location = privateKeyOf(setup, key.id);
    secretsOrKeys.add(location.kind);
    const privateId = `${id}PrivateKey`;
    body.push(`// The private key of ${key.id} stays ${location.kind === 'kms' ? 'in KMS (it signs there)' : 'in Secrets Manager'}; grant your signing backend access to it.`);
    if (location.kind === 'kms') {
      const lookup = location.keyId.startsWith('alias/')
        ? `kms.Alias.fromAliasName(stack, ${q(privateId)}, ${q(location.keyId)})`
        : location.keyId.startsWith('arn:')
          ? `kms.Key.fromKeyArn(stack, ${q(privateId)}, ${q(location.keyId)})`
          : `kms.Key.fromKeyArn(stack, ${q(privateId)}, stack.formatArn({ service: 'kms', resource: 'key', resourceName: ${q(location.keyId)} }))`;
      body.push(`export const ${camel(privateId)} = ${lookup};`);
    } else {
      body.push(`export const ${camel(privateId)} = secretsmanager.Secret.fromSecretNameV2(stack, ${q(privateId)}, ${q(location.secretId)});`);
    }
  }
  const groups = new Map<string, string>();
  for (const group of setup.keyGroups) {
    const id = logicalName('KeyGroup', group.name, taken);
    groups.set(group.id, camel(id));
    body.push(`// Holds ${group.publicKeyIds.map((keyId) => keys.get(keyId) ?? keyId).join(', ')}.`);
    body.push(`export const ${camel(id)} = cloudfront.KeyGroup.fromKeyGroupId(stack, ${q(id)}, ${q(group.id)});`);
  }
  for (const oac of setup.originAccessControls) {
    const id = logicalName('OriginAccessControl', oac.name, taken);
    body.push(`export const ${camel(id)} = cloudfront.S3OriginAccessControl.fromOriginAccessControlId(stack, ${q(id)}, ${q(oac.id)});`);
  }
  const trust = behaviorTrust(setup.distribution.config).map(
    ({ pathPattern, keyGroupIds }) => `//   ${pathPattern}: ${keyGroupIds.length === 0 ? 'not restricted' : keyGroupIds.map((id) => groups.get(id) ?? id).join(', ')}`,
  );
  body.push('// Trusted key groups of each behavior (read-only here):', ...trust);
  body.push(
    `export const distribution = cloudfront.Distribution.fromDistributionAttributes(stack, 'Distribution', { distributionId: ${q(setup.distribution.id)}, domainName: ${q(setup.distribution.domainName)} });`,
  );
  for (const bucket of setup.buckets) {
    const id = logicalName('BucketPolicy', bucket, taken);
    const statement = bucketStatement(bucket, setup.distribution.arn) as { Sid: string; Resource: string };
    body.push(
      `// A bucket has one policy and this resource owns all of it: add the bucket's other statements, then \`cdk import\` it.`,
      `new s3.CfnBucketPolicy(stack, ${q(id)}, {`,
      `  bucket: s3.Bucket.fromBucketName(stack, ${q(`${id}Bucket`)}, ${q(bucket)}).bucketName,`,
      '  policyDocument: new iam.PolicyDocument({',
      '    statements: [',
      '      new iam.PolicyStatement({',
      `        sid: ${q(statement.Sid)},`,
      "        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],",
      "        actions: ['s3:GetObject'],",
      `        resources: [${q(statement.Resource)}],`,
      "        conditions: { StringEquals: { 'AWS:SourceArn': stack.formatArn({ service: 'cloudfront', region: '', resource: 'distribution', resourceName: distribution.distributionId }) } },",
      '      }),',
      '    ],',
      '  }),',
      '});',
    );
  }
  body.push(`new CfnOutput(stack, 'DistributionDomainName', { value: distribution.distributionDomainName });`);

  return [
    `// Private content of CloudFront distribution ${setup.distribution.id} (${setup.distribution.domainName}), as an AWS CDK app.`,
    '// Exported by the CloudFront Private Content extension; no private key is in it. Run: npx cdk synth (app: node app.ts).',
    "import { App, CfnOutput, Stack } from 'aws-cdk-lib';",
    "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
    "import * as iam from 'aws-cdk-lib/aws-iam';",
    secretsOrKeys.has('kms') ? "import * as kms from 'aws-cdk-lib/aws-kms';" : undefined,
    "import * as s3 from 'aws-cdk-lib/aws-s3';",
    secretsOrKeys.has('secretsManager') ? "import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';" : undefined,
    '',
    'const app = new App();',
    `const stack = new Stack(app, 'CloudFrontPrivateContent', { env: { account: ${q(account)}, region: 'us-east-1' } });`,
    '',
    ...body,
    '',
    'app.synth();',
    '',
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}
