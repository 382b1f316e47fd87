// The Keys view's rows for a key's private half: the contextValue that lets the menus offer what fits
// (export and delete for a key here, unlist or delete in AWS for a key kept there, link for a public
// key with no private key this window can use) and the icon. The words are src/ui/privateKeyPlace.ts.
import * as vscode from 'vscode';
import { ContextValues } from '../constants';
import type { PrivateKeyPlace, PrivateKeyPlaceKind } from '../ui/privateKeyPlace';

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
