// The one place where AWS clients are built: region, credentials, retries and user agent.
// Endpoints are never set here: the SDK reads them from standard AWS configuration only
// (AWS_ENDPOINT_URL_CLOUDFRONT, AWS_ENDPOINT_URL_KMS, …, or a profile's endpoint_url), never from
// workspace settings.
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { typedErrorsMiddleware } from './awsError';
import { loadKeysSdk, loadS3Sdk, loadSdk } from './loadSdk';
import { ANSWERING_SERVICES, UNREADABLE_ANSWER_STEP, unreadableAnswerMiddleware, type AnsweringService } from './unreadableAnswer';

export interface AwsConnection {
  /** A profile of ~/.aws/config or ~/.aws/credentials; undefined uses the SDK's default chain. */
  profile?: string;
  /** Extension name and version, sent in the user agent so CloudTrail shows who called. */
  userAgent: string;
}

/** CloudFront is a global service whose control plane is signed for us-east-1. */
export const CLOUDFRONT_REGION = 'us-east-1';

/**
 * How long a call may wait for a connection, and for the next byte once connected. Without limits a
 * call to an endpoint that accepts the connection and never answers hangs forever; with them the SDK
 * gets a TimeoutError, which it retries like any transient failure (maxAttempts) before giving up.
 * CloudFront's control plane answers in well under a second, so 15 s of silence is a dead call.
 * The test launcher shortens the idle limit (CFPC_AWS_SOCKET_TIMEOUT_MS) so that its fault proxy can
 * make calls time out within a test.
 * https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-configuring-maxsockets.html
 */
export function requestTimeouts(env: NodeJS.ProcessEnv = process.env): { connectionTimeout: number; socketTimeout: number } {
  const override = Number(env.CFPC_AWS_SOCKET_TIMEOUT_MS);
  return { connectionTimeout: 5_000, socketTimeout: Number.isFinite(override) && override > 0 ? override : 15_000 };
}

/**
 * The client seam, the one error path of every AWS client the extension builds: whatever a call
 * throws (after the SDK's retries and redirects, which run inside it) reaches the caller as an
 * AwsError with a code (awsError.ts), and an answer that is not the service's (an HTML page, an empty
 * body) fails as one UnreadableAwsAnswer naming the service, the operation and the HTTP status
 * (unreadableAnswer.ts). No code outside this seam reads an SDK error's `name` or `$metadata`.
 */
interface SeamStack {
  add<I, O>(middleware: (next: (args: I) => Promise<O>) => (args: I) => Promise<O>, options: { step: 'initialize'; priority: 'high'; name: string }): void;
  add(middleware: ReturnType<typeof unreadableAnswerMiddleware>, options: typeof UNREADABLE_ANSWER_STEP): void;
}
export function withSeam<C extends { middlewareStack: SeamStack }>(client: C, service: AnsweringService): C {
  client.middlewareStack.add((next) => typedErrorsMiddleware(next), { step: 'initialize', priority: 'high', name: 'cfpcTypedErrors' });
  client.middlewareStack.add(unreadableAnswerMiddleware(service), UNREADABLE_ANSWER_STEP);
  return client;
}

export async function buildCloudFrontClient(connection: AwsConnection): Promise<CloudFrontClient> {
  const sdk = await loadSdk();
  return withSeam(
    new sdk.CloudFrontClient({
      region: CLOUDFRONT_REGION,
      ...(connection.profile ? { profile: connection.profile } : {}),
      // Adaptive retry backs off on throttling (400 Throttling, 503 SlowDown) across all calls of the client.
      retryMode: 'adaptive',
      maxAttempts: 5,
      requestHandler: requestTimeouts(),
      customUserAgent: connection.userAgent,
    }),
    ANSWERING_SERVICES.cloudFront,
  );
}

/**
 * An S3 client for reading the buckets behind S3 origins. Buckets live in any region: the client
 * follows S3's redirect to the bucket's region instead of failing with PermanentRedirect.
 */
export async function buildS3Client(connection: AwsConnection): Promise<S3Client> {
  const sdk = await loadS3Sdk();
  return withSeam(
    new sdk.S3Client({
      region: CLOUDFRONT_REGION,
      followRegionRedirects: true,
      ...(connection.profile ? { profile: connection.profile } : {}),
      retryMode: 'adaptive',
      maxAttempts: 5,
      requestHandler: requestTimeouts(),
      customUserAgent: connection.userAgent,
    }),
    ANSWERING_SERVICES.s3,
  );
}

/**
 * The clients for keys kept in AWS (KMS, Secrets Manager, SSM). They are regional: without `region`
 * the SDK takes the profile's region (or AWS_REGION), as the AWS CLI does; a key known by its ARN
 * passes the ARN's region, so it is reached wherever the profile points today.
 */
export interface KeyClients {
  kms: KMSClient;
  secretsManager: SecretsManagerClient;
  ssm: SSMClient;
}

export async function buildKeyClients(connection: AwsConnection, region?: string): Promise<KeyClients> {
  const sdk = await loadKeysSdk();
  const config = {
    ...(region ? { region } : {}),
    ...(connection.profile ? { profile: connection.profile } : {}),
    // Adaptive retry for Secrets Manager and SSM (KMS: see below).
    retryMode: 'adaptive',
    maxAttempts: 5,
    requestHandler: requestTimeouts(),
    customUserAgent: connection.userAgent,
  };
  // kms:Sign in bulk: standard retries (backoff with jitter, no client-side rate limit). Bulk signing
  // adapts its own concurrency to throttling (signConcurrently, AIMD); the adaptive mode's token bucket
  // on top of it fell to its floor of one call per 2 s after a burst of throttles (measured: 60 URLs took
  // 80 s after 45 throttled calls, against moto through the fault proxy).
  const clients = {
    kms: withSeam(new sdk.KMSClient({ ...config, retryMode: 'standard' }), ANSWERING_SERVICES.kms),
    secretsManager: withSeam(new sdk.SecretsManagerClient(config), ANSWERING_SERVICES.secretsManager),
    ssm: withSeam(new sdk.SSMClient(config), ANSWERING_SERVICES.ssm),
  };
  // Without a region every call would fail with the SDK's bare "Region is missing": say it once, with the fix.
  if (!region) await clients.kms.config.region().catch(() => Promise.reject(new MissingRegionError(connection.profile)));
  return clients;
}

/** Neither the profile nor AWS_REGION names a region, and KMS, Secrets Manager and SSM are regional. */
export class MissingRegionError extends Error {
  override readonly name = 'MissingRegionError';
  constructor(readonly profile: string | undefined) {
    super(`No AWS region for ${profile ? `profile ${profile}` : 'the default credentials'}`);
  }
}
