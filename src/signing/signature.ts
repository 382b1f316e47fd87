// Signs a plan's policy and lays out the parameters CloudFront reads, in the order of AWS's examples
// (Expires or Policy, Signature, Key-Pair-Id) with Hash-Algorithm last, as botocore and the AWS SDK
// for JavaScript write them. CloudFront does not depend on the order.
import { sign } from 'node:crypto';
import { encodeCloudFrontBase64 } from './encoding';
import { type LoadedKey } from './keys';
import { type PolicyPlan, type SigningPlan } from './plan';
import { type HashAlgorithm } from './types';
import { type SigningParameterName } from './url';

export const NODE_HASH_NAMES: Record<HashAlgorithm, string> = { SHA1: 'sha1', SHA256: 'sha256' };

/**
 * Signs policy JSON: RSA PKCS#1 v1.5, or ECDSA with a DER-encoded signature (Node's default
 * dsaEncoding), which is the form CloudFront verifies. One call into OpenSSL on a cached KeyObject.
 */
export function signPolicy(policyJson: string, key: LoadedKey, hashAlgorithm: HashAlgorithm): string {
  return encodeCloudFrontBase64(signPolicyBytes(Buffer.from(policyJson, 'utf8'), key, hashAlgorithm));
}

export function signPolicyBytes(policy: Buffer, key: LoadedKey, hashAlgorithm: HashAlgorithm): Buffer {
  return sign(NODE_HASH_NAMES[hashAlgorithm], policy, key.keyObject);
}

/** The signing parameters for a plan, values already URL- and cookie-safe. */
export function signingParameters(plan: SigningPlan): Array<[SigningParameterName, string]> {
  return parametersWithSignature(plan, signPolicy(plan.policyJson, plan.key, plan.hashAlgorithm));
}

/** The signing parameters around a signature made elsewhere (CloudFront base64, see encoding.ts). */
export function parametersWithSignature(plan: PolicyPlan, signature: string): Array<[SigningParameterName, string]> {
  const parameters: Array<[SigningParameterName, string]> = [
    plan.canned ? ['Expires', String(plan.expires)] : ['Policy', encodeCloudFrontBase64(plan.policyJson)],
    ['Signature', signature],
    ['Key-Pair-Id', plan.keyPairId],
  ];
  // Absent means SHA1 to CloudFront, so the parameter is written only for SHA256.
  if (plan.hashAlgorithm === 'SHA256') parameters.push(['Hash-Algorithm', 'SHA256']);
  return parameters;
}
