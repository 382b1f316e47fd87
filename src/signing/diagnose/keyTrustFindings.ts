// Whether the distribution that serves the URL trusts the key that signed it: the distribution is the
// one whose domain name or alternate domain name (alias) is the URL's host, the behavior is the one
// CloudFront picks for the path (src/cloudfront/routing.ts), and the key must be in a key group that behavior
// trusts. A behavior that does not restrict viewer access ignores signatures altogether.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html
import { error, ok, warning, type Finding } from './findings';
import { behaviorLabel, findDistribution, matchBehavior, requestPath } from '../../cloudfront/routing';
import { type AccountData, type BehaviorData, type DistributionData, type KeyGroupData, type PublicKeyData, type SignedRequest } from './types';
import { isLegacyKeyPairId } from '../../cloudfront/rules';

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** The hosts of a distribution other than `host`, for the URL variants a signer may have used. */
export function otherHostsOf(distribution: DistributionData | undefined, host: string): string[] {
  if (!distribution) return [];
  return [distribution.domainName, ...distribution.aliases].filter((name) => name.toLowerCase() !== host.toLowerCase());
}

const isRestricted = (behavior: BehaviorData): boolean => behavior.trustedKeyGroupIds.length > 0 || behavior.trustedSigners.length > 0;

function groupNames(ids: readonly string[], groups: ReadonlyMap<string, KeyGroupData>): string {
  return ids
    .map((id) => {
      const group = groups.get(id);
      return group ? `${group.name} (${id})` : id;
    })
    .join(', ');
}

function legacyKeyFindings(keyPairId: string, behavior: BehaviorData, where: string): Finding {
  if (behavior.trustedSigners.length > 0) {
    return warning(
      'LegacyKeyPair',
      `Key-Pair-Id ${keyPairId} is a legacy CloudFront key pair (APKA…) of an AWS account's root user; ${where} trusts the signers ${behavior.trustedSigners.join(', ')}. Whether that key pair is active cannot be read through the API.`,
      "Check the key pair under the root user's Security credentials, and move to key groups: upload the public key, add it to a key group, and trust the group in the behavior.",
    );
  }
  return error(
    'LegacyKeyNotTrusted',
    `Key-Pair-Id ${keyPairId} is a legacy CloudFront key pair (APKA…), but ${where} trusts only key groups, which hold public keys (IDs like K2JCJMDEHXQW5F); CloudFront answers InvalidKey.`,
    'Sign with a public key of a trusted key group: upload the public key of your key pair, add it to the key group, and use its new ID as Key-Pair-Id.',
  );
}

/** The account's public key for an ID: found, 'notFound', or undefined when the account data cannot say. */
export function lookupPublicKey(account: AccountData | undefined, keyPairId: string | undefined): PublicKeyData | 'notFound' | undefined {
  if (!account || keyPairId === undefined) return undefined;
  if (account.publicKey === 'notFound' || account.publicKey?.id === keyPairId) return account.publicKey;
  if (account.publicKeys) return account.publicKeys.find((key) => key.id === keyPairId) ?? 'notFound';
  return undefined;
}

