// Keys made in AWS OUTSIDE the extension, as a team's infrastructure would make them (KMS keys, Secrets
// Manager secrets, SSM parameters), and what the extension made there, read back. Through the SDK and
// the standard configuration the extension uses too (AWS_ENDPOINT_URL_KMS, _SECRETS_MANAGER, _SSM, which
// the test launcher points at moto).
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  CreateAliasCommand,
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
import { CreateSecretCommand, DescribeSecretCommand, GetSecretValueCommand, ListSecretsCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { rememberPrivateKey } from './secrets';

const REGION = 'us-east-1';
export const kmsClient = () => new KMSClient({ region: REGION });
export const secretsClient = () => new SecretsManagerClient({ region: REGION });
export const ssmClient = () => new SSMClient({ region: REGION });

/** A new KMS key made outside the extension, in the state asked; returns its ARN. */
export async function createKmsKey(spec: KeySpec = 'RSA_2048', usage: KeyUsageType = 'SIGN_VERIFY', state: 'Enabled' | 'Disabled' | 'PendingDeletion' = 'Enabled'): Promise<string> {
  const client = kmsClient();
  const { KeyMetadata } = await client.send(new CreateKeyCommand({ KeySpec: spec, KeyUsage: usage, Description: 'made by a test, outside the extension' }));
  const arn = KeyMetadata!.Arn!;
  if (state === 'Disabled') await disableKmsKey(arn);
  if (state === 'PendingDeletion') await scheduleKmsKeyDeletion(arn);
  return arn;
}

export async function createKmsAlias(alias: string, keyId: string): Promise<void> {
  await kmsClient().send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId }));
}

export async function disableKmsKey(keyId: string): Promise<void> {
  await kmsClient().send(new DisableKeyCommand({ KeyId: keyId }));
}

/** Schedules deletion (7 days); returns the key's DeletionDate (ISO 8601) as DescribeKey reports it. */
export async function scheduleKmsKeyDeletion(keyId: string): Promise<string> {
  await kmsClient().send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
  return (await describeKmsKey(keyId)).DeletionDate!.toISOString();
}

/** A new private key (RSA 2048 or P-256) as PKCS#8 PEM, remembered for the secret scan. */
export function newPrivateKeyPem(type: 'rsa' | 'ec' = 'rsa'): { pem: string; privateKey: KeyObject } {
  const { privateKey } = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  rememberPrivateKey(privateKey);
  return { pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), privateKey };
}

export async function putSecretValue(secretId: string, value: string): Promise<void> {
  await secretsClient().send(new PutSecretValueCommand({ SecretId: secretId, SecretString: value }));
}

export async function putParameter(name: string, value: string, type: 'String' | 'SecureString' = 'SecureString'): Promise<void> {
  await ssmClient().send(new PutParameterCommand({ Name: name, Value: value, Type: type, Overwrite: true }));
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
