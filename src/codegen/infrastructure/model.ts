// What "Export as Infrastructure Code" writes about: one distribution's private-content setup, as read
// from CloudFront (and S3's side of it, derived). Pure data; no `vscode`, no AWS SDK.
import type { DistributionConfig } from '@aws-sdk/client-cloudfront';
import { oacStatementOf } from '../../cloudfront/s3Origin';
import type { KeyStorage } from '../../keys/keyStorage';

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

/** Where the private key of a public key lives: the export names it, never holds it. */
export type PrivateKeyLocation =
  /** VS Code's secret storage on the machine that exported: not exported, not reachable from AWS. */
  | { readonly kind: 'local' }
  /** An AWS KMS key (key id, ARN or alias/…), which signs and never exports it; `alias` when both are known. */
  | { readonly kind: 'kms'; readonly keyId: string; readonly alias?: string }
  /** A Secrets Manager secret, by name or ARN as given; `name` when an ARN is given and the name is known too. */
  | { readonly kind: 'secretsManager'; readonly secretId: string; readonly name?: string }
  /** An SSM Parameter Store SecureString, by name (or ARN) as given; `region` when known (a name has none). */
  | { readonly kind: 'ssm'; readonly parameterName: string; readonly region?: string }
  /** No key listed in VS Code signs as this public key: where its private key lives is not known here. */
  | { readonly kind: 'unknown' };

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
  /** Per public key id; a key not in it is of unknown place (never guessed). */
  readonly privateKeys?: Readonly<Record<string, PrivateKeyLocation>>;
}

/** Where a key listed in VS Code keeps its private half, as the export names it (a key made before storage choices is local). */
export function privateKeyLocationOf(storage: KeyStorage | undefined): PrivateKeyLocation {
  switch (storage?.kind) {
    case 'kms':
      return { kind: 'kms', keyId: storage.keyArn, ...(storage.alias && { alias: storage.alias }) };
    case 'secretsManager':
      return { kind: 'secretsManager', secretId: storage.secretArn, name: storage.secretName };
    case 'ssm':
      return { kind: 'ssm', parameterName: storage.parameterName, region: storage.region };
    default:
      return { kind: 'local' };
  }
}

export const privateKeyOf = (setup: PrivateContentSetup, publicKeyId: string): PrivateKeyLocation => setup.privateKeys?.[publicKeyId] ?? { kind: 'unknown' };

/**
 * Whether the distribution has private content to export: a behavior that trusts a key group, or an
 * origin read through an origin access control. Without either, every format would adopt nothing but
 * the distribution (CDK and Terraform: an empty stack), so the command refuses instead.
 */
export const hasPrivateContent = (setup: PrivateContentSetup): boolean => setup.keyGroups.length > 0 || setup.originAccessControls.length > 0 || setup.buckets.length > 0;

/** A secret ARN: arn:<partition>:secretsmanager:<region>:<account>:secret:<name>[-<6 random characters>]. */
const SECRET_ARN = /^arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:(.+)$/;

/**
 * How an ARN names a secret: 'complete' when it ends with the 6 characters Secrets Manager appends
 * (certain when the name is known, else by its shape), 'partial' when it ends with the name, undefined
 * for a name. CDK imports each differently (fromSecretCompleteArn, fromSecretPartialArn, fromSecretNameV2).
 */
export function secretArnKind(secretId: string, name?: string): 'complete' | 'partial' | undefined {
  const resource = SECRET_ARN.exec(secretId)?.[1];
  if (resource === undefined) return undefined;
  if (name !== undefined) return resource === name ? 'partial' : 'complete';
  return /-[A-Za-z0-9]{6}$/.test(resource) ? 'complete' : 'partial';
}

/**
 * Where the private key of `publicKeyId` lives, in the words every format writes (a comment, the
 * template's metadata): true to where it is, and what the backend that signs needs to reach it.
 */
