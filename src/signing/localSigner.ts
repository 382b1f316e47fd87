// A PolicySigner over a key the core can parse (a PEM read from secret storage, Secrets Manager or SSM),
// so commands treat every key alike. The signature is made here, synchronously, by OpenSSL.
import type { KeyObject } from 'node:crypto';
import { loadPrivateKey, type LoadedKey } from './keys';
import { signPolicyBytes } from './signature';
import type { PolicySigner } from './signer';

export interface LocalPolicySigner extends PolicySigner {
  /** The parsed key, for callers that sign many URLs synchronously (or hand the key to workers). */
  readonly key: LoadedKey;
}

export function localSigner(privateKey: string | KeyObject): LocalPolicySigner {
  const key = loadPrivateKey(privateKey);
  return {
    type: key.type,
    bits: key.bits,
    key,
    sign: (policy, hashAlgorithm) => Promise.resolve(signPolicyBytes(policy, key, hashAlgorithm)),
  };
}
