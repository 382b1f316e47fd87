// Every rejection of the signing core: the error class, its code, the option it names, and a message
// that names that option.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signCookies, signUrl, type SigningErrorCode, type SigningInput, type SignOptions } from '../../../src/signing';
import { FIXTURE_KEYS } from '../../fixtures/keys';
import { assertSigningError, AWS_FIXTURES, TEST_KEYS } from './helpers';

const BASE: SignOptions = {
  url: 'https://d111111abcdef8.cloudfront.net/image.jpg',
  keyPairId: 'K2JCJMDEHXQW5F',
  privateKey: TEST_KEYS.rsa2048.privatePem,
  expires: 1_767_290_400,
};

const rsaKey = createPrivateKey(TEST_KEYS.rsa2048.privatePem);
const encryptedPkcs8 = rsaKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right' }).toString();
const encryptedPkcs1 = rsaKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right' }).toString();

interface Rejection {
  readonly name: string;
  readonly options: Partial<Record<keyof SignOptions, unknown>>;
  readonly code: SigningErrorCode;
  readonly input: SigningInput;
  /** Words the message must contain besides the input's name. */
  readonly mentions?: readonly string[];
}

const longPath = `/${'a'.repeat(8200)}`;

const REJECTIONS: readonly Rejection[] = [
  // Keys
  {
    name: 'a DSA key',
    options: { privateKey: readFileSync(resolve(AWS_FIXTURES, 'test-dsa-key.pem'), 'utf8') },
    code: 'UNSUPPORTED_KEY_TYPE',
    input: 'privateKey',
    mentions: ['DSA', 'RSA', 'ECDSA', 'P-256'],
  },
  { name: 'an Ed25519 key', options: { privateKey: FIXTURE_KEYS.ed25519 }, code: 'UNSUPPORTED_KEY_TYPE', input: 'privateKey', mentions: ['Ed25519', 'RSA', 'ECDSA P-256'] },
  { name: 'an RSA-PSS key', options: { privateKey: FIXTURE_KEYS.rsaPss1024 }, code: 'UNSUPPORTED_KEY_TYPE', input: 'privateKey', mentions: ['RSA-PSS'] },
  { name: 'a 512-bit RSA key', options: { privateKey: FIXTURE_KEYS.rsa512 }, code: 'KEY_TOO_SMALL', input: 'privateKey', mentions: ['512', '1024'] },
  { name: 'an RSA KeyObject under 1024 bits', options: { privateKey: createPrivateKey(FIXTURE_KEYS.rsa768) }, code: 'KEY_TOO_SMALL', input: 'privateKey', mentions: ['768'] },
  { name: 'an ECDSA key on P-384', options: { privateKey: FIXTURE_KEYS.ecP384 }, code: 'UNSUPPORTED_CURVE', input: 'privateKey', mentions: ['secp384r1', 'P-256'] },
  { name: 'ECDSA with SHA1', options: { privateKey: TEST_KEYS.ec.privatePem, hashAlgorithm: 'SHA1' }, code: 'UNSUPPORTED_HASH', input: 'hashAlgorithm', mentions: ['SHA1', 'ECDSA', 'SHA256'] },
  { name: 'an unknown hash', options: { hashAlgorithm: 'MD5' }, code: 'UNSUPPORTED_HASH', input: 'hashAlgorithm', mentions: ['MD5'] },
  { name: 'text that is no PEM', options: { privateKey: 'not a key' }, code: 'INVALID_KEY', input: 'privateKey', mentions: ['PKCS#1', 'PKCS#8', 'SEC1'] },
  { name: 'a PEM with a corrupt body', options: { privateKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n' }, code: 'INVALID_KEY', input: 'privateKey' },
  { name: 'a public key where the private key belongs', options: { privateKey: TEST_KEYS.rsa2048.publicPem }, code: 'INVALID_KEY', input: 'privateKey', mentions: ['public key'] },
  { name: 'a public KeyObject where the private key belongs', options: { privateKey: createPublicKey(FIXTURE_KEYS.ecP256Other) }, code: 'INVALID_KEY', input: 'privateKey', mentions: ['public'] },
  {
    name: 'an OpenSSH private key',
    options: { privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n' },
    code: 'INVALID_KEY',
    input: 'privateKey',
    mentions: ['OpenSSH', 'ssh-keygen'],
  },
  { name: 'no private key', options: { privateKey: undefined }, code: 'MISSING_OPTION', input: 'privateKey' },
  { name: 'a PEM as a Buffer', options: { privateKey: Buffer.from(TEST_KEYS.rsa2048.privatePem) }, code: 'INVALID_KEY', input: 'privateKey', mentions: ['Buffer', "readFileSync(path, 'utf8')"] },
  {
    name: 'two private key PEMs one after the other',
    options: { privateKey: TEST_KEYS.rsa2048.privatePem + TEST_KEYS.ec.privatePem },
    code: 'INVALID_KEY',
    input: 'privateKey',
    mentions: ['2 private keys', 'exactly one'],
  },
  {
    name: 'an RSA-3072 key for a key group public key',
    options: { privateKey: FIXTURE_KEYS.rsa3072 },
    code: 'KEY_NOT_FOR_KEY_GROUPS',
    input: 'privateKey',
    mentions: ['3072-bit', 'RSA 2048-bit and ECDSA P-256', 'APKA'],
  },
  {
    name: 'an RSA-4096 key for a key group public key',
    options: { privateKey: createPrivateKey(FIXTURE_KEYS.rsa4096) },
    code: 'KEY_NOT_FOR_KEY_GROUPS',
    input: 'privateKey',
    mentions: ['4096-bit', 'RSA 2048-bit and ECDSA P-256'],
  },
  { name: 'an encrypted PKCS#8 PEM without passphrase', options: { privateKey: encryptedPkcs8 }, code: 'PASSPHRASE_REQUIRED', input: 'passphrase', mentions: ['encrypted'] },
  { name: 'an encrypted PKCS#8 PEM with an empty passphrase', options: { privateKey: encryptedPkcs8, passphrase: '' }, code: 'PASSPHRASE_REQUIRED', input: 'passphrase' },
  { name: 'an encrypted PKCS#8 PEM with a wrong passphrase', options: { privateKey: encryptedPkcs8, passphrase: 'wrong' }, code: 'WRONG_PASSPHRASE', input: 'passphrase', mentions: ['privateKey'] },
  { name: 'an encrypted PKCS#1 PEM without passphrase', options: { privateKey: encryptedPkcs1 }, code: 'PASSPHRASE_REQUIRED', input: 'passphrase' },
  { name: 'an encrypted PKCS#1 PEM with a wrong passphrase', options: { privateKey: encryptedPkcs1, passphrase: 'wrong' }, code: 'WRONG_PASSPHRASE', input: 'passphrase' },
  // Policy JSON injection: refused, never escaped
  { name: 'a double quote in url', options: { url: 'https://d111111abcdef8.cloudfront.net/a"b.jpg' }, code: 'UNSAFE_CHARACTER', input: 'url', mentions: ['double quote', 'position 39'] },
  { name: 'a backslash in url', options: { url: 'https://d111111abcdef8.cloudfront.net/a\\b.jpg' }, code: 'UNSAFE_CHARACTER', input: 'url', mentions: ['backslash'] },
  { name: 'a newline in url', options: { url: 'https://d111111abcdef8.cloudfront.net/a\nb.jpg' }, code: 'UNSAFE_CHARACTER', input: 'url', mentions: ['U+000A'] },
  { name: 'a tab in url', options: { url: 'https://d111111abcdef8.cloudfront.net/a\tb.jpg' }, code: 'UNSAFE_CHARACTER', input: 'url', mentions: ['U+0009'] },
  { name: 'a NUL in url', options: { url: 'https://d111111abcdef8.cloudfront.net/a\u0000b.jpg' }, code: 'UNSAFE_CHARACTER', input: 'url', mentions: ['U+0000'] },
  { name: 'DEL in url', options: { url: 'https://d111111abcdef8.cloudfront.net/a\u007fb.jpg' }, code: 'UNSAFE_CHARACTER', input: 'url', mentions: ['U+007F'] },
  { name: 'a C1 control in url', options: { url: 'https://d111111abcdef8.cloudfront.net/a\u0085b.jpg' }, code: 'UNSAFE_CHARACTER', input: 'url', mentions: ['U+0085'] },
  { name: 'a double quote in resource', options: { resource: 'https://d111111abcdef8.cloudfront.net/*","Resource":"*' }, code: 'UNSAFE_CHARACTER', input: 'resource', mentions: ['double quote'] },
  { name: 'a control character in resource', options: { resource: 'https://d111111abcdef8.cloudfront.net/\r*' }, code: 'UNSAFE_CHARACTER', input: 'resource', mentions: ['U+000D'] },
  { name: 'a backslash in resource', options: { resource: 'https://d111111abcdef8.cloudfront.net/\\u002a' }, code: 'UNSAFE_CHARACTER', input: 'resource', mentions: ['backslash'] },
  { name: 'a double quote in ipRange', options: { ipRange: '192.0.2.0/24"},"x":{"y":"z' }, code: 'UNSAFE_CHARACTER', input: 'ipRange', mentions: ['double quote'] },
  { name: 'a control character in ipRange', options: { ipRange: '192.0.2.1\n' }, code: 'UNSAFE_CHARACTER', input: 'ipRange' },
  // IP ranges
  { name: 'an IPv6 range', options: { ipRange: '2001:db8::/32' }, code: 'IPV6_NOT_SUPPORTED', input: 'ipRange', mentions: ['IPv6', 'IPv4'] },
  { name: 'an IPv6 address', options: { ipRange: '::1' }, code: 'IPV6_NOT_SUPPORTED', input: 'ipRange' },
  { name: 'an octet over 255', options: { ipRange: '256.0.0.1' }, code: 'INVALID_IP_RANGE', input: 'ipRange', mentions: ['256.0.0.1'] },
  { name: 'three octets', options: { ipRange: '10.0.0' }, code: 'INVALID_IP_RANGE', input: 'ipRange' },
  { name: 'a prefix over 32', options: { ipRange: '10.0.0.0/33' }, code: 'INVALID_IP_RANGE', input: 'ipRange' },
  { name: 'a leading zero (octal to some parsers)', options: { ipRange: '010.0.0.1' }, code: 'INVALID_IP_RANGE', input: 'ipRange' },
  { name: 'an empty ipRange', options: { ipRange: '' }, code: 'INVALID_IP_RANGE', input: 'ipRange' },
  { name: 'null as ipRange', options: { ipRange: null }, code: 'INVALID_IP_RANGE', input: 'ipRange', mentions: ['got null', '192.0.2.0/24', 'Leave ipRange out'] },
  { name: 'a number as ipRange', options: { ipRange: 3_221_225_985 }, code: 'INVALID_IP_RANGE', input: 'ipRange', mentions: ['got number', '192.0.2.0/24'] },
  // Times
  { name: 'no expiry', options: { expires: undefined }, code: 'MISSING_OPTION', input: 'expires', mentions: ['required'] },
  { name: 'an expiry in milliseconds', options: { expires: 1_767_290_400_000 }, code: 'TIME_IN_MILLISECONDS', input: 'expires', mentions: ['milliseconds', '1767290400'] },
  { name: 'an expiry in microseconds', options: { expires: 1_767_290_400_000_000 }, code: 'TIME_IN_MILLISECONDS', input: 'expires', mentions: ['microseconds', '(1767290400)'] },
  { name: 'an expiry in nanoseconds', options: { expires: 1_767_290_400_000_000_000 }, code: 'TIME_IN_MILLISECONDS', input: 'expires', mentions: ['nanoseconds', '(1767290400)'] },
  { name: 'null as start', options: { activeFrom: null }, code: 'INVALID_TIME', input: 'activeFrom', mentions: ['start working', 'leave activeFrom out'] },
  { name: 'a start in milliseconds', options: { activeFrom: 1_767_200_000_000 }, code: 'TIME_IN_MILLISECONDS', input: 'activeFrom', mentions: ['milliseconds'] },
  { name: 'an invalid Date', options: { expires: new Date('not a date') }, code: 'INVALID_TIME', input: 'expires' },
  { name: 'a negative expiry', options: { expires: -1 }, code: 'INVALID_TIME', input: 'expires' },
  { name: 'NaN as expiry', options: { expires: Number.NaN }, code: 'INVALID_TIME', input: 'expires' },
  { name: 'a string as expiry', options: { expires: '1767290400' }, code: 'INVALID_TIME', input: 'expires' },
  { name: 'a Date beyond year 5000', options: { expires: new Date(Date.UTC(6000, 0, 1)) }, code: 'INVALID_TIME', input: 'expires' },
  { name: 'a start after the expiry', options: { activeFrom: 1_767_290_401 }, code: 'ACTIVE_NOT_BEFORE_EXPIRY', input: 'activeFrom', mentions: ['before', 'expires'] },
  { name: 'a start equal to the expiry', options: { activeFrom: new Date(1_767_290_400_000) }, code: 'ACTIVE_NOT_BEFORE_EXPIRY', input: 'activeFrom', mentions: ['before', 'expires'] },
  // URLs
  ...(['Expires=1', 'Policy=abc', 'Signature=abc', 'Key-Pair-Id=K1', 'Hash-Algorithm=SHA256'] as const).map((parameter): Rejection => ({
    name: `a URL that already has ${parameter}`,
    options: { url: `https://d111111abcdef8.cloudfront.net/a.jpg?x=1&${parameter}` },
    code: 'ALREADY_SIGNED',
    input: 'url',
    mentions: [parameter.split('=')[0]],
  })),
  { name: 'a fragment', options: { url: 'https://d111111abcdef8.cloudfront.net/video.mp4#t=10' }, code: 'FRAGMENT_NOT_ALLOWED', input: 'url', mentions: ['fragment'] },
  { name: 'a fragment in resource', options: { resource: 'https://d111111abcdef8.cloudfront.net/*#x' }, code: 'FRAGMENT_NOT_ALLOWED', input: 'resource' },
  ...['ftp://d111111abcdef8.cloudfront.net/a', 'rtmp://s111111abcdef8.cloudfront.net/cfx/st/video.mp4', 'file:///etc/passwd', 'data:text/plain,hi'].map((url): Rejection => ({
    name: `the scheme of ${url}`,
    options: { url },
    code: 'UNSUPPORTED_SCHEME',
    input: 'url',
    mentions: ['http, https, ws and wss'],
  })),
  { name: 'an unsupported scheme in resource', options: { resource: 'ftp://d111111abcdef8.cloudfront.net/*' }, code: 'UNSUPPORTED_SCHEME', input: 'resource' },
  { name: 'a signed URL over 8,192 bytes', options: { url: `https://d111111abcdef8.cloudfront.net${longPath.slice(0, 8100)}` }, code: 'URL_TOO_LONG', input: 'url', mentions: ['8192'] },
  {
    name: 'a custom policy that pushes the URL over 8,192 bytes',
    options: { url: `https://d111111abcdef8.cloudfront.net${longPath.slice(0, 3500)}`, ipRange: '192.0.2.1' },
    code: 'URL_TOO_LONG',
    input: 'url',
    mentions: ['signed cookies'],
  },
  { name: 'no url', options: { url: undefined }, code: 'MISSING_OPTION', input: 'url', mentions: ['required'] },
  { name: 'a relative url', options: { url: '/image.jpg' }, code: 'INVALID_URL', input: 'url' },
  { name: 'credentials in url', options: { url: 'https://user:secret@d111111abcdef8.cloudfront.net/a.jpg' }, code: 'INVALID_URL', input: 'url', mentions: ['password'] },
  { name: 'a resource without scheme', options: { resource: 'd111111abcdef8.cloudfront.net/*' }, code: 'INVALID_URL', input: 'resource', mentions: ['scheme'] },
  { name: 'a resource with a non-ASCII host', options: { url: 'https://xn--bcher-kva.example/a', resource: 'https://bücher.example/*' }, code: 'INVALID_URL', input: 'resource', mentions: ['xn--'] },
  {
    name: 'a resource that does not cover the url',
    options: { resource: 'https://d111111abcdef8.cloudfront.net/videos/*' },
    code: 'RESOURCE_MISMATCH',
    input: 'resource',
    mentions: ['url', '/videos/*'],
  },
  { name: 'an empty resource', options: { resource: '' }, code: 'MISSING_OPTION', input: 'resource' },
  // Key IDs
  { name: 'no key ID', options: { keyPairId: '' }, code: 'MISSING_OPTION', input: 'keyPairId' },
  { name: 'a key ID with URL syntax', options: { keyPairId: 'K2&Expires=1' }, code: 'INVALID_KEY_PAIR_ID', input: 'keyPairId' },
];

describe('signing: rejections', () => {
  for (const rejection of REJECTIONS) {
    it(`rejects ${rejection.name}`, () => {
      const options = { ...BASE, ...rejection.options } as SignOptions;
      assertSigningError(() => signUrl(options), rejection.code, rejection.input, [rejection.input, ...(rejection.mentions ?? [])]);
      // Signed cookies share the checks, except those about the URL's length.
      if (rejection.code !== 'URL_TOO_LONG') assertSigningError(() => signCookies(options), rejection.code, rejection.input, [rejection.input]);
    });
  }

  it('rejects signed cookies with neither url nor resource', () => {
    assertSigningError(() => signCookies({ ...BASE, url: undefined }), 'MISSING_OPTION', 'url', ['url', 'resource']);
  });
});
