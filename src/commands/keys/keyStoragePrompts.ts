// The questions of where a new key's private half lives, asked by Create Key Pair (after the algorithm)
// and Rotate Key: this machine, a new AWS KMS key, an existing KMS key that can sign for CloudFront, or
// a Secrets Manager secret (then its name). Each keeps its answer in the state, so Back shows it again.
import * as vscode from 'vscode';
import { KMS_KEY_SPEC } from '../../aws/kmsKeys';
import { kmsKeyProblem } from '../../aws/kmsSigner';
import { isKeyAlgorithm, type LocalKeyAlgorithm } from '../../keys/algorithms';
import { isAwsManagedAlias, kmsAliasFor, secretNameFor, type CreatableKeyStorage } from '../../keys/keyStorage';
import type { StepPosition, Ui, Unattended } from '../../ui/ui';
import { whenShown } from './whenShown';
import type { PromptStep } from '../../wizard/wizard';
import type { KeyMaterialState, KeyServicesOf } from './keyMaterialState';
import { kmsAliasTaken, nameOf, secretNameTaken, storageGiven, type KeyStorageOptions } from './keyStorageOptions';

export const KEY_STORAGE_LABELS: Record<CreatableKeyStorage, () => string> = {
  local: () => vscode.l10n.t('This machine (VS Code secret storage)'),
  kms: () => vscode.l10n.t('AWS KMS — the private key never leaves KMS'),
  secretsManager: () => vscode.l10n.t('AWS Secrets Manager — for your backend'),
};

const DESCRIPTIONS: Record<CreatableKeyStorage, () => string> = {
  local: () => vscode.l10n.t('signs here only'),
  kms: () => vscode.l10n.t('signs with kms:Sign (SHA-256), access by IAM, logged by CloudTrail'),
  secretsManager: () => vscode.l10n.t('your backend reads the PEM; no copy on this machine'),
};

/** Where the private key goes: a storage kind, and with 'kms' an existing key (its alias) or none (a new key). */
export interface KeyStorageChoice {
  readonly keyStorage: CreatableKeyStorage;
  readonly kmsKeyId?: string;
}

/** At most this many aliases are looked at (one DescribeKey each) when offering existing KMS keys. */
const MAX_ALIASES_DESCRIBED = 50;

/**
 * The account's KMS keys (by alias, in the profile's region) that can sign for CloudFront with
 * `algorithm`: enabled SIGN_VERIFY keys of the matching spec. AWS-managed aliases (alias/aws/…) are
 * never signing keys. A key without an alias can still be used with `kmsKeyId`, or linked.
 */
async function usableKmsKeys(keys: KeyServicesOf, algorithm: LocalKeyAlgorithm | undefined): Promise<Array<{ alias: string; spec: string }>> {
  if (!isKeyAlgorithm(algorithm)) return [];
  const kms = (await keys()).kms;
  const aliases = (await kms.aliases())
    .flatMap((alias) => (alias.targetKeyId && !isAwsManagedAlias(alias.name) ? [{ name: alias.name, targetKeyId: alias.targetKeyId }] : []))
    .slice(0, MAX_ALIASES_DESCRIBED);
  const described = await Promise.all(
    aliases.map((alias) =>
      kms.describe(alias.targetKeyId).then(
        (key) => [{ alias: alias.name, key }],
        () => [],
      ),
    ),
  );
  return described.flat().flatMap((found) => (!kmsKeyProblem(found.key, found.alias) && found.key.keySpec === KMS_KEY_SPEC[algorithm] ? [{ alias: found.alias, spec: found.key.keySpec }] : []));
}

/**
 * Asks where the private key of key `name` goes; `current` is shown picked. A new KMS key gets the
 * alias alias/cloudfront/<name>: when that alias exists, the new-key row says so and cannot be chosen
 * (when KMS cannot be asked, the step that creates the alias will say it). Existing KMS keys that can
 * sign with `algorithm` follow, each by its alias; when KMS cannot be listed there are none.
 */
