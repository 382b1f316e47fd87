// An answer that is not AWS's: an HTML page (a wrong endpoint, a proxy's or captive portal's page, a
// server error page), an empty body where the operation returns one, or a body in the wrong format.
// The SDK would fail with "@aws-sdk XML parse error: mismatched tags… Deserialization error…", read a
// well-formed HTML page as an error named after the status ("NotFound: UnknownError"), or, for a 200,
// silently return an empty result (no distributions at all). One middleware on every client reads the
// raw answer before the SDK parses it and turns such an answer into one error that names the service,
// the operation, the HTTP status and where to look. No vscode import (clientBuilder.ts adds it).

import { AwsError } from './awsError';

/** The parts of the SDK's raw HTTP request and answer read here (smithy's HttpRequest, HttpResponse). */
interface RawRequest {
  hostname?: string;
  port?: number;
}
interface RawResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
}
interface DeserializeArgs {
  request: unknown;
}
interface DeserializeOutput {
  response: unknown;
}

/** What the operation's answer is written in: CloudFront and S3 speak XML; KMS, Secrets Manager and SSM JSON. */
export type AnswerFormat = 'xml' | 'json';

export interface AnsweringService {
  /** The service as a person names it, e.g. CloudFront. */
  name: string;
  /** The standard variable that overrides its endpoint, e.g. AWS_ENDPOINT_URL_CLOUDFRONT. */
  endpointVariable: string;
  format: AnswerFormat;
  /**
   * Whether a successful answer is read here too. Not for S3: its objects stream and may be anything;
   * its error answers are still read (they are small), except empty ones, which HEAD requests get.
   */
  readsSuccess: boolean;
}

export const ANSWERING_SERVICES = {
  cloudFront: { name: 'CloudFront', endpointVariable: 'AWS_ENDPOINT_URL_CLOUDFRONT', format: 'xml', readsSuccess: true },
  s3: { name: 'S3', endpointVariable: 'AWS_ENDPOINT_URL_S3', format: 'xml', readsSuccess: false },
  kms: { name: 'KMS', endpointVariable: 'AWS_ENDPOINT_URL_KMS', format: 'json', readsSuccess: true },
  secretsManager: { name: 'Secrets Manager', endpointVariable: 'AWS_ENDPOINT_URL_SECRETS_MANAGER', format: 'json', readsSuccess: true },
  ssm: { name: 'SSM', endpointVariable: 'AWS_ENDPOINT_URL_SSM', format: 'json', readsSuccess: true },
} as const satisfies Record<string, AnsweringService>;

/** What came back instead of an AWS answer. */
export type UnreadableBody = 'html' | 'empty' | 'other';

/** An AwsError of its own (code UnreadableAwsAnswer), so the client seam (awsError.ts) passes it on as it is. */
export class UnreadableAwsAnswer extends AwsError {
  declare readonly status: number;
  /** For the SDK's retry strategy: a 5xx page (a proxy's 502/503) is as transient as AWS's own 5xx. */
  readonly $metadata: { httpStatusCode: number };
  readonly $fault: 'client' | 'server';
  constructor(
    readonly service: string,
    readonly operation: string,
    status: number,
    readonly body: UnreadableBody,
    /** The host that answered, e.g. cloudfront.amazonaws.com or 127.0.0.1:4566. */
    readonly host: string,
    readonly fix: string,
  ) {
    super('UnreadableAwsAnswer', `${service} ${operation} answered HTTP ${status} ${BODY_WORDS[body]} from ${host}, not an AWS answer: ${fix}`, status);
    this.$metadata = { httpStatusCode: status };
    this.$fault = status >= 500 ? 'server' : 'client';
  }
}

const BODY_WORDS: Record<UnreadableBody, string> = {
  html: 'with an HTML page',
  empty: 'with an empty body',
  other: 'with a body that is neither XML nor JSON as AWS sends',
};

const HTML_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|title|h1|p)[\s>]/i;

/** CloudFront operations that answer a success with no body at all (204). */
const EMPTY_SUCCESS = /^(?:Delete|Tag|Untag|Put|Head)/;

/**
 * Why `body` (the raw answer of `operation`, with `status`) is not an AWS answer; undefined when it may
 * be one. Pure, for unit tests.
 */
export function unreadableBody(service: AnsweringService, operation: string, status: number, body: string): UnreadableBody | undefined {
  const text = body.trim();
  if (text === '') {
    if (status >= 300) return service.readsSuccess ? 'empty' : undefined;
    // JSON services answer some successes with no body (KMS EnableKey, DisableKey): only CloudFront's reads are checked.
    return service.format === 'json' || EMPTY_SUCCESS.test(operation) ? undefined : 'empty';
  }
  // By the body, not the Content-Type: moto's server labels some of its XML and JSON answers text/html.
  if (HTML_START.test(text)) return 'html';
  const first = text[0];
  if (service.format === 'xml') return first === '<' ? undefined : 'other';
  // Any JSON value (moto's KMS answers CreateAlias with `null`), and any body of a success: the SDK reads those.
  return status < 300 || first === '{' || first === '[' ? undefined : 'other';
}

/** Where to look, for an answer from `host`: the endpoint override when one is set, the network otherwise. */
export function likelyFix(service: AnsweringService, host: string, env: NodeJS.ProcessEnv = process.env): string {
  const overrides = [service.endpointVariable, 'AWS_ENDPOINT_URL'].filter((name) => env[name]);
  if (overrides.length > 0 || !/\.amazonaws\.com(?:\.cn)?(?::\d+)?$/i.test(host)) {
    const named = overrides.length > 0 ? overrides.join(' / ') : service.endpointVariable;
    return `check ${named} and the profile's endpoint_url (the endpoint must be the ${service.name} API, e.g. its local stand-in's root URL)`;
  }
  return 'a proxy, firewall or captive portal between this computer and AWS answered instead: check HTTPS_PROXY and the network';
}

async function readAll(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const isRawResponse = (response: unknown): response is RawResponse =>
  typeof response === 'object' && response !== null && typeof (response as RawResponse).statusCode === 'number' && typeof (response as RawResponse).headers === 'object';

/**
 * The middleware clientBuilder.ts adds to each client (step `deserialize`, priority `low`: innermost, so
 * it sees the raw answer before the SDK parses it). It reads the body into memory and gives it on.
 */
export function unreadableAnswerMiddleware(service: AnsweringService) {
  return <Args extends DeserializeArgs, Output extends DeserializeOutput>(next: (args: Args) => Promise<Output>, context: { commandName?: string }) =>
    async (args: Args): Promise<Output> => {
      const result = await next(args);
      const response = result.response;
      // A success of a streaming service (S3 objects) is not read.
      if (!isRawResponse(response) || (response.statusCode < 300 && !service.readsSuccess)) return result;
      const bytes = await readAll(response.body);
      response.body = bytes;
      const operation = (context.commandName ?? 'call').replace(/Command$/, '');
      const what = unreadableBody(service, operation, response.statusCode, Buffer.from(bytes).toString('utf8'));
      if (!what) return result;
      const request = args.request as RawRequest | undefined;
      const host = request?.hostname ? `${request.hostname}${request.port ? `:${request.port}` : ''}` : 'the endpoint';
      throw new UnreadableAwsAnswer(service.name, operation, response.statusCode, what, host, likelyFix(service, host));
    };
}

export const UNREADABLE_ANSWER_STEP = { step: 'deserialize', priority: 'low', name: 'cfpcUnreadableAnswer' } as const;
