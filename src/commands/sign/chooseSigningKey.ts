// The key that signs a URL: only local keys whose public key a key group of the serving behavior
// holds can sign; the others are listed with the reason. Automation names it (`keyPairId`) or gets
// the one the choice is clear for.
import * as vscode from 'vscode';
import type { UrlTarget } from '../../aws/distributionFinder';
import { UserError } from '../../errors';
import { automaticKey, keyCandidates, type DisabledReasons, type KeyCandidate } from '../../keys/signingKeys';
import type { PolicySigner } from '../../signing';
import type { PolicyChoice } from './policyOptions';
import { lastKeyMemory, type SigningContext } from './signingContext';
import { privateKeyPlace } from '../../ui/privateKeyPlace';

export interface ChosenKey {
  publicKeyId: string;
  /** This machine's key, a KMS key or a PEM read from AWS: every key signs through a PolicySigner. */
  signer: PolicySigner;
  candidate: KeyCandidate;
}

/** What every sign command passes to the signing core: the key and the policy's conditions (not its resource). */
export function signWith(key: ChosenKey, policy: PolicyChoice) {
  return {
    keyPairId: key.publicKeyId,
    signer: key.signer,
    expires: policy.expires,
    ...(policy.activeFrom ? { activeFrom: policy.activeFrom } : {}),
    ...(policy.ipRange ? { ipRange: policy.ipRange } : {}),
    ...(policy.hashAlgorithm ? { hashAlgorithm: policy.hashAlgorithm } : {}),
  };
}

/** A behavior by its path pattern; undefined is the default behavior. */
const behaviorName = (pattern: string | undefined): string => pattern ?? vscode.l10n.t('Default (*)');

function describeTarget(url: string, target: UrlTarget | undefined): string {
  if (!target) return vscode.l10n.t('{0} is not a distribution of this account', new URL(url).host);
  return vscode.l10n.t('{0}, behavior {1}', target.distribution.id, behaviorName(target.behavior?.pathPattern));
}

const disabledReasons = (): DisabledReasons => ({
  notInCloudFront: vscode.l10n.t('its public key is not in CloudFront yet'),
  untrusted: (pattern, keyGroups) => vscode.l10n.t('not in a key group that {0} trusts ({1})', behaviorName(pattern), keyGroups),
  legacyOnly: (pattern) => vscode.l10n.t('{0} trusts only legacy trusted signers', behaviorName(pattern)),
});

/** undefined `interactive` ui: automation; the error names `keyPairId`. */
export async function chooseSigningKey(context: SigningContext, url: string, target: UrlTarget | undefined, request: { keyPairId?: string; interactive: boolean }): Promise<ChosenKey> {
  const keyGroups = target ? await context.keyGroups.byId() : new Map();
  const candidates = keyCandidates(context.keyStore.list(), { behavior: target?.behavior, keyGroups }, disabledReasons());
  const lastUsed = target ? context.memory.get<string>(lastKeyMemory(target.distribution.id)) : undefined;
  const defaultSigners = (target?.behavior?.trustedKeyGroupIds ?? []).flatMap((id) => context.keyStore.defaultSigner(id)?.publicKeyId ?? []);

  let chosen: KeyCandidate | undefined;
  if (request.keyPairId) {
    chosen = candidates.find((c) => c.key.publicKeyId === request.keyPairId);
    if (!chosen) {
      throw new UserError(
        vscode.l10n.t('No private key for {0} on this machine: create or import it with "CloudFront: Create Key Pair" or "CloudFront: Import Private Key".', request.keyPairId),
        'keyPairId',
      );
    }
    if (chosen.disabledReason) {
      throw new UserError(vscode.l10n.t('Key {0} cannot sign {1}: {2}.', request.keyPairId, describeTarget(url, target), chosen.disabledReason), 'keyPairId');
    }
  } else if (!request.interactive || candidates.filter((c) => !c.disabledReason).length === 1) {
    chosen = automaticKey(candidates, lastUsed, defaultSigners);
  }
  if (!chosen && !request.interactive) {
    const usable = candidates.filter((c) => !c.disabledReason);
    throw new UserError(
      usable.length === 0
        ? vscode.l10n.t('No key on this machine can sign for {0}: {1}', describeTarget(url, target), reasonsOf(candidates))
        : vscode.l10n.t('Several keys can sign for {0} ({1}): pass keyPairId.', describeTarget(url, target), usable.map((c) => c.key.publicKeyId).join(', ')),
      'keyPairId',
    );
  }
  if (!chosen) chosen = await pickKey(context, url, target, candidates, lastUsed ?? defaultSigners[0]);

  return { publicKeyId: chosen.key.publicKeyId!, signer: await context.signers.signerFor(chosen.key), candidate: chosen };
}

function reasonsOf(candidates: readonly KeyCandidate[]): string {
  if (candidates.length === 0) return vscode.l10n.t('there are no local keys; create a key pair first.');
  return candidates.map((c) => `${c.key.name} (${c.key.publicKeyId ?? c.key.fingerprint.slice(0, 8)}): ${c.disabledReason}`).join('; ');
}

async function pickKey(context: SigningContext, url: string, target: UrlTarget | undefined, candidates: KeyCandidate[], preferred: string | undefined): Promise<KeyCandidate> {
  if (candidates.length === 0) {
    throw new UserError(vscode.l10n.t('No private keys on this machine yet: run "CloudFront: Create Key Pair" or "CloudFront: Import Private Key" first.'), 'keyPairId');
  }
  if (candidates.every((c) => c.disabledReason)) {
    throw new UserError(vscode.l10n.t('No key on this machine can sign for {0}: {1}', describeTarget(url, target), reasonsOf(candidates)), 'keyPairId');
  }
  const ordered = [...candidates].sort((a, b) => Number(!!a.disabledReason) - Number(!!b.disabledReason));
  return context.ui.pick({
    title: vscode.l10n.t('Sign with which key?'),
    placeholder: target ? vscode.l10n.t('Keys trusted by {0} come first', describeTarget(url, target)) : vscode.l10n.t('{0}: trust cannot be checked', describeTarget(url, target)),
    items: ordered.map((c) => ({
      label: `${c.disabledReason ? '$(circle-slash) ' : '$(key) '}${c.key.name}`,
      // Where it signs from, as the Keys view says it (a local key whose secret is missing is said so when it signs).
      description: [c.key.publicKeyId, c.key.algorithm, c.keyGroupNames.join(', '), privateKeyPlace(c.key, true).description].filter(Boolean).join(' · '),
      ...(c.disabledReason ? { detail: vscode.l10n.t('Cannot sign: {0}', c.disabledReason) } : {}),
      value: c,
      picked: c.key.publicKeyId === preferred,
    })),
    validate: (c) => (c.disabledReason ? vscode.l10n.t('{0} cannot sign this URL: {1}', c.key.name, c.disabledReason) : undefined),
  });
}
