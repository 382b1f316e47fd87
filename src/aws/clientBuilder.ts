// The one place where CloudFront clients are built: region, credentials, retries and user agent.
// Endpoints are never set here: the SDK reads them from standard AWS configuration only
// (AWS_ENDPOINT_URL_CLOUDFRONT, or a profile's endpoint_url), never from workspace settings.
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
import { loadSdk } from './loadSdk';
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';

export interface AwsConnection {
  /** A profile of ~/.aws/config or ~/.aws/credentials; undefined uses the SDK's default chain. */
  profile?: string;
  /** Extension name and version, sent in the user agent so CloudTrail shows who called. */
  userAgent: string;
}

/** CloudFront is a global service whose control plane is signed for us-east-1. */
export const CLOUDFRONT_REGION = 'us-east-1';

export async function buildCloudFrontClient(connection: AwsConnection): Promise<CloudFrontClient> {
  const sdk = await loadSdk();
  return new sdk.CloudFrontClient({
    region: CLOUDFRONT_REGION,
    ...(connection.profile ? { profile: connection.profile } : {}),
    // Adaptive retry backs off on throttling (400 Throttling, 503 SlowDown) across all calls of the client.
    retryMode: 'adaptive',
    maxAttempts: 5,
    customUserAgent: connection.userAgent,
  });
}
