// Whether the file behind a signed URL can be fetched without one: the behavior that serves the path
// fetches from an origin, and an S3 origin without an origin access control (OAC) or a legacy origin
// access identity (OAI) is read anonymously, so its bucket must be public and the signature protects
// nothing. https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
import { bucketOfDomain, isPublicS3Origin, oacStatementOf } from '../../cloudfront/s3Origin';
import { warning, type Finding } from './findings';
import { distributionFor } from './keyTrustFindings';
import { matchBehavior, requestPath } from '../../cloudfront/routing';
import { type AccountData, type SignedRequest } from './types';

/** A warning when the origin serving the request lets anyone read its bucket; nothing when it does not, or the account data cannot say. */
export function originFindings(request: Pick<SignedRequest, 'requestUrl'>, account: AccountData): Finding[] {
  const distribution = distributionFor(request, account);
  if (!distribution) return [];
  const path = requestPath(request.requestUrl);
  const behavior = matchBehavior(distribution.behaviors, path);
  const origin = distribution.origins?.find((o) => o.id === behavior?.targetOriginId);
  if (!origin || !isPublicS3Origin(origin)) return [];
  const bucket = bucketOfDomain(origin.domainName);
  const bucketName = bucket ? `bucket ${bucket}` : 'its bucket';
  const statement =
    bucket && distribution.arn ? ` this statement: ${JSON.stringify(oacStatementOf(bucket, distribution.arn))} (the OAC's permission to read)` : ' the statement that lets the OAC read';
  const finding = warning(
    'PublicBucketOrigin',
    `${path} is fetched from S3 origin ${origin.id} (${origin.domainName}) of distribution ${distribution.id}, which has no origin access control (OAC) or origin access identity: CloudFront reads ${bucketName} anonymously, so the bucket must allow public reads, and anyone can fetch the file straight from S3 without a signature.`,
    `Protect ${bucketName} with CloudFront: "Protect Bucket" after this diagnosis (or "Protect with CloudFront" on origin ${origin.id} of distribution ${distribution.id} in the Distributions view) puts the origin behind an origin access control, adds to the bucket policy${statement}, restricts the behavior to a key group, and then offers to close public access (S3 Block Public Access on, and no statement that grants public reads).`,
  );
  // The interactive diagnosis offers Protect for this bucket, distribution and behavior.
  return [bucket ? { ...finding, protect: { bucket, distributionId: distribution.id, ...(behavior?.pathPattern !== undefined ? { pathPattern: behavior.pathPattern } : {}) } } : finding];
}
