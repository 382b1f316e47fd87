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

/** The answers the execute steps take as given: the prompts (or the options, or Rotate Key) leave them all. */
export interface CreateKeyPairAnswers {
  name: string;
  algorithm: KeyAlgorithm;
  keyGroup: { kind: 'new'; name: string } | { kind: 'existing'; id: string; name: string };
}

/** The state as the execute steps take it. */
export type CreateKeyPairRun = CreateKeyPairState & CreateKeyPairAnswers;

function isAnswered(state: CreateKeyPairState): state is CreateKeyPairRun {
  return state.name !== undefined && state.algorithm !== undefined && state.keyGroup !== undefined && state.keyGroup.name !== undefined;
}

/** The state with its answers complete; an answer missing here is a mistake in the wizard, said once. */
export function answeredRun(state: CreateKeyPairState): CreateKeyPairRun {
  if (!isAnswered(state)) throw new Error('Create Key Pair reached its execute steps without a name, an algorithm or a key group');
  return state;
}
