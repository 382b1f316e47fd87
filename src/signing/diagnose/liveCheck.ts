// Classifies the answer to a live request of the URL: granted, refused by CloudFront itself (its short
// XML errors: MissingKey, InvalidKey, MalformedPolicy, MalformedSignature, AccessDenied), or refused by
// S3 behind it (S3's errors carry a RequestId and HostId and the x-amz-request-id header), which means
// CloudFront let the request through and the origin's permissions are at fault.
import { CLOUDFRONT_ERROR_MESSAGES, error, ok, warning, type CloudFrontErrorCode, type Finding } from './findings';
import { HOST_ADDRESSES_SETTING } from '../hostAddresses';
import { type LiveAnswer, type Unreachable } from './types';

export interface XmlError {
  readonly code: string;
  readonly message: string;
  /** S3 (and other AWS services) add RequestId and HostId; CloudFront's signed-URL errors do not. */
  readonly fromOrigin: boolean;
}

const tag = (body: string, name: string): string | undefined => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];

/** Reads an AWS XML error document (<Error><Code>…</Code><Message>…</Message>…</Error>). */
export function readXmlError(body: string, headers: Readonly<Record<string, string>> = {}): XmlError | undefined {
  if (!/<Error>/.test(body)) return undefined;
  const code = tag(body, 'Code');
  if (code === undefined) return undefined;
  const fromOrigin = tag(body, 'RequestId') !== undefined || tag(body, 'HostId') !== undefined || headers['x-amz-request-id'] !== undefined;
  return { code, message: tag(body, 'Message') ?? '', fromOrigin };
}

/** CloudFront's answer for each of its signed-URL errors: what it means and what to do. */
const CLOUDFRONT_ERRORS: Readonly<Record<CloudFrontErrorCode, [string, string]>> = {
  MissingKey: [
    'CloudFront found no Key-Pair-Id in the URL or the cookies it received.',
    'Check that the request really carries the signing parameters (a redirect or a client may drop the query string or the cookies).',
  ],
  InvalidKey: [
    'CloudFront does not know the Key-Pair-Id for this behavior: the key is not in a key group the behavior trusts (or is of another account).',
    'See the key findings: add the public key to a trusted key group, or sign with a key that is in one.',
  ],
  MalformedPolicy: ['CloudFront could not read the policy (Policy, or Expires for a canned policy).', 'See the parsing findings for the policy.'],
  MalformedSignature: ['CloudFront could not decode the Signature.', 'See the parsing findings for the signature.'],
  AccessDenied: [
    "CloudFront checked the signature and refused the request: it expired or is not yet valid, the viewer's IP is outside the policy's range, the Resource does not cover the URL, or the signature does not verify.",
    'See the time, IP, resource and signature findings.',
  ],
};

const isCloudFrontCode = (code: string): code is CloudFrontErrorCode => code in CLOUDFRONT_ERRORS;

function originFinding(status: number, xml: XmlError): Finding {
  if (xml.code === 'NoSuchKey') {
    return error(
      'OriginNoSuchKey',
      `S3 behind CloudFront answered ${status} NoSuchKey: CloudFront accepted the request, but the bucket has no object at this key.`,
      'Check the object key (case-sensitive; the origin path of the origin is put before it).',
    );
  }
  if (/Query-string authentication|AWSAccessKeyId/i.test(xml.message) || ['SignatureDoesNotMatch', 'InvalidAccessKeyId', 'AuthorizationQueryParametersError'].includes(xml.code)) {
    return error(
      'OriginReadSigningParameters',
      `S3 answered ${status} ${xml.code} ("${xml.message}"): it read the CloudFront signing parameters as its own query authentication. The request reached S3 with them, so the behavior that served it did not check the signature, or the URL points at the bucket instead of CloudFront.`,
      "Request the file through the distribution's domain, restrict viewer access on the behavior, and do not forward the query string to the S3 origin (use a cache policy without query strings).",
    );
  }
  if (xml.code === 'AccessDenied') {
    return error(
      'OriginAccessDenied',
      `S3 behind CloudFront answered ${status} AccessDenied ("${xml.message}"): CloudFront let the request through, but the bucket refused CloudFront.`,
      'With origin access control, the bucket policy must allow s3:GetObject to the service principal cloudfront.amazonaws.com with AWS:SourceArn set to this distribution (Copy Bucket Policy on the S3 origin in the Distributions view); with SSE-KMS the key policy must allow it too. S3 also answers AccessDenied for a missing object when CloudFront may not s3:ListBucket, so check that the object exists.',
    );
  }
  return warning(
    'OriginError',
    `The origin answered ${status} ${xml.code}: "${xml.message}".`,
    "This error comes from the origin, not from CloudFront's signature check; see the origin's documentation for the code.",
  );
}

