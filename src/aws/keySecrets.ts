// Private key PEMs kept by AWS for backends: a Secrets Manager secret or an SSM SecureString parameter.
// The extension reads them into memory to sign (never writes them anywhere here) and creates a secret
// when the user moves a key there. The SDK implementation is below; clients come from clientBuilder.ts.
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { loadKeysSdk } from './loadSdk';

export interface SecretSummary {
  readonly name: string;
  readonly arn: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface ParameterSummary {
  readonly name: string;
  /** String, StringList or SecureString: only SecureString may hold a private key. */
  readonly type: string;
}

export interface KeySecrets {
  /** Creates a secret holding `value`; returns its ARN. `kmsKeyId` encrypts it (default: aws/secretsmanager). */
  createSecret(name: string, value: string, tags: Record<string, string>, kmsKeyId?: string): Promise<SecretSummary>;
  /** The secret's string value. `secretId`: name or ARN. */
  secretValue(secretId: string): Promise<string | undefined>;
  describeSecret(secretId: string): Promise<SecretSummary>;
  /** Deletes at once, without the recovery window: only for a secret this run created a moment ago (Undo). */
  deleteSecretNow(secretId: string): Promise<void>;
  /** Deletes with Secrets Manager's recovery window (`days`, 7 to 30). */
  deleteSecret(secretId: string, days: number): Promise<void>;
  secrets(): Promise<SecretSummary[]>;
  /** The parameter's type and decrypted value. */
  parameter(name: string): Promise<{ type: string; value: string | undefined }>;
  parameters(): Promise<ParameterSummary[]>;
}

export class SdkKeySecrets implements KeySecrets {
  constructor(
    private readonly secretsManager: SecretsManagerClient,
    private readonly ssm: SSMClient,
  ) {}

  async createSecret(name: string, value: string, tags: Record<string, string>, kmsKeyId?: string): Promise<SecretSummary> {
    const sdk = await loadKeysSdk();
    const answer = await this.secretsManager.send(
      new sdk.CreateSecretCommand({
        Name: name,
        SecretString: value,
        Description: 'CloudFront private key (PEM), created by CloudFront Private Content for VS Code',
        ...(kmsKeyId ? { KmsKeyId: kmsKeyId } : {}),
        Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    return { name: answer.Name ?? name, arn: answer.ARN ?? name, tags };
  }

  async secretValue(secretId: string): Promise<string | undefined> {
    const sdk = await loadKeysSdk();
    return (await this.secretsManager.send(new sdk.GetSecretValueCommand({ SecretId: secretId }))).SecretString;
  }

  async describeSecret(secretId: string): Promise<SecretSummary> {
    const sdk = await loadKeysSdk();
    const answer = await this.secretsManager.send(new sdk.DescribeSecretCommand({ SecretId: secretId }));
    return { name: answer.Name ?? secretId, arn: answer.ARN ?? secretId, tags: tagsOf(answer.Tags) };
  }

  async deleteSecretNow(secretId: string): Promise<void> {
    const sdk = await loadKeysSdk();
    await this.secretsManager.send(new sdk.DeleteSecretCommand({ SecretId: secretId, ForceDeleteWithoutRecovery: true }));
  }

  async deleteSecret(secretId: string, days: number): Promise<void> {
    const sdk = await loadKeysSdk();
    await this.secretsManager.send(new sdk.DeleteSecretCommand({ SecretId: secretId, RecoveryWindowInDays: days }));
  }

  async secrets(): Promise<SecretSummary[]> {
    const sdk = await loadKeysSdk();
    const all: SecretSummary[] = [];
    let token: string | undefined;
    do {
      const page = await this.secretsManager.send(new sdk.ListSecretsCommand({ ...(token ? { NextToken: token } : {}) }));
      for (const secret of page.SecretList ?? []) if (secret.Name && secret.ARN) all.push({ name: secret.Name, arn: secret.ARN, tags: tagsOf(secret.Tags) });
      token = page.NextToken;
    } while (token);
    return all;
  }

  async parameter(name: string): Promise<{ type: string; value: string | undefined }> {
    const sdk = await loadKeysSdk();
    const answer = await this.ssm.send(new sdk.GetParameterCommand({ Name: name, WithDecryption: true }));
    return { type: answer.Parameter?.Type ?? 'unknown', value: answer.Parameter?.Value };
  }

  async parameters(): Promise<ParameterSummary[]> {
    const sdk = await loadKeysSdk();
    const all: ParameterSummary[] = [];
    let token: string | undefined;
    do {
      const page = await this.ssm.send(new sdk.DescribeParametersCommand({ ...(token ? { NextToken: token } : {}) }));
      for (const parameter of page.Parameters ?? []) if (parameter.Name) all.push({ name: parameter.Name, type: parameter.Type ?? 'unknown' });
      token = page.NextToken;
    } while (token);
    return all;
  }
}

function tagsOf(tags: Array<{ Key?: string; Value?: string }> | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).flatMap((t) => (t.Key === undefined ? [] : [[t.Key, t.Value ?? '']])));
}
