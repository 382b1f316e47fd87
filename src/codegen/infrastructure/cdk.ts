// The setup as an AWS CDK app (TypeScript, aws-cdk-lib v2) made for adopting what exists with
// `cdk import`: the public keys, key groups and origin access controls are L1 resources
// (CfnPublicKey, CfnKeyGroup, CfnOriginAccessControl) with the properties CloudFront holds and
// RemovalPolicy.RETAIN, so an import changes nothing and removing one from the app never deletes it;
// the bucket policy statement is a CfnBucketPolicy likewise. The distribution is looked up
// (Distribution.fromDistributionAttributes): a looked-up distribution's behaviors cannot be changed
// from CDK, so their trusted key groups are listed in a comment (adopt the distribution itself with
// the CloudFormation export). Private keys are looked up where they live, or said to be elsewhere.
import { behaviorTrust, bucketStatement, commentText, logicalName, privateKeyOf, privateKeyStatement, secretArnKind, type PrivateContentSetup, type PrivateKeyLocation } from './model';

const q = (text: string): string => JSON.stringify(text).replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
const camel = (name: string): string => name[0].toLowerCase() + name.slice(1);
const comment = (text: string): string => `// ${commentText(text)}`;

/** The module each kind of private key place is looked up with. */
const LOOKUP_MODULE: Partial<Record<PrivateKeyLocation['kind'], string>> = {
  kms: "import * as kms from 'aws-cdk-lib/aws-kms';",
  secretsManager: "import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';",
  ssm: "import * as ssm from 'aws-cdk-lib/aws-ssm';",
};

/** The CDK expression that references a private key's place without reading it; undefined where AWS does not hold it. */
function privateKeyLookup(id: string, location: PrivateKeyLocation): string | undefined {
  switch (location.kind) {
    case 'kms': {
      const aliasArn = /^arn:[^:]+:kms:[^:]*:[^:]*:(alias\/.+)$/.exec(location.keyId)?.[1];
      if (location.keyId.startsWith('alias/') || aliasArn) return `kms.Alias.fromAliasName(stack, ${q(id)}, ${q(aliasArn ?? location.keyId)})`;
      if (location.keyId.startsWith('arn:')) return `kms.Key.fromKeyArn(stack, ${q(id)}, ${q(location.keyId)})`;
      return `kms.Key.fromKeyArn(stack, ${q(id)}, stack.formatArn({ service: 'kms', resource: 'key', resourceName: ${q(location.keyId)} }))`;
    }
    case 'secretsManager':
      switch (secretArnKind(location.secretId, location.name)) {
        case 'complete':
          return `secretsmanager.Secret.fromSecretCompleteArn(stack, ${q(id)}, ${q(location.secretId)})`;
        case 'partial':
          return `secretsmanager.Secret.fromSecretPartialArn(stack, ${q(id)}, ${q(location.secretId)})`;
        default:
          return `secretsmanager.Secret.fromSecretNameV2(stack, ${q(id)}, ${q(location.secretId)})`;
      }
    case 'ssm': {
      // A parameter's ARN ends with its name without the leading slash.
      const fromArn = /^arn:[^:]+:ssm:[^:]*:[^:]*:parameter(\/.+)$/.exec(location.parameterName)?.[1];
      return `ssm.StringParameter.fromSecureStringParameterAttributes(stack, ${q(id)}, { parameterName: ${q(fromArn ?? location.parameterName)} })`;
    }
    default:
      return undefined;
  }
}

