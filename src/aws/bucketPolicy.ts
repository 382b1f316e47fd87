// The S3 bucket policy statement an origin access control (OAC) needs, as the CloudFront console's
// "Copy policy" button produces it.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
import type { DistributionSummary, OriginSummary } from './cloudFrontService';

/**
 * The bucket behind an S3 origin domain: `bucket.s3.amazonaws.com`, `bucket.s3.us-east-1.amazonaws.com`,
 * or the legacy `bucket.s3-us-west-2.amazonaws.com`. undefined for anything else (a website endpoint
 * is a custom origin and cannot use OAC).
 */
export function bucketOfOrigin(origin: OriginSummary): string | undefined {
  return bucketOfDomain(origin.domainName);
}

export function bucketOfDomain(domainName: string): string | undefined {
  return /^(.+)\.s3(?![.-]website)(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/.exec(domainName)?.[1];
}

export function oacBucketPolicy(distribution: DistributionSummary, origin: OriginSummary): string | undefined {
  const bucket = bucketOfOrigin(origin);
  if (!bucket) return undefined;
  const policy = {
    Version: '2008-10-17',
    Id: 'PolicyForCloudFrontPrivateContent',
    Statement: [
      {
        Sid: 'AllowCloudFrontServicePrincipal',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${bucket}/*`,
        Condition: { StringEquals: { 'AWS:SourceArn': distribution.arn } },
      },
    ],
  };
  return JSON.stringify(policy, null, 2);
}
