// The steps for a new key whose private half lives in AWS (keyMaterialSteps.ts puts them around the
// upload of the public key):
// - AWS KMS: create an asymmetric signing key (or take the one given), give a created key the alias
//   alias/cloudfront/<name>, and read its public half (kms:GetPublicKey, DER SPKI → PEM) for CloudFront.
//   The private key never leaves KMS. Undo deletes the alias and schedules a created key for deletion
//   with KMS's shortest window (7 days); a key that was given is left alone.
// - Secrets Manager: after the upload (so the secret can be tagged with the public key id), a new
//   secret holding the PEM; then the PEM is dropped from memory. Undo deletes the secret at once (it
//   was made a moment ago, by this run).
// Either way the key is then listed with a reference only (keyStore.addRemote): no copy of the private
// key on this machine, not even in secret storage.
import * as vscode from 'vscode';
import { KMS_KEY_SPEC } from '../../aws/kmsKeys';
import { kmsKeyProblem } from '../../aws/kmsSigner';
import { isKeyAlgorithm } from '../../keys/algorithms';
import { fingerprintOf } from '../../keys/fingerprint';
import { kmsAliasFor, PUBLIC_KEY_ID_TAG, regionOfArn, type KeyStorage } from '../../keys/keyStorage';
import type { MutableKeyStore } from '../../keys/keyStore';
import { spkiPemOfDer } from '../../keys/pem';
import { recorded, type ExecuteStep } from '../../wizard/wizard';
import type { KeyMaterialAnswers, KeyMaterialState, KeyServicesOf } from './keyMaterialState';

const isKms = (s: KeyMaterialState) => s.keyStorage === 'kms';
const isSecret = (s: KeyMaterialState) => s.keyStorage === 'secretsManager';

export function kmsKeySteps<S extends KeyMaterialState & KeyMaterialAnswers>(keys: KeyServicesOf): ExecuteStep<S>[] {
  const kmsOf = async (s: S) => (await keys(s.kmsKeyArn ? regionOfArn(s.kmsKeyArn) : s.kmsKeyId ? regionOfArn(s.kmsKeyId) : undefined)).kms;
  return [
    {
      id: 'kmsKey',
      title: (s) => (s.kmsKeyId ? vscode.l10n.t('Check KMS key {0}', s.kmsKeyId) : vscode.l10n.t('Create an AWS KMS signing key ({0})', kmsSpecOf(s))),
      shouldExecute: isKms,
      execute: async (s) => {
        const kms = await kmsOf(s);
        if (s.kmsKeyId) {
          // Checked before anything changed; checked again here, as the key may have changed since.
          const described = await kms.describe(s.kmsKeyId);
          const problem = kmsKeyProblem(described, s.kmsKeyId);
          if (problem) throw new Error(problem);
          s.kmsKeyArn = described.arn;
          return;
        }
        const created = await kms.createSigningKey(
          kmsSpecOf(s),
          `CloudFront signing key ${s.name}, created by CloudFront Private Content for VS Code`,
          // Tags are not secret: they say what the key is for and who made it.
          { 'cloudfront:key-name': s.name, 'created-by': 'cloudfront-private-content' },
        );
        s.kmsKeyArn = created.arn;
        s.createdKmsKeyId = created.keyId;
      },
      undo: async (s) => {
        if (!s.createdKmsKeyId) return;
        // By id (which KMS takes everywhere; moto 5.2.1's ScheduleKeyDeletion takes nothing else), in the key's region.
        await (await kmsOf(s)).scheduleDeletion(s.createdKmsKeyId, 7);
        s.createdKmsKeyId = undefined;
        s.kmsKeyArn = undefined;
      },
    },
    {
      id: 'kmsAlias',
      title: (s) => vscode.l10n.t('Name the KMS key {0}', kmsAliasFor(s.name)),
      shouldExecute: (s) => isKms(s) && !!s.createdKmsKeyId,
      execute: async (s) => {
        await (await kmsOf(s)).createAlias(kmsAliasFor(s.name), recorded(s, 'kmsKeyArn', 'kmsKey'));
        s.kmsAlias = kmsAliasFor(s.name);
      },
      // Undo removes what the state records this run made.
      undo: async (s) => {
        if (!s.kmsAlias) return;
        await (await kmsOf(s)).deleteAlias(s.kmsAlias);
        s.kmsAlias = undefined;
      },
    },
    {
      id: 'kmsPublicKey',
      title: () => vscode.l10n.t('Read the public key of the KMS key'),
      shouldExecute: isKms,
      execute: async (s) => {
        const publicKeyPem = spkiPemOfDer(await (await kmsOf(s)).publicKey(recorded(s, 'kmsKeyArn', 'kmsKey')));
        s.key = { fingerprint: fingerprintOf(publicKeyPem), publicKeyPem };
      },
    },
  ];
}

