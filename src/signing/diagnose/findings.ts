// What a diagnosis reports: findings, each an error (CloudFront will refuse the request), a warning
// (it may, or something needs attention) or ok (a check that passed), each with the fix. Messages are
// English, like the signing core's errors, and never contain key material or whole signatures.

export type Severity = 'error' | 'warning' | 'ok';

export interface Finding {
  readonly severity: Severity;
  /** Stable identifier of the check, for automation and tests (see FINDING_ANSWERS for the errors). */
  readonly code: string;
  readonly message: string;
  /** What to do about it; for ok findings, what the check covered. */
  readonly fix: string;
  /**
   * The bucket that the fix protects, when the fix is "Protect S3 Bucket with CloudFront" (the
   * interactive diagnosis offers it as a button); never part of the findings automation returns.
   */
  readonly protect?: { readonly bucket: string; readonly distributionId: string; readonly pathPattern?: string };
  /** The bucket that the fix closes, when the fix is "Close Public Access" (a button of the interactive diagnosis); never part of the findings automation returns. */
  readonly closePublicAccess?: { readonly bucket: string };
}

export const error = (code: string, message: string, fix: string): Finding => ({ severity: 'error', code, message, fix });
export const warning = (code: string, message: string, fix: string): Finding => ({ severity: 'warning', code, message, fix });
export const ok = (code: string, message: string, fix = ''): Finding => ({ severity: 'ok', code, message, fix });

/** The error codes CloudFront puts in its XML answer when it refuses a signed request itself. */
export type CloudFrontErrorCode = 'MissingKey' | 'InvalidKey' | 'MalformedPolicy' | 'MalformedSignature' | 'AccessDenied';

/**
 * CloudFront's exact error messages, as its 403 answers carry them (quoted in AWS's knowledge
 * center article "troubleshoot signed URL or signed cookies" and in public bug reports):
 * https://repost.aws/knowledge-center/cloudfront-troubleshoot-signed-url-cookies
 */
export const CLOUDFRONT_ERROR_MESSAGES: Readonly<Record<CloudFrontErrorCode, string>> = {
  MissingKey: 'Missing Key-Pair-Id query parameter or cookie value',
  InvalidKey: 'Unknown Key',
  MalformedPolicy: 'Malformed Policy',
  MalformedSignature: 'Could not unencode Signature',
  AccessDenied: 'Access denied',
};

/**
 * Which CloudFront answer each error finding leads to. Codes not listed end in AccessDenied. CloudFront
 * does not document the order of its checks; EDGE_ANSWER_ORDER is ours: the first answer in it that any
 * error finding leads to is the one the local edge gives.
 */
const FINDING_ANSWERS: Readonly<Record<string, CloudFrontErrorCode>> = {
  NotSigned: 'MissingKey',
  MissingKey: 'MissingKey',
  UnknownKey: 'InvalidKey',
  KeyNotTrusted: 'InvalidKey',
  LegacyKeyNotTrusted: 'InvalidKey',
  MissingPolicy: 'MalformedPolicy',
  ExpiresAndPolicy: 'MalformedPolicy',
  ReservedParameterName: 'MalformedPolicy',
  MalformedExpires: 'MalformedPolicy',
  ExpiryInMilliseconds: 'MalformedPolicy',
  PolicyStandardBase64: 'MalformedPolicy',
  PolicyNotBase64: 'MalformedPolicy',
  PolicyNotJson: 'MalformedPolicy',
  PolicyStructure: 'MalformedPolicy',
  RepeatedParameter: 'MalformedPolicy',
  RepeatedCookie: 'MalformedPolicy',
  MissingSignature: 'MalformedSignature',
  MalformedSignature: 'MalformedSignature',
};

export const EDGE_ANSWER_ORDER: readonly CloudFrontErrorCode[] = ['MissingKey', 'MalformedPolicy', 'MalformedSignature', 'InvalidKey', 'AccessDenied'];

/** The CloudFront error an error finding leads to (AccessDenied unless it is a parsing or key problem). */
export function cloudFrontAnswerOf(code: string): CloudFrontErrorCode {
  return FINDING_ANSWERS[code] ?? 'AccessDenied';
}

/** "3 h 12 min", "45 s", "2 d": the largest unit of a duration in seconds and, when not zero, the next. */
export function formatDuration(seconds: number): string {
  const units: Array<[string, number]> = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1],
  ];
  const total = Math.round(Math.abs(seconds));
  const first = units.findIndex(([, size]) => total >= size);
  if (first === -1) return '0 s';
  const [name, size] = units[first];
  const text = `${Math.floor(total / size)} ${name}`;
  const next = units[first + 1];
  const remainder = next ? Math.floor((total % size) / next[1]) : 0;
  return next && remainder > 0 ? `${text} ${remainder} ${next[0]}` : text;
}

/** Epoch seconds as an ISO date, for messages. */
export function isoTime(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  return Number.isNaN(date.getTime()) ? String(epochSeconds) : date.toISOString().replace('.000Z', 'Z');
}
