// What the account says about a signed URL, read through CloudFrontService for the pure diagnosis:
// the distribution whose domain name or alias is the URL's host (with its behaviors), the key groups,
// and GetPublicKey for the Key-Pair-Id. Every read is fresh (the user may just have fixed something),
// and a failed read becomes a warning instead of failing the diagnosis.
import type { CloudFrontSource } from '../../aws/awsSession';
import type { CloudFrontService } from '../../aws/cloudFrontService';
import { describeAwsError } from '../../aws/describeAwsError';
import { DistributionFinder } from '../../aws/distributionFinder';
import type { KeyGroupDirectory } from '../../aws/keyGroupDirectory';
import { isLegacyKeyPairId, originServing, requestPath, type AccountData, type DistributionData, type KeyGroupData, type PublicKeyData } from '../../signing/diagnose';
import { isAwsError } from '../../aws/awsError';
import { readPublicReadStatementIds } from '../../aws/publicRead';
import type { S3Buckets } from '../../aws/s3Buckets';
import { bucketResource, partitionOfArn, partitionOfRegion, partitionOfS3Domain } from '../../cloudfront/partitions';
import { bucketOfDomain, isPublicS3Origin } from '../../cloudfront/s3Origin';

export interface AccountSources {
  /** `buckets`: where the bucket behind an S3 origin is read (its policy and Block Public Access); without it that check is skipped. */
  readonly source: CloudFrontSource & { buckets?(): Promise<S3Buckets> };
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

/**
 * Who reads the bucket behind the S3 origin that serves `url` through an OAC or OAI: its public-read
 * statements (publicRead.ts, the check the S3 Buckets view makes). Undefined when no such origin serves it.
 */
async function readBucketAccess(sources: AccountSources, distribution: DistributionData | undefined, url: string): Promise<Read<AccountData['bucketAccess']>> {
  const { source } = sources;
  const readBuckets = source.buckets?.bind(source);
  const origin = distribution && originServing(distribution, requestPath(url)).origin;
  if (!readBuckets || !origin || origin.kind !== 's3' || isPublicS3Origin(origin)) return { value: undefined };
  const bucket = bucketOfDomain(origin.domainName);
  if (!bucket) return { value: undefined };
  // The bucket is in the partition of the distribution that reads it through its OAC.
  const partition = (distribution.arn !== undefined ? partitionOfArn(distribution.arn) : undefined) ?? partitionOfS3Domain(origin.domainName);
  return attempt(`s3:GetBucketPolicy (${bucketResource(bucket, partition)})`, source.profile, async () => {
    const s3 = await readBuckets();
    return { bucket, publicStatements: await readPublicReadStatementIds(s3, bucket, partition ?? partitionOfRegion(await s3.region(bucket))) };
  });
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
  const distributions: DistributionData[] = 'value' in target && target.value ? [target.value.distribution] : [];
  const bucketAccess = await readBucketAccess(sources, distributions[0], url);
  const problems = [target, groups, publicKey, bucketAccess].flatMap((read) => ('problem' in read ? [read.problem] : []));
  const keyGroups: KeyGroupData[] = 'value' in groups ? [...groups.value.values()] : [];
  return {
    distributions,
    keyGroups,
    ...('value' in publicKey && publicKey.value !== undefined && { publicKey: publicKey.value }),
    ...('value' in bucketAccess && bucketAccess.value !== undefined && { bucketAccess: bucketAccess.value }),
    ...(problems.length > 0 && { unavailable: problems.join('; ') }),
  };
}
