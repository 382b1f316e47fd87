// The S3 bucket policy an origin access control (OAC) needs, for a distribution and origin as read
// from CloudFront (the rules themselves are in src/cloudfront/s3Origin.ts).
import { bucketOfDomain, oacBucketPolicyOf } from '../cloudfront/s3Origin';
import type { DistributionSummary, OriginSummary } from './cloudFrontService';

export { bucketOfDomain };

/** The bucket behind an S3 origin; undefined for any other origin domain. */
export function bucketOfOrigin(origin: OriginSummary): string | undefined {
  return bucketOfDomain(origin.domainName);
}

export function oacBucketPolicy(distribution: DistributionSummary, origin: OriginSummary): string | undefined {
  const bucket = bucketOfOrigin(origin);
  return bucket ? JSON.stringify(oacBucketPolicyOf(bucket, distribution.arn), null, 2) : undefined;
}
