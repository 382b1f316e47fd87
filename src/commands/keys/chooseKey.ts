// Which key a key command acts on: the tree row it was run on, the public key id it was called with
// (positional, or `publicKeyId` of its options), or one the user picks. Ids that name nothing are
// refused by name, the same way for every command.
import * as vscode from 'vscode';
import type { CloudFrontService, KeyGroupSummary, PublicKeySummary } from '../../aws/cloudFrontService';
import { readAllPages } from '../../aws/readAllPages';
import { UserError } from '../../errors';
import type { LocalKey } from '../../keys/keyStore';
import { PublicKeyNode } from '../../tree/keyNodes';
import { LocalKeyNode } from '../../tree/localKeyNodes';
import { privateKeyPlace, privateKeyPlaces, type PrivateKeyPlace } from '../../ui/privateKeyPlace';
import type { Call } from '../options';
import type { KeyCommandContext } from './keyCommandContext';
import { readKeyGroups } from '../../aws/keyGroupDirectory';

/** Which key a call names: its answers' id, or the row or id the call was made with (undefined: pick one). */
export const keyOf = (call: Call<{ publicKeyId: string }>): unknown => call.answers.publicKeyId ?? call.context;

/** The id a person's call named: a string, trimmed (a row is handled by the caller). */
const givenId = (given: unknown): string | undefined => (typeof given === 'string' && given.trim() ? given.trim() : undefined);

/**
 * The public key `id` names, read from CloudFront's list (which every account can answer, and moto
 * too); one that is not there is refused by name, the same sentence for every command.
 */
export async function publicKeyById(context: KeyCommandContext, id: string): Promise<PublicKeySummary> {
  const service = await context.source.cloudFront();
  const found = (await readAllPages((marker) => service.listPublicKeys(marker))).find((k) => k.id === id);
  if (!found) throw new UserError(vscode.l10n.t('publicKeyId: no public key {0} in this account.', id), 'publicKeyId');
  return found;
}

/** The key group `id` names, likewise; `option` is the argument that named it. */
export async function keyGroupById(service: CloudFrontService, id: string, option = 'keyGroupId'): Promise<KeyGroupSummary> {
  const found = (await readKeyGroups(service)).find((g) => g.id === id);
  if (!found) throw new UserError(vscode.l10n.t('{0}: no key group {1} in this account.', option, id), option);
  return found;
}

/** A public key id: a CloudFront public key row, a local key row, the id given, or picked from CloudFront's list. */
export async function choosePublicKey(context: KeyCommandContext, given: unknown, placeholder: string): Promise<string> {
  if (given instanceof PublicKeyNode) return given.publicKey.id;
  if (given instanceof LocalKeyNode && given.localKey.publicKeyId) return given.localKey.publicKeyId;
  const id = givenId(given);
  if (id) return (await publicKeyById(context, id)).id;
  const service = await context.source.cloudFront();
  const keys: Promise<PublicKeySummary[]> = readAllPages((marker) => service.listPublicKeys(marker));
  return context.ui.pick({
    title: placeholder,
    placeholder,
    unattended: { missing: 'publicKeyId' },
    items: keys.then(async (list) => {
      const places = await placesOfPublicKeys(
        context,
        list.map((k) => k.id),
      );
      return list.map((k) => ({ label: k.name, description: [k.id, places.get(k.id)?.description ?? ''].filter(Boolean).join(' · '), value: k.id }));
    }),
  });
}

/**
 * Where the private key of each listed public key lives, by public key id, in the Keys view's words
 * (privateKeyPlace): every picker of keys says "this machine", "AWS KMS …", "Secrets Manager …" or "SSM …" alike.
 */
export async function placesOfPublicKeys(context: Pick<KeyCommandContext, 'keyStore'>, publicKeyIds: readonly string[]): Promise<Map<string, PrivateKeyPlace>> {
  const listed = publicKeyIds.flatMap((id) => {
    const key = context.keyStore.find(id);
    return key ? [{ id, key }] : [];
  });
  const places = await privateKeyPlaces(
    context.keyStore,
    listed.map(({ key }) => key),
  );
  return new Map(listed.map(({ id, key }) => [id, placeOf(places, key)]));
}

/** Where `key`'s private half lives, from `privateKeyPlaces` for keys that include it (else: not readable here). */
export const placeOf = (places: ReadonlyMap<string, PrivateKeyPlace>, key: LocalKey): PrivateKeyPlace => places.get(key.fingerprint) ?? privateKeyPlace(key, false);

/** A key stored on this machine: a row, its public key id, or picked from the stored keys. */
export async function chooseLocalKey(context: KeyCommandContext, given: unknown, placeholder: string): Promise<LocalKey> {
  if (given instanceof LocalKeyNode) return given.localKey;
  const id = given instanceof PublicKeyNode ? given.publicKey.id : givenId(given);
  if (id) {
    const found = context.keyStore.find(id);
    if (!found) throw new UserError(vscode.l10n.t('publicKeyId: no private key for {0} is stored on this machine.', id), 'publicKeyId');
    return found;
  }
  const keys = context.keyStore.list();
  if (keys.length === 0) throw new UserError(vscode.l10n.t('No private keys are stored on this machine: create or import one first.'));
  const places = await privateKeyPlaces(context.keyStore, keys);
  return context.ui.pick({
    title: placeholder,
    placeholder,
    unattended: { missing: 'publicKeyId' },
    items: keys.map((k) => ({
      label: k.name,
      description: [k.publicKeyId ?? vscode.l10n.t('not uploaded'), k.algorithm, placeOf(places, k).description].join(' · '),
      detail: k.fingerprint,
      value: k,
    })),
  });
}
