// Default names for public keys made from a KMS alias, a secret or a parameter name: always a name
// CloudFront takes (RESOURCE_NAME), and recognisably the source's.
import assert from 'node:assert/strict';
import { RESOURCE_NAME, resourceNameFrom } from '../../../src/cloudfront/rules';

describe('cloudfront: resource names from other names', () => {
  const cases: Array<[string, string]> = [
    ['alias/cloudfront/media', 'cloudfront-media'],
    ['cloudfront/media-2026', 'cloudfront-media-2026'],
    ['/prod/cdn/signing key', 'prod-cdn-signing-key'],
    ['arn:aws:kms:us-east-1:123456789012:key/1234abcd', 'arn-aws-kms-us-east-1-123456789012-key-1234abcd'],
    ['///', 'linked-key'],
    ['ünïcödé', 'n-c-d'],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => {
      assert.equal(resourceNameFrom(text), expected);
      assert.match(resourceNameFrom(text), RESOURCE_NAME);
    });
  }

  it('cuts at 128 characters without a trailing hyphen', () => {
    const name = resourceNameFrom(`${'a'.repeat(127)}/b`);
    assert.equal(name, 'a'.repeat(127));
    assert.match(name, RESOURCE_NAME);
  });
});
