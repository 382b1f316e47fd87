// S3 origins as CloudFront reaches them, with no UI import: the bucket behind an origin domain, whether
// an origin lets anyone read its bucket, and the bucket policy statement an origin access control (OAC)
// needs, as the CloudFront console's "Copy policy" button produces it. The tree, "Copy Bucket Policy"
// and the diagnosis all read them from here.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html

/** How an origin reaches its files: the fields of an origin that say who may read the bucket. */
export interface OriginAccess {
  readonly domainName: string;
  readonly kind: 's3' | 'custom';
  readonly originAccessControlId?: string;
  readonly originAccessIdentity?: string;
}

/**
 * The bucket behind an S3 origin domain: `bucket.s3.amazonaws.com`, `bucket.s3.us-east-1.amazonaws.com`,
 * or the legacy `bucket.s3-us-west-2.amazonaws.com`. undefined for anything else (a website endpoint
 * is a custom origin and cannot use OAC).
 */
export function bucketOfDomain(domainName: string): string | undefined {
  return /^(.+)\.s3(?![.-]website)(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/.exec(domainName)?.[1];
}

/**
 * An S3 origin with neither an origin access control nor a legacy origin access identity: CloudFront
 * reads the bucket anonymously, so the bucket must allow public reads, and anyone can fetch its
 * files straight from S3, without a signed URL.
 */
export function isPublicS3Origin(origin: OriginAccess): boolean {
  return origin.kind === 's3' && !origin.originAccessControlId && !origin.originAccessIdentity;
}

/**
 * The AWS partition of an ARN (`aws`, `aws-cn` for China, `aws-us-gov` for GovCloud…): a distribution in
 * China reads buckets whose ARNs are `arn:aws-cn:s3:::…`. `aws` when the text is no ARN.
 */
export function partitionOfArn(arn: string): string {
  const match = /^arn:(aws(?:-[a-z]+)*):/.exec(arn);
  return match ? match[1] : 'aws';
}

/** The partition of a region: cn-north-1 is in aws-cn, us-gov-west-1 in aws-us-gov, the rest in aws. */
export function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The ARN of every object of `bucket`, in `partition`, as a Resource: `arn:aws:s3:::media/*`. */
export function bucketObjectsArn(bucket: string, partition: string): string {
  return `arn:${partition}:s3:::${bucket}/*`;
}

/** The Sid of the statement that lets an OAC read a bucket (CloudFront console's "Copy policy"). */
export const OAC_STATEMENT_SID = 'AllowCloudFrontServicePrincipal';

/**
 * The bucket policy statement that lets the OAC of distribution `distributionArn` read `bucket`, in the
 * distribution's partition.
 */
export function oacStatementOf(bucket: string, distributionArn: string, sid = OAC_STATEMENT_SID): object {
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal: { Service: 'cloudfront.amazonaws.com' },
    Action: 's3:GetObject',
    Resource: bucketObjectsArn(bucket, partitionOfArn(distributionArn)),
    Condition: { StringEquals: { 'AWS:SourceArn': distributionArn } },
  };
}

/** The whole bucket policy with that statement. */
export function oacBucketPolicyOf(bucket: string, distributionArn: string): object {
  return { Version: '2008-10-17', Id: 'PolicyForCloudFrontPrivateContent', Statement: [oacStatementOf(bucket, distributionArn)] };
}
