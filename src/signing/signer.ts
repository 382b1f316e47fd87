// Who makes the signature. Locally the core signs with a parsed key (signature.ts); a key that never
// leaves AWS KMS signs through a PolicySigner instead: the core builds the policy, the signer returns
// the signature bytes. The signer lives with the code that can reach it (src/aws/kmsSigner.ts), so the
// core stays pure and knows nothing of AWS.
import type { HashAlgorithm } from './types';

export interface PolicySigner extends KeyFacts {
  /**
   * Signs the policy's UTF-8 bytes: an RSA PKCS#1 v1.5 signature, or a DER-encoded ECDSA signature
   * (the form CloudFront verifies). Rejects with the signer's own error (access denied, throttling…).
   */
  sign(policy: Buffer, hashAlgorithm: HashAlgorithm): Promise<Buffer>;
}

/** The facts about a key that planning needs, whether the core holds the key or a signer does. */
export interface KeyFacts {
  /** RSA (PKCS#1 v1.5) or ECDSA P-256: decides the default hash and what CloudFront can verify. */
  readonly type: 'rsa' | 'ec';
  /** The RSA modulus size (CloudFront key groups take only 2048), 256 for P-256. */
  readonly bits: number;
  /**
   * Why this key cannot sign with SHA-1, when it cannot (AWS KMS has no SHA-1 signing algorithm); the
   * core then refuses `hashAlgorithm: 'SHA1'` with this reason and defaults to SHA-256.
   */
  readonly sha256OnlyBecause?: string;
}
