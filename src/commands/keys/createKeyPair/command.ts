// "CloudFront: Create Key Pair": from nothing to a key group (and optionally protected behaviors) with
// the private key only in SecretStorage. Without arguments it asks (prompts.ts); with
// `{ name, algorithm, keyGroupName | keyGroupId, distributionId?, pathPatterns? }` it asks nothing,
// checks every argument before changing anything, and returns `{ publicKeyId, keyGroupId }`. With a
// key group row or a key group id it asks everything but the key group: the new key goes into that one.
import * as vscode from 'vscode';
import { behaviorPatterns } from '../../../aws/trustedKeyGroups';
import { Commands } from '../../../constants';
import { UserError } from '../../../errors';
import { isKeyAlgorithm } from '../../../keys/algorithms';
import { KeyGroupNode } from '../../../tree/keyNodes';
import { runPrompts } from '../../../wizard/wizard';
import type { KeyCommandContext } from '../keyCommandContext';
import { executeWithRecovery } from '../runSteps';
import { createKeyPairExecutes } from './executes';
import { keyGroupFullProblem } from '../keyGroupChanges';
import { createKeyPairPrompts, nameProblem, WizardLookups } from './prompts';
import type { CreateKeyPairArgs, CreateKeyPairResult, CreateKeyPairState, KeyGroupChoice } from './state';

export async function createKeyPair(context: KeyCommandContext, args?: unknown): Promise<CreateKeyPairResult> {
  const service = () => context.source.cloudFront();
  const lookups = new WizardLookups(service);
  const givenGroup = args instanceof KeyGroupNode ? args.keyGroup.id : typeof args === 'string' ? args.trim() : undefined;
  const interactive = args === undefined || givenGroup !== undefined;
  const state: CreateKeyPairState = { interactive, done: [], ...(context.source.profile ? { profile: context.source.profile } : {}) };
  if (givenGroup !== undefined) {
    state.keyGroup = await existingKeyGroup(lookups, givenGroup);
    state.keyGroupGiven = true;
  }
  if (!interactive) await readArgs(state, args, lookups);
  await runPrompts(state, createKeyPairPrompts(lookups), context.ui);

  await executeWithRecovery(context, vscode.l10n.t('Creating key pair {0}', state.name!), state, createKeyPairExecutes(service, context.keyStore), interactive);
  state.key = undefined; // the private key now lives in SecretStorage only
  context.refresh();
  const result = { publicKeyId: state.publicKeyId!, keyGroupId: state.keyGroupId! };
  context.log.info(`[keys] created public key ${result.publicKeyId} in key group ${result.keyGroupId}`);
  // The key group now holds the new local key, and the chosen behaviors trust that group.
  if (state.distributionId && state.pathPatterns?.length) context.progress?.reached('behaviorRestricted');
  if (interactive) {
    const sign = vscode.l10n.t('Sign a URL now');
    void context.ui
      .notify('info', vscode.l10n.t('Created public key {0} in key group {1}; its private key is in VS Code\'s secret storage.', result.publicKeyId, result.keyGroupId), sign)
      .then((choice) => (choice === sign ? vscode.commands.executeCommand(Commands.signUrl, { keyPairId: result.publicKeyId }) : undefined));
  }
  return result;
}

/** The key group `keyGroupId` names, refused by name when the account has none such or it is full. */
async function existingKeyGroup(lookups: WizardLookups, keyGroupId: string): Promise<KeyGroupChoice> {
  const group = (await lookups.allKeyGroups()).find((g) => g.id === keyGroupId);
  if (!group) throw new UserError(vscode.l10n.t('keyGroupId: no key group {0} in this account.', keyGroupId), 'keyGroupId');
  const full = keyGroupFullProblem(group);
  if (full) throw new UserError(full, 'keyGroupId');
  return { kind: 'existing', id: group.id, name: group.name };
}

/** Fills the state from arguments, rejecting the first bad one by name before anything changes. */
async function readArgs(state: CreateKeyPairState, args: unknown, lookups: WizardLookups): Promise<void> {
  const a = (args ?? {}) as Partial<Record<keyof CreateKeyPairArgs, unknown>>;
  const text = (input: keyof CreateKeyPairArgs): string | undefined => {
    const value = a[input];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new UserError(vscode.l10n.t('{0} must be a string.', input), input);
    return value;
  };
  const name = text('name') ?? '';
  const problem = nameProblem(name, vscode.l10n.t('public key'));
  if (problem) throw new UserError(`name: ${problem}`, 'name');
  if ((await lookups.existingPublicKeyNames()).has(name)) throw new UserError(vscode.l10n.t('name: a public key named {0} already exists.', name), 'name');
  state.name = name;

  if (!isKeyAlgorithm(a.algorithm)) throw new UserError(vscode.l10n.t('algorithm must be RSA_2048 or ECDSA_P256.'), 'algorithm');
  state.algorithm = a.algorithm;

  const keyGroupId = text('keyGroupId');
  const keyGroupName = text('keyGroupName');
  if ((keyGroupId === undefined) === (keyGroupName === undefined)) {
    throw new UserError(vscode.l10n.t('Pass either keyGroupName (a new key group) or keyGroupId (an existing one).'), 'keyGroupName');
  }
  if (keyGroupId !== undefined) {
    state.keyGroup = await existingKeyGroup(lookups, keyGroupId);
  } else {
    const groups = await lookups.allKeyGroups();
    const groupProblem = nameProblem(keyGroupName!, vscode.l10n.t('key group'));
    if (groupProblem) throw new UserError(`keyGroupName: ${groupProblem}`, 'keyGroupName');
    if (groups.some((g) => g.name === keyGroupName)) throw new UserError(vscode.l10n.t('keyGroupName: a key group named {0} already exists.', keyGroupName!), 'keyGroupName');
    state.keyGroup = { kind: 'new', name: keyGroupName! };
  }

  const distributionId = text('distributionId');
  const patterns = a.pathPatterns;
  if (distributionId === undefined) {
    if (patterns !== undefined) throw new UserError(vscode.l10n.t('pathPatterns needs distributionId.'), 'distributionId');
    return;
  }
  if (!Array.isArray(patterns) || patterns.length === 0 || patterns.some((p) => typeof p !== 'string')) {
    throw new UserError(vscode.l10n.t('pathPatterns must list the path patterns of the behaviors to restrict (* for the default behavior).'), 'pathPatterns');
  }
  let known: string[];
  try {
    known = behaviorPatterns((await (await lookups.service()).getDistributionConfig(distributionId)).value);
  } catch (error) {
    throw new UserError(vscode.l10n.t('distributionId: cannot read distribution {0}: {1}', distributionId, error instanceof Error ? error.message : String(error)), 'distributionId');
  }
  const unknown = (patterns as string[]).find((p) => !known.includes(p));
  if (unknown !== undefined) {
    throw new UserError(vscode.l10n.t('pathPatterns: distribution {0} has no cache behavior {1}; it has {2}.', distributionId, unknown, known.join(', ')), 'pathPatterns');
  }
  state.distributionId = distributionId;
  state.pathPatterns = patterns as string[];
}
