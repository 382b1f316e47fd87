// "CloudFront: Create Key Pair": from nothing to a key group (and optionally protected behaviors) with
// the private key in SecretStorage, in AWS KMS or in a Secrets Manager secret. Without arguments it asks (prompts.ts); with
// CreateKeyPairOptions `{ name, algorithm, keyGroupName | keyGroupId, distributionId?, pathPatterns?,
// keyStorage?, kmsKeyId?, secretName?, secretKmsKeyId? }` it asks nothing, checks every option before
// changing anything, and returns `{ publicKeyId, keyGroupId, keyStorage, kmsKeyArn?, secretArn? }`. With a
// key group row or a key group id it asks everything but the key group: the new key goes into that one.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { behaviorPatterns } from '../../../aws/trustedKeyGroups';
import { Commands } from '../../../constants';
import { UserError } from '../../../errors';
import { KeyGroupNode } from '../../../tree/keyNodes';
import { recorded, runPrompts } from '../../../wizard/wizard';
import { defineAskingCommandIn, optionalText, optionsObject, positionalText, required } from '../../options';
import { keyGroupById } from '../chooseKey';
import { keyRecovery, type KeyCommandContext } from '../keyCommandContext';
import { algorithmOption, nameOption } from '../keyOptions';
import { keyStorageEntries, readKeyStorageOptions, storageGiven } from '../keyStorageOptions';
import { executeWithRecovery } from '../../../wizard/recovery';
import { createKeyPairExecutes } from './executes';
import { keyGroupFullProblem } from '../keyGroupChanges';
import { behaviorLabel, createKeyPairPrompts, nameProblem, WizardLookups } from './prompts';
import { whereThePrivateKeyIs } from '../keyStoragePrompts';
import { answeredRun, type CreateKeyPairGiven, type CreateKeyPairResult, type CreateKeyPairState, type KeyGroupChoice } from './state';

const pathPatternsRequired = () => vscode.l10n.t('pathPatterns must list the path patterns of the behaviors to restrict (* for the default behavior).');

export const CreateKeyPairOptions = v.pipe(
  optionsObject({
    name: required(
      nameOption('name', () => vscode.l10n.t('public key')),
      () => `name: ${nameProblem('', vscode.l10n.t('public key'))}`,
    ),
    algorithm: required(algorithmOption, () => vscode.l10n.t('algorithm must be RSA_2048 or ECDSA_P256.')),
    /** A new key group of this name… */
    keyGroupName: v.optional(nameOption('keyGroupName', () => vscode.l10n.t('key group'))),
    /** …or an existing key group. */
    keyGroupId: optionalText('keyGroupId'),
    distributionId: optionalText('distributionId'),
    /** `*` names the default cache behavior. */
    pathPatterns: v.optional(v.array(v.string(), pathPatternsRequired)),
    /** Where the private key lives (default 'local'), and the KMS key or secret for it. */
    ...keyStorageEntries,
  }),
  v.forward(
    v.check(
      (o) => (o.keyGroupId === undefined) !== (o.keyGroupName === undefined),
      () => vscode.l10n.t('Pass either keyGroupName (a new key group) or keyGroupId (an existing one).'),
    ),
    ['keyGroupName'],
  ),
  v.forward(
    v.check(
      (o) => o.pathPatterns === undefined || o.distributionId !== undefined,
      () => vscode.l10n.t('pathPatterns needs distributionId.'),
    ),
    ['distributionId'],
  ),
  v.forward(
    v.check((o) => o.distributionId === undefined || (o.pathPatterns?.length ?? 0) > 0, pathPatternsRequired),
    ['pathPatterns'],
  ),
);
type CreateKeyPairOptions = v.InferOutput<typeof CreateKeyPairOptions>;

export const createKeyPair = defineAskingCommandIn(CreateKeyPairOptions, async (context: KeyCommandContext, call): Promise<CreateKeyPairResult> => {
  const service = () => context.source.cloudFront();
  const keys = (region?: string) => context.source.keyServices(region);
  const lookups = new WizardLookups(service);
  // Called on a key group (its row or id): the wizard puts the key there and does not ask.
  const rowGroup = call.context instanceof KeyGroupNode ? call.context.keyGroup.id : positionalText(call.context);
  const given: CreateKeyPairGiven = { ...call.answers, ...(rowGroup ? { keyGroupId: rowGroup } : {}) };
  const state: CreateKeyPairState = { given, done: [], ...(context.source.profile ? { profile: context.source.profile } : {}) };
  await readGiven(state, given, lookups);
  // Where the private key goes, when the call said it: checked before anything is asked once the name is known.
  const checkStorage = () => readKeyStorageOptions(state, given, keys, context.source.profile);
  if (storageGiven(given) && state.name !== undefined) await checkStorage();
  await runPrompts(state, createKeyPairPrompts(lookups, keys), context.ui);
  if (storageGiven(given) && given.name === undefined) await checkStorage();

  const run = answeredRun(state);
  await executeWithRecovery(keyRecovery(context), vscode.l10n.t('Creating key pair {0}', run.name), run, createKeyPairExecutes(service, context.keyStore, keys));
  state.key = undefined; // the private key now lives in SecretStorage, KMS or its secret only
  context.events?.didChangeKeys.fire();
  const result = createKeyPairResult(state);
  context.log.info(`[keys] created public key ${result.publicKeyId} in key group ${result.keyGroupId}, private key: ${result.keyStorage}`);
  // The key group now holds the new local key, and the chosen behaviors trust that group.
  if (state.distributionId && state.pathPatterns?.length) context.events?.didRestrictBehaviors.fire();
  const sign = vscode.l10n.t('Sign a URL now');
  // The URL box starts on the first behavior the key now protects, not empty.
  const restricted = state.distributionId ? { distributionId: state.distributionId, pathPattern: state.pathPatterns?.[0] } : {};
  void context.ui
    .notify('info', createdMessage(state, result), sign)
    .then((choice) => (choice === sign ? vscode.commands.executeCommand(Commands.signUrl, { interactive: true, keyPairId: result.publicKeyId, ...restricted }) : undefined));
  return result;
});

