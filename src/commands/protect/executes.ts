// The work of "Protect S3 Bucket with CloudFront", one step per change, in the order CloudFront needs
// them: the key (new key pair: generate or create in KMS, store, upload, link or list), the key group, the origin access
// control, the distribution (created, or its bucket origin moved to the OAC and one behavior
// restricted), the bucket policy statement for that distribution, and the wait for deployment. Each
// step records what it created or replaced, so Retry skips what is done and Undo (newest first)
// removes what this run created and puts back the configuration and policy it replaced. The steps take
// a ProtectRun, whose answers are complete; what an earlier step made is read with `recorded`, which
// names the step that makes it.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { CloudFrontService } from '../../aws/cloudFrontService';
import { updateWithRetry } from '../../aws/etagRetry';
import { newDistributionConfig, withProtectedBucket, type BucketOrigin } from '../../aws/protectConfig';
import type { S3Buckets } from '../../aws/s3Buckets';
import { generateKeyPair } from '../../keys/generate';
import type { MutableKeyStore } from '../../keys/keyStore';
import { forAnswered, recorded, type ExecuteStep } from '../../wizard/wizard';
import { addToKeyGroup, removeFromKeyGroup } from '../keys/keyGroupChanges';
import { keyMaterialSteps, type KeyMaterialAnswers, type KeyServicesOf } from '../keys/keyMaterialSteps';
import { hasKeyMaterialAnswers } from '../keys/keyMaterialState';
import { DEPLOY_WAIT_SECONDS } from '../waitForDeployment';
import { keyGroupNamed } from './changeSummary';
import { mergeForStep } from './bucketPolicyStep';
import type { ProtectKey, ProtectRun } from './state';
import { OAC_NAME_MAX_LENGTH } from '../../cloudfront/rules';

/** How long Undo waits for a disabled distribution to deploy before deleting it (CloudFront: minutes). */
const UNDO_DEPLOY_WAIT_SECONDS = 30 * 60;

/** The name of the origin access control a run creates for `bucket`. */
export const oacNameFor = (bucket: string): string => `oac-${bucket}`.slice(0, OAC_NAME_MAX_LENGTH);

const publicKeyOf = (s: ProtectRun): string => recorded(s, 'publicKeyId', 'Upload public key');
const keyGroupOf = (s: ProtectRun): string => recorded(s, 'keyGroupId', 'Create key group');
const distributionOf = (s: ProtectRun): string => recorded(s, 'distributionId', 'Create a distribution');

/** A run that makes a new key pair: the key-material steps run only on one. */
type NewKeyRun = ProtectRun & KeyMaterialAnswers & { readonly signer: Extract<ProtectKey, { kind: 'new' }> };
const makesNewKey = (s: ProtectRun): s is NewKeyRun => s.signer.kind === 'new' && hasKeyMaterialAnswers(s);

function target(s: ProtectRun): BucketOrigin {
  return {
    bucket: s.bucket,
    domainName: s.bucketDomain,
    originAccessControlId: recorded(s, 'originAccessControlId', 'Create or reuse origin access control'),
    keyGroupId: keyGroupOf(s),
    ...(s.pathPattern !== undefined ? { pathPattern: s.pathPattern } : {}),
  };
}

