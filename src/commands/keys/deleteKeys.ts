// "Delete Local Key" removes a private key from SecretStorage. "Delete Public Key" removes a public key
// from CloudFront, only when no key group holds it. Both confirm (modal) when a person runs them — from
// the palette, a row or with the key's id — and never for automation (`{ publicKeyId }`), which has
// said what it wants. Neither deletes a KMS key or a secret unless asked (deleteInAws.ts).
import type * as v from 'valibot';
import * as vscode from 'vscode';
import { CancellationError } from '../../errors';
import { LOCAL_STORAGE, remoteReference } from '../../keys/keyStorage';
import { defineAskingCommandIn, optionalFlag, optionsObject, publicKeyIdEntry, type Call } from '../options';
import { awsDeletionSentence, chooseAwsDeletion, deleteInAws, type AwsDeletionResult } from './deleteInAws';
import { chooseLocalKey, choosePublicKey, keyOf } from './chooseKey';
import type { KeyCommandContext } from './keyCommandContext';
import { deletePublicKeyIfUnused, refuseIfHeld } from './keyGroupChanges';

export const DeleteKeyOptions = optionsObject({
  ...publicKeyIdEntry,
  /** Also schedule the key's AWS KMS key for deletion (7-day waiting period). Default false: the KMS key stays. */
  deleteKmsKey: optionalFlag('deleteKmsKey'),
  /** Also delete the key's Secrets Manager secret (7-day recovery window). Default false: the secret stays. */
  deleteSecret: optionalFlag('deleteSecret'),
});
type DeleteKeyOptions = v.InferOutput<typeof DeleteKeyOptions>;
type KeyCall = Call<DeleteKeyOptions>;

/** A person confirms a deletion; a call with nobody to ask has said what it wants. */
async function confirmDeletion(context: KeyCommandContext, message: string, detail: string): Promise<void> {
  if (!(await context.ui.confirm(message, detail, vscode.l10n.t('Delete'), { answer: true }))) throw new CancellationError();
}

const awsRequest = (call: KeyCall) => call.answers;
const awsInput = (storage: { kind: string }) => (storage.kind === 'kms' ? 'deleteKmsKey' : 'deleteSecret');
/** The confirmation's detail, then what happens in AWS, when anything does. */
const withAws = (detail: string, inAws: Parameters<typeof awsDeletionSentence>[0] | undefined) => (inAws ? `${detail} ${awsDeletionSentence(inAws, new Date())}` : detail);

export const deleteLocalKey = defineAskingCommandIn(DeleteKeyOptions, async (context: KeyCommandContext, call): Promise<{ fingerprint: string } & AwsDeletionResult> => {
  const key = await chooseLocalKey(context, keyOf(call), vscode.l10n.t('Private key to delete from this machine'));
  const inAws = await chooseAwsDeletion(context, key, awsRequest(call));
  const storage = key.storage ?? LOCAL_STORAGE;
  const detail =
    storage.kind !== 'local'
      ? vscode.l10n.t('Only the reference is removed from this machine; the private key stays in {0} unless you chose to delete it.', remoteReference(storage))
      : key.publicKeyId
        ? vscode.l10n.t('You can no longer sign URLs as {0} here. The public key stays in CloudFront; without another copy of the private key, nobody can sign with it again.', key.publicKeyId)
        : vscode.l10n.t('It was never uploaded to CloudFront.');
  await confirmDeletion(context, vscode.l10n.t('Delete the private key {0} from this machine?', key.name), withAws(detail, inAws));
  const aws = inAws ? await deleteInAws(context, inAws, awsInput(inAws)) : {};
  await context.keyStore.remove(key.fingerprint);
  context.events?.didChangeKeys.fire();
  return { fingerprint: key.fingerprint, ...aws };
});

export const deletePublicKey = defineAskingCommandIn(DeleteKeyOptions, async (context: KeyCommandContext, call): Promise<{ publicKeyId: string } & AwsDeletionResult> => {
  const publicKeyId = await choosePublicKey(context, keyOf(call), vscode.l10n.t('Public key to delete from CloudFront'));
  const service = await context.source.cloudFront();
  await refuseIfHeld(service, publicKeyId);
  const listed = context.keyStore.find(publicKeyId);
  const inAws = await chooseAwsDeletion(context, listed, awsRequest(call));
  const storage = listed?.storage ?? LOCAL_STORAGE;
  const detail = !listed
    ? vscode.l10n.t('This cannot be undone.')
    : storage.kind === 'local'
      ? vscode.l10n.t('Its private key stays on this machine, flagged, until you delete it too.')
      : vscode.l10n.t('This cannot be undone. Its private key in {0} is not deleted unless you chose to.', remoteReference(storage));
  await confirmDeletion(context, vscode.l10n.t('Delete public key {0} from CloudFront?', publicKeyId), withAws(detail, inAws));
  await deletePublicKeyIfUnused(service, publicKeyId);
  let aws: AwsDeletionResult = {};
  if (inAws && listed) {
    aws = await deleteInAws(context, inAws, awsInput(inAws));
    await context.keyStore.remove(listed.fingerprint); // nothing is left to sign with
  }
  context.events?.didChangeKeys.fire();
  return { publicKeyId, ...aws };
});
