// Where a key's private half lives. Chosen when the key is created or linked; the signing commands read
// it to pick the signer (src/aws/keySigners.ts) and the Keys view shows it. Only references are kept
// here (ARNs and names, which are not secret); the private key of a key in AWS is never on this machine.
export type KeyStorage =
  /** VS Code's secret storage on this machine. */
  | { readonly kind: 'local' }
  /** An asymmetric AWS KMS key: signs through kms:Sign, never exported. */
  | { readonly kind: 'kms'; readonly keyArn: string; readonly alias?: string }
  /** A Secrets Manager secret holding the PEM, read into memory to sign. */
  | { readonly kind: 'secretsManager'; readonly secretArn: string; readonly secretName: string }
  /** An SSM SecureString parameter holding the PEM (a name has no region, so it is kept). */
  | { readonly kind: 'ssm'; readonly parameterName: string; readonly region: string };

export type KeyStorageKind = KeyStorage['kind'];

/** What `createKeyPair` can create (an SSM parameter is linked, never created). */
export const CREATABLE_KEY_STORAGE = ['local', 'kms', 'secretsManager'] as const;
export type CreatableKeyStorage = (typeof CREATABLE_KEY_STORAGE)[number];

export const LOCAL_STORAGE: KeyStorage = { kind: 'local' };

/** The alias a KMS key created for CloudFront key `name` gets. */
export const kmsAliasFor = (name: string): string => `alias/cloudfront/${name}`;
/** The default name of the Secrets Manager secret for CloudFront key `name`. */
export const secretNameFor = (name: string): string => `cloudfront/${name}`;
/** AWS-managed aliases (alias/aws/…) name AWS's own symmetric keys, which cannot sign. */
export const isAwsManagedAlias = (alias: string): boolean => alias.startsWith('alias/aws/');
/** Secrets Manager's name rule (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html). */
export const isSecretName = (name: string): boolean => /^[A-Za-z0-9/_+=.@-]{1,512}$/.test(name);

/** The region of an AWS ARN (arn:aws:kms:eu-west-1:123456789012:key/…), undefined for anything else. */
export function regionOfArn(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && parts[3] ? parts[3] : undefined;
}

/** The region a remote key is reached in; undefined for a local key. */
export function regionOfStorage(storage: KeyStorage): string | undefined {
  switch (storage.kind) {
    case 'kms':
      return regionOfArn(storage.keyArn);
    case 'secretsManager':
      return regionOfArn(storage.secretArn);
    case 'ssm':
      return storage.region;
    default:
      return undefined;
  }
}

/** A place in AWS: every storage but this machine's. */
export type RemoteKeyStorage = Exclude<KeyStorage, { readonly kind: 'local' }>;

/** What identifies the remote key in messages: alias or ARN, secret name, parameter name. */
export function remoteReference(storage: RemoteKeyStorage): string {
  switch (storage.kind) {
    case 'kms':
      return storage.alias ?? storage.keyArn;
    case 'secretsManager':
      return storage.secretName;
    case 'ssm':
      return storage.parameterName;
  }
}

/** `remoteReference`, or undefined for this machine's storage. */
export function storageReference(storage: KeyStorage): string | undefined {
  return storage.kind === 'local' ? undefined : remoteReference(storage);
}

/** The tag on a secret (or KMS key) that says which CloudFront public key it is the private half of. */
export const PUBLIC_KEY_ID_TAG = 'cloudfront:public-key-id';
