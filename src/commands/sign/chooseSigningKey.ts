// The key that signs a URL: only local keys whose public key a key group of the serving behavior
// holds can sign; the others are listed with the reason. Automation names it (`keyPairId`) or, the
// pick answered unattended, gets the one the choice is clear for.
import * as vscode from 'vscode';
import type { UrlTarget } from '../../aws/distributionFinder';
import { UserError } from '../../errors';
import { automaticKey, type KeyCandidate } from '../../keys/signingKeys';
import type { PolicySigner } from '../../signing';
import { hashForKey } from './hashSetting';
import { candidatesFor, describeTarget, disabledReasons, refuseWithoutKey } from './noSigningKey';
import type { PolicyChoice } from './policyOptions';
import { lastKeyMemory, type SigningContext } from './signingContext';
import { privateKeyPlace } from '../../ui/privateKeyPlace';

export interface ChosenKey {
  publicKeyId: string;
  /** This machine's key, a KMS key or a PEM read from AWS: every key signs through a PolicySigner. */
  signer: PolicySigner;
  candidate: KeyCandidate;
}

/**
 * What every sign command passes to the signing core: the key, the policy's conditions (not its
 * resource) and the hash: the one asked for, else the `cloudfront.signing.hashAlgorithm` setting's
 * where the key can sign with it.
 */
export function signWith(key: ChosenKey, policy: PolicyChoice) {
  const hashAlgorithm = hashForKey(key.signer, policy.hashAlgorithm);
  return {
    keyPairId: key.publicKeyId,
    signer: key.signer,
    expires: policy.expires,
    ...(policy.activeFrom ? { activeFrom: policy.activeFrom } : {}),
    ...(policy.ipRange ? { ipRange: policy.ipRange } : {}),
    ...(hashAlgorithm ? { hashAlgorithm } : {}),
  };
}

/**
 * The key given (`keyPairId`), else the only one that can sign, else asked through `context.ui`:
 * without a person, the one the choice is clear for (the key last used for the distribution, the key
 * group's default signer) or a UserError that asks for `keyPairId`. `offerFixes` false: when no key
 * can sign, refuse with the words automation gets instead of offering the fixes (a document's URL is skipped).
 */
export async function chooseSigningKey(
  context: SigningContext,
  url: string,
  target: UrlTarget | undefined,
  request: { readonly keyPairId?: string | undefined; readonly offerFixes?: boolean } = {},
): Promise<ChosenKey> {
  const found = await candidatesFor(context, target);
  const candidates = found.candidates;
  const usable = candidates.filter((c) => !c.disabledReason);
  const lastUsed = target ? context.memory.get<string>(lastKeyMemory(target.distribution.id)) : undefined;
  const defaultSigners = (target?.behavior?.trustedKeyGroupIds ?? []).flatMap((id) => context.keyStore.defaultSigner(id)?.publicKeyId ?? []);

  const chosen = request.keyPairId ? givenKey(candidates, request.keyPairId, url, target) : usable.length === 1 ? automaticKey(candidates, lastUsed, defaultSigners) : undefined;
  // Nothing here can sign: say so with the fixes (a person gets them as buttons), never a bare error.
  if (!chosen && usable.length === 0) refuseWithoutKey(context, url, target, found, request.offerFixes);
  const candidate = chosen ?? (await pickKey(context, url, target, candidates, lastUsed ?? defaultSigners[0], automaticKey(candidates, lastUsed, defaultSigners)));
  // A key that can sign is in CloudFront (one that is not is disabled, and refused above): it has its id.
  const publicKeyId = candidate.key.publicKeyId;
  if (!publicKeyId) throw new UserError(vscode.l10n.t('{0} cannot sign: {1}.', candidate.key.name, disabledReasons().notInCloudFront), 'keyPairId');
  return { publicKeyId, signer: await context.signers.signerFor(candidate.key), candidate };
}

/** The key `keyPairId` names, or a UserError naming keyPairId when it is not here or cannot sign for `target`. */
function givenKey(candidates: readonly KeyCandidate[], keyPairId: string, url: string, target: UrlTarget | undefined): KeyCandidate {
  const given = candidates.find((c) => c.key.publicKeyId === keyPairId);
  if (!given) {
    throw new UserError(vscode.l10n.t('No private key for {0} on this machine: create or import it with "CloudFront: Create Key Pair" or "CloudFront: Import Private Key".', keyPairId), 'keyPairId');
  }
  if (given.disabledReason) throw new UserError(vscode.l10n.t('Key {0} cannot sign {1}: {2}.', keyPairId, describeTarget(url, target), given.disabledReason), 'keyPairId');
  return given;
}

/** Asks which key signs; without a person, the one the choice is clear for (`automatic`), else a UserError asking for keyPairId. */
async function pickKey(
  context: SigningContext,
  url: string,
  target: UrlTarget | undefined,
  candidates: KeyCandidate[],
  preferred: string | undefined,
  automatic: KeyCandidate | undefined,
): Promise<KeyCandidate> {
  const usable = candidates.filter((c) => !c.disabledReason);
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
    unattended: automatic
      ? { answer: automatic }
      : {
          missing: 'keyPairId',
          message: vscode.l10n.t('Several keys can sign for {0} ({1}): pass keyPairId.', describeTarget(url, target), usable.map((c) => c.key.publicKeyId).join(', ')),
        },
  });
}