/** "Created key media-2026 (K…) in new key group media-signers (KG…); /paid/* of E… now require signed URLs. …" */
export function createdMessage(state: CreateKeyPairState, result: CreateKeyPairResult): string {
  const key = `${state.name ?? ''} (${result.publicKeyId})`;
  const group = `${state.keyGroup?.name ?? ''} (${result.keyGroupId})`;
  const created = state.keyGroup?.kind === 'new' ? vscode.l10n.t('Created key {0} in new key group {1}.', key, group) : vscode.l10n.t('Created key {0} in key group {1}.', key, group);
  const patterns = state.pathPatterns ?? [];
  const restricted =
    state.distributionId && patterns.length
      ? ` ${vscode.l10n.t('{0} of distribution {1} now require URLs or cookies signed with a key of {2}.', patterns.map(behaviorLabel).join(', '), state.distributionId, state.keyGroup?.name ?? '')}`
      : '';
  return `${created}${restricted} ${whereThePrivateKeyIs(state)}`;
}

/** What the command returns: the ids, and where the private key is. */
export function createKeyPairResult(state: CreateKeyPairState): CreateKeyPairResult {
  return {
    publicKeyId: recorded(state, 'publicKeyId', 'upload'),
    keyGroupId: recorded(state, 'keyGroupId', 'keyGroup'),
    keyStorage: state.keyStorage ?? 'local',
    ...(state.kmsKeyArn ? { kmsKeyArn: state.kmsKeyArn } : {}),
    ...(state.secretArn ? { secretArn: state.secretArn } : {}),
  };
}

/** The key group `keyGroupId` names, refused by name when the account has none such or it is full. */
async function existingKeyGroup(lookups: WizardLookups, keyGroupId: string): Promise<KeyGroupChoice> {
  const group = await keyGroupById(await lookups.service(), keyGroupId);
  const full = keyGroupFullProblem(group);
  if (full) throw new UserError(full, 'keyGroupId');
  return { kind: 'existing', id: group.id, name: group.name };
}

/**
 * Fills the state from the answers the call gave, refusing what the account contradicts before
 * anything is asked or changed. `{ interactive: true, distributionId, pathPatterns }` (a sign
 * command's "Create Key Pair for /paid/*") starts the distribution and behaviors chosen.
 */
async function readGiven(state: CreateKeyPairState, options: CreateKeyPairGiven, lookups: WizardLookups): Promise<void> {
  if (options.name !== undefined) {
    if ((await lookups.existingPublicKeyNames()).has(options.name)) throw new UserError(vscode.l10n.t('name: a public key named {0} already exists.', options.name), 'name');
    state.name = options.name;
  }
  if (options.algorithm !== undefined) state.algorithm = options.algorithm;
  const { keyGroupId, keyGroupName } = options;
  if (keyGroupId !== undefined) {
    state.keyGroup = await existingKeyGroup(lookups, keyGroupId);
  } else if (keyGroupName !== undefined) {
    if ((await lookups.allKeyGroups()).some((g) => g.name === keyGroupName)) {
      throw new UserError(vscode.l10n.t('keyGroupName: a key group named {0} already exists.', keyGroupName), 'keyGroupName');
    }
    state.keyGroup = { kind: 'new', name: keyGroupName };
  }

  const { distributionId, pathPatterns } = options;
  if (distributionId === undefined) return;
  state.distributionId = distributionId;
  if (!pathPatterns) return;
  let known: string[];
  try {
    known = behaviorPatterns((await (await lookups.service()).getDistributionConfig(distributionId)).value);
  } catch (error) {
    throw new UserError(vscode.l10n.t('distributionId: cannot read distribution {0}: {1}', distributionId, error instanceof Error ? error.message : String(error)), 'distributionId');
  }
  const unknown = pathPatterns.find((p) => !known.includes(p));
  if (unknown !== undefined) {
    throw new UserError(vscode.l10n.t('pathPatterns: distribution {0} has no cache behavior {1}; it has {2}.', distributionId, unknown, known.join(', ')), 'pathPatterns');
  }
  state.pathPatterns = [...pathPatterns];
}
