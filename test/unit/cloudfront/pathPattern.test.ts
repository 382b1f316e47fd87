// CloudFront's path pattern rule: the characters it takes, the two wildcards, 255 characters at most.
import assert from 'node:assert/strict';
import { MAX_PATH_PATTERN_LENGTH, pathPatternProblem } from '../../../src/cloudfront/pathPattern';

describe('cloudfront: path patterns', () => {
  for (const pattern of ['/private/*', 'images/*.jpg', '/a?c/*', '*', "/the-'quoted'_$~@:+,&.\"/*", '/v1/*/thumbs/*.png', 'x'.repeat(MAX_PATH_PATTERN_LENGTH)]) {
    it(`takes ${JSON.stringify(pattern.length > 40 ? `${pattern.slice(0, 10)}… (${pattern.length})` : pattern)}`, () => {
      assert.equal(pathPatternProblem(pattern), undefined);
    });
  }

  it('refuses `private files/*.{pdf}`, naming the space and the braces once each', () => {
    assert.deepEqual(pathPatternProblem('private files/*.{pdf}'), { kind: 'characters', characters: ['␠', '{', '}'] });
  });

  it('refuses brackets, percent signs, backslashes, non-ASCII letters and control characters', () => {
    assert.deepEqual(pathPatternProblem('/[ab]/%20\\/é\t'), { kind: 'characters', characters: ['[', ']', '%', '\\', 'é', 'U+0009'] });
  });

  it('refuses an empty pattern and one longer than 255 characters', () => {
    assert.deepEqual(pathPatternProblem(''), { kind: 'empty' });
    assert.deepEqual(pathPatternProblem(`/${'a'.repeat(MAX_PATH_PATTERN_LENGTH)}`), { kind: 'tooLong', length: 256 });
  });
});