export function cdkText(setup: PrivateContentSetup): string {
  const taken = new Set<string>();
  const account = setup.distribution.arn.split(':')[4] ?? '';
  const body: string[] = [];
  const modules = new Set<string>();
  const keys = new Map<string, string>();
  for (const key of setup.publicKeys) {
    const id = logicalName('PublicKey', key.name, taken);
    keys.set(key.id, camel(id));
    const config = [`callerReference: ${q(key.callerReference)}`, `name: ${q(key.name)}`, `encodedKey: ${q(key.encodedKey)}`, ...(key.comment ? [`comment: ${q(key.comment)}`] : [])];
    body.push(
      comment(`Public key ${key.id}.`),
      `export const ${camel(id)} = new cloudfront.CfnPublicKey(stack, ${q(id)}, { publicKeyConfig: { ${config.join(', ')} } });`,
      `${camel(id)}.applyRemovalPolicy(RemovalPolicy.RETAIN);`,
    );
    const location = privateKeyOf(setup, key.id);
    body.push(comment(privateKeyStatement(key.id, location)));
    const privateId = logicalName('PrivateKey', key.name, taken);
    const lookup = privateKeyLookup(privateId, location);
    const module = LOOKUP_MODULE[location.kind];
    if (lookup && module) {
      modules.add(module);
      body.push(`export const ${camel(privateId)} = ${lookup};`);
    }
  }
  const groups = new Map<string, string>();
  for (const group of setup.keyGroups) {
    const id = logicalName('KeyGroup', group.name, taken);
    groups.set(group.id, camel(id));
    const items = group.publicKeyIds.map((keyId) => {
      const name = keys.get(keyId);
      return name ? `${name}.attrId` : q(keyId);
    });
    const config = [`name: ${q(group.name)}`, `items: [${items.join(', ')}]`, ...(group.comment ? [`comment: ${q(group.comment)}`] : [])];
    body.push(
      comment(`Key group ${group.id}.`),
      `export const ${camel(id)} = new cloudfront.CfnKeyGroup(stack, ${q(id)}, { keyGroupConfig: { ${config.join(', ')} } });`,
      `${camel(id)}.applyRemovalPolicy(RemovalPolicy.RETAIN);`,
    );
  }
  for (const oac of setup.originAccessControls) {
    const id = logicalName('OriginAccessControl', oac.name, taken);
    const config = [
      `name: ${q(oac.name)}`,
      `originAccessControlOriginType: ${q(oac.originType)}`,
      `signingBehavior: ${q(oac.signingBehavior)}`,
      `signingProtocol: ${q(oac.signingProtocol)}`,
      ...(oac.description ? [`description: ${q(oac.description)}`] : []),
    ];
    body.push(
      comment(`Origin access control ${oac.id}.`),
      `export const ${camel(id)} = new cloudfront.CfnOriginAccessControl(stack, ${q(id)}, { originAccessControlConfig: { ${config.join(', ')} } });`,
      `${camel(id)}.applyRemovalPolicy(RemovalPolicy.RETAIN);`,
    );
  }
  const trust = behaviorTrust(setup.distribution.config).map(({ pathPattern, keyGroupIds }) =>
    comment(`  ${pathPattern}: ${keyGroupIds.length === 0 ? 'not restricted' : keyGroupIds.map((id) => groups.get(id) ?? id).join(', ')}`),
  );
  body.push('// Trusted key groups of each behavior (read-only here):', ...trust);
  body.push(
    `export const distribution = cloudfront.Distribution.fromDistributionAttributes(stack, 'Distribution', { distributionId: ${q(setup.distribution.id)}, domainName: ${q(setup.distribution.domainName)} });`,
  );
  for (const bucket of setup.buckets) {
    const id = logicalName('BucketPolicy', bucket, taken);
    const statement = bucketStatement(bucket, setup.distribution.arn) as { Sid: string; Resource: string };
    body.push(
      "// A bucket has one policy and this resource owns all of it: add the bucket's other statements before you import it.",
      `new s3.CfnBucketPolicy(stack, ${q(id)}, {`,
      `  bucket: ${q(bucket)},`,
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
      '}).applyRemovalPolicy(RemovalPolicy.RETAIN);',
    );
  }
  body.push(`new CfnOutput(stack, 'DistributionDomainName', { value: distribution.distributionDomainName });`);

  return [
    comment(`Private content of CloudFront distribution ${setup.distribution.id} (${setup.distribution.domainName}), as an AWS CDK app.`),
    '// Exported by the CloudFront Private Content extension to adopt what exists: run `npx cdk import` (app: node app.ts) once, then synth and deploy as usual.',
    '// No private key is in it: the comment above each lookup says where that key lives.',
    "import { App, CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';",
    "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
    ...(setup.buckets.length > 0 ? ["import * as iam from 'aws-cdk-lib/aws-iam';", "import * as s3 from 'aws-cdk-lib/aws-s3';"] : []),
    ...[...modules].sort(),
    '',
    'const app = new App();',
    `const stack = new Stack(app, 'CloudFrontPrivateContent', { env: { account: ${q(account)}, region: 'us-east-1' } });`,
    '',
    ...body,
    '',
    'app.synth();',
    '',
  ].join('\n');
}
