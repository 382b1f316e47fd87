// The one shape of a failed AWS call. Every client built in clientBuilder.ts turns what the SDK throws
// (a service exception, a credential or token provider error, a network or timeout error) into an
// AwsError at the client seam, with the service's error code and the HTTP status; the rest of the
// extension asks `isAwsError(error, 'NoSuchDistribution')` or `awsStatus(error)` and never reads an
// SDK error's `name` or `$metadata` itself.
// https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/handling-exceptions.html

const BRAND = Symbol.for('cloudfront-private-content.AwsError');

export class AwsError extends Error {
  readonly [BRAND] = true;
  constructor(
    /** The service's error code (NoSuchDistribution, AccessDenied, ThrottlingException), a provider's error (CredentialsProviderError, TokenProviderError), or a network code (ECONNREFUSED, TimeoutError). */
    readonly code: string,
    message: string,
    /** The HTTP status of the answer; undefined when none came (no credentials, no network). */
    readonly status: number | undefined,
    options?: { cause: unknown },
  ) {
    super(message, options);
    // The name stays the SDK's, so logs and messages name the failure as AWS does.
    this.name = code;
  }
}

/** An AwsError, by brand: the features and the SDK bundles each have their own copy of the class. */
export const isTypedAwsError = (error: unknown): error is AwsError => error instanceof Error && (error as Partial<Record<typeof BRAND, boolean>>)[BRAND] === true;

/** What the SDK threw, as an AwsError (an AwsError and anything that is not an Error pass as they are). */
export function toAwsError(error: unknown): unknown {
  if (!(error instanceof Error) || isTypedAwsError(error)) return error;
  const raw = error as Error & { code?: unknown; $metadata?: { httpStatusCode?: number } };
  // Node's network errors are plain Errors with a code (ECONNREFUSED); the SDK's are named for their kind.
  const code = raw.name === 'Error' && typeof raw.code === 'string' ? raw.code : raw.name;
  const typed = new AwsError(code, error.message, raw.$metadata?.httpStatusCode, { cause: error });
  // The SDK's own middleware (retries, S3's region redirects) reads these off the error it sees.
  for (const field of ['$metadata', '$response', '$fault', '$retryable'] as const) {
    if (field in error) Object.defineProperty(typed, field, { value: (error as unknown as Record<string, unknown>)[field], enumerable: false });
  }
  if (error.stack) typed.stack = error.stack;
  return typed;
}

/** The error code of a failed AWS call, undefined for anything else. */
export function awsErrorCode(error: unknown): string | undefined {
  const typed = toAwsError(error);
  return isTypedAwsError(typed) ? typed.code : undefined;
}

/** The HTTP status of a failed AWS call's answer. */
export function awsStatus(error: unknown): number | undefined {
  const typed = toAwsError(error);
  return isTypedAwsError(typed) ? typed.status : undefined;
}

/** Whether `error` is a failed AWS call with one of `codes`. */
export function isAwsError(error: unknown, ...codes: readonly string[]): boolean {
  const code = awsErrorCode(error);
  return code !== undefined && codes.includes(code);
}

/** The middleware every client of clientBuilder.ts runs: whatever the call throws leaves it as an AwsError. */
export const typedErrorsMiddleware =
  <I, O>(next: (args: I) => Promise<O>) =>
  async (args: I): Promise<O> => {
    try {
      return await next(args);
    } catch (error) {
      throw toAwsError(error);
    }
  };
