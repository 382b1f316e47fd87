// "Export Private Key" to AWS Secrets Manager: moves a key from this machine's secret storage into a
// new secret (tagged with its CloudFront public key id) for a backend to read. The PEM goes from
// secret storage to CreateSecret and nowhere else. The local copy is deleted only when asked: a
// person answers a question, automation passes deleteLocalCopy: true. Once deleted, the key stays
// listed with the secret as its storage, so signing here reads the secret.
import * as vscode from 'vscode';
import { classifyAwsError } from '../../aws/describeAwsError';
import type { SecretSummary } from '../../aws/keySecrets';
import { UserError } from '../../errors';
import type { LocalKey } from '../../keys/keyStore';
import { isSecretName, PUBLIC_KEY_ID_TAG, type KeyStorage } from '../../keys/keyStorage';
import { secretNameRule } from './keyStorageOptions';
import type { KeyCommandContext } from './keyCommandContext';
import { awsErrorCode } from '../../aws/awsError';

export interface SecretExport {
  readonly secretName: string;
  readonly secretKmsKeyId?: string;
  /** undefined: ask (nobody there to ask: keep it); false / true: the caller's answer. */
  readonly deleteLocalCopy?: boolean;
}

export interface SecretExportResult {
  readonly publicKeyId: string | undefined;
  readonly secretArn: string;
  readonly keyStorage: KeyStorage;
  readonly deletedLocalCopy: boolean;
}

/** Why Secrets Manager refuses a name, or undefined. */
export function secretNameProblem(name: string): string | undefined {
  return isSecretName(name) ? undefined : `secretName: ${secretNameRule(name)}`;
}

export async function exportToSecret(context: KeyCommandContext, key: LocalKey, request: SecretExport): Promise<SecretExportResult> {
  const problem = secretNameProblem(request.secretName);
  if (problem) throw new UserError(problem, 'secretName');
  const pem = await context.keyStore.privateKeyPem(key.fingerprint);
  if (pem === undefined) throw new UserError(vscode.l10n.t('The private key of {0} is no longer stored.', key.name), 'publicKeyId');
  const { secrets } = await context.source.keyServices();
  const tags: Record<string, string> = key.publicKeyId ? { [PUBLIC_KEY_ID_TAG]: key.publicKeyId } : {};
  let secret: SecretSummary;
  try {
    secret = await context.ui.withProgress(vscode.l10n.t('Creating secret {0}', request.secretName), () => secrets.createSecret(request.secretName, pem, tags, request.secretKmsKeyId));
  } catch (error) {
    throw createSecretFailure(error, request, context.source.profile);
  }
  const storage: KeyStorage = { kind: 'secretsManager', secretArn: secret.arn, secretName: secret.name };
  context.log.info(`[keys] copied the private key ${key.fingerprint} to Secrets Manager ${secret.arn} on request`);

  const deleteLocal = request.deleteLocalCopy ?? (await askDeleteLocal(context, key, secret.name));
  if (deleteLocal) {
    // Listed again with the secret as its storage: the entry no longer holds the PEM.
    await context.keyStore.addRemote({ ...withoutDefaults(key), storage });
    context.log.info(`[keys] deleted the local copy of ${key.fingerprint}; it now signs from ${secret.arn}`);
  }
  context.events?.didChangeKeys.fire();
  void context.ui.notify(
    'info',
    deleteLocal
      ? vscode.l10n.t('The private key of {0} is now in Secrets Manager {1} only; signing here reads the secret.', key.publicKeyId ?? key.name, secret.name)
      : vscode.l10n.t('Copied the private key of {0} to Secrets Manager {1}; a copy stays on this machine.', key.publicKeyId ?? key.name, secret.name),
  );
  return { publicKeyId: key.publicKeyId, secretArn: secret.arn, keyStorage: deleteLocal ? storage : { kind: 'local' }, deletedLocalCopy: deleteLocal };
}

function askDeleteLocal(context: KeyCommandContext, key: LocalKey, secretName: string): Promise<boolean> {
  return context.ui.confirm(
    vscode.l10n.t('Delete the local copy of {0}?', key.name),
    vscode.l10n.t("The private key is now in Secrets Manager {0}. Without the copy in VS Code's secret storage, signing here reads the secret (secretsmanager:GetSecretValue).", secretName),
    vscode.l10n.t('Delete Local Copy'),
    { answer: false },
  );
}

/** The key as addRemote takes it (the store keeps its default-signer choices). */
function withoutDefaults(key: LocalKey): Omit<LocalKey, 'defaultSignerFor'> {
  return Object.fromEntries(Object.entries(key).filter(([field]) => field !== 'defaultSignerFor')) as Omit<LocalKey, 'defaultSignerFor'>;
}

function createSecretFailure(error: unknown, request: SecretExport, profile: string | undefined): Error {
  const name = awsErrorCode(error);
  if (name === 'ResourceExistsException') {
    return new UserError(vscode.l10n.t('secretName: a secret named {0} already exists in Secrets Manager; choose another name.', request.secretName), 'secretName');
  }
  if (classifyAwsError(error) === 'accessDenied') {
    const who = profile ?? vscode.l10n.t('the default credentials');
    return new UserError(vscode.l10n.t('Access denied: {0} may not call secretsmanager:CreateSecret on {1}.', who, request.secretName), 'secretName');
  }
  if (request.secretKmsKeyId && (name === 'NotFoundException' || name === 'KMSInvalidStateException' || name === 'InvalidRequestException')) {
    return new UserError(
      vscode.l10n.t('secretKmsKeyId: Secrets Manager cannot encrypt with KMS key {0}: {1}', request.secretKmsKeyId, error instanceof Error ? error.message : String(error)),
      'secretKmsKeyId',
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
