// When no key this window holds can sign for the behavior that serves a URL, the sign commands say so
// before asking anything else, with the three ways to get one as buttons: Create Key Pair for that
// behavior (the distribution and behavior prefilled), Import Private Key and Link Key Kept in AWS
// (each linked to the behavior's public key when its key groups hold just one). Automation is refused
// with the URL or behavior and the same fixes as commands.
import * as vscode from 'vscode';
import type { BehaviorSummary, DistributionSummary, KeyGroupSummary } from '../../aws/cloudFrontService';
import { DEFAULT_BEHAVIOR_PATTERN } from '../../aws/trustedKeyGroups';
import { Commands } from '../../constants';
import { CancellationError, UserError } from '../../errors';
import { keyCandidates, type DisabledReasons, type KeyCandidate } from '../../keys/signingKeys';
import type { SigningContext } from './signingContext';
import { hasPerson } from '../../ui/unattendedUi';

/** A distribution and the behavior that serves (or will serve) the URL: what the key must be trusted by. */
export interface SigningTarget {
  distribution: DistributionSummary;
  behavior: BehaviorSummary | undefined;
}

/** A behavior by its path pattern; undefined is the default behavior. */
export const behaviorName = (pattern: string | undefined): string => pattern ?? vscode.l10n.t('Default (*)');

/** "E123…, behavior /paid/*", or that the URL's host is no distribution of the account. */
export function describeTarget(url: string | undefined, target: SigningTarget | undefined): string {
  if (!target) return url ? vscode.l10n.t('{0} is not a distribution of this account', new URL(url).host) : vscode.l10n.t('any URL');
  return vscode.l10n.t('{0}, behavior {1}', target.distribution.id, behaviorName(target.behavior?.pathPattern));
}

export const disabledReasons = (): DisabledReasons => ({
  notInCloudFront: vscode.l10n.t('its public key is not in CloudFront yet'),
  untrusted: (pattern, keyGroups) => vscode.l10n.t('not in a key group that {0} trusts ({1})', behaviorName(pattern), keyGroups),
  legacyOnly: (pattern) => vscode.l10n.t('{0} trusts only legacy trusted signers', behaviorName(pattern)),
});

/** Why no key here can sign for `target`, in one sentence whatever the number of keys in this window. */
function whyNoKey(target: SigningTarget | undefined, found: { candidates: readonly KeyCandidate[]; keyGroups: ReadonlyMap<string, KeyGroupSummary> }): string {
  if (found.candidates.length === 0) return vscode.l10n.t('there are no keys in this window yet');
  const groups = target?.behavior?.trustedKeyGroupIds ?? [];
  if (groups.length > 0) {
    const names = groups.map((id) => found.keyGroups.get(id)?.name ?? id).join(', ');
    return vscode.l10n.t('it trusts the key groups {0}, and the private key of none of their public keys is in this window', names);
  }
  if ((target?.behavior?.trustedSigners.length ?? 0) > 0) return vscode.l10n.t('it trusts only legacy trusted signers, and no legacy key pair is in this window');
  return vscode.l10n.t('no key in this window has its public key in CloudFront yet');
}

/** The local keys, each with why it cannot sign for `target` (none: it can). */
export async function candidatesFor(context: SigningContext, target: SigningTarget | undefined): Promise<{ candidates: KeyCandidate[]; keyGroups: ReadonlyMap<string, KeyGroupSummary> }> {
  const keyGroups = target ? await context.keyGroups.byId() : new Map<string, KeyGroupSummary>();
  return { candidates: keyCandidates(context.keyStore.list(), { behavior: target?.behavior, keyGroups }, disabledReasons()), keyGroups };
}

interface KeyFix {
  readonly label: string;
  readonly command: string;
  /** What the command is called with: its interactive prefill, or a public key id. */
  readonly argument?: unknown;
}

