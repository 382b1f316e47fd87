// "CloudFront: Rotate Key" in two stages, within CloudFront's 5 keys per key group:
//   1. a new key pair into the same group, made the default signer (the old key keeps verifying the
//      URLs already handed out);
//   2. later, once those URLs have expired, `{ keyGroupId, removePublicKeyId }` (or "Remove Old Key
//      Now") takes the old key out of the group, deletes it from CloudFront when no other group holds
//      it, and deletes its local private key.
// The new private key lives where the caller says (keyStorage; a person picks), by default where the old
// one did. A full group is refused: finish an earlier rotation first. Called with a key group row or a key
// group id it rotates that group's key interactively, without asking which group.
import * as v from 'valibot';
import * as vscode from 'vscode';
import type { KeyGroupSummary } from '../../aws/cloudFrontService';
import { UserError } from '../../errors';
import { isKeyAlgorithm } from '../../keys/algorithms';
import type { CreatableKeyStorage } from '../../keys/keyStorage';
import { KEYS_PER_KEY_GROUP, RESOURCE_NAME_MAX_LENGTH } from '../../cloudfront/rules';
import { KeyGroupNode } from '../../tree/keyNodes';
import { createKeyPairExecutes } from './createKeyPair/executes';
import { defineAskingCommandIn, optionalText, optionsObject, positionalText, requiredText } from '../options';
import { keyGroupById } from './chooseKey';
import { keyGroupFullProblem } from './keyGroupChanges';
import { answeredRun, type CreateKeyPairState } from './createKeyPair/state';
import { keyRecovery, type KeyCommandContext } from './keyCommandContext';
import { algorithmOption, nameOption } from './keyOptions';
import { deletePublicKeyNow, removeFromKeyGroup } from './keyGroupChanges';
import { keyStorageEntries, readKeyStorageOptions, storageGiven } from './keyStorageOptions';
import { pickKeyStorage } from './keyStoragePrompts';
import { executeWithRecovery } from '../../wizard/recovery';
import { recorded } from '../../wizard/wizard';
import { keyGroupsHolding, readKeyGroups } from '../../aws/keyGroupDirectory';

export const RotateKeyOptions = optionsObject({
  keyGroupId: requiredText('keyGroupId', () => vscode.l10n.t('keyGroupId is required.')),
  name: v.optional(nameOption('name', () => vscode.l10n.t('public key'))),
  algorithm: v.optional(algorithmOption),
  /** Stage 2: the old public key to take out of the group. */
  removePublicKeyId: optionalText('removePublicKeyId'),
  /** Where the new private key lives; default: where the old one does (this machine for a linked SSM key). */
  ...keyStorageEntries,
});

export interface RotateKeyResult {
  keyGroupId: string;
  publicKeyId?: string;
  /** Where the new private key lives. */
  keyStorage?: CreatableKeyStorage;
  kmsKeyArn?: string;
  secretArn?: string;
  previousPublicKeyId?: string;
  removedPublicKeyId?: string;
}

/** The group a call names: its row (read afresh), its id (positional or `keyGroupId`), or picked. */
async function chooseKeyGroup(context: KeyCommandContext, given: unknown): Promise<KeyGroupSummary> {
  const service = await context.source.cloudFront();
  if (given instanceof KeyGroupNode) return (await service.getKeyGroup(given.keyGroup.id)).value;
  const id = positionalText(given);
  if (id) return keyGroupById(service, id);
  return context.ui.pick({
    unattended: { missing: 'keyGroupId' },
    title: vscode.l10n.t('Rotate Key'),
    placeholder: vscode.l10n.t('Key group whose signing key to rotate'),
    items: readKeyGroups(service).then((groups) => groups.map((g) => ({ label: g.name, description: vscode.l10n.t('{0} of {1} keys used', g.publicKeyIds.length, KEYS_PER_KEY_GROUP), value: g }))),
  });
}

