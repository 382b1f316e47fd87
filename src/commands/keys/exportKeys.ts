// "Export Public Key" writes the SubjectPublicKeyInfo PEM (from CloudFront, or derived from the local
// private key for a legacy key pair). "Export Private Key" is the one way a private key leaves
// SecretStorage: only on request, after a modal warning, to a file the user chooses, owner-only
// readable. RSA keys are written as PKCS#1, ECDSA keys as SEC1.
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { CancellationError, UserError } from '../../errors';
import { isLegacyKeyPairId } from '../../cloudfront/rules';
import { publicKeyPemFromPrivate } from '../../signing';
import { chooseLocalKey, choosePublicKey } from './chooseKey';
import type { KeyCommandContext } from './keyCommandContext';

const PEM_FILTERS = () => ({ [vscode.l10n.t('PEM files')]: ['pem'] });

/** A file from `{ uri }` (string or Uri) in the options, or from a save dialog. */
async function targetFile(context: KeyCommandContext, arg: unknown, title: string, defaultName: string): Promise<vscode.Uri> {
  const given = arg !== null && typeof arg === 'object' ? (arg as { uri?: unknown }).uri : undefined;
  if (given instanceof vscode.Uri) return given;
  if (typeof given === 'string' && given) return given.includes('://') ? vscode.Uri.parse(given) : vscode.Uri.file(given);
  const chosen = await context.ui.chooseFile({ title, save: true, defaultName, filters: PEM_FILTERS() });
  if (!chosen) throw new CancellationError();
  return chosen;
}

export async function exportPublicKey(context: KeyCommandContext, arg?: unknown): Promise<{ publicKeyId: string; uri: string }> {
  const publicKeyId = await choosePublicKey(context, arg, vscode.l10n.t('Public key to export'));
  const local = context.keyStore.find(publicKeyId);
  let pem: string;
  if (local && isLegacyKeyPairId(publicKeyId)) {
    const privateKey = await context.keyStore.getPrivateKey(publicKeyId);
    if (!privateKey) throw new UserError(vscode.l10n.t('The private key of {0} is no longer stored.', publicKeyId), 'publicKeyId');
    pem = publicKeyPemFromPrivate(privateKey);
  } else {
    pem = (await (await context.source.cloudFront()).getPublicKey(publicKeyId)).value.encodedKey;
  }
  const uri = await targetFile(context, arg, vscode.l10n.t('Export Public Key'), `${publicKeyId}.public.pem`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(pem.endsWith('\n') ? pem : `${pem}\n`));
  return { publicKeyId, uri: uri.toString() };
}

export async function exportPrivateKey(context: KeyCommandContext, arg?: unknown): Promise<{ publicKeyId: string | undefined; uri: string }> {
  const key = await chooseLocalKey(context, arg, vscode.l10n.t('Private key to export'));
  const go = await context.ui.confirm(
    vscode.l10n.t('Export the private key of {0} to a file?', key.name),
    vscode.l10n.t('Anyone who can read the file can sign URLs for your private content until the key is removed from its key groups. Keep the file out of source control and delete it when done.'),
    vscode.l10n.t('Export Private Key'),
  );
  if (!go) throw new CancellationError();
  const uri = await targetFile(context, arg, vscode.l10n.t('Export Private Key'), `${key.publicKeyId ?? key.name}.private.pem`);
  const pem = await context.keyStore.privateKeyPem(key.fingerprint);
  if (pem === undefined) throw new UserError(vscode.l10n.t('The private key of {0} is no longer stored.', key.name), 'publicKeyId');
  // Owner-only on local disks; other file systems (remote, virtual) decide their own permissions.
  if (uri.scheme === 'file') await writeFile(uri.fsPath, pem, { mode: 0o600 });
  else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(pem));
  context.log.info(`[keys] exported the private key ${key.fingerprint} on request`);
  return { publicKeyId: key.publicKeyId, uri: uri.toString() };
}
