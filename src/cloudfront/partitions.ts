// AWS partitions as CloudFront and S3 reach them: a distribution of the China partition reads buckets
// whose ARNs are `arn:aws-cn:s3:::…` at domains ending in `.amazonaws.com.cn`; GovCloud's ARNs are
// `arn:aws-us-gov:…`. Every ARN and S3 domain the extension writes (bucket policy statements, the
// OAC's AWS:SourceArn, an origin's regional domain) takes its partition from here, never `arn:aws`
// by default.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
// https://docs.amazonaws.cn/en_us/aws/latest/userguide/endpoints-Beijing.html

export interface Partition {
  /** The ARN's second field: `aws`, `aws-cn`, `aws-us-gov`. */
  readonly id: 'aws' | 'aws-cn' | 'aws-us-gov';
  /** The suffix of the partition's service domains. */
  readonly dnsSuffix: 'amazonaws.com' | 'amazonaws.com.cn';
}

export const PARTITIONS = {
  aws: { id: 'aws', dnsSuffix: 'amazonaws.com' },
  'aws-cn': { id: 'aws-cn', dnsSuffix: 'amazonaws.com.cn' },
  'aws-us-gov': { id: 'aws-us-gov', dnsSuffix: 'amazonaws.com' },
} as const satisfies Record<Partition['id'], Partition>;

const isPartitionId = (id: string): id is Partition['id'] => Object.hasOwn(PARTITIONS, id);

/** The partition of an ARN; undefined for text that is no ARN or names a partition not in the table. */
export function partitionOfArn(arn: string): Partition | undefined {
  const id = /^arn:([a-z-]+):/.exec(arn)?.[1];
  return id !== undefined && isPartitionId(id) ? PARTITIONS[id] : undefined;
}

/** The partition of a region: cn-north-1 and cn-northwest-1 are in aws-cn, us-gov-* in aws-us-gov, the rest in aws. */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return PARTITIONS['aws-cn'];
  if (region.startsWith('us-gov-')) return PARTITIONS['aws-us-gov'];
  return PARTITIONS.aws;
}

/** The bucket's regional REST endpoint, the origin domain CloudFront recommends for OAC: `media.s3.cn-north-1.amazonaws.com.cn`. */
export function s3RegionalDomain(bucket: string, region: string): string {
  return `${bucket}.s3.${region}.${partitionOfRegion(region).dnsSuffix}`;
}

/** The region of a regional S3 domain (`media.s3.eu-west-1.amazonaws.com`, `….amazonaws.com.cn`); undefined for the global or legacy forms. */
export function regionOfS3Domain(domain: string): string | undefined {
  return /\.s3[.-]([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/.exec(domain)?.[1];
}

/** The partition of a regional S3 domain; undefined when the domain names no region. */
export function partitionOfS3Domain(domain: string): Partition | undefined {
  const region = regionOfS3Domain(domain);
  return region === undefined ? undefined : partitionOfRegion(region);
}

/** The ARN of the bucket itself: `arn:aws-cn:s3:::media`. */
export function bucketArn(bucket: string, partition: Partition): string {
  return `arn:${partition.id}:s3:::${bucket}`;
}

/** The bucket as a message names the resource of a failed call: its ARN when its partition is known, else its name. */
export function bucketResource(bucket: string, partition: Partition | undefined): string {
  return partition ? bucketArn(bucket, partition) : bucket;
}

/** The ARN of every object of `bucket`, as a Resource: `arn:aws:s3:::media/*`. */
export function bucketObjectsArn(bucket: string, partition: Partition): string {
  return `${bucketArn(bucket, partition)}/*`;
}

/**
 * The partition of a distribution (or any resource) known by its ARN, for statements written about
 * it; an ARN whose partition is not in the table is refused rather than written as `arn:aws`.
 */
export function distributionPartition(arn: string): Partition {
  const partition = partitionOfArn(arn);
  if (!partition) throw new Error(`${arn} is not an ARN of a partition this extension knows (${Object.keys(PARTITIONS).join(', ')})`);
  return partition;
}
