// The one summary a person confirms before "Protect S3 Bucket with CloudFront" changes anything: what
// it creates (key pair, key group, distribution), what it changes in an existing distribution (the
// bucket's origin moved to an origin access control, a behavior added or restricted) and in the bucket
// policy. Read from the state readOptions filled, and from the configuration and policy as they are.
import * as vscode from 'vscode';
import { bucketOriginOf } from '../../aws/protectConfig';
import { DEFAULT_BEHAVIOR_PATTERN } from '../../aws/trustedKeyGroups';
import { ALGORITHM_LABELS } from '../keys/createKeyPair/prompts';
import { storagePlan } from '../keys/keyStoragePrompts';
import type { ProtectAnswers, ProtectProgress, ProtectRun } from './state';

/** "media-signers (0a1b…)": a key group by name and id; a new group by its name until CloudFront gave it an id. */
export function keyGroupNamed(state: Pick<ProtectAnswers, 'keyGroup'> & Pick<ProtectProgress, 'keyGroupId'>): string {
  const name = state.keyGroup.name;
  if (!state.keyGroupId) return name;
  return name && name !== state.keyGroupId ? `${name} (${state.keyGroupId})` : state.keyGroupId;
}

const behaviorNamed = (pattern: string | undefined): string => (pattern === undefined || pattern === DEFAULT_BEHAVIOR_PATTERN ? vscode.l10n.t('Default (*)') : pattern);

/**
 * One line per change, in the order the run makes them, before it makes any (an existing
 * distribution's configuration as read with the answers); `policyChanges`: whether the bucket policy
 * gains the statement (false when it holds one already).
 */
export function changeLines(state: ProtectRun, policyChanges: boolean): string[] {
  const bucket = state.bucket;
  const group = keyGroupNamed(state);
  const behavior = behaviorNamed(state.pathPattern);
  const lines: string[] = [];
  if (state.signer.kind === 'new') lines.push(vscode.l10n.t('Create {0} key pair {1}. {2}', ALGORITHM_LABELS[state.signer.algorithm], state.signer.name, storagePlan(state)));
  if (state.keyGroup.kind === 'new') lines.push(vscode.l10n.t('Create key group {0} holding the key.', state.keyGroup.name));
  else if (state.keyGroup.addKey) lines.push(vscode.l10n.t('Add the key to key group {0}.', group));
  lines.push(vscode.l10n.t('Use an origin access control (OAC) for bucket {0}: an existing one that fits, or a new one.', bucket));
  if (state.distribution.kind === 'new') {
    lines.push(vscode.l10n.t('Create a distribution for bucket {0}; behavior {1} trusts key group {2}.', bucket, behavior, group));
  } else {
    const { id, config } = state.distribution;
    const origin = bucketOriginOf(config, bucket);
    if (!origin) lines.push(vscode.l10n.t('Distribution {0}: add bucket {1} as an origin, read through the OAC.', id, bucket));
    else if (!origin.OriginAccessControlId) {
      lines.push(
        origin.S3OriginConfig?.OriginAccessIdentity
          ? vscode.l10n.t('Distribution {0}: origin {1} reads bucket {2} through the OAC instead of its legacy origin access identity.', id, origin.Id ?? '', bucket)
          : vscode.l10n.t('Distribution {0}: origin {1} reads bucket {2} through the OAC instead of anonymously.', id, origin.Id ?? '', bucket),
      );
    } else lines.push(vscode.l10n.t('Distribution {0}: origin {1} reads bucket {2} through the OAC.', id, origin.Id ?? '', bucket));
    const known = state.pathPattern === undefined || state.pathPattern === DEFAULT_BEHAVIOR_PATTERN || (config.CacheBehaviors?.Items ?? []).some((b) => b.PathPattern === state.pathPattern);
    lines.push(
      known
        ? vscode.l10n.t('Distribution {0}: behavior {1} trusts key group {2}: its requests need a signed URL or signed cookies.', id, behavior, group)
        : vscode.l10n.t('Distribution {0}: a new behavior {1} serves bucket {2} and trusts key group {3}: its requests need a signed URL or signed cookies.', id, behavior, bucket, group),
    );
  }
  if (policyChanges) lines.push(vscode.l10n.t('The policy of bucket {0} gains a statement that lets the distribution read its objects through the OAC; its other statements stay.', bucket));
  return lines;
}
