// Reads a private key PEM that AWS keeps for backends (a Secrets Manager secret or an SSM SecureString
// parameter) into memory and checks it: it must be a PEM private key CloudFront can verify and, when
// the caller knows which key it should be, that key. The PEM is never logged, written or echoed.
import * as vscode from 'vscode';
import { UserError } from '../errors';
import { fingerprintOf } from '../keys/fingerprint';
import { loadPrivateKey, type LoadedKey } from '../signing';
import { classifyAwsError } from './describeAwsError';
import type { KeySecrets } from './keySecrets';
import { awsErrorCode } from './awsError';

const PEM_PRIVATE_KEY = /-----BEGIN (?:RSA |EC |)PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |)PRIVATE KEY-----/;

export type RemotePemSource = { readonly kind: 'secretsManager'; readonly secretId: string } | { readonly kind: 'ssm'; readonly parameterName: string };

const describeSource = (source: RemotePemSource) =>
  source.kind === 'secretsManager' ? vscode.l10n.t('Secrets Manager secret {0}', source.secretId) : vscode.l10n.t('SSM parameter {0}', source.parameterName);

/**
 * The parsed private key in `source`. `expectedFingerprint`: the key it must be (a linked key), else
 * any key is read. Errors name `input` and say what the secret or parameter holds instead.
 */
export async function readRemotePrivateKey(
  secrets: KeySecrets,
  source: RemotePemSource,
  input: string,
  profile: string | undefined,
  expectedFingerprint?: string,
): Promise<{ key: LoadedKey; fingerprint: string }> {
  const what = describeSource(source);
  let text: string | undefined;
  try {
    if (source.kind === 'secretsManager') {
      text = await secrets.secretValue(source.secretId);
    } else {
      const parameter = await secrets.parameter(source.parameterName);
      if (parameter.type !== 'SecureString') {
        throw new UserError(vscode.l10n.t('{0} is a {1} parameter: a private key must be kept in a SecureString parameter (encrypted with KMS).', what, parameter.type), input);
      }
      text = parameter.value;
    }
  } catch (error) {
    throw readFailure(error, source, what, input, profile);
  }
  const pem = text && PEM_PRIVATE_KEY.exec(text)?.[0];
  if (!pem) throw new UserError(vscode.l10n.t('{0} holds no PEM private key (-----BEGIN PRIVATE KEY----- …): store the PEM text itself.', what), input);
  let key: LoadedKey;
  try {
    key = loadPrivateKey(`${pem}\n`);
  } catch (error) {
    // The core's message names its own input (privateKey) and never repeats key text.
    throw new UserError(vscode.l10n.t('{0} holds a key CloudFront cannot use: {1}', what, error instanceof Error ? error.message : String(error)), input);
  }
  const fingerprint = fingerprintOf(key.keyObject);
  if (expectedFingerprint !== undefined && fingerprint !== expectedFingerprint) {
    throw new UserError(vscode.l10n.t("{0} holds another key's PEM: its public key does not match the CloudFront public key it is linked to.", what), input);
  }
  return { key, fingerprint };
}

function readFailure(error: unknown, source: RemotePemSource, what: string, input: string, profile: string | undefined): Error {
  if (error instanceof UserError) return error;
  const name = awsErrorCode(error);
  const who = profile ?? vscode.l10n.t('the default credentials');
  const action = source.kind === 'secretsManager' ? 'secretsmanager:GetSecretValue' : 'ssm:GetParameter';
  if (classifyAwsError(error) === 'accessDenied') return new UserError(vscode.l10n.t('Access denied: {0} may not call {1} on {2}.', who, action, what), input);
  if (name === 'ResourceNotFoundException' || name === 'ParameterNotFound') return new UserError(vscode.l10n.t('{0} does not exist in this account and region.', what), input);
  return error instanceof Error ? error : new Error(String(error));
}
