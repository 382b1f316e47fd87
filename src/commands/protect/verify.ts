// "Verify Protection": one object of the bucket requested three ways, as a viewer and an outsider
// would: through CloudFront unsigned (CloudFront must refuse: 403), through CloudFront with a URL
// signed by a key the behavior trusts (200), and straight from S3 (the bucket must refuse: 403). Only a
// wrong answer says "not protected"; a request that got no answer (DNS, connection, TLS, timeout) makes
// the verdict inconclusive, never a failure of the protection. No vscode import: unit-tested against the
// local edge (scripts/edge/server.ts) and a local S3 stand-in.
import type { KeyObject } from 'node:crypto';
import { signUrl } from '../../signing';
import type { LiveAnswer, Unreachable } from '../../signing/diagnose';
import { requestLive } from '../diagnose/liveRequest';

/** Sends one GET and says what came back; the network by default, a local edge and S3 stand-in in tests. */
export type Requester = (url: string) => Promise<LiveAnswer>;

export interface ProtectionTarget {
  /** The object through the distribution, e.g. https://d111.cloudfront.net/paid/a.mp4 */
  cloudFrontUrl: string;
  /** The same object straight from its bucket, e.g. https://media.s3.eu-west-1.amazonaws.com/paid/a.mp4 */
  s3Url: string;
  keyPairId: string;
  privateKey: string | KeyObject;
  /** Epoch seconds; the signed URL works for five minutes from then. */
  now: number;
}

export interface ProtectionCheck {
  kind: 'unsigned' | 'signed' | 'direct';
  /** The URL requested, without its query (a signed URL's signature is never reported). */
  url: string;
  expected: 200 | 403;
  /** The answer's status; undefined when no answer came (`failure` says why). */
  status?: number;
  failure?: string;
  /** No answer came: why, and which host (and mapped address) could not be reached. */
  unreachable?: Unreachable;
  passed: boolean;
}

/** verified: every answer was the expected one; notProtected: some answer was wrong; inconclusive: no wrong answer, but some request got none. */
export type ProtectionVerdict = 'verified' | 'notProtected' | 'inconclusive';

export function verdictOf(checks: readonly ProtectionCheck[]): ProtectionVerdict {
  if (checks.some((c) => c.status !== undefined && !c.passed)) return 'notProtected';
  return checks.every((c) => c.passed) ? 'verified' : 'inconclusive';
}

const withoutQuery = (url: string): string => url.split('?')[0];

export async function verifyProtection(
  target: ProtectionTarget,
  timeoutMs?: number,
  send: Requester = (url) => requestLive(url, { ...(timeoutMs !== undefined ? { timeoutMs } : {}) }),
): Promise<ProtectionCheck[]> {
  const signed = signUrl({ url: target.cloudFrontUrl, keyPairId: target.keyPairId, privateKey: target.privateKey, expires: target.now + 300 });
  const requests: Array<{ kind: ProtectionCheck['kind']; url: string; expected: 200 | 403 }> = [
    { kind: 'unsigned', url: target.cloudFrontUrl, expected: 403 },
    { kind: 'signed', url: signed, expected: 200 },
    { kind: 'direct', url: target.s3Url, expected: 403 },
  ];
  const checks: ProtectionCheck[] = [];
  for (const request of requests) {
    const answer = await send(request.url);
    const check: ProtectionCheck = { kind: request.kind, url: withoutQuery(request.url), expected: request.expected, passed: false };
    if ('failure' in answer) {
      check.failure = answer.failure;
      if (answer.unreachable) check.unreachable = answer.unreachable;
    } else {
      check.status = answer.status;
      check.passed = answer.status === request.expected;
    }
    checks.push(check);
  }
  return checks;
}
