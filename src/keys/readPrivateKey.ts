// Reads a private key the user imports (PKCS#1, PKCS#8, SEC1, or encrypted PEM with its passphrase)
// through the signing core, which refuses what CloudFront cannot verify (DSA, other curves, RSA under
// 1024 bits) with a message naming the supported types. What is kept is the decrypted key in our one
// stored form, never the passphrase.
import { loadPrivateKey, publicKeyPemFromPrivate, type LoadedKey } from '../signing';
import { algorithmOf, type LocalKeyAlgorithm } from './algorithms';
import { fingerprintOf } from './fingerprint';
import { privateKeyPem } from './pem';

export interface ReadPrivateKey {
  loaded: LoadedKey;
  algorithm: LocalKeyAlgorithm;
  privateKeyPem: string;
  publicKeyPem: string;
  fingerprint: string;
}

/** Throws the signing core's SigningError (with `input` privateKey or passphrase) for keys it refuses. */
export function readPrivateKey(pem: string, passphrase?: string): ReadPrivateKey {
  const loaded = loadPrivateKey(pem, passphrase);
  return {
    loaded,
    algorithm: algorithmOf(loaded),
    privateKeyPem: privateKeyPem(loaded.keyObject),
    publicKeyPem: publicKeyPemFromPrivate(loaded.keyObject),
    fingerprint: fingerprintOf(loaded.keyObject),
  };
}
