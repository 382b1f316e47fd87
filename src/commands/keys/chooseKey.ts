// Which key a key command acts on: the tree row it was run on, the public key id it was called with
// (a string, or `publicKeyId` in its options), or one the user picks.
import * as vscode from 'vscode';
import type { PublicKeySummary } from '../../aws/cloudFrontService';
import { readAllPages } from '../../aws/readAllPages';
import { UserError } from '../../errors';
import type { LocalKey } from '../../keys/keyStore';
import { PublicKeyNode } from '../../tree/keyNodes';
import { LocalKeyNode } from '../../tree/localKeyNodes';
import type { KeyCommandContext } from './keyCommandContext';

function optionalId(arg: unknown): string | undefined {
  if (arg === undefined) return undefined;
  const id = typeof arg === 'string' ? arg.trim() : (arg as { publicKeyId?: unknown }).publicKeyId;
  if (typeof id !== 'string' || !id) throw new UserError(vscode.l10n.t('publicKeyId is required.'), 'publicKeyId');
  return id;
}

/** A public key id: a CloudFront public key row, a local key row, the id, `{ publicKeyId }`, or picked from CloudFront's list. */
export async function choosePublicKey(context: KeyCommandContext, arg: unknown, placeholder: string): Promise<string> {
  if (arg instanceof PublicKeyNode) return arg.publicKey.id;
  if (arg instanceof LocalKeyNode && arg.localKey.publicKeyId) return arg.localKey.publicKeyId;
  const id = optionalId(arg);
  if (id) return id;
  const service = await context.source.cloudFront();
  const keys: Promise<PublicKeySummary[]> = readAllPages((marker) => service.listPublicKeys(marker));
  return context.ui.pick({
    title: placeholder,
    placeholder,
    items: keys.then((list) =>
      list.map((k) => ({
        label: k.name,
        description: [k.id, context.keyStore.find(k.id) ? vscode.l10n.t('private key on this machine') : ''].filter(Boolean).join(' · '),
        value: k.id,
      })),
    ),
  });
}

/** A key stored on this machine: a row, its public key id, `{ publicKeyId }`, or picked from the stored keys. */
export async function chooseLocalKey(context: KeyCommandContext, arg: unknown, placeholder: string): Promise<LocalKey> {
  if (arg instanceof LocalKeyNode) return arg.localKey;
  const id = arg instanceof PublicKeyNode ? arg.publicKey.id : optionalId(arg);
  if (id) {
    const found = context.keyStore.find(id);
    if (!found) throw new UserError(vscode.l10n.t('publicKeyId: no private key for {0} is stored on this machine.', id), 'publicKeyId');
    return found;
  }
  const keys = context.keyStore.list();
  if (keys.length === 0) throw new UserError(vscode.l10n.t('No private keys are stored on this machine: create or import one first.'));
  return context.ui.pick({
    title: placeholder,
    placeholder,
    items: keys.map((k) => ({ label: k.name, description: [k.publicKeyId ?? vscode.l10n.t('not uploaded'), k.algorithm].join(' · '), detail: k.fingerprint, value: k })),
  });
}
