// Every key file of the AWS CLI's CloudFront test data, as "Import Private Key" reads it: ECDSA P-256
// (PKCS#8 and SEC1) is fit for key groups; the RSA keys there are 1024-bit, fit only for a legacy key
// pair id, and refused for key groups with CloudFront's reason; DSA is refused naming what is supported.
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateKeyPair } from '../../../src/keys/generate';
import { isLegacyKeyPairId } from '../../../src/cloudfront/rules';
import { keyGroupProblem } from '../../../src/keys/algorithms';
import { fingerprintOf, samePublicKey } from '../../../src/keys/fingerprint';
import { normalizePem } from '../../../src/keys/pem';
import { readPrivateKey } from '../../../src/keys/readPrivateKey';
import { SigningError } from '../../../src/signing';

const fixture = (name: string) => readFileSync(resolve('test/fixtures/aws-cli-cloudfront', name), 'utf8');

describe('keys: import and generate', () => {
  for (const name of ['test-ecdsa-key.pem', 'test-ecdsa-key-sec1.pem']) {
    it(`imports ${name} as ECDSA P-256, fit for key groups, stored as SEC1`, () => {
      const read = readPrivateKey(fixture(name));
      assert.equal(read.algorithm, 'ECDSA_P256');
      assert.equal(keyGroupProblem(read.loaded), undefined);
      assert.match(read.privateKeyPem, /^-----BEGIN EC PRIVATE KEY-----\n/);
      assert.ok(samePublicKey(read.publicKeyPem, fixture('test-ecdsa-key-public.pem')));
    });
  }

  for (const name of ['test-rsa-key.pem', 'test-rsa-key-pkcs1.pem']) {
    it(`reads ${name} as RSA 1024: legacy key pair ids only, refused for key groups with CloudFront's reason`, () => {
      const read = readPrivateKey(fixture(name));
      assert.equal(read.algorithm, 'RSA_1024');
      assert.match(read.privateKeyPem, /^-----BEGIN RSA PRIVATE KEY-----\n/, 'kept as PKCS#1');
      assert.match(keyGroupProblem(read.loaded) ?? '', /RSA 1024-bit key\. CloudFront key groups accept only RSA 2048-bit and ECDSA P-256/);
      assert.ok(samePublicKey(read.publicKeyPem, fixture('test-rsa-key-public.pem')));
      assert.ok(isLegacyKeyPairId('APKAEIBAERJR2EXAMPLE') && !isLegacyKeyPairId('K2JCJMDEHXQW5F'));
    });
  }

  it('refuses the DSA key, naming the supported key types', () => {
    assert.throws(
      () => readPrivateKey(fixture('test-dsa-key.pem')),
      (error: unknown) => error instanceof SigningError && error.code === 'UNSUPPORTED_KEY_TYPE' && /DSA/.test(error.message) && /RSA/.test(error.message) && /ECDSA P-256/.test(error.message),
    );
  });

  it('reads an encrypted PEM with its passphrase, refusing a wrong or missing one', () => {
    const pem = createPrivateKey(fixture('test-ecdsa-key.pem')).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }).toString();
    assert.equal(readPrivateKey(pem, 'secret').fingerprint, fingerprintOf(fixture('test-ecdsa-key.pem')));
    assert.throws(
      () => readPrivateKey(pem, 'wrong'),
      (e: unknown) => e instanceof SigningError && e.code === 'WRONG_PASSPHRASE',
    );
    assert.throws(
      () => readPrivateKey(pem),
      (e: unknown) => e instanceof SigningError && e.code === 'PASSPHRASE_REQUIRED',
    );
  });

  it('repairs a PEM pasted into a one-line box', () => {
    const pem = fixture('test-rsa-key-pkcs1.pem');
    assert.equal(readPrivateKey(normalizePem(pem.replace(/\n/g, ' '))).fingerprint, readPrivateKey(pem).fingerprint);
  });

  it('generates RSA 2048 (PKCS#1) and ECDSA P-256 (SEC1) pairs whose SPKI matches the private key', async () => {
    for (const [algorithm, header] of [
      ['RSA_2048', 'RSA PRIVATE KEY'],
      ['ECDSA_P256', 'EC PRIVATE KEY'],
    ] as const) {
      const pair = await generateKeyPair(algorithm);
      assert.match(pair.privateKeyPem, new RegExp(`^-----BEGIN ${header}-----\\n`));
      assert.match(pair.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n/);
      const read = readPrivateKey(pair.privateKeyPem);
      assert.equal(read.algorithm, algorithm);
      assert.equal(read.fingerprint, pair.fingerprint);
      assert.ok(samePublicKey(pair.publicKeyPem, pair.privateKey));
    }
  });
});

describe('keys: pasted PEM', () => {
  it('repairs an encrypted traditional PEM pasted into a one-line box', () => {
    const pem = createPrivateKey(fixture('test-rsa-key-pkcs1.pem')).export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' }).toString();
    assert.equal(readPrivateKey(normalizePem(pem.replace(/\n/g, ' ')), 'pw').fingerprint, readPrivateKey(pem, 'pw').fingerprint);
  });
});
