// Properties of signing over random viewer URLs, policies and keys (fast-check): whatever is signed
// parses back to what was asked and verifies with the signer's public key only, or is refused with a
// SigningError before anything is signed. Signed cookies the same, for any URL the resource covers.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeIpRange, normalizeViewerUrl, parseSignedUrl, signCookies, signUrl, SigningError, verifySignedCookies, verifySignedUrl } from '../../../src/signing';
import { KEYS_BY_ID, otherKey, policy, poolKeyArbitrary, resourceFor, seed, signOptions, viewerUrl } from './arbitraries';

/**
 * Runs `sign`; a SigningError counts as refused, anything else thrown fails the property, and so does
 * a refusal for a resource: every resource here is made to cover the URL.
 */
function signedOrRefused<T>(sign: () => T, tally: { signed: number; refused: number }): T | undefined {
  try {
    const result = sign();
    tally.signed++;
    return result;
  } catch (error) {
    assert.ok(error instanceof SigningError, `not a SigningError: ${String(error)}`);
    assert.notEqual(error.code, 'RESOURCE_MISMATCH', error.message);
    tally.refused++;
    return undefined;
  }
}

describe('properties: sign, parse, verify', () => {
  it("signUrl: parses back to the key, policy and hash asked for, verifies with the signer's key and no other (4,000 cases)", () => {
    const tally = { signed: 0, refused: 0 };
    fc.assert(
      fc.property(viewerUrl, poolKeyArbitrary, policy, (url, key, choice) => {
        let sent: string;
        try {
          sent = normalizeViewerUrl(url);
        } catch (error) {
          assert.ok(error instanceof SigningError);
          assert.throws(() => signUrl(signOptions(url, key, choice)), SigningError, 'signUrl refuses what the viewer URL check refuses');
          tally.refused++;
          return;
        }
        const options = signOptions(url, key, choice, sent);
        const signed = signedOrRefused(() => signUrl(options), tally);
        if (signed === undefined) return;
        const parsed = parseSignedUrl(signed);
        assert.equal(parsed.url, sent);
        assert.equal(parsed.keyPairId, key.id);
        assert.equal(parsed.expires, choice.expires);
        assert.equal(parsed.activeFrom, choice.activeFrom);
        assert.equal(parsed.ipRange, choice.ipRange === undefined ? undefined : normalizeIpRange(choice.ipRange));
        assert.equal(parsed.resource, choice.resource ? resourceFor(sent, choice.resource) : sent);
        assert.equal(parsed.hashAlgorithm, key.type === 'ec' ? 'SHA256' : (choice.hashAlgorithm ?? 'SHA256'));
        assert.equal(parsed.policyKind, options.activeFrom !== undefined || options.ipRange || (options.resource !== undefined && options.resource !== sent) ? 'custom' : 'canned');
        assert.ok(verifySignedUrl(signed, key.publicKey), "verifies with the signer's public key");
        assert.ok(verifySignedUrl(signed, KEYS_BY_ID), 'verifies with the keys by id');
        assert.equal(verifySignedUrl(signed, otherKey(key).publicKey), false, 'does not verify with another key');
      }),
      { seed: seed(20261), numRuns: 4000 },
    );
    assert.ok(tally.signed > tally.refused * 2, `mostly signed: ${JSON.stringify(tally)}`);
  });

  it("signCookies: verify for URLs the resource covers, with the signer's key only (1,500 cases)", () => {
    const tally = { signed: 0, refused: 0 };
    fc.assert(
      fc.property(viewerUrl, poolKeyArbitrary, policy, fc.string({ maxLength: 10 }), (url, key, choice, tail) => {
        let sent: string;
        try {
          sent = normalizeViewerUrl(url);
        } catch {
          return; // the URL side is covered above; here the resource matters
        }
        const resource = resourceFor(sent, choice.resource ?? { cut: sent.length, wildcard: '*' });
        const options = { ...signOptions(url, key, choice, sent), url: undefined, resource };
        const cookies = signedOrRefused(() => signCookies(options), tally);
        if (cookies === undefined) return;
        assert.ok(verifySignedCookies(cookies, sent, key.publicKey), 'the URL the resource was made from');
        if (resource.endsWith('*')) assert.ok(verifySignedCookies(cookies, `${sent}${encodeURIComponent(tail)}`, key.publicKey), 'any URL under the wildcard');
        assert.equal(verifySignedCookies(cookies, sent, otherKey(key).publicKey), false);
      }),
      { seed: seed(20262), numRuns: 1500 },
    );
    assert.ok(tally.signed > tally.refused * 2, `mostly signed: ${JSON.stringify(tally)}`);
  });
});
