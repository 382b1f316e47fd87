// Keys made in AWS OUTSIDE the extension, as a team's infrastructure would make them: KMS keys, Secrets
// Manager secrets and SSM parameters, created with the AWS SDK against moto (the endpoints come from
// the AWS_ENDPOINT_URL_KMS / _SECRETS_MANAGER / _SSM variables the test launcher sets).
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { CreateKeyCommand, DescribeKeyCommand, DisableKeyCommand, KMSClient, ScheduleKeyDeletionCommand, type KeySpec, type KeyUsageType } from '@aws-sdk/client-kms';
import { CreateSecretCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { rememberPrivateKey } from './secrets';

const REGION = 'us-east-1';
export const kmsClient = () => new KMSClient({ region: REGION });
export const secretsClient = () => new SecretsManagerClient({ region: REGION });
export const ssmClient = () => new SSMClient({ region: REGION });

/** A new KMS key; returns its ARN. */
export async function createKmsKey(keySpec: KeySpec = 'RSA_2048', keyUsage: KeyUsageType = 'SIGN_VERIFY'): Promise<string> {
  const created = await kmsClient().send(new CreateKeyCommand({ KeySpec: keySpec, KeyUsage: keyUsage, Description: 'made outside the extension (test)' }));
  return created.KeyMetadata!.Arn!;
}

export async function disableKmsKey(arn: string): Promise<void> {
  await kmsClient().send(new DisableKeyCommand({ KeyId: arn }));
}

/** Schedules deletion; returns the key's DeletionDate (ISO 8601) as DescribeKey reports it. */
export async function scheduleKmsKeyDeletion(arn: string): Promise<string> {
  await kmsClient().send(new ScheduleKeyDeletionCommand({ KeyId: arn, PendingWindowInDays: 7 }));
  return kmsKeyDescription(arn).then((d) => d.DeletionDate!.toISOString());
}

export async function kmsKeyDescription(arn: string) {
  return (await kmsClient().send(new DescribeKeyCommand({ KeyId: arn }))).KeyMetadata!;
}

/** A new private key (RSA 2048 or P-256) as PKCS#8 PEM, remembered for the secret scan. */
export function newPrivateKeyPem(type: 'rsa' | 'ec' = 'rsa'): { pem: string; privateKey: KeyObject } {
  const { privateKey } = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  rememberPrivateKey(privateKey);
  return { pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), privateKey };
}

/** A secret holding `value`; returns its ARN. */
export async function createSecret(name: string, value: string): Promise<string> {
  return (await secretsClient().send(new CreateSecretCommand({ Name: name, SecretString: value }))).ARN!;
}

export async function putSecretValue(secretId: string, value: string): Promise<void> {
  await secretsClient().send(new PutSecretValueCommand({ SecretId: secretId, SecretString: value }));
}

export async function putParameter(name: string, value: string, type: 'String' | 'SecureString' = 'SecureString'): Promise<void> {
  await ssmClient().send(new PutParameterCommand({ Name: name, Value: value, Type: type, Overwrite: true }));
}
