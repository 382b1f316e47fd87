// Where a new key's private half goes, as options (`keyStorage`, `kmsKeyId`, `secretName`,
// `secretKmsKeyId`) shared by Create Key Pair, Rotate Key and Protect S3 Bucket, and the checks made
// against AWS before anything changes: a given KMS key must be able to sign for CloudFront with the
// chosen algorithm, and the names the run would create must be free.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { algorithmOfSigningKey, KMS_KEY_SPEC } from '../../aws/kmsKeys';
import { describeSigningKey } from '../../aws/kmsSigner';
import { UserError } from '../../errors';
import type { KeyAlgorithm } from '../../keys/algorithms';
import { CREATABLE_KEY_STORAGE, isSecretName, kmsAliasFor, regionOfArn, secretNameFor, type CreatableKeyStorage } from '../../keys/keyStorage';
import { optionalText } from '../options';
import type { KeyMaterialState, KeyServicesOf } from './keyMaterialState';
import { isAwsError } from '../../aws/awsError';
import { recorded } from '../../wizard/wizard';

export const keyStorageOption = v.picklist(CREATABLE_KEY_STORAGE, () =>
  vscode.l10n.t("keyStorage must be 'local' (VS Code's secret storage), 'kms' (AWS KMS) or 'secretsManager' (AWS Secrets Manager)."),
);

export const keyStorageEntries = {
  keyStorage: v.optional(keyStorageOption),
  /** With keyStorage 'kms': an existing key (id, ARN or alias) instead of a new one. */
  kmsKeyId: optionalText('kmsKeyId'),
  /** With keyStorage 'secretsManager': the new secret's name (default cloudfront/<name>)… */
  secretName: optionalText('secretName'),
  /** …and the KMS key that encrypts it (default aws/secretsmanager). */
  secretKmsKeyId: optionalText('secretKmsKeyId'),
};

export interface KeyStorageOptions {
  keyStorage?: CreatableKeyStorage | undefined;
  kmsKeyId?: string | undefined;
  secretName?: string | undefined;
  secretKmsKeyId?: string | undefined;
}

/** Whether a call gave where the private key goes (keyStorage, or an option that goes with one): then it is not asked. */
export const storageGiven = (options: KeyStorageOptions): boolean =>
  options.keyStorage !== undefined || options.kmsKeyId !== undefined || options.secretName !== undefined || options.secretKmsKeyId !== undefined;

/** What a secret's name may be, for a message after `secretName: `. */
export const secretNameRule = (name: string): string => vscode.l10n.t('use 1 to 512 letters, digits and / _ + = . @ - characters: {0}', name);

/**
 * Puts the storage options into the state (name and algorithm already there), refusing what cannot
 * work, each naming its option (`prefix`: 'newKey.' inside Protect S3 Bucket's newKey).
 */
export async function readKeyStorageOptions(state: KeyMaterialState, options: KeyStorageOptions, keys: KeyServicesOf, profile: string | undefined, prefix = ''): Promise<void> {
  const storage = options.keyStorage ?? 'local';
  const refuse = (option: string, message: string) => new UserError(`${prefix}${option}: ${message}`, `${prefix}${option}`);
  if (options.kmsKeyId !== undefined && storage !== 'kms') {
    throw refuse('kmsKeyId', vscode.l10n.t("a KMS key holds the private key only with keyStorage 'kms' (here '{0}'): pass keyStorage 'kms', or leave kmsKeyId out.", storage));
  }
  for (const option of ['secretName', 'secretKmsKeyId'] as const) {
    if (options[option] !== undefined && storage !== 'secretsManager') {
      throw refuse(option, vscode.l10n.t("it applies only with keyStorage 'secretsManager' (here '{0}'): pass keyStorage 'secretsManager', or leave {1} out.", storage, option));
    }
  }
  state.keyStorage = storage;
  if (storage === 'kms') await readKms(state, options.kmsKeyId, keys, profile, refuse);
  if (storage === 'secretsManager') {
    const secretName = options.secretName ?? secretNameFor(nameOf(state));
    if (!isSecretName(secretName)) throw refuse('secretName', secretNameRule(secretName));
    const taken = await secretNameTaken(keys, secretName);
    if (taken) throw refuse('secretName', taken);
    state.secretName = secretName;
    if (options.secretKmsKeyId !== undefined) state.secretKmsKeyId = options.secretKmsKeyId;
  }
}

/** The new key's name, which every caller answers before where its private key goes. */
export const nameOf = (state: KeyMaterialState): string => recorded(state, 'name', "the key's name (asked, or passed as an option)");

async function readKms(state: KeyMaterialState, kmsKeyId: string | undefined, keys: KeyServicesOf, profile: string | undefined, refuse: (option: string, message: string) => UserError): Promise<void> {
  const kms = (await keys(kmsKeyId ? regionOfArn(kmsKeyId) : undefined)).kms;
  if (kmsKeyId === undefined) {
    const taken = await kmsAliasTaken(keys, nameOf(state));
    if (taken) throw refuse('name', taken);
    return;
  }
  const described = await describeSigningKey(kms, kmsKeyId, kmsKeyId, 'kmsKeyId', profile).catch((error: unknown) => {
    throw error instanceof UserError ? refuse('kmsKeyId', error.message) : error;
  });
  const spec = KMS_KEY_SPEC[state.algorithm as KeyAlgorithm];
  if (described.keySpec !== spec) {
    const fitting = algorithmOfSigningKey(described);
    throw refuse('algorithm', vscode.l10n.t('KMS key {0} is {1}, not {2}: pass algorithm {3} with it, or another KMS key.', kmsKeyId, described.keySpec, spec, fitting));
  }
  state.kmsKeyId = kmsKeyId;
}

/** Why a new KMS key for CloudFront key `name` cannot get its alias (one exists), or undefined. */
export async function kmsAliasTaken(keys: KeyServicesOf, name: string): Promise<string | undefined> {
  const alias = kmsAliasFor(name);
  if (!(await exists(async () => (await keys()).kms.describe(alias), 'NotFoundException'))) return undefined;
  return vscode.l10n.t('the KMS alias {0} already exists: choose another name, or pass kmsKeyId to use its key.', alias);
}

/** Why a new secret cannot be named `secretName` (one exists, perhaps scheduled for deletion), or undefined. */
export async function secretNameTaken(keys: KeyServicesOf, secretName: string): Promise<string | undefined> {
  if (!(await exists(async () => (await keys()).secrets.describeSecret(secretName), 'ResourceNotFoundException'))) return undefined;
  return vscode.l10n.t('a secret named {0} already exists in Secrets Manager: choose another secretName.', secretName);
}

/** Whether `describe` finds the thing: false when AWS answers `notFound`; other failures pass through. */
async function exists(describe: () => Promise<unknown>, notFound: string): Promise<boolean> {
  try {
    await describe();
    return true;
  } catch (error) {
    if (isAwsError(error, notFound)) return false;
    throw error;
  }
}
