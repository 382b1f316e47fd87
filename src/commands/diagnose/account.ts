// What the account says about a signed URL, read through CloudFrontService for the pure diagnosis:
// the distribution whose domain name or alias is the URL's host (with its behaviors), the key groups,
// and GetPublicKey for the Key-Pair-Id. Every read is fresh (the user may just have fixed something),
// and a failed read becomes a warning instead of failing the diagnosis.
import type { CloudFrontSource } from '../../aws/awsSession';
import type { CloudFrontService } from '../../aws/cloudFrontService';
import { describeAwsError } from '../../aws/describeAwsError';
import { DistributionFinder } from '../../aws/distributionFinder';
import type { KeyGroupDirectory } from '../../aws/keyGroupDirectory';
import { isLegacyKeyPairId, type AccountData, type DistributionData, type KeyGroupData, type PublicKeyData } from '../../signing/diagnose';
import { isAwsError } from '../../aws/awsError';

export interface AccountSources {
  readonly source: CloudFrontSource;
  readonly keyGroups: KeyGroupDirectory;
}

type Read<T> = { value: T } | { problem: string };

async function attempt<T>(action: string, profile: string | undefined, read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { value: await read() };
  } catch (error) {
    return { problem: describeAwsError(error, action, profile).message };
  }
}

async function readPublicKey(service: CloudFrontService, keyPairId: string | undefined, profile: string | undefined): Promise<Read<PublicKeyData | 'notFound' | undefined>> {
  // Legacy key pairs (APKA…) are not public keys: GetPublicKey cannot know them.
  if (keyPairId === undefined || isLegacyKeyPairId(keyPairId)) return { value: undefined };
  try {
    const { value } = await service.getPublicKey(keyPairId);
    return { value: { id: value.id, name: value.name, encodedKey: value.encodedKey } };
  } catch (error) {
    if (isAwsError(error, 'NoSuchPublicKey')) return { value: 'notFound' };
    return { problem: describeAwsError(error, 'cloudfront:GetPublicKey', profile).message };
  }
}

/** Reads what the diagnosis needs for `url` signed with `keyPairId`; never throws. */
export async function readAccount(sources: AccountSources, url: string, keyPairId: string | undefined): Promise<AccountData> {
  const profile = sources.source.profile;
  const service = await attempt('cloudfront', profile, () => sources.source.cloudFront());
  if ('problem' in service) return { distributions: [], keyGroups: [], unavailable: service.problem };
  const finder = new DistributionFinder(() => Promise.resolve(service.value));
  sources.keyGroups.reset();
  const [target, groups, publicKey] = await Promise.all([
    attempt('cloudfront:ListDistributions', profile, () => finder.target(url)),
    attempt('cloudfront:ListKeyGroups', profile, () => sources.keyGroups.byId()),
    readPublicKey(service.value, keyPairId, profile),
  ]);
  const problems = [target, groups, publicKey].flatMap((read) => ('problem' in read ? [read.problem] : []));
  const distributions: DistributionData[] = 'value' in target && target.value ? [target.value.distribution] : [];
  const keyGroups: KeyGroupData[] = 'value' in groups ? [...groups.value.values()] : [];
  return {
    distributions,
    keyGroups,
    ...('value' in publicKey && publicKey.value !== undefined && { publicKey: publicKey.value }),
    ...(problems.length > 0 && { unavailable: problems.join('; ') }),
  };
}
