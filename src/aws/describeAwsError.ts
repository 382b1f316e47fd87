// Turns an AWS SDK failure into one sentence that says what went wrong and what to do next.
import * as vscode from 'vscode';
import { UnreadableAwsAnswer } from './unreadableAnswer';
import { isTypedAwsError, toAwsError, type AwsError } from './awsError';

/** unreadableAnswer: something other than AWS answered (an HTML page, an empty body): see unreadableAnswer.ts. */
export type AwsFailureKind = 'accessDenied' | 'noCredentials' | 'ssoExpired' | 'network' | 'unreadableAnswer' | 'other';

export interface AwsFailure {
  kind: AwsFailureKind;
  message: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'EPIPE']);

/** A failure tagged with the IAM action of the call that failed, when several calls run together. */
export class FailedCall extends Error {
  override readonly name = 'FailedCall';
  constructor(
    readonly action: string,
    override readonly cause: unknown,
  ) {
    super(`${action}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export function tagFailure<T>(action: string, call: Promise<T>): Promise<T> {
  return call.catch((error: unknown) => {
    throw new FailedCall(action, error);
  });
}

/**
 * An SSO session that needs `aws sso login`. By type where the SDK has one: TokenProviderError comes
 * only from the SSO token cache, UnauthorizedException from the SSO portal refusing the token. The
 * SSO credential provider throws the same CredentialsProviderError class as every other provider,
 * so for that class only its text tells an SSO session apart.
 */
function isSsoSessionError(error: AwsError): boolean {
  if (error.code === 'TokenProviderError' || error.code === 'UnauthorizedException') return true;
  return error.code === 'CredentialsProviderError' && /\bSSO session\b/i.test(error.message);
}

export function classifyAwsError(error: unknown): AwsFailureKind {
  if (error instanceof FailedCall) return classifyAwsError(error.cause);
  const failure = toAwsError(error);
  if (!isTypedAwsError(failure)) return 'other';
  const { code, status, message } = failure;
  // Before the status: a proxy's HTML 403 page is no AWS refusal.
  if (code === 'UnreadableAwsAnswer') return 'unreadableAnswer';
  if (code === 'AccessDenied' || code === 'AccessDeniedException' || status === 403) return 'accessDenied';
  if (isSsoSessionError(failure)) return 'ssoExpired';
  if (code === 'CredentialsProviderError' || /could not load credentials/i.test(message)) return 'noCredentials';
  if (NETWORK_CODES.has(code) || code === 'TimeoutError' || /socket hang up|ECONNREFUSED|ENOTFOUND/.test(message)) return 'network';
  return 'other';
}

/**
 * @param action the IAM action of the failed call, for example `cloudfront:ListDistributions`
 * @param profile the profile in use, undefined for the default credential chain
 */
export function describeAwsError(error: unknown, action: string, profile: string | undefined): AwsFailure {
  if (error instanceof FailedCall) return describeAwsError(error.cause, error.action, profile);
  const who = profile ?? vscode.l10n.t('the default credentials');
  const kind = classifyAwsError(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (kind) {
    case 'accessDenied':
      return { kind, message: vscode.l10n.t('Access denied: {0} may not call {1}', who, action) };
    case 'ssoExpired':
      return { kind, message: vscode.l10n.t('The SSO session has expired: run aws sso login --profile {0}', profile ?? 'default') };
    case 'noCredentials':
      return { kind, message: vscode.l10n.t('No AWS credentials found for {0}: choose an AWS profile', who) };
    case 'network':
      return { kind, message: vscode.l10n.t('Cannot reach CloudFront: {0}', detail) };
    case 'unreadableAnswer':
      return { kind, message: error instanceof UnreadableAwsAnswer ? describeUnreadableAnswer(error) : detail };
    default:
      return { kind, message: vscode.l10n.t('{0} failed: {1}', action, detail) };
  }
}

const BODY_WORDS = {
  html: () => vscode.l10n.t('with an HTML page'),
  empty: () => vscode.l10n.t('with an empty body'),
  other: () => vscode.l10n.t('with a body that is neither XML nor JSON as AWS sends'),
} as const;

/** The error's sentence in the user's language (its `message` is the English one, for logs and the SDK's retries). */
function describeUnreadableAnswer(error: UnreadableAwsAnswer): string {
  return vscode.l10n.t('{0} {1} answered HTTP {2} {3} from {4}, not an AWS answer: {5}', error.service, error.operation, error.status, BODY_WORDS[error.body](), error.host, error.fix);
}
