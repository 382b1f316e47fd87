// "Delete Local Key" removes a private key from SecretStorage (after a modal confirmation).
// "Delete Public Key" removes a public key from CloudFront, only when no key group holds it.
import * as vscode from 'vscode';
import { CancellationError } from '../../errors';
import { chooseLocalKey, choosePublicKey } from './chooseKey';
import type { KeyCommandContext } from './keyCommandContext';
import { isOptionsCall } from '../runCommand';
import { deletePublicKeyIfUnused, refuseIfHeld } from './keyGroupChanges';

export async function deleteLocalKey(context: KeyCommandContext, arg?: unknown): Promise<{ fingerprint: string }> {
  const key = await chooseLocalKey(context, arg, vscode.l10n.t('Private key to delete from this machine'));
  const go = await context.ui.confirm(
    vscode.l10n.t('Delete the private key {0} from this machine?', key.name),
    key.publicKeyId
      ? vscode.l10n.t('You can no longer sign URLs as {0} here. The public key stays in CloudFront; without another copy of the private key, nobody can sign with it again.', key.publicKeyId)
      : vscode.l10n.t('It was never uploaded to CloudFront.'),
    vscode.l10n.t('Delete'),
  );
  if (!go) throw new CancellationError();
  await context.keyStore.remove(key.fingerprint);
  context.refresh();
  return { fingerprint: key.fingerprint };
}

export async function deletePublicKey(context: KeyCommandContext, arg?: unknown): Promise<{ publicKeyId: string }> {
  const publicKeyId = await choosePublicKey(context, arg, vscode.l10n.t('Public key to delete from CloudFront'));
  const service = await context.source.cloudFront();
  await refuseIfHeld(service, publicKeyId);
  const local = context.keyStore.find(publicKeyId);
  // Asked from the palette or a row; an options call (`{ publicKeyId }`) has said what it wants.
  if (!isOptionsCall([arg])) {
    const go = await context.ui.confirm(
      vscode.l10n.t('Delete public key {0} from CloudFront?', publicKeyId),
      local ? vscode.l10n.t('Its private key stays on this machine, flagged, until you delete it too.') : vscode.l10n.t('This cannot be undone.'),
      vscode.l10n.t('Delete'),
    );
    if (!go) throw new CancellationError();
  }
  await deletePublicKeyIfUnused(service, publicKeyId);
  context.refresh();
  return { publicKeyId };
}
