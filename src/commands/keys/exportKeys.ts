// "Export Public Key" writes the SubjectPublicKeyInfo PEM (from CloudFront, or derived from the local
// private key for a legacy key pair). "Export Private Key" is the one way a private key leaves
// SecretStorage: only on request, to a file the user chooses (after a modal warning when a person
// asks), owner-only readable, or into a new Secrets Manager secret for a backend (exportToSecret.ts).
// RSA keys are written as PKCS#1, ECDSA keys as SEC1.
import { writeFile } from 'node:fs/promises';
import * as v from 'valibot';
import * as vscode from 'vscode';
import { CancellationError, UserError } from '../../errors';
import { isLegacyKeyPairId } from '../../cloudfront/rules';
import { publicKeyPemFromPrivate } from '../../signing';
import type { LocalKey } from '../../keys/keyStore';
import { LOCAL_STORAGE, remoteReference } from '../../keys/keyStorage';
import { defineAskingCommandIn, optionalFlag, optionalText, optionsObject, publicKeyIdEntry, type Call } from '../options';
import { chooseLocalKey, choosePublicKey, keyOf } from './chooseKey';
import type { KeyCommandContext } from './keyCommandContext';
import { secretNameFor } from '../../keys/keyStorage';
import { exportToSecret, secretNameProblem, type SecretExportResult } from './exportToSecret';

const PEM_FILTERS = () => ({ [vscode.l10n.t('PEM files')]: ['pem'] });
const eitherFileOrSecret = () => vscode.l10n.t('Pass either uri (a file to write) or secretName (a new Secrets Manager secret).');

export const ExportKeyOptions = optionsObject({
  ...publicKeyIdEntry,
  /** The file to write: a path, a URI string or a Uri; without it, a save dialog asks. */
  uri: v.optional(
    v.union([v.custom<vscode.Uri>((value) => value instanceof vscode.Uri), v.pipe(v.string(), v.nonEmpty())], () => vscode.l10n.t('uri must be a file path, a URI string or a vscode.Uri.')),
  ),
});
type ExportCall = Call<{ uri?: string | vscode.Uri | undefined }>;

/** A file from `uri` in the call's answers, or from a save dialog. */
async function targetFile(context: KeyCommandContext, call: ExportCall, title: string, defaultName: string): Promise<vscode.Uri> {
  const given = call.answers.uri;
  if (given instanceof vscode.Uri) return given;
  if (given) return given.includes('://') ? vscode.Uri.parse(given) : vscode.Uri.file(given);
  const chosen = await context.ui.chooseFile({ title, save: true, defaultName, filters: PEM_FILTERS(), unattended: { missing: 'uri' } });
  if (!chosen) throw new CancellationError();
  return chosen;
}

export const exportPublicKey = defineAskingCommandIn(ExportKeyOptions, async (context: KeyCommandContext, call): Promise<{ publicKeyId: string; uri: string }> => {
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

export const ExportPrivateKeyOptions = v.pipe(
  optionsObject({
    ...ExportKeyOptions.entries,
    /** Instead of a file: a new Secrets Manager secret of this name, for a backend. */
    secretName: optionalText('secretName'),
    /** The KMS key that encrypts the secret (default: aws/secretsmanager). */
    secretKmsKeyId: optionalText('secretKmsKeyId'),
    /** After creating the secret, delete the copy in this machine's secret storage (default false). */
    deleteLocalCopy: optionalFlag('deleteLocalCopy'),
  }),
  v.forward(
    v.check((o) => (o.uri === undefined) !== (o.secretName === undefined), eitherFileOrSecret),
    ['uri'],
  ),
  v.forward(
    v.check(
      (o) => o.secretName !== undefined || (o.secretKmsKeyId === undefined && o.deleteLocalCopy === undefined),
      () => vscode.l10n.t('secretKmsKeyId and deleteLocalCopy go with secretName.'),
    ),
    ['secretName'],
  ),
);

type PrivateExportResult = { publicKeyId: string | undefined; uri: string } | SecretExportResult;

export const exportPrivateKey = defineAskingCommandIn(ExportPrivateKeyOptions, async (context: KeyCommandContext, call): Promise<PrivateExportResult> => {
  const key = await chooseLocalKey(context, keyOf(call), vscode.l10n.t('Private key to export'));
  const place = key.storage ?? LOCAL_STORAGE;
  if (place.kind !== 'local') {
    throw new UserError(
      vscode.l10n.t('publicKeyId: the private key of {0} is kept in {1}, not on this machine; there is nothing here to export.', key.publicKeyId ?? key.name, remoteReference(place)),
      'publicKeyId',
    );
  }
  const { uri, secretName, secretKmsKeyId, deleteLocalCopy } = call.answers;
  // Where it goes: the answer given (a file or a secret), else asked.
  const destination =
    secretName !== undefined
      ? 'secret'
      : uri !== undefined
        ? 'file'
        : await context.ui.pick({
            title: vscode.l10n.t('Export Private Key'),
            placeholder: vscode.l10n.t('Where should the private key of {0} go?', key.name),
            items: [
              { label: vscode.l10n.t('$(file) To a PEM file…'), value: 'file' as const },
              { label: vscode.l10n.t('$(cloud-upload) To a new AWS Secrets Manager secret, for a backend…'), value: 'secret' as const },
            ],
            unattended: { missing: 'uri', message: eitherFileOrSecret() },
          });
  if (destination === 'secret') {
    const name =
      secretName ??
      (await context.ui.input({
        title: vscode.l10n.t('Export Private Key'),
        prompt: vscode.l10n.t('Name of the new Secrets Manager secret'),
        value: secretNameFor(key.name),
        validate: (text) => secretNameProblem(text),
        unattended: { missing: 'secretName' },
      }));
    return exportToSecret(context, key, { secretName: name, ...(secretKmsKeyId ? { secretKmsKeyId } : {}), ...(deleteLocalCopy !== undefined ? { deleteLocalCopy } : {}) });
  }
  // A person is warned; a caller that named the file has said where it goes.
  const go = await context.ui.confirm(
    vscode.l10n.t('Export the private key of {0} to a file?', key.name),
    vscode.l10n.t('Anyone who can read the file can sign URLs for your private content until the key is removed from its key groups. Keep the file out of source control and delete it when done.'),
    vscode.l10n.t('Export Private Key'),
    { answer: true },
  );
  if (!go) throw new CancellationError();
  return exportToFile(context, key, await targetFile(context, call, vscode.l10n.t('Export Private Key'), `${key.publicKeyId ?? key.name}.private.pem`));
});

async function exportToFile(context: KeyCommandContext, key: LocalKey, uri: vscode.Uri): Promise<{ publicKeyId: string | undefined; uri: string }> {
  const pem = await context.keyStore.privateKeyPem(key.fingerprint);
  if (pem === undefined) throw new UserError(vscode.l10n.t('The private key of {0} is no longer stored.', key.name), 'publicKeyId');
  // Owner-only on local disks; other file systems (remote, virtual) decide their own permissions.
  if (uri.scheme === 'file') await writeFile(uri.fsPath, pem, { mode: 0o600 });
  else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(pem));
  context.log.info(`[keys] exported the private key ${key.fingerprint} on request`);
  return { publicKeyId: key.publicKeyId, uri: uri.toString() };
}
