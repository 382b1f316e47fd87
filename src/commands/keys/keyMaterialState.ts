// What the key-material steps (keyMaterialSteps.ts, remoteKeySteps.ts) read and record: the new key,
// where its private half goes, and what each step made, so that Retry resumes and Undo removes it.
import type { KeyServices } from '../../aws/awsSession';
import type { LocalKeyAlgorithm } from '../../keys/algorithms';
import type { CreatableKeyStorage } from '../../keys/keyStorage';
import type { WizardState } from '../../wizard/wizard';

export interface KeyMaterial {
  fingerprint: string;
  /**
   * Unencrypted PKCS#1 (RSA) or SEC1 (ECDSA) PEM: in memory until the wizard ends, or until it is in
   * its Secrets Manager secret. Absent for a key held by AWS KMS, whose private half never leaves it.
   */
  privateKeyPem?: string;
  /** SubjectPublicKeyInfo PEM. */
  publicKeyPem: string;
}

export interface KeyMaterialState extends WizardState {
  name?: string;
  algorithm?: LocalKeyAlgorithm;
  profile?: string;
  key?: KeyMaterial;
  /** Set by the upload step, or beforehand when linking to a public key CloudFront already holds. */
  publicKeyId?: string;

  /** Where the private half goes; absent: this machine ('local'). */
  keyStorage?: CreatableKeyStorage;
  /** With 'kms': an existing key (id, ARN or alias) to use instead of creating one. */
  kmsKeyId?: string;
  /** With 'secretsManager': the new secret's name, and the KMS key that encrypts it (default aws/secretsmanager). */
  secretName?: string;
  secretKmsKeyId?: string;

  /** The KMS key that holds the private half. */
  kmsKeyArn?: string;
  /** The id of the KMS key this run created (Undo schedules its deletion). */
  createdKmsKeyId?: string;
  /** The alias this run gave the KMS key it created. */
  kmsAlias?: string;
  /** The secret this run created. */
  secretArn?: string;
}

/** The answers every key-material step needs, given before the steps run: the key's name and algorithm. */
export interface KeyMaterialAnswers {
  name: string;
  algorithm: LocalKeyAlgorithm;
}

/** Whether the wizard has the answers the key-material steps need (the execute steps take them as given). */
export function hasKeyMaterialAnswers<S extends KeyMaterialState>(state: S): state is S & KeyMaterialAnswers {
  return state.name !== undefined && state.algorithm !== undefined;
}

/** Where key commands reach KMS and Secrets Manager (without region: the profile's). */
export type KeyServicesOf = (region?: string) => Promise<KeyServices>;
