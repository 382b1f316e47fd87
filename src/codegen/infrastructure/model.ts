// What "Export as Infrastructure Code" writes about: one distribution's private-content setup, as read
// from CloudFront (and S3's side of it, derived). Pure data; no `vscode`, no AWS SDK.
import type { DistributionConfig } from '@aws-sdk/client-cloudfront';
import { oacStatementOf } from '../../cloudfront/s3Origin';

export const INFRASTRUCTURE_FORMATS = ['cloudformation', 'cdk', 'terraform'] as const;
export type InfrastructureFormat = (typeof INFRASTRUCTURE_FORMATS)[number];

export interface ExportedPublicKey {
  readonly id: string;
  readonly name: string;
  readonly comment: string;
  /** SPKI PEM: public, so it may be in the template. */
  readonly encodedKey: string;
  /** CloudFormation needs it in PublicKeyConfig; as CloudFront holds it, so an import changes nothing. */
  readonly callerReference: string;
}

export interface ExportedKeyGroup {
  readonly id: string;
  readonly name: string;
  readonly comment: string;
  readonly publicKeyIds: readonly string[];
}

export interface ExportedOriginAccessControl {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly originType: string;
  readonly signingBehavior: string;
  readonly signingProtocol: string;
}

/** Where the private key of a public key lives: the template names it, never holds it. */
export type PrivateKeyLocation = { readonly kind: 'kms'; readonly keyId: string } | { readonly kind: 'secretsManager'; readonly secretId: string };

export interface PrivateContentSetup {
  readonly distribution: {
    readonly id: string;
    readonly arn: string;
    readonly domainName: string;
    /** As GetDistributionConfig returns it. */
    readonly config: DistributionConfig;
  };
  readonly publicKeys: readonly ExportedPublicKey[];
  readonly keyGroups: readonly ExportedKeyGroup[];
  readonly originAccessControls: readonly ExportedOriginAccessControl[];
  /** S3 buckets read through an origin access control: each gets the statement that lets this distribution read. */
  readonly buckets: readonly string[];
  /** Per public key id; default: a Secrets Manager secret named cloudfront/<public key id>. */
  readonly privateKeys?: Readonly<Record<string, PrivateKeyLocation>>;
}

export const privateKeyOf = (setup: PrivateContentSetup, publicKeyId: string): PrivateKeyLocation =>
  setup.privateKeys?.[publicKeyId] ?? { kind: 'secretsManager', secretId: `cloudfront/${publicKeyId}` };

/**
 * The bucket policy statement that lets one distribution read a bucket through OAC: the one statement
 * the extension writes (Protect S3 Bucket, Copy Bucket Policy), so an export adopts what it made.
 */
export function bucketStatement(bucket: string, distributionArn: string): Record<string, unknown> {
  return oacStatementOf(bucket, distributionArn) as Record<string, unknown>;
}

/** A name usable as a CloudFormation logical id, a Terraform label and a TypeScript identifier: letters and digits. */
export function logicalName(prefix: string, name: string, taken: Set<string>): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const base = `${prefix}${words.map((word) => word[0].toUpperCase() + word.slice(1)).join('')}`.slice(0, 200);
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
  taken.add(candidate);
  return candidate;
}

/** Each behavior's path pattern ('*' for the default) with the key groups it trusts. */
export function behaviorTrust(config: DistributionConfig): Array<{ pathPattern: string; keyGroupIds: string[] }> {
  return [
    ...(config.CacheBehaviors?.Items ?? []).map((behavior) => ({ pathPattern: behavior.PathPattern ?? '', keyGroupIds: behavior.TrustedKeyGroups?.Items ?? [] })),
    { pathPattern: '*', keyGroupIds: config.DefaultCacheBehavior?.TrustedKeyGroups?.Items ?? [] },
  ];
}
