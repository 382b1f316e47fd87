// Everything the key-pair wizard knows: the answers (from prompts or arguments), then what each
// execute step produced, so that Retry resumes and Undo knows what to remove.
import type { KeyAlgorithm } from '../../../keys/algorithms';
import type { CreatableKeyStorage } from '../../../keys/keyStorage';
import type { KeyMaterialState } from '../keyMaterialSteps';
import type { KeyStorageOptions } from '../keyStorageOptions';

export type KeyGroupChoice = { kind: 'new'; name?: string } | { kind: 'existing'; id: string; name: string };

export interface CreateKeyPairResult {
  publicKeyId: string;
  keyGroupId: string;
  /** Where the private key lives: this machine's secret storage, AWS KMS, or a Secrets Manager secret. */
  keyStorage: CreatableKeyStorage;
  kmsKeyArn?: string;
  secretArn?: string;
}

/**
 * The answers a call brings (its options, the answers given in advance, the key group of the row it
 * was run on): a step asks only for an answer missing here. The distribution and its behaviors are
 * asked with the given ones chosen (a sign command's "Create Key Pair for /paid/*" shows them);
 * a call that nobody answers takes them as they are.
 */
export interface CreateKeyPairGiven extends KeyStorageOptions {
  readonly name?: string | undefined;
  readonly algorithm?: KeyAlgorithm | undefined;
  readonly keyGroupName?: string | undefined;
  readonly keyGroupId?: string | undefined;
  readonly distributionId?: string | undefined;
  readonly pathPatterns?: readonly string[] | undefined;
}

export interface CreateKeyPairState extends KeyMaterialState {
  readonly given: Readonly<CreateKeyPairGiven>;
  algorithm?: KeyAlgorithm;
  keyGroup?: KeyGroupChoice;
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
