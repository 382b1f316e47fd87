// Whether the file behind a signed URL can be fetched without one: the behavior that serves the path
// fetches from an origin, and an S3 origin without an origin access control (OAC) or a legacy origin
// access identity (OAI) is read anonymously, so its bucket must be public and the signature protects
// nothing. An origin that reads through an OAC (or OAI) protects nothing either while the bucket's
// policy lets anyone read its objects (PublicBucketPolicy, when the caller read the policy).
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
import { bucketOfDomain, isPublicS3Origin, oacStatementOf } from '../../cloudfront/s3Origin';
import { warning, type Finding } from './findings';
import { distributionFor } from './keyTrustFindings';
import { matchBehavior, requestPath } from '../../cloudfront/routing';
import { partitionOfArn } from '../../cloudfront/partitions';
import { type AccountData, type BehaviorData, type DistributionData, type OriginData, type SignedRequest } from './types';

/** The behavior of `distribution` that serves `path`, and the origin it fetches from, as far as the data says. */
export function originServing(distribution: DistributionData, path: string): { behavior?: BehaviorData; origin?: OriginData } {
  const behavior = matchBehavior(distribution.behaviors, path);
  const origin = distribution.origins?.find((o) => o.id === behavior?.targetOriginId);
  return { ...(behavior ? { behavior } : {}), ...(origin ? { origin } : {}) };
}

/** A warning when the origin serving the request lets anyone read its bucket; nothing when it does not, or the account data cannot say. */
export function originFindings(request: Pick<SignedRequest, 'requestUrl'>, account: AccountData): Finding[] {
  const distribution = distributionFor(request, account);
  if (!distribution) return [];
  const path = requestPath(request.requestUrl);
  const { behavior, origin } = originServing(distribution, path);
  if (!origin) return [];
  if (!isPublicS3Origin(origin)) return origin.kind === 's3' ? publicPolicyFindings(path, origin, distribution.id, account) : [];
  const bucket = bucketOfDomain(origin.domainName);
  const bucketName = bucket ? `bucket ${bucket}` : 'its bucket';
  const statement =
    bucket && distribution.arn && partitionOfArn(distribution.arn)
      ? ` this statement: ${JSON.stringify(oacStatementOf(bucket, distribution.arn))} (the OAC's permission to read)`
      : ' the statement that lets the OAC read';
  const finding = warning(
    'PublicBucketOrigin',
    `${path} is fetched from S3 origin ${origin.id} (${origin.domainName}) of distribution ${distribution.id}, which has no origin access control (OAC) or origin access identity: CloudFront reads ${bucketName} anonymously, so the bucket must allow public reads, and anyone can fetch the file straight from S3 without a signature.`,
    `Protect ${bucketName} with CloudFront: "Protect Bucket" after this diagnosis (or "Protect with CloudFront" on origin ${origin.id} of distribution ${distribution.id} in the Distributions view) puts the origin behind an origin access control, adds to the bucket policy${statement}, restricts the behavior to a key group, and then offers to close public access (S3 Block Public Access on, and no statement that grants public reads).`,
  );
  // The interactive diagnosis offers Protect for this bucket, distribution and behavior.
  return [bucket ? { ...finding, protect: { bucket, distributionId: distribution.id, ...(behavior?.pathPattern !== undefined ? { pathPattern: behavior.pathPattern } : {}) } } : finding];
}

/** An origin through an OAC or OAI whose bucket policy still lets anyone read: PublicBucketPolicy, with Close Public Access. */
function publicPolicyFindings(path: string, origin: OriginData, distributionId: string, account: AccountData): Finding[] {
  const bucket = bucketOfDomain(origin.domainName);
  const access = account.bucketAccess;
  if (!bucket || access?.bucket !== bucket || access.publicStatements.length === 0) return [];
  const through = origin.originAccessControlId ? `origin access control ${origin.originAccessControlId}` : 'a legacy origin access identity';
  const finding = warning(
    'PublicBucketPolicy',
    `${path} is fetched from S3 origin ${origin.id} of distribution ${distributionId} through ${through}, but the policy of bucket ${bucket} lets anyone read its objects straight from S3 (statements ${access.publicStatements.join(', ')}), and S3 Block Public Access does not restrict it: anyone can fetch the file without a signature.`,
    `Close public access to bucket ${bucket}: "Close Public Access" after this diagnosis (or on the bucket's row in the S3 Buckets view) removes those statements, every other byte of the policy kept, and turns S3 Block Public Access on; CloudFront keeps reading through its ${origin.originAccessControlId ? 'origin access control' : 'origin access identity'}.`,
  );
  return [{ ...finding, closePublicAccess: { bucket } }];
}
