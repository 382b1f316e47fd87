// Key pairs for CloudFront, generated off the event loop: crypto.generateKeyPair runs in libuv's
// thread pool, so the extension host keeps answering while an RSA key (tens of milliseconds, now and
// then far more) is found. `npm run bench` measures the event-loop delay against the sync form.
import { generateKeyPair as generateKeyPairCallback, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { KeyAlgorithm } from './algorithms';
import { fingerprintOf } from './fingerprint';
import { privateKeyPem } from './pem';

const generate = promisify(generateKeyPairCallback);

export interface GeneratedKeyPair {
  privateKey: KeyObject;
  /** PKCS#1 PEM (RSA) or SEC1 PEM (ECDSA): what goes into SecretStorage. */
  privateKeyPem: string;
  /** SubjectPublicKeyInfo PEM: what CreatePublicKey takes. */
  publicKeyPem: string;
  fingerprint: string;
}

export async function generateKeyPair(algorithm: KeyAlgorithm): Promise<GeneratedKeyPair> {
  const { privateKey, publicKey } = algorithm === 'RSA_2048' ? await generate('rsa', { modulusLength: 2048 }) : await generate('ec', { namedCurve: 'prime256v1' });
  return {
    privateKey,
    privateKeyPem: privateKeyPem(privateKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
}
