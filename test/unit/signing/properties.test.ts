// A few properties over arbitrary input (fast-check, fixed seed); the full property suite is a later issue.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSignedUrl, resourceMatches, signUrl, SigningError, verifySignedUrl } from '../../../src/signing';
import { TEST_KEYS } from './helpers';

const SEED = 4242;

/** An independent oracle for Resource patterns: * is .*, ? is ., everything else literal. */
function matchesByRegExp(pattern: string, text: string): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'su').test(text);
}

describe('signing: properties', () => {
  it('resourceMatches agrees with a regular-expression oracle', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '/', '.', '?', '*'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, (pattern, candidate) => {
        const plain = candidate.replace(/[*?]/g, 'a');
        assert.equal(resourceMatches(pattern, plain), matchesByRegExp(pattern, plain));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('any path and query either signs into a URL that verifies and covers what fetch would send, or is refused with a SigningError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (path, query) => {
        const url = `https://d111111abcdef8.cloudfront.net/${path}${query ? `?${query}` : ''}`;
        let signedUrl: string;
        try {
          signedUrl = signUrl({ url, keyPairId: 'K2JCJMDEHXQW5F', privateKey: TEST_KEYS.ec.privatePem, expires: 1_767_290_400 });
        } catch (error) {
          assert.ok(error instanceof SigningError, String(error));
          return;
        }
        assert.ok(verifySignedUrl(signedUrl, TEST_KEYS.ec.publicPem), signedUrl);
        const sent = new URL(url).href;
        assert.equal(parseSignedUrl(signedUrl).url, sent.endsWith('?') ? sent.slice(0, -1) : sent);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
