// Which keys CloudFront takes where. Key groups hold RSA 2048-bit and ECDSA P-256 public keys only;
// legacy CloudFront key pairs (root user, ids starting APKA) may be RSA of other sizes (AWS's own
// test vectors are 1024-bit). https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html#private-content-creating-cloudfront-key-pairs
import { KEY_GROUP_KEY_RULE, keyGroupTakes } from '../cloudfront/rules';
import type { LoadedKey } from '../signing';

/** What the key-pair wizard generates. */
export type KeyAlgorithm = 'RSA_2048' | 'ECDSA_P256';
export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ['RSA_2048', 'ECDSA_P256'];

/** What a stored key is: a generated algorithm, or an imported RSA key of another size (legacy). */
export type LocalKeyAlgorithm = KeyAlgorithm | `RSA_${number}`;

export function isKeyAlgorithm(value: unknown): value is KeyAlgorithm {
  return typeof value === 'string' && (KEY_ALGORITHMS as readonly string[]).includes(value);
}

export function algorithmOf(key: LoadedKey): LocalKeyAlgorithm {
  return key.type === 'ec' ? 'ECDSA_P256' : `RSA_${key.bits}`;
}

const englishProblem = (bits: number) => `This is an RSA ${bits}-bit key. ${KEY_GROUP_KEY_RULE}; a ${bits}-bit key can only be used with a legacy key pair ID (APKA…).`;

/**
 * Why CloudFront would refuse this key in a key group, or undefined when it takes it. `say` words
 * the reason (English here; the import command passes the localized words).
 */
export function keyGroupProblem(key: LoadedKey, say: (bits: number) => string = englishProblem): string | undefined {
  if (keyGroupTakes(key)) return undefined;
  return say(key.bits);
}