export function privateKeyStatement(publicKeyId: string, location: PrivateKeyLocation): string {
  switch (location.kind) {
    case 'local':
      return `The private key of ${publicKeyId} stays in VS Code's secret storage on the machine that exported this, and is not exported. To sign from AWS, move it with "CloudFront: Export Private Key" (to Secrets Manager), or give your backend its PEM yourself, for example in an environment variable from your deployment's secrets.`;
    case 'kms':
      return `The private key of ${publicKeyId} is the AWS KMS key ${location.keyId}${location.alias && location.alias !== location.keyId ? ` (${location.alias})` : ''}: it signs in KMS (kms:Sign) and never leaves it. Grant your backend kms:Sign on it.`;
    case 'secretsManager':
      return `The private key of ${publicKeyId} is in the AWS Secrets Manager secret ${location.secretId}${location.name && location.name !== location.secretId ? ` (${location.name})` : ''}. Grant your backend secretsmanager:GetSecretValue on it.`;
    case 'ssm':
      return `The private key of ${publicKeyId} is in the AWS Systems Manager parameter ${location.parameterName} (SecureString${location.region ? `, in ${location.region}` : ''}). Grant your backend ssm:GetParameter, and kms:Decrypt on its KMS key.`;
    case 'unknown':
      return `The private key of ${publicKeyId} is not listed in the VS Code that exported this: where it lives is not known, and it is not exported.`;
  }
}

/**
 * The bucket policy statement that lets one distribution read a bucket through OAC: the one statement
 * the extension writes (Protect S3 Bucket, Copy Bucket Policy), so an export adopts what it made.
 */
export function bucketStatement(bucket: string, distributionArn: string): Record<string, unknown> {
  return oacStatementOf(bucket, distributionArn) as Record<string, unknown>;
}

/** Text for a line comment: line breaks and other control characters (which would end the comment) become spaces. */
// eslint-disable-next-line no-control-regex -- control characters are what this replaces
export const commentText = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');

/** FNV-1a (32 bits) of the name's UTF-16 code units, as 8 hex digits: a short, stable tag of a name. */
function nameTag(name: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * One name per thing in a namespace (`taken`, compared without case, as some tools and file systems
 * do): `base` itself, or on a collision `base` + separator + a tag of the original name (names that
 * differ only by `-`, `_`, case or non-ASCII letters differ there), then a counter if even that is taken.
 * The same names in the same order give the same result.
 */
export function uniqueName(base: string, original: string, taken: Set<string>, separator: string): string {
  const free = (candidate: string) => !taken.has(candidate.toLowerCase());
  let candidate = base;
  if (!free(candidate)) candidate = `${base}${separator}${nameTag(original)}`;
  for (let n = 2; !free(candidate); n++) candidate = `${base}${separator}${nameTag(original)}${separator}${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** A name usable as a CloudFormation logical id and a TypeScript identifier: `prefix` and the name's ASCII letters and digits, in Pascal case. */
export function logicalName(prefix: string, name: string, taken: Set<string>): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const base = `${prefix}${words.map((word) => word[0].toUpperCase() + word.slice(1)).join('')}`.slice(0, 200);
  return uniqueName(base, name, taken, '');
}

/** A Terraform label (an HCL identifier): the name's ASCII letters and digits in snake case, starting with a letter. */
export function terraformLabel(name: string, taken: Set<string>, fallback: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined = words.join('_').slice(0, 200);
  const base = joined === '' ? fallback : /^[a-z]/.test(joined) ? joined : `${fallback}_${joined}`;
  return uniqueName(base, name, taken, '_');
}

/** Each behavior's path pattern ('*' for the default) with the key groups it trusts. */
export function behaviorTrust(config: DistributionConfig): Array<{ pathPattern: string; keyGroupIds: string[] }> {
  return [
    ...(config.CacheBehaviors?.Items ?? []).map((behavior) => ({ pathPattern: behavior.PathPattern ?? '', keyGroupIds: behavior.TrustedKeyGroups?.Items ?? [] })),
    { pathPattern: '*', keyGroupIds: config.DefaultCacheBehavior?.TrustedKeyGroups?.Items ?? [] },
  ];
}