export const rotateKey = defineAskingCommandIn(RotateKeyOptions, async (context: KeyCommandContext, call): Promise<RotateKeyResult> => {
  const answers = call.answers;
  const group = await chooseKeyGroup(context, answers.keyGroupId ?? call.context);
  if (answers.removePublicKeyId !== undefined) return removeOldKey(context, group, answers.removePublicKeyId);

  const full = keyGroupFullProblem(group);
  if (full) throw new UserError(full, 'keyGroupId');
  const previous = context.keyStore.defaultSigner(group.id) ?? context.keyStore.list().find((k) => k.publicKeyId && group.publicKeyIds.includes(k.publicKeyId));
  const algorithm = answers.algorithm ?? (previous?.algorithm && isKeyAlgorithm(previous.algorithm) ? previous.algorithm : 'RSA_2048');
  const name = answers.name ?? `${group.name}-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}`.slice(0, RESOURCE_NAME_MAX_LENGTH);

  const state: CreateKeyPairState = {
    given: {},
    done: [],
    name,
    algorithm,
    keyGroup: { kind: 'existing', id: group.id, name: group.name },
    ...(context.source.profile ? { profile: context.source.profile } : {}),
  };
  const keys = (region?: string) => context.source.keyServices(region);
  // A linked SSM parameter is never created: its successor lives on this machine unless asked otherwise.
  const previousStorage = previous?.storage?.kind ?? 'local';
  const usual = previousStorage === 'ssm' ? 'local' : previousStorage;
  // Asked unless given (by keyStorage or the options that go with it); nobody to ask: where the old one was.
  const choice = storageGiven(answers)
    ? { keyStorage: answers.keyStorage ?? usual }
    : await pickKeyStorage(context.ui, keys, name, algorithm, vscode.l10n.t('Rotate Key'), undefined, { keyStorage: usual }, { answer: { keyStorage: usual } });
  const keyStorage = choice.keyStorage;
  await readKeyStorageOptions(state, { ...answers, ...choice }, keys, context.source.profile);
  const steps = createKeyPairExecutes(() => context.source.cloudFront(), context.keyStore, keys);
  await executeWithRecovery(keyRecovery(context), vscode.l10n.t('Rotating the key of {0}', group.name), answeredRun(state), steps);
  await context.keyStore.setDefaultSigner(group.id, recorded(state, 'key', 'generate').fingerprint);
  state.key = undefined;
  context.events?.didChangeKeys.fire();
  const publicKeyId = recorded(state, 'publicKeyId', 'upload');
  const previousPublicKeyId = previous?.publicKeyId;
  const result: RotateKeyResult = {
    keyGroupId: group.id,
    publicKeyId,
    keyStorage,
    ...(state.kmsKeyArn ? { kmsKeyArn: state.kmsKeyArn } : {}),
    ...(state.secretArn ? { secretArn: state.secretArn } : {}),
    ...(previousPublicKeyId ? { previousPublicKeyId } : {}),
  };
  if (previousPublicKeyId) {
    const removeNow = vscode.l10n.t('Remove Old Key Now');
    void context.ui
      .notify('info', vscode.l10n.t('{0} now signs for key group {1}. Remove the old key {2} once the URLs signed with it have expired.', publicKeyId, group.name, previousPublicKeyId), removeNow)
      .then((choice) => (choice === removeNow ? removeOldKey(context, group, previousPublicKeyId) : undefined));
  }
  return result;
});

async function removeOldKey(context: KeyCommandContext, group: KeyGroupSummary, publicKeyId: string): Promise<RotateKeyResult> {
  if (!group.publicKeyIds.includes(publicKeyId)) {
    throw new UserError(vscode.l10n.t('removePublicKeyId: key group {0} does not hold public key {1}.', group.name, publicKeyId), 'removePublicKeyId');
  }
  const local = context.keyStore.find(publicKeyId);
  if (local?.defaultSignerFor.includes(group.id)) {
    throw new UserError(vscode.l10n.t('removePublicKeyId: {0} is the default signer of key group {1}; rotate to a new key first.', publicKeyId, group.name), 'removePublicKeyId');
  }
  const service = await context.source.cloudFront();
  await removeFromKeyGroup(service, group.id, publicKeyId);
  if ((await keyGroupsHolding(service, publicKeyId)).length === 0) {
    await deletePublicKeyNow(service, publicKeyId);
    if (local) await context.keyStore.remove(local.fingerprint);
  }
  context.events?.didChangeKeys.fire();
  return { keyGroupId: group.id, removedPublicKeyId: publicKeyId };
}
