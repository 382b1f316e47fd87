// Every generated case verifies after signing, and any single flipped bit in what the signature
// protects (signature, URL, expiry) or in the key ID (checked against keys by ID) makes it fail.
import assert from 'node:assert/strict';
import { encodeCloudFrontBase64, parseSignedUrl, signCookies, signUrl, verifySignedCookies, verifySignedUrl } from '../../../src/signing';
import { generateCases, type GeneratedCase } from './generatedCases';
import { decodeCloudFrontBase64ForTest, TEST_KEYS } from './helpers';

const FLIPS_PER_PART = 3;

/** Deterministic positions, so a failure names the same flip on every run. */
const positions = (count: number, seed: number): number[] => Array.from({ length: FLIPS_PER_PART }, (_, i) => (seed * 7919 + i * 104_729) % count);

function flipCharacterBit(text: string, index: number, bit: number): string {
  return text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) ^ (1 << bit)) + text.slice(index + 1);
}

function replaceParameter(signedUrl: string, name: string, value: string): string {
  return signedUrl.replace(new RegExp(`([?&])${name}=[^&]*`), `$1${name}=${value}`);
}

function withSignatureBitFlipped(signedUrl: string, bitIndex: number): string {
  const signature = decodeCloudFrontBase64ForTest(parseSignedUrl(signedUrl).params.Signature ?? '');
  signature[bitIndex >> 3] = (signature[bitIndex >> 3] ?? 0) ^ (1 << (bitIndex & 7));
  return replaceParameter(signedUrl, 'Signature', encodeCloudFrontBase64(signature));
}

/** Flips a bit of one digit of the expiry: in Expires, or in DateLessThan inside the Policy. */
function withExpiryBitFlipped(signedUrl: string, digit: number, bit: number): string {
  const { params } = parseSignedUrl(signedUrl);
  if (params.Expires !== undefined) return replaceParameter(signedUrl, 'Expires', flipCharacterBit(params.Expires, digit % params.Expires.length, bit));
  const policy = decodeCloudFrontBase64ForTest(params.Policy ?? '').toString('utf8');
  const start = policy.indexOf('"DateLessThan":{"AWS:EpochTime":') + '"DateLessThan":{"AWS:EpochTime":'.length;
  const length = policy.indexOf('}', start) - start;
  return replaceParameter(signedUrl, 'Policy', encodeCloudFrontBase64(flipCharacterBit(policy, start + (digit % length), bit)));
}

/**
 * Positions in the URL (after "://") that the policy pins literally: the rest of the URL for a canned
 * policy or a Resource equal to the URL, or up to the first wildcard after "://" of a pattern.
 */
function pinnedUrlRange(signedUrl: string): [number, number] {
  const { url, resource } = parseSignedUrl(signedUrl);
  const urlStart = url.indexOf('://') + 3;
  const wildcard = resource.slice(resource.indexOf('://') + 3).search(/[*?]/);
  return [urlStart, wildcard === -1 ? url.length : urlStart + wildcard];
}