export function pickKeyStorage(
  ui: Ui,
  keys: KeyServicesOf,
  name: string,
  algorithm: LocalKeyAlgorithm | undefined,
  title: string,
  position: StepPosition | undefined,
  current: KeyStorageChoice | undefined,
  unattended: Unattended<KeyStorageChoice>,
): Promise<KeyStorageChoice> {
  let aliasTaken: string | undefined;
  const choice = current ?? { keyStorage: 'local' };
  return ui.pick<KeyStorageChoice>({
    title,
    ...(position ? { position } : {}),
    placeholder: vscode.l10n.t('Where should the private key live?'),
    unattended,
    // Read when shown: a call nobody answers asks KMS nothing.
    items: whenShown(() =>
      Promise.all([kmsAliasTaken(keys, name).catch(() => undefined), usableKmsKeys(keys, algorithm).catch(() => [])]).then(([taken, existing]) => {
        aliasTaken = taken;
        return [
          ...(['local', 'kms', 'secretsManager'] as const).map((kind) => ({
            label: KEY_STORAGE_LABELS[kind](),
            description: DESCRIPTIONS[kind](),
            ...(kind === 'kms' && taken ? { detail: taken } : {}),
            value: { keyStorage: kind },
            picked: kind === choice.keyStorage && choice.kmsKeyId === undefined,
          })),
          ...existing.map(({ alias, spec }) => ({
            label: vscode.l10n.t('AWS KMS — existing key {0}', alias),
            description: vscode.l10n.t('{0}, enabled, SIGN_VERIFY', spec),
            value: { keyStorage: 'kms' as const, kmsKeyId: alias },
            picked: choice.kmsKeyId === alias,
          })),
        ];
      }),
    ),
    validate: (value) => (value.keyStorage === 'kms' && value.kmsKeyId === undefined ? aliasTaken : undefined),
  });
}

/** The storage step, and for Secrets Manager the secret's name (default cloudfront/<name>). */
export function keyStoragePrompts<S extends KeyMaterialState & { readonly given: KeyStorageOptions }>(keys: KeyServicesOf, title: string): PromptStep<S>[] {
  return [
    {
      // Nobody to ask: this machine.
      shouldPrompt: (state) => !storageGiven(state.given),
      prompt: async (state, ui, position) => {
        const current = state.keyStorage ? { keyStorage: state.keyStorage, ...(state.kmsKeyId ? { kmsKeyId: state.kmsKeyId } : {}) } : undefined;
        const choice = await pickKeyStorage(ui, keys, nameOf(state), state.algorithm, title, position, current, { answer: { keyStorage: 'local' } });
        state.keyStorage = choice.keyStorage;
        if (choice.kmsKeyId) state.kmsKeyId = choice.kmsKeyId;
        else delete state.kmsKeyId;
      },
    },
    {
      shouldPrompt: (state) => !storageGiven(state.given) && state.keyStorage === 'secretsManager',
      mayPrompt: (state) => !storageGiven(state.given),
      followsUp: true,
      prompt: async (state, ui, position) => {
        state.secretName = await ui.input({
          title,
          position,
          prompt: vscode.l10n.t('Name of the new Secrets Manager secret for the private key (Enter takes the one shown)'),
          ...(state.secretName ? { value: state.secretName } : {}),
          defaultValue: secretNameFor(nameOf(state)),
          unattended: { answer: secretNameFor(nameOf(state)) },
          validate: (value) => secretNameTaken(keys, value),
        });
      },
    },
  ];
}

/** One sentence for the end of a success message: where the private key is now. */
export function whereThePrivateKeyIs(state: KeyMaterialState): string {
  switch (state.keyStorage ?? 'local') {
    case 'kms':
      return vscode.l10n.t('Its private key is in AWS KMS ({0}) and never leaves it.', state.kmsAlias ?? state.kmsKeyId ?? state.kmsKeyArn ?? '');
    case 'secretsManager':
      return vscode.l10n.t('Its private key is in Secrets Manager secret {0}, and nowhere on this machine.', state.secretName ?? '');
    default:
      return vscode.l10n.t("Its private key is in VS Code's secret storage.");
  }
}

/** What will happen to the private key, for a confirm row. */
export function storagePlan(state: KeyMaterialState): string {
  switch (state.keyStorage ?? 'local') {
    case 'kms':
      return state.kmsKeyId
        ? vscode.l10n.t('KMS key {0} holds the private key; its public key goes to CloudFront.', state.kmsKeyId)
        : vscode.l10n.t('A new AWS KMS key ({0}) holds the private key; its public key goes to CloudFront.', kmsAliasFor(state.name ?? ''));
    case 'secretsManager':
      return vscode.l10n.t('Secrets Manager secret {0} holds the private key; the public key goes to CloudFront.', state.secretName ?? '');
    default:
      return vscode.l10n.t("The private key stays in VS Code's secret storage; the public key goes to CloudFront.");
  }
}
