// A key's fingerprint: SHA-256 over its SubjectPublicKeyInfo DER, as `openssl pkey -pubout -outform
// DER | openssl sha256` prints it, but in base64url. It names the key's secret (public, so safe to log)
// and tells whether two PEMs hold the same public key whatever their form.
import { hash, type KeyObject } from 'node:crypto';
import { spkiDer } from './pem';

export function fingerprintOf(key: KeyObject | string): string {
  return hash('sha256', spkiDer(key), 'base64url');
}

/** True when both hold the same public key (PEMs of any form, or KeyObjects, private or public). */
export function samePublicKey(a: KeyObject | string, b: KeyObject | string): boolean {
  return spkiDer(a).equals(spkiDer(b));
}