/** What to try when the live request got no answer, by why. */
const UNREACHABLE_FIXES: Readonly<Record<Unreachable['kind'], (host: string) => string>> = {
  dns: (host) => `${host} does not resolve from this computer: check the name and your DNS, or map it to an edge's address (as curl --resolve does) in the user setting ${HOST_ADDRESSES_SETTING}.`,
  connect: (host) => `Check that ${host} (or the address it is mapped to in ${HOST_ADDRESSES_SETTING}) accepts connections from this computer: address, port, firewall, proxy.`,
  tls: (host) => `The TLS handshake failed: check that the address serves ${host}'s certificate and this computer trusts it (a local edge's certificate goes in ${HOST_ADDRESSES_SETTING}).`,
  timeout: () => 'Check the network, a firewall or a proxy, then run the live check again.',
  other: () => "Check the URL's host and this computer's network or proxy, then run the live check again.",
};

/** What to try when a live request (the diagnosis's, or Verify Protection's) got no answer. */
export function unreachableFix(unreachable: Unreachable): string {
  return UNREACHABLE_FIXES[unreachable.kind](unreachable.host);
}

/** Findings for a live answer. */
export function liveFindings(live: LiveAnswer): Finding[] {
  if (!('status' in live)) {
    const u = live.unreachable;
    if (!u) return [warning('LiveUnreachable', `The live request failed: ${live.failure}`, "Check the URL's host and this computer's network or proxy, then run the live check again.")];
    const where = u.via ? `${u.host} at ${u.via}` : u.host;
    return [warning('LiveUnreachable', `The live check is inconclusive: could not reach ${where} (${u.reason}). It says nothing about the signature.`, unreachableFix(u))];
  }
  const { status, headers, body } = live;
  if (status >= 200 && status < 400) {
    return [ok('LiveGranted', `The live request was answered ${status}: the request is granted${headers['x-cache'] ? ` (${headers['x-cache']})` : ''}.`)];
  }
  const xml = readXmlError(body, headers);
  if (xml?.fromOrigin) return [originFinding(status, xml)];
  if (xml && isCloudFrontCode(xml.code)) {
    const [meaning, fix] = CLOUDFRONT_ERRORS[xml.code];
    const exact = xml.message === CLOUDFRONT_ERROR_MESSAGES[xml.code] ? '' : ` (message "${xml.message}")`;
    return [error(`Live${xml.code}`, `CloudFront answered ${status} ${xml.code}${exact}. ${meaning}`, fix)];
  }
  if (status === 403 && /The request could not be satisfied/i.test(body)) {
    return [
      error(
        'LiveBlocked',
        'CloudFront answered 403 with its HTML error page, not a signature error: geo restriction, AWS WAF, or a CloudFront function refused the request.',
        "Check the distribution's geographic restrictions, its web ACL, and any viewer-request function.",
      ),
    ];
  }
  return [
    warning(
      'LiveStatus',
      `The live request was answered ${status}${xml ? ` ${xml.code}: "${xml.message}"` : ''}.`,
      "This is not one of CloudFront's signature errors; check the origin and the behavior's settings.",
    ),
  ];
}
