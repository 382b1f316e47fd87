// Signed URLs and cookies whose signature comes from a PolicySigner (a key in AWS KMS, or any key the
// caller holds): the same policies, parameters and checks as signUrl/signCookies/sharedPolicySigner,
// with the one signature awaited. Options are checked before the signer is called.
import { cookiesOf } from './cookies';
import { encodeCloudFrontBase64 } from './encoding';
import { planPolicy, type PlanOptions, type PolicyPlan } from './plan';
import { urlsUnderPolicy } from './sharedPolicy';
import { parametersWithSignature } from './signature';
import type { PolicySigner } from './signer';
import { signedUrlOf } from './signUrl';
import type { SignOptions } from './types';
import type { SigningParameterName } from './url';

export type SignerUrlOptions = Omit<SignOptions, 'privateKey' | 'passphrase'> & { signer: PolicySigner };
export type SignerCookieOptions = PlanOptions & { signer: PolicySigner };
export type SignerSharedPolicyOptions = Omit<PlanOptions, 'url'> & { resource: string; signer: PolicySigner };

async function signedParameters(plan: PolicyPlan, signer: PolicySigner): Promise<Array<[SigningParameterName, string]>> {
  const signature = await signer.sign(Buffer.from(plan.policyJson, 'utf8'), plan.hashAlgorithm);
  return parametersWithSignature(plan, encodeCloudFrontBase64(signature));
}

export async function signUrlWithSigner(options: SignerUrlOptions): Promise<string> {
  const plan = planPolicy(options, 'url', () => options.signer);
  return signedUrlOf(plan, await signedParameters(plan, options.signer));
}

export async function signCookiesWithSigner(options: SignerCookieOptions): Promise<Record<string, string>> {
  const plan = planPolicy(options, 'cookies', () => options.signer);
  return cookiesOf(await signedParameters(plan, options.signer));
}

/** One signature for every URL under `resource` (see sharedPolicy.ts). */
export async function sharedPolicySignerWithSigner(options: SignerSharedPolicyOptions): Promise<(url: string) => string> {
  const plan = planPolicy(options, 'cookies', () => options.signer);
  return urlsUnderPolicy(options.resource, await signedParameters(plan, options.signer));
}