describe('signing: round trip and tampering', function () {
  this.timeout(60_000);
  const cases = generateCases(520);

  function forEachCase(check: (testCase: GeneratedCase, signedUrl: string, publicKey: string, index: number) => void): void {
    cases.forEach((testCase, index) => check(testCase, signUrl(testCase.options), TEST_KEYS[testCase.keyName].publicPem, index));
  }

  it('verifySignedUrl accepts every signed URL, with the key alone and with keys by ID', () => {
    forEachCase(({ id, options }, signedUrl, publicKey) => {
      assert.ok(verifySignedUrl(signedUrl, publicKey), `${id}: ${signedUrl}`);
      assert.ok(verifySignedUrl(signedUrl, new Map([[options.keyPairId, publicKey]])), id);
    });
  });

  it('rejects every URL with one bit of the signature flipped', () => {
    forEachCase(({ id }, signedUrl, publicKey, index) => {
      const bits = decodeCloudFrontBase64ForTest(parseSignedUrl(signedUrl).params.Signature ?? '').length * 8;
      for (const bit of positions(bits, index)) assert.equal(verifySignedUrl(withSignatureBitFlipped(signedUrl, bit), publicKey), false, `${id} bit ${bit}`);
    });
  });

  it('rejects every URL with one bit flipped in the part of the URL the policy pins', () => {
    forEachCase(({ id }, signedUrl, publicKey, index) => {
      const [start, end] = pinnedUrlRange(signedUrl);
      assert.ok(end > start, `${id}: nothing pinned`);
      for (const position of positions(end - start, index)) {
        const bit = (position + index) % 7; // stay in ASCII
        const tampered = flipCharacterBit(signedUrl, start + position, bit);
        assert.equal(verifySignedUrl(tampered, publicKey), false, `${id}: ${tampered}`);
      }
    });
  });

  it('rejects every URL with one bit of the expiry flipped', () => {
    forEachCase(({ id }, signedUrl, publicKey, index) => {
      for (const digit of positions(10, index)) {
        const tampered = withExpiryBitFlipped(signedUrl, digit, (digit + index) % 7);
        assert.equal(verifySignedUrl(tampered, publicKey), false, `${id}: ${tampered}`);
      }
    });
  });

  it('rejects every URL with one bit of the key ID flipped when keys are looked up by ID (the signature does not cover the ID)', () => {
    forEachCase(({ id, options }, signedUrl, publicKey, index) => {
      const keys = new Map([[options.keyPairId, publicKey]]);
      for (const position of positions(options.keyPairId.length, index)) {
        const tamperedId = flipCharacterBit(options.keyPairId, position, (position + index) % 7);
        const tampered = replaceParameter(signedUrl, 'Key-Pair-Id', tamperedId);
        assert.equal(verifySignedUrl(tampered, keys), false, `${id}: ${tamperedId}`);
        // With a single key there is nothing to check the ID against: CloudFront picks the key by ID.
        if (/^[A-Za-z0-9]+$/.test(tamperedId)) assert.equal(verifySignedUrl(tampered, publicKey), true, `${id}: ${tamperedId}`);
      }
    });
  });

  it('rejects every bit flip of whole signatures (RSA-1024, RSA-2048, ECDSA)', () => {
    for (const keyName of ['rsa1024', 'rsa2048', 'ec'] as const) {
      const testCase = cases.find((candidate) => candidate.keyName === keyName) as GeneratedCase;
      const signedUrl = signUrl(testCase.options);
      const bits = decodeCloudFrontBase64ForTest(parseSignedUrl(signedUrl).params.Signature ?? '').length * 8;
      for (let bit = 0; bit < bits; bit++) assert.equal(verifySignedUrl(withSignatureBitFlipped(signedUrl, bit), TEST_KEYS[keyName].publicPem), false, `${keyName} bit ${bit}`);
    }
  });

  it('rejects a signature made with another key', () => {
    forEachCase(({ id, keyName }, signedUrl) => {
      const otherKey = keyName === 'rsa2048' ? TEST_KEYS.rsa1024 : TEST_KEYS.rsa2048;
      assert.equal(verifySignedUrl(signedUrl, otherKey.publicPem), false, id);
    });
  });

  it('signed cookies verify for the signed URL and fail when tampered with or used for another URL', () => {
    forEachCase(({ id, options }, signedUrl, publicKey, index) => {
      const cookies = signCookies(options);
      const requestUrl = parseSignedUrl(signedUrl).url;
      assert.ok(verifySignedCookies(cookies, requestUrl, publicKey), id);
      const signature = decodeCloudFrontBase64ForTest(cookies['CloudFront-Signature'] ?? '');
      signature[index % signature.length] = (signature[index % signature.length] ?? 0) ^ 1;
      assert.equal(verifySignedCookies({ ...cookies, 'CloudFront-Signature': encodeCloudFrontBase64(signature) }, requestUrl, publicKey), false, id);
      const [start] = pinnedUrlRange(signedUrl);
      assert.equal(verifySignedCookies(cookies, flipCharacterBit(requestUrl, start, 5), publicKey), false, `${id}: other host`);
    });
  });
});
