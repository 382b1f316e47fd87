// The corpus of broken (and a few sound) signed URLs and cookie sets: each case names the findings it
// must produce (severity, code, a fragment of the message). Every error the diagnosis reports must be
// among them, so a case also fails when an unexpected error appears.
import { signUrl, type SignOptions } from '../../../src/signing';
import type { AccountData, DiagnoseInput, LiveAnswer } from '../../../src/signing/diagnose';
import {
  alterUnusedBits,
  EC_KEY_ID,
  HOST,
  HOUR,
  KEY_ID,
  LOCAL_KEYS,
  NOW,
  OTHER_RSA,
  paddedPolicyJson,
  param,
  policyJson,
  setParam,
  signed,
  signedCookieHeader,
  TEST_KEYS,
  withCannedSignature,
  withCustomPolicy,
} from './helpers';

export type Expectation = readonly ['error' | 'warning' | 'ok', string, string];

export interface CorpusCase {
  readonly name: string;
  readonly input: DiagnoseInput;
  readonly expect: readonly Expectation[];
}

const BASE = `https://${HOST}`;
const keys = { now: NOW, publicKeys: LOCAL_KEYS };

/** An account with one distribution: /free/* open, /paid/* trusting the group with KEY_ID, default open. */
function account(overrides: Partial<AccountData> = {}): AccountData {
  return {
    distributions: [
      {
        id: 'E2EXAMPLE',
        domainName: HOST,
        aliases: ['media.example.com', '*.cdn.example.com'],
        behaviors: [
          { pathPattern: '/paid/free/*', trustedKeyGroupIds: [], trustedSigners: [] },
          { pathPattern: '/paid/*', trustedKeyGroupIds: ['KGPAID'], trustedSigners: [] },
          { pathPattern: 'legacy/*', trustedKeyGroupIds: [], trustedSigners: ['self'] },
          { pathPattern: '/other/*', trustedKeyGroupIds: ['KGOTHER'], trustedSigners: [] },
          { trustedKeyGroupIds: [], trustedSigners: [] },
        ],
      },
    ],
    keyGroups: [
      { id: 'KGPAID', name: 'paid-signers', publicKeyIds: [KEY_ID] },
      { id: 'KGOTHER', name: 'partners', publicKeyIds: ['K9PARTNER'] },
    ],
    publicKey: { id: KEY_ID, name: 'media-2026', encodedKey: TEST_KEYS.rsa2048.publicPem },
    ...overrides,
  };
}

const cloudFrontAnswer = (code: string, message: string): LiveAnswer => ({
  status: 403,
  headers: { 'content-type': 'text/xml', server: 'CloudFront', 'x-cache': 'Error from cloudfront', date: new Date(NOW * 1000).toUTCString() },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  requestedAt: NOW,
});

