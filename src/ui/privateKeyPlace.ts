// Where a listed key's private half lives, in the words the Keys view and the signed-URL hover both show
// ("this machine", "AWS KMS alias/…", "Secrets Manager cloudfront/…", "SSM /…", "not available here").
// The rows' icons and contextValues are the tree's (src/tree/privateKeyPlace.ts).
import * as vscode from 'vscode';
import type { LocalKey, MutableKeyStore } from '../keys/keyStore';
import { LOCAL_STORAGE } from '../keys/keyStorage';

export type PrivateKeyPlaceKind = 'local' | 'kms' | 'secretsManager' | 'ssm' | 'unavailable';

export interface PrivateKeyPlace {
  readonly kind: PrivateKeyPlaceKind;
  /** "this machine", "AWS KMS alias/media", … */
  readonly label: string;
  /** The whole of it: "private key on this machine", "private key in AWS KMS alias/media", … (tooltips, hovers). */
  readonly description: string;
  /**
   * The row's words, first in its description and short enough never to be cut off at the default
   * side bar width: "this machine", "KMS", "Secrets Manager", "SSM", "not here". The tooltip says the rest.
   */
  readonly short: string;
}

/** Where `key` signs from; a local key whose PEM this window cannot read (another window's, VS Code for the Web) is not available here. */
export function privateKeyPlace(key: LocalKey, readableHere: boolean): PrivateKeyPlace {
  const storage = key.storage ?? LOCAL_STORAGE;
  switch (storage.kind) {
    case 'kms':
      return inAws('kms', vscode.l10n.t('AWS KMS {0}', storage.alias ?? storage.keyArn), vscode.l10n.t('KMS'));
    case 'secretsManager':
      return inAws('secretsManager', vscode.l10n.t('Secrets Manager {0}', storage.secretName), vscode.l10n.t('Secrets Manager'));
    case 'ssm':
      return inAws('ssm', vscode.l10n.t('SSM {0}', storage.parameterName), vscode.l10n.t('SSM'));
    default:
      return readableHere
        ? { kind: 'local', label: vscode.l10n.t('this machine'), description: vscode.l10n.t('private key on this machine'), short: vscode.l10n.t('this machine') }
        : { kind: 'unavailable', label: vscode.l10n.t('not available here'), description: vscode.l10n.t('private key not available here'), short: vscode.l10n.t('not here') };
  }
}

const inAws = (kind: 'kms' | 'secretsManager' | 'ssm', label: string, short: string): PrivateKeyPlace => ({ kind, label, description: vscode.l10n.t('private key in {0}', label), short });

/** The place of every listed key, by fingerprint (a local key's secret is read to know it is here). */
export async function privateKeyPlaces(keyStore: Pick<MutableKeyStore, 'hasPrivateKey'>, keys: readonly LocalKey[]): Promise<Map<string, PrivateKeyPlace>> {
  const entries = await Promise.all(
    keys.map(async (key) => {
      const local = (key.storage ?? LOCAL_STORAGE).kind === 'local';
      return [key.fingerprint, privateKeyPlace(key, local && (await keyStore.hasPrivateKey(key.fingerprint)))] as const;
    }),
  );
  return new Map(entries);
}
