// "Verify Protection": one object of the bucket requested three ways, as a viewer and an outsider
// would: through CloudFront unsigned (CloudFront must refuse: 403), through CloudFront with a URL
// signed by a key the behavior trusts (200), and straight from S3 (the bucket must refuse: 403). No
// vscode import: unit-tested against the local edge (scripts/edge/server.ts) and a local S3 stand-in.
import type { KeyObject } from 'node:crypto';
import { signUrl } from '../../signing';
import type { LiveAnswer } from '../../signing/diagnose';
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
  passed: boolean;
}

const withoutQuery = (url: string): string => url.split('?')[0];

export async function verifyProtection(target: ProtectionTarget, timeoutMs?: number, send: Requester = (url) => requestLive(url, undefined, timeoutMs)): Promise<ProtectionCheck[]> {
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
    if ('failure' in answer) check.failure = answer.failure;
    else {
      check.status = answer.status;
      check.passed = answer.status === request.expected;
    }
    checks.push(check);
  }
  return checks;
}
