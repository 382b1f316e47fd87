// The steps every way of getting a key ends with, wherever its private half is to live:
// - this machine: store the private key in SecretStorage, upload its public key (unless it links to
//   one CloudFront already has), and link the two. Storing comes first: a public key is never uploaded
//   whose private key is not stored; a stored key without a CloudFront public key shows flagged in the
//   Keys view until Retry or Undo.
// - AWS KMS or Secrets Manager: the steps of remoteKeySteps.ts around the upload (a KMS key is made and
//   its public half read before it; the secret is made after it, tagged with the public key id).
import * as vscode from 'vscode';
import type { CloudFrontService } from '../../aws/cloudFrontService';
import type { MutableKeyStore } from '../../keys/keyStore';
import { recorded, type ExecuteStep } from '../../wizard/wizard';
import type { KeyMaterialAnswers, KeyMaterialState, KeyServicesOf } from './keyMaterialState';
import { deletePublicKeyIfUnused } from './keyGroupChanges';
import { kmsKeySteps, listRemoteKeyStep, secretStep } from './remoteKeySteps';

export type { KeyMaterial, KeyMaterialAnswers, KeyMaterialState, KeyServicesOf } from './keyMaterialState';

const isLocal = (s: KeyMaterialState) => (s.keyStorage ?? 'local') === 'local';

export function keyMaterialSteps<S extends KeyMaterialState & KeyMaterialAnswers>(service: () => Promise<CloudFrontService>, keyStore: MutableKeyStore, keys: KeyServicesOf): ExecuteStep<S>[] {
  return [
    ...kmsKeySteps<S>(keys),
    {
      id: 'store',
      title: () => vscode.l10n.t("Store the private key in VS Code's secret storage"),
      shouldExecute: isLocal,
      execute: async (s) => {
        const key = recorded(s, 'key', 'the new key');
        await keyStore.add(
          { fingerprint: key.fingerprint, name: s.name, algorithm: s.algorithm, created: new Date().toISOString(), ...(s.profile ? { profile: s.profile } : {}) },
          recorded(key, 'privateKeyPem', 'the new key'),
        );
      },
      undo: async (s) => {
        if (s.key) await keyStore.remove(s.key.fingerprint);
      },
    },
    {
      id: 'upload',
      title: (s) => vscode.l10n.t('Upload public key {0}', s.publicKeyId ?? s.name),
      shouldExecute: (s) => !s.publicKeyId,
      execute: async (s) => {
        const created = await (await service()).createPublicKey({ name: s.name, encodedKey: recorded(s, 'key', 'the new key').publicKeyPem });
        s.publicKeyId = created.value.id;
      },
      undo: async (s) => {
        if (!s.publicKeyId) return;
        await deletePublicKeyIfUnused(await service(), s.publicKeyId);
        s.publicKeyId = undefined;
      },
    },
    secretStep<S>(keys),
    {
      id: 'link',
      title: (s) => vscode.l10n.t('Link the private key to public key {0}', s.publicKeyId ?? ''),
      shouldExecute: isLocal,
      execute: (s) => keyStore.link(recorded(s, 'key', 'the new key').fingerprint, recorded(s, 'publicKeyId', 'upload')),
    },
    listRemoteKeyStep<S>(keyStore),
  ];
}
