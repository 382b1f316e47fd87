// What deleting a key may do to the private half AWS keeps: nothing, unless asked. A KMS key is never
// deleted at once: it is scheduled for deletion with KMS's minimum waiting period (7 days), during
// which kms:CancelKeyDeletion brings it back; a secret is deleted with Secrets Manager's minimum
// recovery window (7 days, secretsmanager:RestoreSecret). People choose it separately from the
// deletion itself and the confirmation names the window and the date; automation passes
// deleteKmsKey / deleteSecret. An SSM parameter was made outside the extension and is never deleted.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html
import * as vscode from 'vscode';
import { classifyAwsError } from '../../aws/describeAwsError';
import { kmsFailure } from '../../aws/kmsSigner';
import { UserError } from '../../errors';
import type { LocalKey } from '../../keys/keyStore';
import { regionOfStorage, remoteReference, type KeyStorage } from '../../keys/keyStorage';
import type { KeyCommandContext } from './keyCommandContext';

/** KMS's and Secrets Manager's minimum waiting / recovery period, in days. */
export const AWS_DELETION_WINDOW_DAYS = 7;

export interface AwsDeletionRequest {
  readonly deleteKmsKey?: boolean | undefined;
  readonly deleteSecret?: boolean | undefined;
}

export interface AwsDeletionResult {
  /** When KMS deletes the key (ISO 8601), if it was scheduled. */
  readonly kmsKeyDeletionDate?: string;
  /** When Secrets Manager deletes the secret for good (ISO 8601), if it was deleted. */
  readonly secretDeletionDate?: string;
}

type DeletableStorage = Extract<KeyStorage, { kind: 'kms' | 'secretsManager' }>;

const deletable = (key: LocalKey | undefined): DeletableStorage | undefined => (key?.storage?.kind === 'kms' || key?.storage?.kind === 'secretsManager' ? key.storage : undefined);

/** The day the window ends, as a date without time (UTC), for the confirmation. */
const windowEnd = (now: Date) => new Date(now.getTime() + AWS_DELETION_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);

/** "KMS key alias/media will be scheduled for deletion in 7 days (on 2026-12-07) …" */
export function awsDeletionSentence(storage: DeletableStorage, now: Date): string {
  const reference = remoteReference(storage);
  return storage.kind === 'kms'
    ? vscode.l10n.t(
        'KMS key {0} will be scheduled for deletion in {1} days (on {2}); until then kms:CancelKeyDeletion brings it back, and nothing can sign with it.',
        reference,
        String(AWS_DELETION_WINDOW_DAYS),
        windowEnd(now),
      )
    : vscode.l10n.t(
        'Secret {0} will be deleted with a {1}-day recovery window (for good on {2}); until then secretsmanager:RestoreSecret brings it back.',
        reference,
        String(AWS_DELETION_WINDOW_DAYS),
        windowEnd(now),
      );
}

/**
 * Whether to delete the key's private half in AWS too. Flags given: those, refused when they name
 * something the key does not have. Else a separate choice, keeping it first (and kept when nobody is asked).
 */
export async function chooseAwsDeletion(context: KeyCommandContext, key: LocalKey | undefined, request: AwsDeletionRequest): Promise<DeletableStorage | undefined> {
  const storage = deletable(key);
  const name = key?.publicKeyId ?? key?.name ?? '';
  if (request.deleteKmsKey !== undefined || request.deleteSecret !== undefined) {
    if (request.deleteKmsKey && storage?.kind !== 'kms') throw new UserError(vscode.l10n.t('deleteKmsKey: the private key of {0} is not kept in an AWS KMS key.', name), 'deleteKmsKey');
    if (request.deleteSecret && storage?.kind !== 'secretsManager') {
      throw new UserError(vscode.l10n.t('deleteSecret: the private key of {0} is not kept in a Secrets Manager secret.', name), 'deleteSecret');
    }
    return (storage?.kind === 'kms' && request.deleteKmsKey) || (storage?.kind === 'secretsManager' && request.deleteSecret) ? storage : undefined;
  }
  if (!storage) return undefined;
  const reference = remoteReference(storage);
  const keep = await context.ui.pick({
    title: vscode.l10n.t('Delete Key'),
    placeholder: storage.kind === 'kms' ? vscode.l10n.t('And KMS key {0}?', reference) : vscode.l10n.t('And secret {0}?', reference),
    items: [
      { label: storage.kind === 'kms' ? vscode.l10n.t('Keep KMS key {0}', reference) : vscode.l10n.t('Keep secret {0}', reference), value: true },
      {
        label: storage.kind === 'kms' ? vscode.l10n.t('Also schedule KMS key {0} for deletion', reference) : vscode.l10n.t('Also delete secret {0}', reference),
        detail: awsDeletionSentence(storage, new Date()),
        value: false,
      },
    ],
    // Nobody to ask: the key in AWS stays unless deleteKmsKey or deleteSecret said otherwise.
    unattended: { answer: true },
  });
  return keep ? undefined : storage;
}

/** Schedules the KMS key's deletion or deletes the secret, each with the 7-day window. */
export async function deleteInAws(context: KeyCommandContext, storage: DeletableStorage, input: string): Promise<AwsDeletionResult> {
  const services = await context.source.keyServices(regionOfStorage(storage));
  const reference = remoteReference(storage);
  const profile = context.source.profile;
  if (storage.kind === 'kms') {
    const date = await services.kms.scheduleDeletion(storage.keyArn, AWS_DELETION_WINDOW_DAYS).catch((error: unknown) => {
      throw kmsFailure(error, 'kms:ScheduleKeyDeletion', reference, input, profile);
    });
    context.log.info(`[keys] scheduled KMS key ${storage.keyArn} for deletion in ${AWS_DELETION_WINDOW_DAYS} days`);
    return { kmsKeyDeletionDate: date ?? new Date(Date.now() + AWS_DELETION_WINDOW_DAYS * 86_400_000).toISOString() };
  }
  try {
    await services.secrets.deleteSecret(storage.secretArn, AWS_DELETION_WINDOW_DAYS);
  } catch (error) {
    if (classifyAwsError(error) === 'accessDenied') {
      throw new UserError(vscode.l10n.t('Access denied: {0} may not call secretsmanager:DeleteSecret on {1}.', profile ?? vscode.l10n.t('the default credentials'), reference), input);
    }
    throw error;
  }
  context.log.info(`[keys] deleted secret ${storage.secretArn} with a ${AWS_DELETION_WINDOW_DAYS}-day recovery window`);
  return { secretDeletionDate: new Date(Date.now() + AWS_DELETION_WINDOW_DAYS * 86_400_000).toISOString() };
}
