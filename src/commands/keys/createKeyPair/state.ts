// Everything the key-pair wizard knows: the answers (from prompts or arguments), then what each
// execute step produced, so that Retry resumes and Undo knows what to remove.
import type { KeyAlgorithm } from '../../../keys/algorithms';
import type { CreatableKeyStorage } from '../../../keys/keyStorage';
import type { KeyMaterialState } from '../keyMaterialSteps';

export type KeyGroupChoice = { kind: 'new'; name?: string } | { kind: 'existing'; id: string; name: string };

export interface CreateKeyPairResult {
  publicKeyId: string;
  keyGroupId: string;
  /** Where the private key lives: this machine's secret storage, AWS KMS, or a Secrets Manager secret. */
  keyStorage: CreatableKeyStorage;
  kmsKeyArn?: string;
  secretArn?: string;
}

export interface CreateKeyPairState extends KeyMaterialState {
  interactive: boolean;
  algorithm?: KeyAlgorithm;
  keyGroup?: KeyGroupChoice;
  /** The caller named the key group (a row or its id): the wizard does not ask for one. */
  keyGroupGiven?: boolean;
  /** null: the user chose not to restrict behaviors now. */
  distributionId?: string | null;
  pathPatterns?: string[];
  confirmed?: boolean;

  keyGroupId?: string;
  /** The patterns whose behaviors did not trust the key group before, and now do. */
  restrictedPatterns?: string[];
}
