// Any one-bit change to what a signature protects makes verification fail: a bit of the signature,
// of the policy (custom) or the expiry (canned), of the URL a canned policy is rebuilt from, or of the
// key id (checked against keys by id). fast-check picks the URL, policy, key and the bit.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeCloudFrontBase64, encodeCloudFrontBase64, parseSignedUrl, signUrl, SigningError, verifySignedUrl } from '../../../src/signing';
import { KEYS_BY_ID, policy, poolKeyArbitrary, seed, signOptions, viewerUrl, type PoolKey, type PolicyChoice } from './arbitraries';

/** A signed URL for the drawn case, or undefined when the signing core refuses it (covered by roundTrip). */
function signedOrUndefined(url: string, key: PoolKey, choice: PolicyChoice): string | undefined {
  try {
    return signUrl({ ...signOptions(url, key, { ...choice, resource: undefined }), ...(key.type === 'ec' ? { hashAlgorithm: 'SHA256' } : {}) });
  } catch (error) {
    assert.ok(error instanceof SigningError, String(error));
    return undefined;
  }
}

function withParameter(signedUrl: string, name: string, value: string): string {
  return signedUrl.replace(new RegExp(`([?&])${name}=[^&]*`), `$1${name}=${value}`);
}

function flipBit(bytes: Buffer, bit: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[(bit >> 3) % copy.length] ^= 1 << (bit & 7);
  return copy;
}

function flipCharacter(text: string, index: number, bit: number): string {
  return text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) ^ (1 << bit)) + text.slice(index + 1);
}

const part = fc.constantFrom('signature', 'policyOrExpiry', 'url', 'keyPairId');
type Part = typeof part extends fc.Arbitrary<infer T> ? T : never;

/** The signed URL with one bit of `which` flipped. */
function tampered(signed: string, which: Part, position: number, bit: number): string {
  const { params, url } = parseSignedUrl(signed);
  switch (which) {
    case 'signature':
      return withParameter(signed, 'Signature', encodeCloudFrontBase64(flipBit(decodeCloudFrontBase64(params.Signature!)!, position * 8 + bit)));
    case 'policyOrExpiry':
      return params.Policy !== undefined
        ? withParameter(signed, 'Policy', encodeCloudFrontBase64(flipBit(decodeCloudFrontBase64(params.Policy)!, position * 8 + bit)))
        : withParameter(signed, 'Expires', flipCharacter(params.Expires!, position % params.Expires!.length, bit % 7));
    case 'url': {
      // Where a canned policy (rebuilt from the URL as received) pins it: anywhere before the signing parameters.
      const start = url.indexOf('://') + 3;
      return flipCharacter(signed, start + (position % (url.length - start)), bit % 7);
    }
    case 'keyPairId':
      return withParameter(signed, 'Key-Pair-Id', flipCharacter(params['Key-Pair-Id']!, position % params['Key-Pair-Id']!.length, bit % 7));
  }
}

describe('properties: tampering', () => {
  it('one flipped bit of the signature, policy, expiry, URL or key id fails verification (3,000 cases)', () => {
    let checked = 0;
    fc.assert(
      fc.property(viewerUrl, poolKeyArbitrary, policy, part, fc.nat({ max: 4096 }), fc.integer({ min: 0, max: 7 }), (url, key, choice, which, position, bit) => {
        const custom = which === 'url' ? { ...choice, activeFrom: undefined, ipRange: undefined } : choice; // the URL is pinned by a canned policy
        const signed = signedOrUndefined(url, key, custom);
        if (signed === undefined) return;
        assert.ok(verifySignedUrl(signed, KEYS_BY_ID));
        const changed = tampered(signed, which, position, bit);
        assert.notEqual(changed, signed);
        assert.equal(verifySignedUrl(changed, KEYS_BY_ID), false, `${which} bit ${position * 8 + bit}: ${changed}`);
        checked++;
      }),
      { seed: seed(20263), numRuns: 3000 },
    );
    assert.ok(checked > 2400, `${checked} of 3000 cases signed and tampered`);
  });
});
