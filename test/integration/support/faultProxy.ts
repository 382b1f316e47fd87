// Drives the fault proxy the launcher puts between the extension host and moto
// (test/runner/lib/faultProxy.mjs; its control address is CFPC_FAULT_PROXY). Rules name CloudFront
// operations by their REST route, KMS ones by their X-Amz-Target header, and, by default, hit only the extension's calls (its user agent), so
// the tests' own seeding and checks stay clean.
import { ScriptedUi } from '../../fakes/scriptedUi';

/** CloudFront's own answers for each fault, as the SDK sees them. */
export const Faults = {
  throttling: { status: 400, code: 'Throttling', message: 'Rate exceeded' },
  slowDown: { status: 503, code: 'SlowDown', message: 'Please reduce your request rate' },
  internalError: { status: 500, code: 'InternalError', message: 'We encountered an internal error' },
  accessDenied: { status: 403, code: 'AccessDenied', message: 'Access Denied' },
  preconditionFailed: { status: 412, code: 'PreconditionFailed', message: 'The If-Match version is not current' },
  /** Answers that are not AWS's: a web server's HTML 404 page (a wrong endpoint), an empty 502 (a proxy). */
  htmlPage: { status: 404, page: 'html' },
  emptyBody: { status: 502, page: 'empty' },
  /** No answer at all: the client's idle timeout (CFPC_AWS_SOCKET_TIMEOUT_MS, 1.5 s) ends the call. */
  hang: { hang: true },
  /** The connection is reset before the request reaches CloudFront. */
  drop: { drop: 'request' },
  /** CloudFront carried the request out, and its answer was lost with the connection. */
  dropAnswer: { drop: 'response' },
  slow: (delayMs: number) => ({ delayMs }),
  /** KMS's answers (JSON protocol: the proxy sends them as `__type`, as KMS does). */
  kmsThrottling: { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' },
  kmsAccessDenied: { status: 400, code: 'AccessDeniedException', message: 'User: arn:aws:iam::123456789012:user/test is not authorized to perform: kms:Sign' },
  kmsInternal: { status: 500, code: 'KMSInternalException', message: 'An internal error occurred' },
} as const;

export type Fault = (typeof Faults)[Exclude<keyof typeof Faults, 'slow'>] | { delayMs: number };

const API = '^/2020-05-31';
/** CloudFront's REST routes (https://docs.aws.amazon.com/cloudfront/latest/APIReference/). */
export const Operations = {
  ListDistributions: { method: 'GET', path: `${API}/distribution$` },
  GetDistribution: { method: 'GET', path: `${API}/distribution/[^/]+$` },
  GetDistributionConfig: { method: 'GET', path: `${API}/distribution/[^/]+/config$` },
  UpdateDistribution: { method: 'PUT', path: `${API}/distribution/[^/]+/config$` },
  ListKeyGroups: { method: 'GET', path: `${API}/key-group$` },
  CreateKeyGroup: { method: 'POST', path: `${API}/key-group$` },
  ListPublicKeys: { method: 'GET', path: `${API}/public-key$` },
  CreatePublicKey: { method: 'POST', path: `${API}/public-key$` },
  GetPublicKey: { method: 'GET', path: `${API}/public-key/[^/]+$` },
  DeletePublicKey: { method: 'DELETE', path: `${API}/public-key/[^/]+$` },
  /** S3, path-style (the endpoint is an IP address): PUT /BUCKET?policy. The query is not matched, and the extension sends no other PUT on a bucket. */
  PutBucketPolicy: { method: 'PUT', path: '^/[^/]+/?$' },
  /** S3 HeadBucket, path-style: HEAD /BUCKET (how the extension checks a bucket exists and may be used). */
  HeadBucket: { method: 'HEAD', path: '^/[^/]+/?$' },
  /** KMS speaks JSON over POST / and names the operation in X-Amz-Target (https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html). */
  KmsSign: { method: 'POST', path: '^/$', target: 'TrentService.Sign' },
} as const satisfies Record<string, { method: string; path: string; target?: string }>;
export type Operation = keyof typeof Operations;

/** Part of the user agent of the extension's AWS clients (clientBuilder.ts: customUserAgent). */
export const EXTENSION_AGENT = 'cloudfront-private-content/';

export interface FaultRule {
  operation?: Operation;
  fault: Fault;
  /** How many matching calls it hits; every one when absent. */
  times?: number;
  /** Also hit calls that are not the extension's. */
  anyAgent?: boolean;
}

export interface SeenRequest {
  seq: number;
  method: string;
  path: string;
  /** The X-Amz-Target header of a JSON-protocol call ('' for REST calls). */
  target: string;
  agent: string;
  /** What the proxy did instead of forwarding, e.g. `400 Throttling`; null when it forwarded. */
  fault: string | null;
}

function controlUrl(): string {
  const url = process.env.CFPC_FAULT_PROXY;
  if (!url) throw new Error('CFPC_FAULT_PROXY is not set: the launcher (test/runner/runIntegration.mjs) starts the fault proxy');
  return url;
}

export function faultProxyAvailable(): boolean {
  return !!process.env.CFPC_FAULT_PROXY;
}

async function call(method: string, route: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${controlUrl()}${route}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`fault proxy ${method} ${route}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

/** Replaces the rules in force and forgets the requests seen so far. */
export async function injectFaults(...rules: FaultRule[]): Promise<void> {
  await call('DELETE', '/requests');
  await call(
    'PUT',
    '/rules',
    rules.map((rule) => ({
      ...(rule.operation ? Operations[rule.operation] : {}),
      ...(rule.anyAgent ? {} : { agent: EXTENSION_AGENT }),
      ...(rule.times === undefined ? {} : { times: rule.times }),
      fault: rule.fault,
    })),
  );
}

/** No rules: everything is forwarded again, and calls held by `hang` are cut off. */
export async function clearFaults(): Promise<void> {
  await call('DELETE', '/rules');
}

/** The extension's calls of one operation (or all of them) since the rules were set, oldest first. */
export async function extensionCalls(operation?: Operation): Promise<SeenRequest[]> {
  const seen = (await (await call('GET', '/requests')).json()) as SeenRequest[];
  const route: { method: string; path: string; target?: string } | undefined = operation ? Operations[operation] : undefined;
  return seen.filter((r) => r.agent.includes(EXTENSION_AGENT) && (!route || (r.method === route.method && new RegExp(route.path).test(r.path) && (!route.target || r.target === route.target))));
}

/** A scripted Ui whose user ends the fault before pressing Retry or Undo on the failure notification. */
export class RecoveringUi extends ScriptedUi {
  override async notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined> {
    if (severity === 'error') await clearFaults();
    return super.notify(severity, message, ...actions);
  }
}
