// The AWS KMS operations for CloudFront keys that never leave KMS: create an asymmetric signing key
// with its alias, describe it (spec, usage, state), read its public half, sign, and schedule deletion.
// The SDK implementation is below; the client is the one clientBuilder.ts builds.
import type { KMSClient } from '@aws-sdk/client-kms';
import type { KeyAlgorithm } from '../keys/algorithms';
import { loadKeysSdk } from './loadSdk';

/** The key specs CloudFront can verify, by the algorithm names the extension uses. */
export type KmsKeySpec = 'RSA_2048' | 'ECC_NIST_P256';
/** The KMS key spec of each algorithm a key group takes. */
export const KMS_KEY_SPEC: Readonly<Record<KeyAlgorithm, KmsKeySpec>> = { RSA_2048: 'RSA_2048', ECDSA_P256: 'ECC_NIST_P256' };
/** The algorithm of a KMS key of spec `spec`, undefined for a spec CloudFront cannot verify. */
export const algorithmOfKmsSpec = (spec: string): KeyAlgorithm | undefined => (Object.keys(KMS_KEY_SPEC) as KeyAlgorithm[]).find((algorithm) => KMS_KEY_SPEC[algorithm] === spec);
/**
 * The algorithm of a key `describeSigningKey` accepted (it refuses every spec CloudFront cannot
 * verify): a spec that slipped past it is said here, naming it, rather than passed on as undefined.
 */
export function algorithmOfSigningKey(key: { readonly keySpec: string }): KeyAlgorithm {
  const algorithm = algorithmOfKmsSpec(key.keySpec);
  if (!algorithm) throw new Error(`KMS key spec ${key.keySpec} is not one CloudFront can verify`);
  return algorithm;
}
export type KmsSigningAlgorithm = 'RSASSA_PKCS1_V1_5_SHA_256' | 'ECDSA_SHA_256';

export interface KmsKeyDescription {
  readonly keyId: string;
  readonly arn: string;
  /** RSA_2048, ECC_NIST_P256, or another spec (refused by the callers, naming it). */
  readonly keySpec: string;
  /** SIGN_VERIFY for signing keys. */
  readonly keyUsage: string;
  /** Enabled, Disabled, PendingDeletion, PendingImport, … */
  readonly keyState: string;
  /** When a key pending deletion goes, ISO 8601. */
  readonly deletionDate?: string;
}

export interface KmsAlias {
  readonly name: string;
  readonly targetKeyId?: string;
}

export interface KmsKeys {
  /** The region the client signs for: a key's ARN names it. */
  readonly region: Promise<string>;
  createSigningKey(spec: KmsKeySpec, description: string, tags: Record<string, string>): Promise<KmsKeyDescription>;
  createAlias(aliasName: string, keyId: string): Promise<void>;
  deleteAlias(aliasName: string): Promise<void>;
  /** `keyId`: an id, ARN, alias name (alias/…) or alias ARN. */
  describe(keyId: string): Promise<KmsKeyDescription>;
  /** DER SubjectPublicKeyInfo. */
  publicKey(keyId: string): Promise<Buffer>;
  /** kms:Sign of a message of at most 4,096 bytes (MessageType RAW: KMS hashes it). */
  sign(keyId: string, message: Buffer, algorithm: KmsSigningAlgorithm): Promise<Buffer>;
  /** Schedules deletion after `pendingWindowInDays` (7 to 30); returns the deletion date (ISO 8601). */
  scheduleDeletion(keyId: string, pendingWindowInDays: number): Promise<string | undefined>;
  aliases(): Promise<KmsAlias[]>;
}

export class SdkKmsKeys implements KmsKeys {
  constructor(private readonly client: KMSClient) {}

  get region(): Promise<string> {
    return this.client.config.region();
  }

  async createSigningKey(spec: KmsKeySpec, description: string, tags: Record<string, string>): Promise<KmsKeyDescription> {
    const sdk = await loadKeysSdk();
    const answer = await this.client.send(
      new sdk.CreateKeyCommand({
        KeySpec: spec,
        KeyUsage: 'SIGN_VERIFY',
        Description: description,
        Tags: Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
      }),
    );
    return describedKey(answer.KeyMetadata);
  }

  async createAlias(aliasName: string, keyId: string): Promise<void> {
    const sdk = await loadKeysSdk();
    await this.client.send(new sdk.CreateAliasCommand({ AliasName: aliasName, TargetKeyId: keyId }));
  }

  async deleteAlias(aliasName: string): Promise<void> {
    const sdk = await loadKeysSdk();
    await this.client.send(new sdk.DeleteAliasCommand({ AliasName: aliasName }));
  }

  async describe(keyId: string): Promise<KmsKeyDescription> {
    const sdk = await loadKeysSdk();
    return describedKey((await this.client.send(new sdk.DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata);
  }

  async publicKey(keyId: string): Promise<Buffer> {
    const sdk = await loadKeysSdk();
    const answer = await this.client.send(new sdk.GetKmsPublicKeyCommand({ KeyId: keyId }));
    if (!answer.PublicKey) throw new Error(`kms:GetPublicKey returned no public key for ${keyId}`);
    return Buffer.from(answer.PublicKey);
  }

  async sign(keyId: string, message: Buffer, algorithm: KmsSigningAlgorithm): Promise<Buffer> {
    const sdk = await loadKeysSdk();
    const answer = await this.client.send(new sdk.SignCommand({ KeyId: keyId, Message: message, MessageType: 'RAW', SigningAlgorithm: algorithm }));
    if (!answer.Signature) throw new Error(`kms:Sign returned no signature for ${keyId}`);
    return Buffer.from(answer.Signature);
  }

  async scheduleDeletion(keyId: string, pendingWindowInDays: number): Promise<string | undefined> {
    const sdk = await loadKeysSdk();
    const answer = await this.client.send(new sdk.ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: pendingWindowInDays }));
    return answer.DeletionDate?.toISOString();
  }

  async aliases(): Promise<KmsAlias[]> {
    const sdk = await loadKeysSdk();
    const aliases: KmsAlias[] = [];
    let marker: string | undefined;
    do {
      const page = await this.client.send(new sdk.ListAliasesCommand({ ...(marker ? { Marker: marker } : {}) }));
      for (const alias of page.Aliases ?? []) if (alias.AliasName) aliases.push({ name: alias.AliasName, ...(alias.TargetKeyId ? { targetKeyId: alias.TargetKeyId } : {}) });
      marker = page.Truncated ? page.NextMarker : undefined;
    } while (marker);
    return aliases;
  }
}

function describedKey(metadata: { KeyId?: string; Arn?: string; KeySpec?: string; KeyUsage?: string; KeyState?: string; DeletionDate?: Date } | undefined): KmsKeyDescription {
  if (!metadata?.KeyId || !metadata.Arn) throw new Error('KMS returned no key metadata');
  return {
    keyId: metadata.KeyId,
    arn: metadata.Arn,
    keySpec: metadata.KeySpec ?? 'unknown',
    keyUsage: metadata.KeyUsage ?? 'unknown',
    keyState: metadata.KeyState ?? 'unknown',
    ...(metadata.DeletionDate ? { deletionDate: metadata.DeletionDate.toISOString() } : {}),
  };
}
