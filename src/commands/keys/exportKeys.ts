// "Export Public Key" writes the SubjectPublicKeyInfo PEM (from CloudFront, or derived from the local
// private key for a legacy key pair). "Export Private Key" is the one way a private key leaves
// SecretStorage: only on request, after a modal warning, to a file the user chooses, owner-only
// readable. RSA keys are written as PKCS#1, ECDSA keys as SEC1.
import { writeFile } from 'node:fs/promises';
import * as v from 'valibot';
import * as vscode from 'vscode';
import { CancellationError, UserError } from '../../errors';
import { isLegacyKeyPairId } from '../../cloudfront/rules';
import { publicKeyPemFromPrivate } from '../../signing';
import { defineCommandIn, optionsObject, publicKeyIdEntry, type Call } from '../options';
import { chooseLocalKey, choosePublicKey, keyOf } from './chooseKey';
import type { KeyCommandContext } from './keyCommandContext';

const PEM_FILTERS = () => ({ [vscode.l10n.t('PEM files')]: ['pem'] });

export const ExportKeyOptions = optionsObject({
  ...publicKeyIdEntry,
  /** The file to write: a path, a URI string or a Uri; without it, a save dialog asks. */
  uri: v.optional(
    v.union([v.custom<vscode.Uri>((value) => value instanceof vscode.Uri), v.pipe(v.string(), v.nonEmpty())], () => vscode.l10n.t('uri must be a file path, a URI string or a vscode.Uri.')),
  ),
});
type ExportCall = Call<v.InferOutput<typeof ExportKeyOptions>>;

/** A file from `uri` in the options, or from a save dialog. */
async function targetFile(context: KeyCommandContext, call: ExportCall, title: string, defaultName: string): Promise<vscode.Uri> {
  const given = call.kind === 'automation' ? call.options.uri : undefined;
  if (given instanceof vscode.Uri) return given;
  if (given) return given.includes('://') ? vscode.Uri.parse(given) : vscode.Uri.file(given);
  const chosen = await context.ui.chooseFile({ title, save: true, defaultName, filters: PEM_FILTERS() });
  if (!chosen) throw new CancellationError();
  return chosen;
}

export const exportPublicKey = defineCommandIn(ExportKeyOptions, async (context: KeyCommandContext, call): Promise<{ publicKeyId: string; uri: string }> => {
  const publicKeyId = await choosePublicKey(context, keyOf(call), vscode.l10n.t('Public key to export'));
  const local = context.keyStore.find(publicKeyId);
  let pem: string;
  if (local && isLegacyKeyPairId(publicKeyId)) {
    const privateKey = await context.keyStore.getPrivateKey(publicKeyId);
    if (!privateKey) throw new UserError(vscode.l10n.t('The private key of {0} is no longer stored.', publicKeyId), 'publicKeyId');
    pem = publicKeyPemFromPrivate(privateKey);
  } else {
    pem = (await (await context.source.cloudFront()).getPublicKey(publicKeyId)).value.encodedKey;
  }
  const uri = await targetFile(context, call, vscode.l10n.t('Export Public Key'), `${publicKeyId}.public.pem`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(pem.endsWith('\n') ? pem : `${pem}\n`));
  return { publicKeyId, uri: uri.toString() };
});

export const exportPrivateKey = defineCommandIn(ExportKeyOptions, async (context: KeyCommandContext, call): Promise<{ publicKeyId: string | undefined; uri: string }> => {
  const key = await chooseLocalKey(context, keyOf(call), vscode.l10n.t('Private key to export'));
  const go = await context.ui.confirm(
    vscode.l10n.t('Export the private key of {0} to a file?', key.name),
    vscode.l10n.t('Anyone who can read the file can sign URLs for your private content until the key is removed from its key groups. Keep the file out of source control and delete it when done.'),
    vscode.l10n.t('Export Private Key'),
  );
  if (!go) throw new CancellationError();
  const uri = await targetFile(context, call, vscode.l10n.t('Export Private Key'), `${key.publicKeyId ?? key.name}.private.pem`);
  const pem = await context.keyStore.privateKeyPem(key.fingerprint);
  if (pem === undefined) throw new UserError(vscode.l10n.t('The private key of {0} is no longer stored.', key.name), 'publicKeyId');
  // Owner-only on local disks; other file systems (remote, virtual) decide their own permissions.
  if (uri.scheme === 'file') await writeFile(uri.fsPath, pem, { mode: 0o600 });
  else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(pem));
  context.log.info(`[keys] exported the private key ${key.fingerprint} on request`);
  return { publicKeyId: key.publicKeyId, uri: uri.toString() };
});