const s3Answer = (status: number, code: string, message: string): LiveAnswer => ({
  status,
  headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'A1B2C3D4E5F6', 'x-cache': 'Error from cloudfront', date: new Date(NOW * 1000).toUTCString() },
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>A1B2C3D4E5F6</RequestId><HostId>abc=</HostId></Error>`,
  requestedAt: NOW,
});

const url = signed('/paid/report.pdf');
/** A URL signed with SHA-1 (no Hash-Algorithm parameter), as consumers that need SHA-1 get it. */
const sha1Url = signed('/paid/report.pdf', { hashAlgorithm: 'SHA1' });
const customUrl = (json: string, path = '/paid/report.pdf', options: Parameters<typeof withCustomPolicy>[2] = {}) => withCustomPolicy(`${BASE}${path}`, json, options);
const sign = (options: Partial<SignOptions> & { url: string }): string => signUrl({ keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: NOW + HOUR, ...options });

export const CORPUS: readonly CorpusCase[] = [
  // ── parsing ────────────────────────────────────────────────────────────────────────────────────
  { name: 'not an absolute URL', input: { url: `${HOST}/a.jpg`, ...keys }, expect: [['error', 'InvalidUrl', 'is not an absolute URL']] },
  { name: 'an ftp URL', input: { url: `ftp://${HOST}/a.jpg`, ...keys }, expect: [['error', 'UnsupportedScheme', 'uses ftp']] },
  { name: 'no signing parameters at all', input: { url: `${BASE}/paid/a.jpg`, ...keys }, expect: [['error', 'NotSigned', 'Neither the URL nor the cookies']] },
  { name: 'no Key-Pair-Id', input: { url: setParam(url, 'Key-Pair-Id', undefined), ...keys }, expect: [['error', 'MissingKey', 'no Key-Pair-Id parameter']] },
  { name: 'an empty Key-Pair-Id', input: { url: setParam(url, 'Key-Pair-Id', ''), ...keys }, expect: [['error', 'MissingKey', 'no Key-Pair-Id parameter value']] },
  {
    name: 'Key-Pair-ID spelled with a capital D',
    input: { url: setParam(setParam(url, 'Key-Pair-Id', undefined), 'Key-Pair-ID', KEY_ID), ...keys },
    expect: [
      ['warning', 'ParameterNameCase', 'Key-Pair-ID is not Key-Pair-Id'],
      ['error', 'MissingKey', 'no Key-Pair-Id'],
    ],
  },
  {
    name: 'a key ARN as Key-Pair-Id',
    input: { url: setParam(url, 'Key-Pair-Id', 'arn:aws:cloudfront::123456789012:public-key/K2JCJMDEHXQW5F'), ...keys },
    expect: [
      ['error', 'MalformedKeyPairId', 'letters and digits only'],
      ['warning', 'SignatureUnchecked', 'not verified'],
    ],
  },
  { name: 'no Signature', input: { url: setParam(url, 'Signature', undefined), ...keys }, expect: [['error', 'MissingSignature', 'no Signature']] },
  {
    name: 'a Signature in standard base64',
    input: { url: setParam(url, 'Signature', param(url, 'Signature').replace(/-/g, '+').replace(/~/g, '/').replace(/_/g, '=')), ...keys },
    expect: [['error', 'MalformedSignature', 'standard base64 alphabet']],
  },
  {
    name: 'a Signature in standard base64, percent-encoded',
    input: { url: setParam(url, 'Signature', encodeURIComponent(Buffer.from(param(url, 'Signature').replace(/-/g, '+').replace(/~/g, '/').replace(/_/g, '='), 'base64').toString('base64'))), ...keys },
    expect: [['error', 'MalformedSignature', 'expects its URL-safe variant']],
  },
  { name: 'a truncated Signature', input: { url: setParam(url, 'Signature', param(url, 'Signature').slice(0, 341)), ...keys }, expect: [['error', 'MalformedSignature', 'not a multiple of 4']] },
  {
    name: 'a Signature with ~ percent-encoded as %7E (still verifies)',
    input: { url: setParam(url, 'Signature', param(url, 'Signature').replace(/~/g, '%7E')), ...keys },
    expect: [
      ['warning', 'PercentEncodedSignature', 'percent-encoded'],
      ['ok', 'SignatureValid', 'verifies'],
    ],
  },
  { name: 'neither Expires nor Policy', input: { url: setParam(url, 'Expires', undefined), ...keys }, expect: [['error', 'MissingPolicy', 'neither Expires']] },
  {
    name: 'both Expires and Policy',
    input: { url: setParam(customUrl(policyJson(`${BASE}/paid/*`)), 'Expires', String(NOW + HOUR)), ...keys },
    expect: [['error', 'ExpiresAndPolicy', 'both Expires and Policy']],
  },
  {
    name: "the app's own parameter named Policy next to a canned signature",
    input: { url: signed('/paid/report.pdf').replace('?', '?Policy=gold&'), ...keys },
    expect: [['error', 'ReservedParameterName', 'Policy=gold']],
  },
  {
    name: 'Expires twice (an app parameter of the same name)',
    input: { url: `${url}&Expires=${NOW + 2 * HOUR}`, ...keys },
    expect: [['error', 'RepeatedParameter', 'Expires more than once']],
  },
  { name: 'Expires as a date', input: { url: setParam(url, 'Expires', '2026-01-01T00:00:00Z'), ...keys }, expect: [['error', 'MalformedExpires', 'not epoch seconds']] },
  {
    name: 'Expires in milliseconds',
    input: { url: setParam(url, 'Expires', String((NOW + HOUR) * 1000)), ...keys },
    expect: [['error', 'ExpiryInMilliseconds', `${(NOW + HOUR) * 1000}, which is milliseconds`]],
  },
  {
    name: 'a Policy in standard base64',
    input: { url: setParam(customUrl(policyJson(`${BASE}/paid/*`)), 'Policy', Buffer.from(policyJson(`${BASE}/paid/*`)).toString('base64')), ...keys },
    expect: [['error', 'PolicyStandardBase64', 'standard base64 alphabet (+ / =)']],
  },
  { name: 'a Policy that is not JSON', input: { url: customUrl('Resource=*; expires tomorrow'), ...keys }, expect: [['error', 'PolicyNotJson', 'not valid JSON']] },
  {
    name: 'a policy DateLessThan in milliseconds',
    input: { url: customUrl(policyJson(`${BASE}/paid/*`, `"DateLessThan":{"AWS:EpochTime":${(NOW + HOUR) * 1000}}`)), ...keys },
    expect: [['error', 'ExpiryInMilliseconds', 'milliseconds since 1970']],
  },
  {
    name: 'a policy epoch time written as a string',
    input: { url: customUrl(policyJson(`${BASE}/paid/*`, `"DateLessThan":{"AWS:EpochTime":"${NOW + HOUR}"}`)), ...keys },
    expect: [['error', 'PolicyStructure', 'has no DateLessThan AWS:EpochTime']],
  },
  { name: 'a policy without Statement', input: { url: customUrl(`{"Resource":"${BASE}/*"}`), ...keys }, expect: [['error', 'PolicyStructure', 'Statement array']] },
  {
    name: 'a Policy with characters outside base64',
    input: { url: setParam(url.replace(/Expires=\d+/, 'Policy=eyJ!!'), 'Expires', undefined), ...keys },
    expect: [['error', 'PolicyNotBase64', 'not CloudFront base64']],
  },
  {
    name: 'Hash-Algorithm=SHA-256',
    input: { url: `${signed('/paid/a.pdf', { hashAlgorithm: 'SHA256' }).replace('Hash-Algorithm=SHA256', 'Hash-Algorithm=SHA-256')}`, ...keys },
    expect: [
      ['error', 'UnsupportedHashAlgorithm', 'is SHA-256'],
      ['ok', 'SignatureValid', 'using SHA256'],
    ],
  },
  {
    name: 'two different CloudFront-Signature cookies (two paths)',
    input: {
      url: `${BASE}/paid/a.pdf`,
      cookies: `${signedCookieHeader(`${BASE}/paid/*`)}; CloudFront-Signature=${param(url, 'Signature')}`,
      ...keys,
    },
    expect: [['error', 'RepeatedCookie', '2 different CloudFront-Signature cookies']],
  },
  {
    name: 'signed URL and signed cookies together',
    input: { url, cookies: signedCookieHeader(`${BASE}/*`), ...keys },
    expect: [
      ['warning', 'UrlAndCookies', "reads the URL's and ignores the cookies"],
      ['ok', 'SignatureValid', 'verifies'],
    ],
  },
  {
    name: 'a cookie named CloudFront-Key-Pair-ID',
    input: { url: `${BASE}/paid/a.pdf`, cookies: signedCookieHeader(`${BASE}/paid/*`).replace('CloudFront-Key-Pair-Id', 'CloudFront-Key-Pair-ID'), ...keys },
    expect: [
      ['warning', 'ParameterNameCase', 'CloudFront-Key-Pair-ID is not CloudFront-Key-Pair-Id'],
      ['error', 'MissingKey', 'no CloudFront-Key-Pair-Id cookie'],
      ['warning', 'SignatureUnchecked', 'not verified'],
    ],
  },
  {
    name: 'Set-Cookie lines pasted as they come from the server',
    input: {
      url: `${BASE}/paid/a.pdf`,
      cookies: signedCookieHeader(`${BASE}/paid/*`)
        .split('; ')
        .map((pair) => `Set-Cookie: ${pair}; Domain=${HOST}; Path=/; Secure; HttpOnly`)
        .join('\n'),
      ...keys,
    },
    expect: [
      ['ok', 'SignatureValid', 'verifies'],
      ['ok', 'ResourceMatches', `${BASE}/paid/*`],
    ],
  },
  // What a strict parser denies, although a lenient decoder (Node's base64, JSON.parse) reads a valid signature.
  {
    name: 'a Signature with data after its padding',
    input: { url: setParam(url, 'Signature', `${param(url, 'Signature')}AAAA`), ...keys },
    expect: [['error', 'MalformedSignature', 'has data after its padding']],
  },
  {
    name: 'a Signature with altered unused bits in its last character',
    input: { url: setParam(url, 'Signature', alterUnusedBits(param(url, 'Signature'))), ...keys },
    expect: [['error', 'MalformedSignature', 'unused bits set']],
  },
  {
    name: 'a Policy with altered unused bits in its last character',
    input: {
      url: (() => {
        const custom = customUrl(paddedPolicyJson(policyJson(`${BASE}/paid/*`)));
        return setParam(custom, 'Policy', alterUnusedBits(param(custom, 'Policy')));
      })(),
      ...keys,
    },
    expect: [['error', 'PolicyNotBase64', 'unused bits set']],
  },
  {
    name: 'a Policy with data after its padding',
    input: {
      url: (() => {
        const custom = customUrl(paddedPolicyJson(policyJson(`${BASE}/paid/*`)));
        return setParam(custom, 'Policy', `${param(custom, 'Policy')}e30_`);
      })(),
      ...keys,
    },
    expect: [['error', 'PolicyNotBase64', 'has data after its padding']],
  },
  {
    name: 'a policy with Resource twice (JSON.parse takes the last)',
    input: { url: customUrl(`{"Statement":[{"Resource":"${BASE}/free/*","Condition":{"DateLessThan":{"AWS:EpochTime":${NOW + HOUR}}},"Resource":"${BASE}/paid/*"}]}`), ...keys },
    expect: [['error', 'PolicyStructure', 'has the key "Resource" twice']],
  },
  {
    name: 'Expires with a leading zero',
    input: { url: setParam(url, 'Expires', `0${param(url, 'Expires')}`), ...keys },
    expect: [['error', 'MalformedExpires', 'with a leading zero']],
  },
  {
    name: 'Expires in microseconds',
    input: { url: setParam(url, 'Expires', String((NOW + HOUR) * 1_000_000)), ...keys },
    expect: [['error', 'ExpiryInMilliseconds', `which is microseconds since 1970 (2025-12-29T10:20:00.000Z, ${NOW + HOUR} in seconds)`]],
  },
  // ── time ───────────────────────────────────────────────────────────────────────────────────────
  { name: 'expired two hours ago', input: { url, ...keys, now: NOW + 3 * HOUR }, expect: [['error', 'Expired', 'expired 2 h ago']] },
  {
    name: 'not yet valid',
    input: { url: signed('/paid/a.pdf', { activeFrom: NOW + HOUR, expires: NOW + 2 * HOUR }), ...keys },
    expect: [['error', 'NotYetValid', 'becomes valid in 1 h']],
  },
  {
    name: 'a start time after the expiry',
    input: { url: customUrl(policyJson(`${BASE}/paid/*`, `"DateLessThan":{"AWS:EpochTime":${NOW + HOUR}},"DateGreaterThan":{"AWS:EpochTime":${NOW + 2 * HOUR}}`)), ...keys },
    expect: [['error', 'NeverValid', 'is not before its DateLessThan']],
  },
  { name: 'expires in 20 seconds', input: { url: signed('/paid/a.pdf', { expires: NOW + 20 }), ...keys }, expect: [['warning', 'ExpiresSoon', 'expires in 20 s']] },
  {
    name: "this clock behind CloudFront's by 2 hours: expired by CloudFront's clock",
    input: { url, ...keys, live: { ...cloudFrontAnswer('AccessDenied', 'Access denied'), headers: { date: new Date((NOW + 2 * HOUR) * 1000).toUTCString() } } },
    expect: [
      ['warning', 'ClockSkew', "2 h behind the server's"],
      ['error', 'Expired', 'expired 1 h ago'],
      ['error', 'LiveAccessDenied', 'CloudFront answered 403 AccessDenied'],
    ],
  },
  // ── resource ───────────────────────────────────────────────────────────────────────────────────
  {
    name: 'a custom policy for another folder',
    input: { url: customUrl(policyJson(`${BASE}/free/*`)), ...keys },
    expect: [['error', 'ResourceMismatch', 'matches no spelling of this URL']],
  },
  {
    name: 'a custom policy Resource with a raw space',
    input: { url: customUrl(policyJson(`${BASE}/paid/annual report.pdf`), '/paid/annual%20report.pdf'), ...keys },
    expect: [['error', 'ResourceMismatch', 'matches the decoded URL']],
  },
  {
    name: 'a custom policy for http:// requested over https://',
    input: { url: customUrl(policyJson(`http://${HOST}/paid/*`)), ...keys },
    expect: [['error', 'ResourceMismatch', 'the request uses https://']],
  },
  {
    name: 'a custom policy Resource without * for a URL with a query',
    input: { url: customUrl(policyJson(`${BASE}/paid/report.pdf`), '/paid/report.pdf?download=1'), ...keys },
    expect: [['error', 'ResourceMismatch', 'without its query']],
  },
  {
    name: 'a ? wildcard covering exactly one character',
    input: { url: customUrl(policyJson(`${BASE}/paid/report-?.pdf`), '/paid/report-7.pdf'), ...keys },
    expect: [
      ['ok', 'ResourceMatches', 'covers the request URL'],
      ['ok', 'SignatureValid', 'verifies'],
    ],
  },
  {
    name: 'a canned URL signed with a raw space, pasted as written',
    input: { url: withCannedSignature(`${BASE}/paid/annual report.pdf`, `${BASE}/paid/annual report.pdf`), ...keys },
    expect: [['error', 'SignedDifferentUrl', 'the URL as written']],
  },
  {
    name: 'a canned URL signed decoded (unicode), sent encoded',
    input: { url: withCannedSignature(`${BASE}/paid/r%C3%A9sum%C3%A9.pdf`, `${BASE}/paid/résumé.pdf`), ...keys },
    expect: [['error', 'SignedDifferentUrl', 'the decoded URL']],
  },
  {
    name: 'a canned URL encoded twice after signing',
    input: { url: withCannedSignature(`${BASE}/paid/a%2520b.pdf`, `${BASE}/paid/a%20b.pdf`), ...keys },
    expect: [
      ['error', 'SignedDifferentUrl', 'the request is encoded twice'],
      ['warning', 'DoubleEncoded', '%2520'],
    ],
  },
  {
    name: 'a query parameter added after signing',
    input: { url: withCannedSignature(`${BASE}/paid/a.pdf?download=1`, `${BASE}/paid/a.pdf`), ...keys },
    expect: [['error', 'SignedDifferentUrl', 'the URL without its query']],
  },
  {
    name: 'a + in the query signed as %20',
    input: { url: withCannedSignature(`${BASE}/paid/a.pdf?q=annual+report`, `${BASE}/paid/a.pdf?q=annual%20report`), ...keys },
    expect: [['error', 'SignedDifferentUrl', 'the query with %20 for +']],
  },
  {
    name: 'signed for the CloudFront domain, requested on the alias',
    input: { url: withCannedSignature('https://media.example.com/paid/a.pdf', `${BASE}/paid/a.pdf`), ...keys, account: account() },
    expect: [
      ['ok', 'KeyTrusted', 'paid-signers'],
      ['error', 'SignedDifferentUrl', `the URL on ${HOST}`],
    ],
  },
  {
    name: 'without a key, a URL whose written form a browser would change',
    input: { url: signed('/paid/a b.pdf').replace('a%20b', 'a b'), now: NOW },
    expect: [
      ['warning', 'BrowserEncoding', 'spaces become %20'],
      ['warning', 'SignatureUnchecked', 'not verified'],
    ],
  },
  // ── IP ─────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'an IPv6 range in the policy',
    input: { url: customUrl(policyJson(`${BASE}/paid/*`, `"DateLessThan":{"AWS:EpochTime":${NOW + HOUR}},"IpAddress":{"AWS:SourceIp":"2001:db8::/32"}`)), ...keys },
    expect: [['error', 'IpRangeIpv6', 'IPv4 only']],
  },
  {
    name: 'a /33 range',
    input: { url: customUrl(policyJson(`${BASE}/paid/*`, `"DateLessThan":{"AWS:EpochTime":${NOW + HOUR}},"IpAddress":{"AWS:SourceIp":"192.0.2.0/33"}`)), ...keys },
    expect: [['error', 'IpRangeInvalid', 'not an IPv4 address or CIDR range']],
  },
  {
    name: 'a viewer outside the range',
    input: { url: signed('/paid/a.pdf', { ipRange: '192.0.2.0/24' }), ...keys, viewerIp: '198.51.100.7' },
    expect: [['error', 'IpOutOfRange', "198.51.100.7 is outside the policy's range 192.0.2.0/24"]],
  },
  {
    name: 'an IPv6 viewer',
    input: { url: signed('/paid/a.pdf', { ipRange: '192.0.2.0/24' }), ...keys, viewerIp: '2001:db8::1' },
    expect: [['error', 'ViewerIpv6', 'is IPv6']],
  },
  {
    name: 'an IPv4 viewer seen through a dual-stack socket',
    input: { url: signed('/paid/a.pdf', { ipRange: '192.0.2.0/24' }), ...keys, viewerIp: '::ffff:192.0.2.77' },
    expect: [['ok', 'IpInRange', '192.0.2.77 is inside']],
  },
  {
    name: 'an IP range with no viewer address known',
    input: { url: signed('/paid/a.pdf', { ipRange: '192.0.2.10' }), ...keys },
    expect: [['warning', 'IpUnchecked', 'never matches an IPv4 range']],
  },
  // ── signature ──────────────────────────────────────────────────────────────────────────────────
  {
    name: 'signed with SHA-256 but no Hash-Algorithm',
    input: { url: setParam(signed('/paid/a.pdf', { hashAlgorithm: 'SHA256' }), 'Hash-Algorithm', undefined), ...keys },
    expect: [['error', 'WrongHashAlgorithm', 'verifies with SHA256']],
  },
  {
    name: 'signed with SHA-1 but Hash-Algorithm=SHA256',
    input: { url: `${sha1Url}&Hash-Algorithm=SHA256`, ...keys },
    expect: [['error', 'WrongHashAlgorithm', 'verifies with SHA1']],
  },
  {
    name: 'says the hash: SHA-1 when Hash-Algorithm is absent',
    input: { url: sha1Url, ...keys },
    expect: [['ok', 'HashAlgorithm', 'SHA-1 (no Hash-Algorithm, so CloudFront assumes SHA-1)']],
  },
  {
    name: 'says the hash: SHA-256 with Hash-Algorithm=SHA256 (the default of new signatures)',
    input: { url, ...keys },
    expect: [['ok', 'HashAlgorithm', 'Hash algorithm SHA-256 (Hash-Algorithm=SHA256)']],
  },
  {
    name: 'an ECDSA key without Hash-Algorithm',
    input: { url: setParam(signed('/paid/a.pdf', { keyPairId: EC_KEY_ID, privateKey: TEST_KEYS.ec.privatePem }), 'Hash-Algorithm', undefined), ...keys },
    expect: [['error', 'EcdsaNeedsSha256', 'does verify with SHA-256']],
  },
  {
    name: 'signed with another RSA key',
    input: { url: signed('/paid/a.pdf', { privateKey: OTHER_RSA.privatePem }), ...keys },
    expect: [['error', 'SignatureMismatch', 'another private key signed it']],
  },
  {
    name: 'signed with an ECDSA key, Key-Pair-Id of an RSA key',
    input: { url: signed('/paid/a.pdf', { privateKey: TEST_KEYS.ec.privatePem }), ...keys },
    expect: [['error', 'KeyTypeMismatch', 'is an ECDSA signature']],
  },
  {
    name: 'Expires changed after signing',
    input: { url: setParam(url, 'Expires', String(NOW + 24 * HOUR)), ...keys },
    expect: [['error', 'SignatureMismatch', 'URL or expiry changed after signing']],
  },
  {
    name: 'a Signature cut short to a multiple of 4 characters',
    input: { url: setParam(url, 'Signature', param(url, 'Signature').slice(0, 340)), ...keys },
    expect: [['error', 'SignatureTruncated', 'makes 256-byte signatures: it was cut short']],
  },
  {
    name: 'an ECDSA Signature cut short',
    input: {
      url: (() => {
        const ecUrl = signed('/paid/a.pdf', { keyPairId: EC_KEY_ID, privateKey: TEST_KEYS.ec.privatePem });
        return setParam(ecUrl, 'Signature', param(ecUrl, 'Signature').slice(0, 64));
      })(),
      ...keys,
    },
    expect: [['error', 'SignatureTruncated', 'it was cut short']],
  },
  {
    name: 'an RSA-SHA1 URL whose Key-Pair-Id was switched to an ECDSA key',
    input: { url: setParam(sha1Url, 'Key-Pair-Id', EC_KEY_ID), ...keys },
    expect: [['error', 'KeyTypeMismatch', 'made with an RSA private key. the local public key for K3ECDSAP256KEY cannot verify it, whatever Hash-Algorithm says']],
  },
  {
    name: 'with local keys only, a Key-Pair-Id none of them has',
    input: { url: signed('/paid/a.pdf', { keyPairId: 'K0NOSUCHKEY' }), ...keys },
    expect: [['error', 'UnknownKey', 'Key-Pair-Id K0NOSUCHKEY is unknown: it is not among the 2 local public keys']],
  },
  { name: 'no public key to check with', input: { url, now: NOW }, expect: [['warning', 'SignatureUnchecked', `No public key for ${KEY_ID}`]] },
  {
    name: 'a sound custom-policy URL: every check passes',
    input: { url: sign({ url: `${BASE}/paid/v/1.mp4`, resource: `${BASE}/paid/v/*`, ipRange: '192.0.2.0/24' }), ...keys, viewerIp: '192.0.2.1', account: account() },
    expect: [
      ['ok', 'CustomPolicy', '"Resource":"https://d111111abcdef8.cloudfront.net/paid/v/*"'],
      ['ok', 'BehaviorRestricted', '/paid/v/1.mp4 is served by behavior /paid/* of distribution E2EXAMPLE'],
      ['ok', 'KeyTrusted', `Public key ${KEY_ID} (media-2026) is in key group paid-signers (KGPAID)`],
      ['ok', 'SignatureValid', "CloudFront's public key"],
      ['ok', 'ResourceMatches', 'covers'],
      ['ok', 'NotExpired', 'for another 1 h'],
      ['ok', 'IpInRange', 'inside'],
    ],
  },
  // ── key trust ──────────────────────────────────────────────────────────────────────────────────
  {
    name: 'a key ID the account does not have',
    input: { url: signed('/paid/a.pdf', { keyPairId: 'K0NOSUCHKEY' }), now: NOW, account: account({ publicKey: 'notFound' }) },
    expect: [
      ['error', 'UnknownKey', 'No public key with ID K0NOSUCHKEY'],
      ['warning', 'SignatureUnchecked', 'not verified'],
    ],
  },
  {
    name: 'a key in a group the behavior does not trust',
    input: { url: signed('/other/a.pdf'), ...keys, account: account() },
    expect: [
      ['ok', 'BehaviorRestricted', 'partners (KGOTHER)'],
      ['error', 'KeyNotTrusted', 'It is in paid-signers (KGPAID), which this behavior does not trust'],
    ],
  },
  {
    name: 'a path under an unrestricted behavior listed before the restricted one (first match wins)',
    input: { url: signed('/paid/free/sample.pdf'), ...keys, account: account() },
    expect: [['warning', 'BehaviorNotRestricted', 'behavior /paid/free/* of distribution E2EXAMPLE, which does not restrict viewer access']],
  },
  {
    name: 'path patterns are case-sensitive: /Paid/ falls to the default behavior',
    input: { url: signed('/Paid/a.pdf'), ...keys, account: account() },
    expect: [['warning', 'BehaviorNotRestricted', 'behavior Default (*)']],
  },
  {
    name: 'a legacy key pair on a behavior that trusts key groups',
    input: { url: signed('/paid/a.pdf', { keyPairId: 'APKAEIBAERJR2EXAMPLE' }), ...keys, account: account({ publicKey: 'notFound' }) },
    expect: [
      ['error', 'LegacyKeyNotTrusted', 'trusts only key groups'],
      ['warning', 'SignatureUnchecked', 'not verified'],
    ],
  },
  {
    name: 'a legacy key pair on a behavior with trusted signers (pattern without leading /)',
    input: { url: signed('/legacy/a.pdf', { keyPairId: 'APKAEIBAERJR2EXAMPLE' }), ...keys, account: account({ publicKey: 'notFound' }) },
    expect: [
      ['warning', 'LegacyKeyPair', 'trusts the signers self'],
      ['warning', 'SignatureUnchecked', 'not verified'],
    ],
  },
  {
    name: 'a host no distribution of the account serves',
    input: { url: withCannedSignature('https://cdn.elsewhere.example/paid/a.pdf', 'https://cdn.elsewhere.example/paid/a.pdf'), ...keys, account: account() },
    expect: [
      ['warning', 'DistributionNotFound', 'alternate domain name cdn.elsewhere.example'],
      ['ok', 'SignatureValid', "CloudFront's public key"],
    ],
  },
  {
    name: 'a wildcard alternate domain name',
    input: { url: withCannedSignature('https://eu.cdn.example.com/paid/a.pdf', 'https://eu.cdn.example.com/paid/a.pdf'), ...keys, account: account() },
    expect: [
      ['ok', 'BehaviorRestricted', 'distribution E2EXAMPLE'],
      ['ok', 'KeyTrusted', 'paid-signers'],
    ],
  },
  // ── live check ─────────────────────────────────────────────────────────────────────────────────
  {
    name: 'CloudFront answered MissingKey to a URL that has one (something dropped it)',
    input: { url, ...keys, live: cloudFrontAnswer('MissingKey', 'Missing Key-Pair-Id query parameter or cookie value') },
    expect: [['error', 'LiveMissingKey', 'found no Key-Pair-Id']],
  },
  {
    name: 'S3 refused CloudFront (origin access control)',
    input: { url, ...keys, live: s3Answer(403, 'AccessDenied', 'Access Denied') },
    expect: [['error', 'OriginAccessDenied', 'S3 behind CloudFront answered 403 AccessDenied']],
  },
  {
    name: 'S3 read the signing parameters as its own',
    input: { url, ...keys, live: s3Answer(403, 'AccessDenied', 'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters') },
    expect: [['error', 'OriginReadSigningParameters', 'as its own query authentication']],
  },
  {
    name: "CloudFront's HTML error page (geo restriction or WAF)",
    input: {
      url,
      ...keys,
      live: { status: 403, headers: { 'content-type': 'text/html' }, body: '<HTML><BODY><H1>403 ERROR</H1><H2>The request could not be satisfied.</H2></BODY></HTML>', requestedAt: NOW },
    },
    expect: [['error', 'LiveBlocked', 'geo restriction']],
  },
  {
    name: 'granted',
    input: { url, ...keys, live: { status: 200, headers: { 'x-cache': 'Hit from cloudfront' }, body: '', requestedAt: NOW } },
    expect: [['ok', 'LiveGranted', 'Hit from cloudfront']],
  },
  {
    name: 'the live request could not be sent',
    input: { url, ...keys, live: { failure: 'getaddrinfo ENOTFOUND d111111abcdef8.cloudfront.net' } },
    expect: [['warning', 'LiveUnreachable', 'ENOTFOUND']],
  },
  {
    name: 'canned signed cookies for exactly one URL',
    input: {
      url: `${BASE}/paid/a.pdf`,
      cookies: `CloudFront-Expires=${NOW + HOUR}; CloudFront-Signature=${param(signed('/paid/a.pdf'), 'Signature')}; CloudFront-Key-Pair-Id=${KEY_ID}; CloudFront-Hash-Algorithm=SHA256`,
      ...keys,
    },
    expect: [['ok', 'SignatureValid', 'verifies']],
  },
  {
    name: 'a signed URL on a distribution whose ECDSA key is used correctly',
    input: { url: signed('/paid/a.pdf', { keyPairId: EC_KEY_ID, privateKey: TEST_KEYS.ec.privatePem }), ...keys },
    expect: [['ok', 'SignatureValid', 'an ECDSA P-256 key) using SHA256']],
  },
  {
    name: 'a Policy base64 of JSON with whitespace, signed as is, still verifies',
    input: { url: customUrl(`{ "Statement": [ { "Resource": "${BASE}/paid/*", "Condition": { "DateLessThan": { "AWS:EpochTime": ${NOW + HOUR} } } } ] }`), ...keys },
    expect: [
      ['ok', 'SignatureValid', 'verifies'],
      ['ok', 'ResourceMatches', 'covers'],
    ],
  },
];
