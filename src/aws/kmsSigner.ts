// Signs CloudFront policies with a key that never leaves AWS KMS: kms:Sign with MessageType RAW, so KMS
// hashes the policy (SHA-256) and signs it: RSASSA_PKCS1_V1_5_SHA_256 for RSA_2048, ECDSA_SHA_256 (DER,
// the form CloudFront verifies) for ECC_NIST_P256. KMS has no SHA-1 signing, so these keys always sign
// with Hash-Algorithm=SHA256. https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html
import * as vscode from 'vscode';
import type { PolicySigner } from '../signing';
import { UserError } from '../errors';
import { classifyAwsError } from './describeAwsError';
import type { KmsKeyDescription, KmsKeys, KmsKeySpec, KmsSigningAlgorithm } from './kmsKeys';
import { awsErrorCode, awsStatus, isAwsError } from './awsError';

/** kms:Sign takes at most 4,096 bytes with MessageType RAW; a CloudFront policy is far smaller. */
export const KMS_RAW_MESSAGE_LIMIT = 4096;

const SIGNING: Record<KmsKeySpec, { type: 'rsa' | 'ec'; bits: number; algorithm: KmsSigningAlgorithm }> = {
  RSA_2048: { type: 'rsa', bits: 2048, algorithm: 'RSASSA_PKCS1_V1_5_SHA_256' },
  ECC_NIST_P256: { type: 'ec', bits: 256, algorithm: 'ECDSA_SHA_256' },
};

export const isCloudFrontKmsSpec = (spec: string): spec is KmsKeySpec => spec in SIGNING;

/**
 * Why a KMS key cannot sign for CloudFront, or undefined when it can: CloudFront verifies RSA 2048 and
 * ECDSA P-256 only, the key must be a signing key, and KMS signs only with an enabled key.
 */
export function kmsKeyProblem(key: KmsKeyDescription, reference: string): string | undefined {
  if (key.keyUsage !== 'SIGN_VERIFY') return vscode.l10n.t('KMS key {0} is for {1}, not SIGN_VERIFY: CloudFront needs a signing key (RSA_2048 or ECC_NIST_P256).', reference, key.keyUsage);
  if (!isCloudFrontKmsSpec(key.keySpec)) return vscode.l10n.t('KMS key {0} is {1}: CloudFront verifies only RSA_2048 and ECC_NIST_P256 keys.', reference, key.keySpec);
  if (key.keyState === 'PendingDeletion') {
    return vscode.l10n.t(
      'KMS key {0} is pending deletion{1}: cancel the deletion in KMS (kms:CancelKeyDeletion) and enable the key to sign with it.',
      reference,
      key.deletionDate ? ` (${key.deletionDate})` : '',
    );
  }
  if (key.keyState !== 'Enabled') return vscode.l10n.t('KMS key {0} is {1}: enable it in KMS (kms:EnableKey) to sign with it.', reference, key.keyState);
  return undefined;
}

/**
 * The KMS key `keyId`, described and checked (usage, spec, state): a UserError naming `input` when it
 * cannot sign for CloudFront or cannot be described.
 */
export async function describeSigningKey(kms: KmsKeys, keyId: string, reference: string, input: string, profile: string | undefined): Promise<KmsKeyDescription> {
  const described = await kms.describe(keyId).catch((error: unknown) => {
    throw kmsFailure(error, 'kms:DescribeKey', reference, input, profile);
  });
  const problem = kmsKeyProblem(described, reference);
  if (problem) throw new UserError(problem, input);
  return described;
}

/** A signer over a KMS key, checked first (usage, spec, state); `input` is the option errors name. */
export async function kmsSigner(kms: KmsKeys, keyId: string, reference: string, input: string, profile: string | undefined): Promise<PolicySigner> {
  const described = await describeSigningKey(kms, keyId, reference, input, profile);
  const signing = SIGNING[described.keySpec as KmsKeySpec];
  return {
    type: signing.type,
    bits: signing.bits,
    sha256OnlyBecause: vscode.l10n.t('the key is held by AWS KMS ({0}), which signs with SHA-256 only', reference),
    sign: async (policy) => {
      if (policy.length > KMS_RAW_MESSAGE_LIMIT) {
        throw new UserError(
          vscode.l10n.t('The policy is {0} bytes; kms:Sign takes at most {1}. Shorten the resource or the IP range.', String(policy.length), String(KMS_RAW_MESSAGE_LIMIT)),
          'resource',
        );
      }
      return kms.sign(described.arn, policy, signing.algorithm).catch((error: unknown) => {
        throw kmsFailure(error, 'kms:Sign', reference, input, profile);
      });
    },
  };
}

/** Errors that retrying later may cure (bulk signing backs off on them). */
export function isThrottling(error: unknown): boolean {
  return isAwsError(error, 'ThrottlingException', 'TooManyRequestsException', 'LimitExceededException') || awsStatus(error) === 429;
}

/** A KMS failure in the user's words, naming the action and the key; throttling passes through as is. */
export function kmsFailure(error: unknown, action: string, reference: string, input: string, profile: string | undefined): Error {
  if (error instanceof UserError || isThrottling(error)) return error as Error;
  const name = awsErrorCode(error);
  const who = profile ?? vscode.l10n.t('the default credentials');
  if (classifyAwsError(error) === 'accessDenied') return new UserError(vscode.l10n.t('Access denied: {0} may not call {1} on KMS key {2}.', who, action, reference), input);
  if (name === 'NotFoundException') return new UserError(vscode.l10n.t('KMS key {0} does not exist in this account and region.', reference), input);
  if (name === 'DisabledException') return new UserError(vscode.l10n.t('KMS key {0} is Disabled: enable it in KMS (kms:EnableKey) to sign with it.', reference), input);
  if (name === 'KMSInvalidStateException')
    return new UserError(vscode.l10n.t('KMS key {0} cannot sign in its current state (disabled or pending deletion): {1}', reference, error instanceof Error ? error.message : String(error)), input);
  return error instanceof Error ? error : new Error(String(error));
}