/** The commands that give this window a key for `target`, each prefilled with what is known. */
function keyFixes(target: SigningTarget | undefined, trustedPublicKeyIds: readonly string[]): KeyFix[] {
  const onlyKey = trustedPublicKeyIds.length === 1 ? trustedPublicKeyIds[0] : undefined;
  const create: KeyFix = target
    ? {
        label: vscode.l10n.t('Create Key Pair for {0}', behaviorName(target.behavior?.pathPattern)),
        command: Commands.createKeyPair,
        argument: { interactive: true, distributionId: target.distribution.id, pathPatterns: [target.behavior?.pathPattern ?? DEFAULT_BEHAVIOR_PATTERN] },
      }
    : { label: vscode.l10n.t('Create Key Pair'), command: Commands.createKeyPair };
  return [
    create,
    { label: vscode.l10n.t('Import Private Key'), command: Commands.importPrivateKey, ...(onlyKey ? { argument: onlyKey } : {}) },
    { label: vscode.l10n.t('Link Key Kept in AWS'), command: Commands.linkKey, ...(onlyKey ? { argument: onlyKey } : {}) },
  ];
}

/** The public keys of the key groups the behavior trusts: the ones whose private half would sign. */
function trustedPublicKeys(target: SigningTarget | undefined, keyGroups: ReadonlyMap<string, KeyGroupSummary>): string[] {
  return [...new Set((target?.behavior?.trustedKeyGroupIds ?? []).flatMap((id) => keyGroups.get(id)?.publicKeyIds ?? []))];
}

/**
 * No local key can sign for `target`: a person gets a warning with the three fixes as buttons (the
 * one pressed runs, prefilled) and the command ends; automation (a Ui without a person), or a caller
 * that wants no fixes offered (`offerFixes` false: a document's URL is skipped), gets a UserError
 * naming the URL or behavior and the fixes.
 */
export function refuseWithoutKey(
  context: SigningContext,
  url: string | undefined,
  target: SigningTarget | undefined,
  found: { candidates: readonly KeyCandidate[]; keyGroups: ReadonlyMap<string, KeyGroupSummary> },
  offerFixes = true,
): never {
  const where = describeTarget(url, target);
  const reasons = whyNoKey(target, found);
  if (!offerFixes || !hasPerson(context.ui)) {
    const pattern = target?.behavior?.pathPattern ?? DEFAULT_BEHAVIOR_PATTERN;
    const create = target ? vscode.l10n.t('"CloudFront: Create Key Pair" (distributionId {0}, pathPatterns ["{1}"])', target.distribution.id, pattern) : vscode.l10n.t('"CloudFront: Create Key Pair"');
    throw new UserError(
      vscode.l10n.t(
        'No key in this window can sign for {0}: {1}. Create one with {2}, import its private key with "CloudFront: Import Private Key", or link a key kept in AWS with "CloudFront: Link Key Kept in AWS".',
        where,
        reasons,
        create,
      ),
      'keyPairId',
    );
  }
  const fixes = keyFixes(target, trustedPublicKeys(target, found.keyGroups));
  const message = vscode.l10n.t('No key in this window can sign for {0}: {1}. Create a key pair for it, import its private key, or link a key kept in AWS.', where, reasons);
  void context.ui.notify('warning', message, ...fixes.map((fix) => fix.label)).then((choice) => {
    const fix = fixes.find((f) => f.label === choice);
    if (fix) void vscode.commands.executeCommand(fix.command, ...(fix.argument === undefined ? [] : [fix.argument]));
  });
  throw new CancellationError();
}

/** Before asking anything: refuses (with the fixes) when no local key can sign for `target`. */
export async function requireSigningKey(context: SigningContext, url: string | undefined, target: SigningTarget | undefined): Promise<void> {
  const found = await candidatesFor(context, target);
  if (!found.candidates.some((c) => !c.disabledReason)) refuseWithoutKey(context, url, target, found);
}
