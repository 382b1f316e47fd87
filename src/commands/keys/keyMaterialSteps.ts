// The steps every way of getting a key ends with: store the private key in SecretStorage, upload its
// public key (unless it links to one CloudFront already has), and link the two. Storing comes first:
// a public key is never uploaded whose private key is not stored; a stored key without a CloudFront
// public key shows flagged in the Keys view until Retry or Undo.
import * as vscode from 'vscode';
import type { CloudFrontService } from '../../aws/cloudFrontService';
import type { LocalKeyAlgorithm } from '../../keys/algorithms';
import type { MutableKeyStore } from '../../keys/keyStore';
import type { ExecuteStep, WizardState } from '../../wizard/wizard';
import { deletePublicKeyIfUnused } from './keyGroupChanges';

export interface KeyMaterial {
  fingerprint: string;
  /** Unencrypted PKCS#1 (RSA) or SEC1 (ECDSA) PEM: in memory until the wizard ends. */
  privateKeyPem: string;
  /** SubjectPublicKeyInfo PEM. */
  publicKeyPem: string;
}

export interface KeyMaterialState extends WizardState {
  name?: string;
  algorithm?: LocalKeyAlgorithm;
  profile?: string;
  key?: KeyMaterial;
  /** Set by the upload step, or beforehand when linking to a public key CloudFront already holds. */
  publicKeyId?: string;
}

export function keyMaterialSteps<S extends KeyMaterialState>(service: () => Promise<CloudFrontService>, keyStore: MutableKeyStore): ExecuteStep<S>[] {
  return [
    {
      id: 'store',
      title: () => vscode.l10n.t("Store the private key in VS Code's secret storage"),
      shouldExecute: () => true,
      execute: async (s) => {
        await keyStore.add(
          { fingerprint: s.key!.fingerprint, name: s.name!, algorithm: s.algorithm!, created: new Date().toISOString(), ...(s.profile ? { profile: s.profile } : {}) },
          s.key!.privateKeyPem,
        );
      },
      undo: (s) => keyStore.remove(s.key!.fingerprint),
    },
    {
      id: 'upload',
      title: (s) => vscode.l10n.t('Upload public key {0}', s.publicKeyId ?? s.name!),
      shouldExecute: (s) => !s.publicKeyId,
      execute: async (s) => {
        const created = await (await service()).createPublicKey({ name: s.name!, encodedKey: s.key!.publicKeyPem });
        s.publicKeyId = created.value.id;
      },
      undo: async (s) => {
        await deletePublicKeyIfUnused(await service(), s.publicKeyId!);
        s.publicKeyId = undefined;
      },
    },
    {
      id: 'link',
      title: (s) => vscode.l10n.t('Link the private key to public key {0}', s.publicKeyId!),
      shouldExecute: () => true,
      execute: (s) => keyStore.link(s.key!.fingerprint, s.publicKeyId!),
    },
  ];
}
