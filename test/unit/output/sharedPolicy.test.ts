import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { parseSignedUrl, sharedPolicySigner, signUrl, verifySignedUrl, type SigningError } from '../../../src/signing';
import { FIXTURE_KEYS } from '../../fixtures/keys';

const privateKey = createPrivateKey(FIXTURE_KEYS.rsa2048);
const publicKey = createPublicKey(FIXTURE_KEYS.rsa2048);

describe('sharedPolicySigner', () => {
  const resource = 'https://media.example.com/hls/movie/*';
  const sign = sharedPolicySigner({ resource, keyPairId: 'K2TEST', privateKey, expires: 4102444800 });

  it('puts one policy and signature on every URL the resource covers, and each verifies as CloudFront would', () => {
    const a = sign('https://media.example.com/hls/movie/seg-1.m4s');
    const b = sign('https://media.example.com/hls/movie/seg-2.m4s?v=2');
    assert.ok(verifySignedUrl(a, publicKey) && verifySignedUrl(b, publicKey));
    assert.equal(parseSignedUrl(a).params.Signature, parseSignedUrl(b).params.Signature);
    assert.equal(parseSignedUrl(a).resource, resource);
    // The same as signing the first URL with that resource one by one.
    assert.equal(a, signUrl({ url: 'https://media.example.com/hls/movie/seg-1.m4s', resource, keyPairId: 'K2TEST', privateKey, expires: 4102444800 }));
  });

  it('refuses URLs outside the resource, already signed or with a fragment', () => {
    assert.throws(
      () => sign('https://media.example.com/other/seg.m4s'),
      (e: SigningError) => e.code === 'RESOURCE_MISMATCH',
    );
    assert.throws(
      () => sign(sign('https://media.example.com/hls/movie/a.m4s')),
      (e: SigningError) => e.code === 'ALREADY_SIGNED',
    );
    assert.throws(
      () => sign('https://media.example.com/hls/movie/a.m4s#t=1'),
      (e: SigningError) => e.code === 'FRAGMENT_NOT_ALLOWED',
    );
  });
});
