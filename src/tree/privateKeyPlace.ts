// Where a listed key's private half lives, as the Keys view says it ("this machine", "AWS KMS alias/…",
// "Secrets Manager cloudfront/…", "SSM /…", "not available here") and the contextValue that lets the
// menus offer what fits: export and delete for a key here, unlist or delete in AWS for a key kept there,
// link for a public key with no private key this window can use.
import * as vscode from 'vscode';
import { ContextValues } from '../constants';
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

const PUBLIC_KEY_CONTEXT: Record<PrivateKeyPlaceKind, string> = {
  local: ContextValues.publicKeyWithPrivateKey,
  kms: ContextValues.publicKeyInKms,
  secretsManager: ContextValues.publicKeyInSecretsManager,
  ssm: ContextValues.publicKeyInSsm,
  unavailable: ContextValues.publicKeyUnavailable,
};

/** The contextValue of a CloudFront public key row. */
export const publicKeyContext = (place: PrivateKeyPlace | undefined): string => (place ? PUBLIC_KEY_CONTEXT[place.kind] : ContextValues.publicKey);

/** The contextValue of a listed key that CloudFront does not list. */
export const localKeyContext = (place: PrivateKeyPlace): string =>
  place.kind === 'local' ? ContextValues.localKey : place.kind === 'unavailable' ? ContextValues.localKeyUnavailable : ContextValues.localKeyInAws;

/** The row's icon: a lock for a key here, a cloud for one in AWS, a warning for one not available. */
export function placeIcon(place: PrivateKeyPlace | undefined): vscode.ThemeIcon {
  if (!place) return new vscode.ThemeIcon('key');
  if (place.kind === 'local') return new vscode.ThemeIcon('lock');
  if (place.kind === 'unavailable') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  return new vscode.ThemeIcon('cloud');
}