function publicKeyFindings(keyPairId: string, behavior: BehaviorData, where: string, account: AccountData): Finding[] {
  const groups = new Map(account.keyGroups.map((group) => [group.id, group]));
  const publicKey = lookupPublicKey(account, keyPairId);
  const keyName = publicKey && publicKey !== 'notFound' ? ` (${publicKey.name})` : '';
  if (publicKey === 'notFound') {
    return [
      error(
        'UnknownKey',
        `No public key with ID ${keyPairId} exists in this account (GetPublicKey: NoSuchPublicKey); CloudFront answers InvalidKey "Unknown Key".`,
        'Use the ID of a public key in a key group the behavior trusts (the Keys view lists them); a key of another AWS account is unknown to this distribution.',
      ),
    ];
  }
  const trusting = behavior.trustedKeyGroupIds.filter((id) => groups.get(id)?.publicKeyIds.includes(keyPairId));
  if (trusting.length > 0) {
    return [ok('KeyTrusted', `Public key ${keyPairId}${keyName} is in key group ${groupNames(trusting, groups)}, which ${where} trusts.`)];
  }
  if (behavior.trustedKeyGroupIds.length === 0) {
    return [
      error(
        'KeyNotTrusted',
        `${where} trusts only legacy trusted signers (${behavior.trustedSigners.join(', ')}), not key groups, so public key ${keyPairId}${keyName} is not accepted; CloudFront answers InvalidKey.`,
        'Edit the behavior: restrict viewer access with trusted key groups, and trust the group that holds this key.',
      ),
    ];
  }
  const elsewhere = account.keyGroups.filter((group) => group.publicKeyIds.includes(keyPairId));
  const location =
    elsewhere.length > 0
      ? `It is in ${groupNames(
          elsewhere.map((g) => g.id),
          groups,
        )}, which this behavior does not trust.`
      : 'It is in no key group of this account.';
  return [
    error(
      'KeyNotTrusted',
      `Public key ${keyPairId}${keyName} is not in the key groups ${where} trusts (${groupNames(behavior.trustedKeyGroupIds, groups)}). ${location} CloudFront answers InvalidKey.`,
      `Add the key to a trusted key group (${groupNames(behavior.trustedKeyGroupIds.slice(0, 1), groups)}), or trust its key group in the behavior; the change takes a few minutes to deploy.`,
    ),
  ];
}

/** Findings about the distribution, behavior and key; `request.keyPairId` may be missing (reported elsewhere). */
export function keyTrustFindings(request: SignedRequest, account: AccountData): Finding[] {
  const findings: Finding[] = [];
  if (account.unavailable) {
    findings.push(
      warning(
        'AccountUnavailable',
        `Part of the account could not be read: ${account.unavailable}`,
        'Check the AWS profile and its permissions (cloudfront:ListDistributions, GetDistribution, ListKeyGroups, GetPublicKey), then diagnose again.',
      ),
    );
  }
  const host = hostOf(request.requestUrl);
  const distribution = findDistribution(account.distributions, host);
  if (!distribution) {
    if (account.distributions.length > 0 || !account.unavailable) {
      findings.push(
        warning(
          'DistributionNotFound',
          `No distribution in this account has the domain name or alternate domain name ${host}, so the behavior and key trust cannot be checked.`,
          "Choose the AWS profile of the account that owns the distribution, or check the URL's host.",
        ),
      );
    }
    return findings;
  }
  const path = requestPath(request.requestUrl);
  const behavior = matchBehavior(distribution.behaviors, path);
  if (!behavior) return findings;
  const where = `behavior ${behaviorLabel(behavior)} of distribution ${distribution.id}`;
  if (!isRestricted(behavior)) {
    findings.push(
      warning(
        'BehaviorNotRestricted',
        `${path} is served by ${where}, which does not restrict viewer access: CloudFront ignores the signature and serves the file to anyone.`,
        'If the file is private, edit the behavior: restrict viewer access and trust the key group that holds your key. If it is public, it needs no signature.',
      ),
    );
    return findings;
  }
  findings.push(
    ok(
      'BehaviorRestricted',
      `${path} is served by ${where}, which restricts viewer access to ${behavior.trustedKeyGroupIds.length > 0 ? `key groups ${groupNames(behavior.trustedKeyGroupIds, new Map(account.keyGroups.map((g) => [g.id, g])))}` : `legacy trusted signers ${behavior.trustedSigners.join(', ')}`}.`,
    ),
  );
  const keyPairId = request.keyPairId;
  if (keyPairId === undefined) return findings;
  findings.push(...(isLegacyKeyPairId(keyPairId) ? [legacyKeyFindings(keyPairId, behavior, where)] : publicKeyFindings(keyPairId, behavior, where, account)));
  return findings;
}

/** The distribution serving the request, when the account data has it. */
export function distributionFor(request: Pick<SignedRequest, 'requestUrl'>, account: AccountData | undefined): DistributionData | undefined {
  return account ? findDistribution(account.distributions, hostOf(request.requestUrl)) : undefined;
}