export function protectBucketExecutes(service: () => Promise<CloudFrontService>, buckets: () => Promise<S3Buckets>, keyStore: MutableKeyStore, keys: KeyServicesOf): ExecuteStep<ProtectRun>[] {
  const newKeyOnly = (step: ExecuteStep<NewKeyRun>): ExecuteStep<ProtectRun> => forAnswered(makesNewKey, step);
  return [
    newKeyOnly({
      id: 'generate',
      title: (s) => vscode.l10n.t('Generate key pair {0}', s.name),
      // A KMS key is made in KMS (keyMaterialSteps); the others are generated here.
      shouldExecute: (s) => !s.key && s.keyStorage !== 'kms',
      execute: async (s) => {
        s.key = await generateKeyPair(s.signer.algorithm);
      },
    }),
    ...keyMaterialSteps<NewKeyRun>(service, keyStore, keys).map(newKeyOnly),
    {
      id: 'keyGroup',
      title: (s) => (s.keyGroup.kind === 'new' ? vscode.l10n.t('Create key group {0}', s.keyGroup.name) : vscode.l10n.t('Add the public key to key group {0}', keyGroupNamed(s))),
      // An existing key group changes only when it does not hold the key yet.
      shouldExecute: (s) => s.keyGroup.kind === 'new' || s.keyGroup.addKey,
      execute: async (s) => {
        const cloudFront = await service();
        if (s.keyGroup.kind === 'new') {
          s.keyGroupId = (await cloudFront.createKeyGroup({ name: s.keyGroup.name, publicKeyIds: [publicKeyOf(s)] })).value.id;
          s.createdKeyGroup = true;
        } else {
          await addToKeyGroup(cloudFront, s.keyGroup.id, publicKeyOf(s));
          s.addedToKeyGroup = true;
        }
      },
      undo: async (s) => {
        const cloudFront = await service();
        if (s.createdKeyGroup) {
          const id = keyGroupOf(s);
          const { etag } = await cloudFront.getKeyGroup(id);
          await cloudFront.deleteKeyGroup(id, etag);
          s.keyGroupId = undefined;
          s.createdKeyGroup = false;
        } else if (s.addedToKeyGroup && s.keyGroup.kind === 'existing') {
          await removeFromKeyGroup(cloudFront, s.keyGroup.id, publicKeyOf(s));
          s.addedToKeyGroup = false;
        }
      },
    },
    {
      id: 'originAccessControl',
      title: (s) => vscode.l10n.t('Create or reuse origin access control {0}', oacNameFor(s.bucket)),
      shouldExecute: () => true,
      execute: async (s) => {
        const cloudFront = await service();
        const name = oacNameFor(s.bucket);
        const fitting = (await cloudFront.listOriginAccessControls()).filter((c) => c.originType === 's3' && c.signingBehavior === 'always' && c.signingProtocol === 'sigv4');
        const reuse = fitting.find((c) => c.name === name) ?? fitting[0];
        if (reuse) {
          s.originAccessControlId = reuse.id;
          return;
        }
        s.originAccessControlId = (await cloudFront.createOriginAccessControl(name, vscode.l10n.t('Lets CloudFront read bucket {0}', s.bucket))).value.id;
        s.createdOriginAccessControl = true;
      },
      undo: async (s) => {
        if (!s.createdOriginAccessControl) return;
        const cloudFront = await service();
        const id = recorded(s, 'originAccessControlId', 'Create or reuse origin access control');
        const { etag } = await cloudFront.getOriginAccessControl(id);
        await cloudFront.deleteOriginAccessControl(id, etag);
        s.createdOriginAccessControl = false;
      },
    },
    {
      id: 'distribution',
      title: (s) =>
        s.distribution.kind === 'existing'
          ? vscode.l10n.t('Put bucket {0} behind the origin access control of distribution {1}', s.bucket, s.distribution.id)
          : vscode.l10n.t('Create a distribution for bucket {0}', s.bucket),
      shouldExecute: () => true,
      execute: async (s) => {
        const cloudFront = await service();
        const existing = s.distribution;
        if (existing.kind === 'new') {
          const created = await cloudFront.createDistribution(newDistributionConfig(target(s), randomUUID(), vscode.l10n.t('Private content of bucket {0}', s.bucket)));
          s.distributionId = created.value.id;
          s.distributionArn = created.value.arn;
          s.domainName = created.value.domainName;
          return;
        }
        const updated = await updateWithRetry(
          () => cloudFront.getDistributionConfig(existing.id),
          (config, etag) => {
            s.previousConfig = config;
            return cloudFront.updateDistributionConfig(existing.id, withProtectedBucket(config, target(s)).config, etag);
          },
        );
        s.distributionArn = updated.value.arn;
        s.domainName = updated.value.domainName;
      },
      undo: async (s) => {
        const cloudFront = await service();
        const existing = s.distribution;
        if (existing.kind === 'existing') {
          const previous = recorded(s, 'previousConfig', 'Put bucket behind the origin access control');
          await updateWithRetry(
            () => cloudFront.getDistributionConfig(existing.id),
            (_current, etag) => cloudFront.updateDistributionConfig(existing.id, previous, etag),
          );
          return;
        }
        // CloudFront deletes only a disabled distribution that has deployed.
        const id = distributionOf(s);
        const { value, etag } = await cloudFront.getDistributionConfig(id);
        let current = etag;
        if (value.Enabled) {
          current = (await cloudFront.updateDistributionConfig(id, { ...value, Enabled: false }, etag)).etag;
          await cloudFront.waitUntilDeployed(id, UNDO_DEPLOY_WAIT_SECONDS);
        }
        await cloudFront.deleteDistribution(id, current);
        s.distributionId = undefined;
      },
    },
    {
      id: 'bucketPolicy',
      title: (s) => vscode.l10n.t('Let distribution {0} read bucket {1} (bucket policy)', s.distributionId ?? '', s.bucket),
      shouldExecute: () => true,
      execute: async (s) => {
        const s3 = await buckets();
        const before = await s3.getPolicy(s.bucket);
        const merged = mergeForStep(before, s);
        const added = merged.outcome === 'added';
        if (added) {
          s.previousPolicy = before ?? null;
          await s3.putPolicy(s.bucket, merged.policy);
        }
        s.bucketPolicy = added ? 'added' : 'present';
        s.bucketPolicyWarnings = merged.warningTexts;
      },
      undo: async (s) => {
        if (s.bucketPolicy !== 'added') return;
        const s3 = await buckets();
        // Recorded with 'added': null when the bucket had no policy.
        if (s.previousPolicy === null) await s3.deletePolicy(s.bucket);
        else if (s.previousPolicy !== undefined) await s3.putPolicy(s.bucket, s.previousPolicy);
      },
    },
    {
      id: 'wait',
      title: (s) => vscode.l10n.t('Wait until distribution {0} is deployed', s.distributionId ?? ''),
      shouldExecute: (s) => s.wait,
      execute: async (s) => {
        await (await service()).waitUntilDeployed(distributionOf(s), DEPLOY_WAIT_SECONDS);
      },
    },
  ];
}
