// The work of "CloudFront: Create Key Pair", one step per change, in an order that never uploads a
// public key whose private key is not kept: generate (or create the KMS key), then store, upload and link
// (keyMaterialSteps.ts, remoteKeySteps.ts), key group, default signer, behaviors. Each step records its result in the state (Retry skips what is done) and knows
// how to revert itself (Undo, newest first).
import * as vscode from 'vscode';
import type { CloudFrontService } from '../../../aws/cloudFrontService';
import { updateWithRetry } from '../../../aws/etagRetry';
import { trustedIds, withKeyGroup, withoutKeyGroup } from '../../../aws/trustedKeyGroups';
import { generateKeyPair } from '../../../keys/generate';
import type { MutableKeyStore } from '../../../keys/keyStore';
import { recorded, type ExecuteStep } from '../../../wizard/wizard';
import { addToKeyGroup, removeFromKeyGroup } from '../keyGroupChanges';
import { keyMaterialSteps, type KeyServicesOf } from '../keyMaterialSteps';
import { ALGORITHM_LABELS } from './prompts';
import type { CreateKeyPairRun } from './state';

export function createKeyPairExecutes(service: () => Promise<CloudFrontService>, keyStore: MutableKeyStore, keys: KeyServicesOf): ExecuteStep<CreateKeyPairRun>[] {
  return [
    {
      id: 'generate',
      title: (s) => vscode.l10n.t('Generate an {0} key pair', ALGORITHM_LABELS[s.algorithm]),
      // A KMS key is made in KMS (keyMaterialSteps); the others are generated here.
      shouldExecute: (s) => !s.key && s.keyStorage !== 'kms',
      execute: async (s) => {
        s.key = await generateKeyPair(s.algorithm);
      },
    },
    ...keyMaterialSteps<CreateKeyPairRun>(service, keyStore, keys),
    {
      id: 'keyGroup',
      title: (s) => (s.keyGroup.kind === 'new' ? vscode.l10n.t('Create key group {0}', s.keyGroup.name) : vscode.l10n.t('Add the public key to key group {0}', s.keyGroup.name)),
      shouldExecute: () => true,
      execute: async (s) => {
        const cloudFront = await service();
        if (s.keyGroup.kind === 'new') {
          s.keyGroupId = (await cloudFront.createKeyGroup({ name: s.keyGroup.name, publicKeyIds: [recorded(s, 'publicKeyId', 'upload')] })).value.id;
        } else {
          s.keyGroupId = s.keyGroup.id;
          await addToKeyGroup(cloudFront, s.keyGroupId, recorded(s, 'publicKeyId', 'upload'));
        }
      },
      undo: async (s) => {
        if (!s.keyGroupId) return;
        const cloudFront = await service();
        if (s.keyGroup.kind === 'new') {
          const { etag } = await cloudFront.getKeyGroup(s.keyGroupId);
          await cloudFront.deleteKeyGroup(s.keyGroupId, etag);
        } else {
          if (s.publicKeyId) await removeFromKeyGroup(cloudFront, s.keyGroupId, s.publicKeyId);
        }
      },
    },
    {
      id: 'defaultSigner',
      title: (s) => vscode.l10n.t('Make it the default signer for key group {0}', s.keyGroup.name),
      shouldExecute: (s) => s.keyGroupId === undefined || !keyStore.defaultSigner(s.keyGroupId),
      execute: (s) => keyStore.setDefaultSigner(recorded(s, 'keyGroupId', 'keyGroup'), recorded(s, 'key', 'the new key').fingerprint),
    },
    {
      id: 'restrict',
      title: (s) => vscode.l10n.t('Restrict {0} of distribution {1}', (s.restrictedPatterns ?? s.pathPatterns ?? []).join(', '), s.distributionId ?? ''),
      shouldExecute: (s) => restrictionOf(s) !== undefined,
      execute: async (s) => {
        const restriction = restrictionOf(s);
        if (!restriction) return;
        const { distributionId, pathPatterns } = restriction;
        const cloudFront = await service();
        await updateWithRetry(
          () => cloudFront.getDistributionConfig(distributionId),
          (config, etag) => {
            const updated = withKeyGroup(config, recorded(s, 'keyGroupId', 'keyGroup'), pathPatterns);
            s.restrictedPatterns = pathPatterns.filter((p) => changedTrust(config, updated, p));
            return cloudFront.updateDistributionConfig(distributionId, updated, etag);
          },
        );
      },
      undo: async (s) => {
        const restriction = restrictionOf(s);
        if (!restriction) return;
        const cloudFront = await service();
        await updateWithRetry(
          () => cloudFront.getDistributionConfig(restriction.distributionId),
          (config, etag) => cloudFront.updateDistributionConfig(restriction.distributionId, withoutKeyGroup(config, recorded(s, 'keyGroupId', 'keyGroup'), s.restrictedPatterns ?? []), etag),
        );
      },
    },
  ];
}

/** The behaviors to restrict, when the user chose a distribution and at least one of its behaviors. */
function restrictionOf(s: CreateKeyPairRun): { distributionId: string; pathPatterns: string[] } | undefined {
  return s.distributionId && s.pathPatterns?.length ? { distributionId: s.distributionId, pathPatterns: s.pathPatterns } : undefined;
}

function changedTrust(before: Parameters<typeof withKeyGroup>[0], after: Parameters<typeof withKeyGroup>[0], pattern: string): boolean {
  const find = (config: typeof before) => (pattern === '*' ? config.DefaultCacheBehavior?.TrustedKeyGroups : config.CacheBehaviors?.Items?.find((b) => b.PathPattern === pattern)?.TrustedKeyGroups);
  return trustedIds(find(before)).length !== trustedIds(find(after)).length;
}
