// "Delete Local Key" removes a private key from SecretStorage. "Delete Public Key" removes a public key
// from CloudFront, only when no key group holds it. Both confirm (modal) when a person runs them — from
// the palette, a row or with the key's id — and never for automation (`{ publicKeyId }`), which has
// said what it wants.
import * as vscode from 'vscode';
import { CancellationError } from '../../errors';
import { defineCommandIn, optionsObject, publicKeyIdEntry, type Call } from '../options';
import { chooseLocalKey, choosePublicKey, keyOf } from './chooseKey';
import type { KeyCommandContext } from './keyCommandContext';
import { deletePublicKeyIfUnused, refuseIfHeld } from './keyGroupChanges';

export const KeyIdOptions = optionsObject(publicKeyIdEntry);
type KeyCall = Call<{ publicKeyId: string }>;

/** A person confirms a deletion; automation does not (it has said what it wants). */
async function confirmDeletion(context: KeyCommandContext, call: KeyCall, message: string, detail: string): Promise<void> {
  if (call.kind === 'automation') return;
  if (!(await context.ui.confirm(message, detail, vscode.l10n.t('Delete')))) throw new CancellationError();
}

export const deleteLocalKey = defineCommandIn(KeyIdOptions, async (context: KeyCommandContext, call): Promise<{ fingerprint: string }> => {
  const key = await chooseLocalKey(context, keyOf(call), vscode.l10n.t('Private key to delete from this machine'));
  await confirmDeletion(
    context,
    call,
    vscode.l10n.t('Delete the private key {0} from this machine?', key.name),
    key.publicKeyId
      ? vscode.l10n.t('You can no longer sign URLs as {0} here. The public key stays in CloudFront; without another copy of the private key, nobody can sign with it again.', key.publicKeyId)
      : vscode.l10n.t('It was never uploaded to CloudFront.'),
  );
  await context.keyStore.remove(key.fingerprint);
  context.events?.didChangeKeys.fire();
  return { fingerprint: key.fingerprint };
});

export const deletePublicKey = defineCommandIn(KeyIdOptions, async (context: KeyCommandContext, call): Promise<{ publicKeyId: string }> => {
  const publicKeyId = await choosePublicKey(context, keyOf(call), vscode.l10n.t('Public key to delete from CloudFront'));
  const service = await context.source.cloudFront();
  await refuseIfHeld(service, publicKeyId);
  await confirmDeletion(
    context,
    call,
    vscode.l10n.t('Delete public key {0} from CloudFront?', publicKeyId),
    context.keyStore.find(publicKeyId) ? vscode.l10n.t('Its private key stays on this machine, flagged, until you delete it too.') : vscode.l10n.t('This cannot be undone.'),
  );
  await deletePublicKeyIfUnused(service, publicKeyId);
  context.events?.didChangeKeys.fire();
  return { publicKeyId };
});
