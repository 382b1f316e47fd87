// Creates KMS keys and Secrets Manager secrets in the API peer the extension host talks to (moto in
// `npm test`), through the SDK and the same standard configuration the extension uses
// (AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL_SECRETS_MANAGER), and reads back what the extension made.
import {
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  GetPublicKeyCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  ScheduleKeyDeletionCommand,
  type KeySpec,
  type KeyUsageType,
} from '@aws-sdk/client-kms';
import { CreateSecretCommand, DescribeSecretCommand, GetSecretValueCommand, ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export function kmsClient(): KMSClient {
  return new KMSClient({ region: 'us-east-1' });
}

export function secretsClient(): SecretsManagerClient {
  return new SecretsManagerClient({ region: 'us-east-1' });
}

/** A new KMS key made outside the extension; returns its id. */
export async function createKmsKey(spec: KeySpec, usage: KeyUsageType, state: 'Enabled' | 'Disabled' | 'PendingDeletion' = 'Enabled'): Promise<string> {
  const client = kmsClient();
  const { KeyMetadata } = await client.send(new CreateKeyCommand({ KeySpec: spec, KeyUsage: usage, Description: 'made by a test, outside the extension' }));
  const id = KeyMetadata!.KeyId!;
  if (state === 'Disabled') await client.send(new DisableKeyCommand({ KeyId: id }));
  if (state === 'PendingDeletion') await client.send(new ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 7 }));
  return id;
}

export async function describeKmsKey(keyId: string) {
  return (await kmsClient().send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
}

/** KMS's public half of a key, DER SubjectPublicKeyInfo. */
export async function kmsPublicKeyDer(keyId: string): Promise<Buffer> {
  return Buffer.from((await kmsClient().send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey!);
}

export async function createSecret(name: string, value: string): Promise<string> {
  return (await secretsClient().send(new CreateSecretCommand({ Name: name, SecretString: value }))).ARN!;
}

export async function secretValue(secretId: string): Promise<string | undefined> {
  return (await secretsClient().send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
}

/** The secret's tags, or undefined when there is no such secret (deleted). */
export async function secretTags(secretId: string): Promise<Record<string, string> | undefined> {
  try {
    const answer = await secretsClient().send(new DescribeSecretCommand({ SecretId: secretId }));
    return Object.fromEntries((answer.Tags ?? []).map((t) => [t.Key!, t.Value!]));
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** The KMS keys tagged with `cloudfront:key-name` = `name` (what the extension made for key `name`), with their state. */
export async function kmsKeysNamed(name: string): Promise<Array<{ keyId: string; state: string }>> {
  const client = kmsClient();
  const found: Array<{ keyId: string; state: string }> = [];
  const { Keys } = await client.send(new ListKeysCommand({ Limit: 1000 }));
  for (const key of Keys ?? []) {
    const { Tags } = await client.send(new ListResourceTagsCommand({ KeyId: key.KeyId! }));
    if ((Tags ?? []).some((t) => t.TagKey === 'cloudfront:key-name' && t.TagValue === name)) found.push({ keyId: key.KeyId!, state: (await describeKmsKey(key.KeyId!)).KeyState! });
  }
  return found;
}

/** The key a KMS alias points at, or undefined when there is no such alias. */
export async function aliasTarget(alias: string): Promise<string | undefined> {
  const { Aliases } = await kmsClient().send(new ListAliasesCommand({}));
  return Aliases?.find((a) => a.AliasName === alias)?.TargetKeyId;
}

/** Every PEM private key held in a Secrets Manager secret now (for the secret scan). */
export async function secretPems(): Promise<string[]> {
  const client = secretsClient();
  const pems: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListSecretsCommand({ ...(token ? { NextToken: token } : {}) }));
    for (const secret of page.SecretList ?? []) {
      const value = await secretValue(secret.ARN!).catch(() => undefined);
      if (value?.includes('PRIVATE KEY-----')) pems.push(value);
    }
    token = page.NextToken;
  } while (token);
  return pems;
}
