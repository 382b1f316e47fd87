// Which local keys may sign a URL: those whose public key is in a key group that the serving cache
// behavior trusts (or, for behaviors with legacy trusted signers, legacy key pair IDs). The others are
// listed too, with the reason they cannot sign, so the user sees why a key is missing.
import type { BehaviorSummary, KeyGroupSummary } from '../aws/cloudFrontService';
import { isLegacyKeyPairId } from '../cloudfront/rules';
import type { LocalKey } from './keyStore';

export interface KeyCandidate {
  key: LocalKey;
  /** Undefined when the key can sign; otherwise why not. */
  disabledReason?: string;
  /** The trusted key groups that hold it. */
  keyGroupNames: string[];
}

/** Why a key cannot sign, in the user's words (the sign commands pass localized ones). */
export interface DisabledReasons {
  notInCloudFront: string;
  /** `pattern` undefined: the default behavior. */
  untrusted(pattern: string | undefined, keyGroups: string): string;
  legacyOnly(pattern: string | undefined): string;
}

export interface CandidateContext {
  /** Undefined when the URL's host is no distribution of this account: trust cannot be checked. */
  behavior: BehaviorSummary | undefined;
  keyGroups: ReadonlyMap<string, KeyGroupSummary>;
}

export function keyCandidates(keys: readonly LocalKey[], context: CandidateContext, reasons: DisabledReasons): KeyCandidate[] {
  const behavior = context.behavior;
  return keys.map((key) => {
    const publicKeyId = key.publicKeyId;
    if (!publicKeyId) return { key, keyGroupNames: [], disabledReason: reasons.notInCloudFront };
    const groups = (behavior?.trustedKeyGroupIds ?? []).map((id) => context.keyGroups.get(id)).filter((g): g is KeyGroupSummary => g !== undefined);
    const holding = groups.filter((g) => g.publicKeyIds.includes(publicKeyId)).map((g) => g.name);
    if (!behavior) return { key, keyGroupNames: [] };
    if (holding.length > 0) return { key, keyGroupNames: holding };
    if (behavior.trustedSigners.length > 0 && isLegacyKeyPairId(publicKeyId)) return { key, keyGroupNames: [] };
    if (behavior.trustedKeyGroupIds.length === 0 && behavior.trustedSigners.length === 0) {
      // CloudFront ignores signatures here; any key "works", which is worth saying, not refusing.
      return { key, keyGroupNames: [] };
    }
    const trusted = groups.map((g) => g.name).join(', ') || behavior.trustedKeyGroupIds.join(', ');
    return {
      key,
      keyGroupNames: [],
      disabledReason: trusted ? reasons.untrusted(behavior.pathPattern, trusted) : reasons.legacyOnly(behavior.pathPattern),
    };
  });
}

/**
 * The key to sign with when nobody is asked: the one used last for this distribution, else the
 * default signer of a trusted key group, else the only key that can sign. Undefined when that is
 * not clear.
 */
export function automaticKey(candidates: readonly KeyCandidate[], lastUsed: string | undefined, defaultSigners: readonly string[]): KeyCandidate | undefined {
  const usable = candidates.filter((c) => !c.disabledReason);
  return (
    usable.find((c) => c.key.publicKeyId === lastUsed) ??
    usable.find((c) => c.key.publicKeyId !== undefined && defaultSigners.includes(c.key.publicKeyId)) ??
    (usable.length === 1 ? usable[0] : undefined)
  );
}
