// The questions of where a new key's private half lives, asked by Create Key Pair (after the algorithm)
// and Rotate Key: this machine, AWS KMS, or a Secrets Manager secret (then its name). Each keeps its
// answer in the state, so Back shows it again.
import * as vscode from 'vscode';
import type { CreatableKeyStorage } from '../../keys/keyStorage';
import type { StepPosition, Ui } from '../../ui/ui';
import type { PromptStep } from '../../wizard/wizard';
import type { KeyMaterialState, KeyServicesOf } from './keyMaterialState';
import { kmsAliasFor, secretNameFor } from './remoteKeySteps';
import { kmsAliasTaken, secretNameTaken } from './keyStorageOptions';

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

/**
 * Asks where the private key of key `name` goes; `current` is shown picked. A new KMS key gets the
 * alias alias/cloudfront/<name>: when that alias exists, the KMS row says so and cannot be chosen (when
 * KMS cannot be asked, the step that creates the alias will say it).
 */
export function pickKeyStorage(ui: Ui, keys: KeyServicesOf, name: string, title: string, position: StepPosition | undefined, current: CreatableKeyStorage | undefined): Promise<CreatableKeyStorage> {
  let aliasTaken: string | undefined;
  return ui.pick<CreatableKeyStorage>({
    title,
    ...(position ? { position } : {}),
    placeholder: vscode.l10n.t('Where should the private key live?'),
    items: kmsAliasTaken(keys, name)
      .catch(() => undefined)
      .then((taken) => {
        aliasTaken = taken;
        return (['local', 'kms', 'secretsManager'] as const).map((kind) => ({
          label: KEY_STORAGE_LABELS[kind](),
          description: DESCRIPTIONS[kind](),
          ...(kind === 'kms' && taken ? { detail: taken } : {}),
          value: kind,
          picked: kind === (current ?? 'local'),
        }));
      }),
    validate: (value) => (value === 'kms' ? aliasTaken : undefined),
  });
}

/** The storage step, and for Secrets Manager the secret's name (default cloudfront/<name>). */
export function keyStoragePrompts<S extends KeyMaterialState & { interactive: boolean }>(keys: KeyServicesOf, title: string): PromptStep<S>[] {
  return [
    {
      shouldPrompt: (state) => state.interactive,
      prompt: async (state, ui, position) => {
        state.keyStorage = await pickKeyStorage(ui, keys, state.name!, title, position, state.keyStorage);
      },
    },
    {
      shouldPrompt: (state) => state.interactive && state.keyStorage === 'secretsManager',
      mayPrompt: (state) => state.interactive,
      prompt: async (state, ui, position) => {
        state.secretName = await ui.input({
          title,
          position,
          prompt: vscode.l10n.t('Name of the new Secrets Manager secret for the private key (Enter takes the one shown)'),
          ...(state.secretName ? { value: state.secretName } : {}),
          defaultValue: secretNameFor(state.name!),
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
