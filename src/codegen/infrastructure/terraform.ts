// The setup as Terraform (AWS provider 5.x): `import` blocks (Terraform 1.5+) adopt each existing
// public key, key group, origin access control and bucket policy into the resource below it. The
// distribution is adopted by its import block alone: `terraform plan -generate-config-out=distribution.tf`
// writes its whole configuration (a distribution has too many settings to restate here safely); the
// key groups each behavior trusts are listed above it. The private keys are referred to by where
// they live (a data source), never included.
import { expression, hclBlock, hclString, type HclBody } from './hcl';
import { behaviorTrust, bucketStatement, logicalName, privateKeyOf, type PrivateContentSetup } from './model';

/** A Terraform label: snake case, never empty and never starting with a digit. */
const snake = (name: string): string => {
  const label = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return /^[a-z_]/.test(label) ? label : `r_${label}`;
};

export function terraformText(setup: PrivateContentSetup): string {
  const taken = new Set<string>();
  const blocks: string[] = [];
  const comment = (lines: string[]) => lines.map((line) => `# ${line}`).join('\n');
  const adopt = (type: string, label: string, id: string, body: HclBody) => {
    blocks.push(
      hclBlock('import', [
        ['to', expression(`${type}.${label}`)],
        ['id', id],
      ]),
    );
    blocks.push(hclBlock(`resource "${type}" "${label}"`, body));
  };

  blocks.push(
    comment([
      `Private content of CloudFront distribution ${setup.distribution.id} (${setup.distribution.domainName}).`,
      'Exported by the CloudFront Private Content extension to adopt what exists: terraform plan shows the imports.',
      'No private key is in this file: each is referred to where it lives.',
    ]),
  );
  blocks.push(hclBlock('terraform', [{ block: 'required_providers', body: [['aws', expression('{\n      source  = "hashicorp/aws"\n      version = ">= 5.0"\n    }')]] }]));

  const publicKeys = new Map<string, string>();
  for (const key of setup.publicKeys) {
    const label = snake(logicalName('', key.name, taken));
    publicKeys.set(key.id, label);
    adopt('aws_cloudfront_public_key', label, key.id, [
      ['name', key.name],
      ...(key.comment ? [['comment', key.comment] as const] : []),
      ['encoded_key', key.encodedKey.endsWith('\n') ? key.encodedKey : `${key.encodedKey}\n`],
    ]);
    const location = privateKeyOf(setup, key.id);
    blocks.push(
      location.kind === 'kms'
        ? hclBlock(`data "aws_kms_key" "${label}_private_key"`, [{ comment: `The private key of ${key.id}: signs in KMS, never leaves it.` }, ['key_id', location.keyId]])
        : hclBlock(`data "aws_secretsmanager_secret" "${label}_private_key"`, [{ comment: `The private key of ${key.id}: its metadata only, not its value.` }, ['name', location.secretId]]),
    );
  }
  const groups = new Map<string, string>();
  for (const group of setup.keyGroups) {
    const label = snake(logicalName('', group.name, taken));
    groups.set(group.id, label);
    const items = group.publicKeyIds.map((id) => (publicKeys.has(id) ? `aws_cloudfront_public_key.${publicKeys.get(id)!}.id` : hclString(id)));
    adopt('aws_cloudfront_key_group', label, group.id, [['name', group.name], ...(group.comment ? [['comment', group.comment] as const] : []), ['items', expression(`[${items.join(', ')}]`)]]);
  }
  for (const oac of setup.originAccessControls) {
    const label = snake(logicalName('', oac.name, taken));
    adopt('aws_cloudfront_origin_access_control', label, oac.id, [
      ['name', oac.name],
      ...(oac.description ? [['description', oac.description] as const] : []),
      ['origin_access_control_origin_type', oac.originType],
      ['signing_behavior', oac.signingBehavior],
      ['signing_protocol', oac.signingProtocol],
    ]);
  }

  const trust = behaviorTrust(setup.distribution.config).map(
    ({ pathPattern, keyGroupIds }) =>
      `  ${pathPattern}: ${keyGroupIds.length === 0 ? 'not restricted' : keyGroupIds.map((id) => (groups.has(id) ? `aws_cloudfront_key_group.${groups.get(id)!}` : id)).join(', ')}`,
  );
  blocks.push(
    `${comment([
      'The distribution: run `terraform plan -generate-config-out=distribution.tf` once to write its configuration,',
      'then replace the key group ids in trusted_key_groups with references. Trusted key groups of each behavior:',
      ...trust,
    ])}\n${hclBlock('import', [
      ['to', expression('aws_cloudfront_distribution.this')],
      ['id', setup.distribution.id],
    ])}`,
  );

  for (const bucket of setup.buckets) {
    const label = snake(logicalName('', bucket, taken));
    blocks.push(
      hclBlock(`data "aws_iam_policy_document" "${label}"`, [
        {
          block: 'statement',
          body: [
            ['sid', String(bucketStatement(bucket, setup.distribution.arn).Sid)],
            ['actions', ['s3:GetObject']],
            ['resources', [String(bucketStatement(bucket, setup.distribution.arn).Resource)]],
            {
              block: 'principals',
              body: [
                ['type', 'Service'],
                ['identifiers', ['cloudfront.amazonaws.com']],
              ],
            },
            {
              block: 'condition',
              body: [
                ['test', 'StringEquals'],
                ['variable', 'AWS:SourceArn'],
                ['values', [setup.distribution.arn]],
              ],
            },
          ],
        },
      ]),
    );
    blocks.push(comment(["A bucket has one policy and this resource owns all of it: add the bucket's other statements above before applying."]));
    adopt('aws_s3_bucket_policy', label, bucket, [
      ['bucket', bucket],
      ['policy', expression(`data.aws_iam_policy_document.${label}.json`)],
    ]);
  }
  return `${blocks.join('\n\n')}\n`;
}
