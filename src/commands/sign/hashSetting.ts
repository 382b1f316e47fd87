// The `cloudfront.signing.hashAlgorithm` setting: SHA-256 for new signatures unless the user keeps
// SHA-1 for consumers that need it. Only the user (global) value counts, as for the profile: the
// setting has application scope, and a workspace does not decide how the user's keys sign.
import * as vscode from 'vscode';
import { Settings } from '../../constants';
import type { HashAlgorithm, KeyFacts } from '../../signing';

export const HASH_ALGORITHM_SETTING = `${Settings.section}.${Settings.hashAlgorithm}`;

/** The hash the user chose for new signatures; SHA256 unless the user setting says SHA1. */
export function configuredHashAlgorithm(): HashAlgorithm {
  const value = vscode.workspace.getConfiguration(Settings.section).inspect<string>(Settings.hashAlgorithm)?.globalValue;
  return value === 'SHA1' ? 'SHA1' : 'SHA256';
}

/**
 * The hash a signature with `key` takes when the command's options name none: the setting's SHA-1
 * only where the key can sign with it (an RSA key whose signer is not AWS KMS); otherwise undefined,
 * so the signing core takes SHA-256.
 */
export function hashForKey(key: KeyFacts, requested: HashAlgorithm | undefined, configured: HashAlgorithm = configuredHashAlgorithm()): HashAlgorithm | undefined {
  if (requested) return requested;
  return configured === 'SHA1' && key.type === 'rsa' && key.sha256OnlyBecause === undefined ? 'SHA1' : undefined;
}
