// The readers of signed URLs, cookies and policies take anything: they answer, or refuse with our typed
// SigningError, and never throw anything else; verification of anything answers true or false.
// Inputs range from any text to near-misses of real signed URLs (every signing parameter, values in
// and out of CloudFront's base64, policies that are almost JSON).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeCloudFrontBase64, parsePolicy, parseSignedCookies, parseSignedUrl, resourceMatches, SigningError, verifySignedCookies, verifySignedUrl } from '../../../src/signing';
import { KEYS, KEYS_BY_ID, seed, viewerUrl } from './arbitraries';

/** Runs `read`; true when it answered, false when it refused with a SigningError; anything else fails. */
function answersOrRefuses(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch (error) {
    assert.ok(error instanceof SigningError, `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return false;
  }
}

const policyJson = fc.oneof(
  fc.json(),
  fc.string(),
  fc
    .record({ resource: fc.oneof(fc.string(), fc.constant('https://d111111abcdef8.cloudfront.net/*')), expires: fc.oneof(fc.integer(), fc.double(), fc.string()), extra: fc.jsonValue() })
    .map(({ resource, expires, extra }) => JSON.stringify({ Statement: [{ Resource: resource, Condition: { DateLessThan: { 'AWS:EpochTime': expires }, IpAddress: extra } }] })),
);
const parameterValue = fc.oneof(
  fc.string(),
  fc.base64String(),
  policyJson.map((json) => encodeCloudFrontBase64(json)),
  fc.integer().map(String),
);
const parameterName = fc.constantFrom('Expires', 'Policy', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm', 'expires', 'x');
const cloudFrontBase64 = fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => encodeCloudFrontBase64(bytes));
/** The shape of a signed URL's parameters, each value right or nearly so, in any order, with strays. */
const nearlySignedParameters = fc
  .record({
    expiry: fc.oneof(
      { weight: 2, arbitrary: fc.nat().map((n) => ['Expires', String(n)] as const) },
      { weight: 1, arbitrary: policyJson.map((json) => ['Policy', encodeCloudFrontBase64(json)] as const) },
    ),
    signature: fc.oneof({ weight: 3, arbitrary: cloudFrontBase64 }, { weight: 1, arbitrary: parameterValue }),
    keyPairId: fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,20}$/) }, { weight: 1, arbitrary: fc.string() }),
    hash: fc.option(fc.constantFrom('SHA1', 'SHA256', 'MD5', ''), { nil: undefined, freq: 2 }),
    strays: fc.array(fc.tuple(fc.constantFrom('x', 'expires', 'Signature'), parameterValue), { maxLength: 1 }),
  })
  .chain(({ expiry, signature, keyPairId, hash, strays }) => {
    const pairs: Array<readonly [string, string]> = [expiry, ['Signature', signature], ['Key-Pair-Id', keyPairId], ...(hash === undefined ? [] : [['Hash-Algorithm', hash] as const]), ...strays];
    // Mostly all of them in any order; now and then some left out.
    return fc.oneof({ weight: 3, arbitrary: fc.shuffledSubarray(pairs, { minLength: pairs.length }) }, { weight: 1, arbitrary: fc.shuffledSubarray(pairs) });
  });
const parameters = fc.oneof(nearlySignedParameters, fc.array(fc.tuple(parameterName, parameterValue), { maxLength: 6 }));
const nearlySignedUrl = fc
  .tuple(viewerUrl, parameters, fc.constantFrom('', '', '', '#frag'))
  .map(([url, pairs, fragment]) => `${url}${url.includes('?') ? '&' : '?'}${pairs.map(([n, v]) => `${n}=${v}`).join('&')}${fragment}`);
const anyUrlText = fc.oneof(fc.string(), fc.webUrl(), { weight: 4, arbitrary: nearlySignedUrl }, fc.string({ unit: 'binary' }));

describe('properties: reading anything', () => {
  it('parseSignedUrl answers or throws a SigningError, and verifySignedUrl answers a boolean (4,000 cases)', () => {
    let parsed = 0;
    fc.assert(
      fc.property(anyUrlText, fc.constantFrom(...KEYS), (text, key) => {
        if (answersOrRefuses(() => parseSignedUrl(text))) parsed++;
        assert.equal(typeof verifySignedUrl(text, KEYS_BY_ID), 'boolean');
        assert.equal(typeof verifySignedUrl(text, key.publicKey), 'boolean');
      }),
      { seed: seed(20264), numRuns: 4000 },
    );
    assert.ok(parsed > 200, `${parsed} inputs read as signed URLs: the cases reach past the first checks`);
  });

  it('parseSignedCookies and verifySignedCookies, for any cookies and request URL (1,500 cases)', () => {
    const cookies = fc.dictionary(
      fc.oneof(
        parameterName.map((n) => `CloudFront-${n}`),
        fc.string(),
      ),
      parameterValue,
      { maxKeys: 6 },
    );
    fc.assert(
      fc.property(cookies, anyUrlText, (jar, url) => {
        answersOrRefuses(() => parseSignedCookies(jar, url));
        assert.equal(typeof verifySignedCookies(jar, url, KEYS_BY_ID), 'boolean');
      }),
      { seed: seed(20265), numRuns: 1500 },
    );
  });

  it('parsePolicy answers or throws a SigningError for any text (1,500 cases)', () => {
    fc.assert(
      fc.property(policyJson, (json) => {
        answersOrRefuses(() => parsePolicy(json, 'policy'));
      }),
      { seed: seed(20266), numRuns: 1500 },
    );
  });

  it('resourceMatches agrees with a regular-expression oracle, also when the text holds * and ? (2,000 cases)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '/', '.', '?', '*'), maxLength: 12 });
    const oracle = (pattern: string, candidate: string) =>
      new RegExp(`^${[...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))).join('')}$`, 'su').test(candidate);
    fc.assert(
      fc.property(text, text, (pattern, candidate) => assert.equal(resourceMatches(pattern, candidate), oracle(pattern, candidate), `${pattern} ~ ${candidate}`)),
      { seed: seed(20267), numRuns: 2000 },
    );
  });
});
