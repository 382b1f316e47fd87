// The setup as Terraform (AWS provider 5.x): `import` blocks (Terraform 1.5+) adopt each existing
// public key, key group, origin access control and bucket policy into the resource below it. The
// distribution is adopted by its import block alone: `terraform plan -generate-config-out=distribution.tf`
// writes its whole configuration (a distribution has too many settings to restate here safely); the
// key groups each behavior trusts are listed above it. The private keys are referred to where they
// live (a data source that reads only metadata, or a comment), never included. Labels are unique per
// resource type for any names (model.ts terraformLabel).
import { expression, hclBlock, hclString, type HclBody } from './hcl';
import { behaviorTrust, bucketStatement, commentText, privateKeyOf, privateKeyStatement, terraformLabel, type PrivateContentSetup, type PrivateKeyLocation } from './model';

/** The data source that names a private key's place (metadata only), or undefined where none may be read. */
function privateKeyData(label: string, location: PrivateKeyLocation): string | undefined {
  switch (location.kind) {
    case 'kms':
      return hclBlock(`data "aws_kms_key" "${label}"`, [['key_id', location.keyId]]);
    case 'secretsManager':
      return hclBlock(`data "aws_secretsmanager_secret" "${label}"`, [[location.secretId.startsWith('arn:') ? 'arn' : 'name', location.secretId]]);
    default:
      // An SSM parameter gets no data source: aws_ssm_parameter would copy its decrypted value into the state.
      return undefined;
  }
}

export function terraformText(setup: PrivateContentSetup): string {
  // One namespace per resource or data source type, as Terraform addresses them (type.label).
  const namespaces = new Map<string, Set<string>>();
  const label = (type: string, name: string, fallback: string): string => {
    const namespace = namespaces.get(type) ?? new Set<string>();
    namespaces.set(type, namespace);
    return terraformLabel(name, namespace, fallback);
  };
  const blocks: string[] = [];
  const comment = (lines: string[]) => lines.map((line) => `# ${commentText(line)}`).join('\n');
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
    const keyLabel = label('aws_cloudfront_public_key', key.name, 'key');
    publicKeys.set(key.id, keyLabel);
    adopt('aws_cloudfront_public_key', keyLabel, key.id, [
      ['name', key.name],
      ...(key.comment ? [['comment', key.comment] as const] : []),
      ['encoded_key', key.encodedKey.endsWith('\n') ? key.encodedKey : `${key.encodedKey}\n`],
    ]);
    const location = privateKeyOf(setup, key.id);
    const dataType = location.kind === 'kms' ? 'aws_kms_key' : 'aws_secretsmanager_secret';
    const data = privateKeyData(label(dataType, `${key.name}_private_key`, 'key'), location);
    blocks.push([comment([privateKeyStatement(key.id, location)]), data].filter(Boolean).join('\n'));
  }
  const groups = new Map<string, string>();
  for (const group of setup.keyGroups) {
    const groupLabel = label('aws_cloudfront_key_group', group.name, 'key_group');
    groups.set(group.id, groupLabel);
    const items = group.publicKeyIds.map((id) => {
      const keyLabel = publicKeys.get(id);
      return keyLabel ? `aws_cloudfront_public_key.${keyLabel}.id` : hclString(id);
    });
    adopt('aws_cloudfront_key_group', groupLabel, group.id, [['name', group.name], ...(group.comment ? [['comment', group.comment] as const] : []), ['items', expression(`[${items.join(', ')}]`)]]);
  }
  for (const oac of setup.originAccessControls) {
    adopt('aws_cloudfront_origin_access_control', label('aws_cloudfront_origin_access_control', oac.name, 'oac'), oac.id, [
      ['name', oac.name],
      ...(oac.description ? [['description', oac.description] as const] : []),
      ['origin_access_control_origin_type', oac.originType],
      ['signing_behavior', oac.signingBehavior],
      ['signing_protocol', oac.signingProtocol],
    ]);
  }

  const trust = behaviorTrust(setup.distribution.config).map(
    ({ pathPattern, keyGroupIds }) =>
      `  ${pathPattern}: ${
        keyGroupIds.length === 0
          ? 'not restricted'
          : keyGroupIds
              .map((id) => {
                const groupLabel = groups.get(id);
                return groupLabel ? `aws_cloudfront_key_group.${groupLabel}` : id;
              })
              .join(', ')
      }`,
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
    const policyLabel = label('aws_s3_bucket_policy', bucket, 'bucket');
    blocks.push(
      hclBlock(`data "aws_iam_policy_document" "${policyLabel}"`, [
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
    adopt('aws_s3_bucket_policy', policyLabel, bucket, [
      ['bucket', bucket],
      ['policy', expression(`data.aws_iam_policy_document.${policyLabel}.json`)],
    ]);
  }
  return `${blocks.join('\n\n')}\n`;
}
