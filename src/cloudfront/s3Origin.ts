// S3 origins as CloudFront reaches them, with no UI import: the bucket behind an origin domain, whether
// an origin lets anyone read its bucket, and the bucket policy statement an origin access control (OAC)
// needs, as the CloudFront console's "Copy policy" button produces it. The tree, "Copy Bucket Policy"
// and the diagnosis all read them from here.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
import { bucketObjectsArn, distributionPartition } from './partitions';

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

/** The Sid of the statement that lets an OAC read a bucket (CloudFront console's "Copy policy"). */
export const OAC_STATEMENT_SID = 'AllowCloudFrontServicePrincipal';

/**
 * The bucket policy statement that lets the OAC of distribution `distributionArn` read `bucket`, in the
 * distribution's partition (`arn:aws-cn:s3:::…` for a distribution in China).
 */
export function oacStatementOf(bucket: string, distributionArn: string, sid = OAC_STATEMENT_SID): object {
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal: { Service: 'cloudfront.amazonaws.com' },
    Action: 's3:GetObject',
    Resource: bucketObjectsArn(bucket, distributionPartition(distributionArn)),
    Condition: { StringEquals: { 'AWS:SourceArn': distributionArn } },
  };
}

/** The whole bucket policy with that statement. */
export function oacBucketPolicyOf(bucket: string, distributionArn: string): object {
  return { Version: '2008-10-17', Id: 'PolicyForCloudFrontPrivateContent', Statement: [oacStatementOf(bucket, distributionArn)] };
}