export function secretStep<S extends KeyMaterialState & KeyMaterialAnswers>(keys: KeyServicesOf): ExecuteStep<S> {
  return {
    id: 'secret',
    title: (s) => vscode.l10n.t('Store the private key in Secrets Manager secret {0}', s.secretName ?? ''),
    shouldExecute: isSecret,
    execute: async (s) => {
      const key = recorded(s, 'key', 'the new key');
      const privateKeyPem = recorded(key, 'privateKeyPem', 'the new key');
      const tags = { [PUBLIC_KEY_ID_TAG]: recorded(s, 'publicKeyId', 'upload'), 'cloudfront:key-name': s.name };
      const created = await (await keys()).secrets.createSecret(recorded(s, 'secretName', 'the key storage answers'), privateKeyPem, tags, s.secretKmsKeyId);
      s.secretArn = created.arn;
      // The secret holds it now: nothing on this machine keeps a copy.
      s.key = { fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem };
    },
    undo: async (s) => {
      if (!s.secretArn) return;
      await (await keys(regionOfArn(s.secretArn))).secrets.deleteSecretNow(s.secretArn);
      s.secretArn = undefined;
    },
  };
}

/** Lists a key kept in AWS, with its public key id, by reference only. */
export function listRemoteKeyStep<S extends KeyMaterialState & KeyMaterialAnswers>(keyStore: MutableKeyStore): ExecuteStep<S> {
  return {
    id: 'listRemote',
    title: (s) => vscode.l10n.t('List key {0} ({1}) in the Keys view', s.name, s.publicKeyId ?? ''),
    shouldExecute: (s) => isKms(s) || isSecret(s),
    execute: async (s) => {
      await keyStore.addRemote({
        fingerprint: recorded(s, 'key', 'the new key').fingerprint,
        name: s.name,
        algorithm: s.algorithm,
        created: new Date().toISOString(),
        publicKeyId: recorded(s, 'publicKeyId', 'upload'),
        ...(s.profile ? { profile: s.profile } : {}),
        storage: remoteStorageOf(s),
      });
    },
    undo: async (s) => {
      if (s.key) await keyStore.remove(s.key.fingerprint);
    },
  };
}

function remoteStorageOf(s: KeyMaterialState): KeyStorage {
  if (isKms(s)) {
    const alias = s.kmsAlias ?? (s.kmsKeyId?.startsWith('alias/') ? s.kmsKeyId : undefined);
    return { kind: 'kms', keyArn: recorded(s, 'kmsKeyArn', 'kmsKey'), ...(alias ? { alias } : {}) };
  }
  return { kind: 'secretsManager', secretArn: recorded(s, 'secretArn', 'secret'), secretName: recorded(s, 'secretName', 'the key storage answers') };
}

function kmsSpecOf(s: KeyMaterialState) {
  if (!isKeyAlgorithm(s.algorithm)) throw new Error(`AWS KMS cannot hold a ${String(s.algorithm)} key for CloudFront`);
  return KMS_KEY_SPEC[s.algorithm];
}
