// A wizard is typed state + prompt steps + execute steps (after vscode-azuretools' AzureWizard).
// Prompt steps write their answers into the state; Back re-asks the previous step with its answer
// still in the state, so nothing typed is lost. Execute steps then run in order under one progress
// notification; each remembers that it ran, so after a failure "Retry" resumes at the failed step and
// "Undo" reverts the steps that ran, newest first.
import { GoBack, type StepPosition, type Ui } from '../ui/ui';

export interface PromptStep<S> {
  /** False when the state already has the answer (from arguments, or implied by another answer). */
  shouldPrompt(state: S): boolean;
  /**
   * Whether this step can come up at all in this run, asked once before the first prompt: the steps
   * that can make the fixed total of the step counter. Defaults to `shouldPrompt` then; a step that
   * depends on a later answer (a key group's name after "New key group") says true here.
   */
  mayPrompt?(state: S): boolean;
  /**
   * A follow-up of the step before it, asked only after some of its answers (the secret's name after
   * "Secrets Manager", a new key group's name): it shares that step's number, so the counter neither
   * jumps when it is not asked nor counts a question most runs never see.
   */
  followsUp?: boolean;
  prompt(state: S, ui: Ui, position: StepPosition): Promise<void>;
}

export interface ExecuteStep<S> {
  readonly id: string;
  /** What the step does ("Upload public key media"), for progress and for the report after a failure. */
  // Properties, not methods: a step for a state with complete answers must not be run on a state
  // without them (method parameters would be checked bivariantly).
  readonly title: (state: S) => string;
  readonly shouldExecute: (state: S) => boolean;
  readonly execute: (state: S) => Promise<void>;
  /** Reverts what execute did; absent when there is nothing to revert. */
  readonly undo?: (state: S) => Promise<void>;
}

/**
 * A step written for a state whose answers are complete (`A`: no answer optional), in a wizard whose
 * state may lack them (a key that is only made on some runs): it runs only on a state `complete`
 * accepts, so the step itself needs no assertion that an answer is there.
 */
export function forAnswered<S, A extends S>(complete: (state: S) => state is A, step: ExecuteStep<A>): ExecuteStep<S> {
  const undo = step.undo;
  return {
    id: step.id,
    title: (s) => (complete(s) ? step.title(s) : step.id),
    shouldExecute: (s) => complete(s) && step.shouldExecute(s),
    execute: (s) => (complete(s) ? step.execute(s) : Promise.reject(new Error(`${step.id}: the wizard's answers are incomplete`))),
    ...(undo ? { undo: (s: S) => (complete(s) ? undo(s) : Promise.resolve()) } : {}),
  };
}

/**
 * A value an earlier execute step recorded in the state (`from` names it): the steps run in order and
 * Retry resumes after the last that ran, so it is there; a step order that breaks this is said, naming
 * the step, instead of an undefined passed on.
 */
export function recorded<S, K extends keyof S>(state: S, field: K, from: string): NonNullable<S[K]> {
  const value = state[field];
  if (value === undefined || value === null) throw new Error(`${String(field)} is not recorded yet: "${from}" records it`);
  return value;
}

/** The state every wizard carries: which execute steps ran. */
export interface WizardState {
  done: string[];
}

/**
 * Asks the steps in order. The counter shows "n/N" with one N for the whole run, the steps that can
 * come up (`mayPrompt`), and each step keeps its number; a follow-up (`followsUp`) shares the number
 * of the step it follows, so a run counts 1/N, 2/N, … N/N without a gap whichever follow-ups it asks.
 * A step an answer makes unnecessary that is no follow-up is passed over (1/7, 2/7, 4/7): wizards mark
 * such steps as follow-ups. The counter never goes back or changes its total.
 */
export async function runPrompts<S>(state: S, steps: readonly PromptStep<S>[], ui: Ui): Promise<void> {
  const counted = steps.map((step) => (step.mayPrompt ?? step.shouldPrompt).call(step, state));
  // A follow-up adds no number of its own when the step it follows is counted.
  const numbered = counted.map((c, i) => c && !(steps[i].followsUp && i > 0 && counted[i - 1]));
  const totalSteps = numbered.filter(Boolean).length;
  const asked: number[] = [];
  let index = 0;
  while (index < steps.length) {
    const step = steps[index];
    if (!step.shouldPrompt(state)) {
      index++;
      continue;
    }
    // A step that said it could not come up, and did, would break the count: a mistake in the wizard.
    if (!counted[index]) throw new Error(`wizard step ${index + 1} prompts, but its mayPrompt said it would not`);
    const number = Math.max(1, numbered.slice(0, index + 1).filter(Boolean).length);
    const position = { step: number, totalSteps, canGoBack: asked.length > 0 };
    try {
      await step.prompt(state, ui, position);
      asked.push(index);
      index++;
    } catch (error) {
      if (!(error instanceof GoBack)) throw error;
      const previous = asked.pop();
      if (previous !== undefined) index = previous;
    }
  }
}

/** A failed execute step, with what ran before it. */
export class ExecuteFailure extends Error {
  override readonly name = 'ExecuteFailure';
  constructor(
    readonly failedStep: string,
    readonly doneSteps: string[],
    override readonly cause: unknown,
  ) {
    super(`${failedStep}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Runs the steps that have not run yet; throws ExecuteFailure at the first that fails. */
export async function runExecutes<S extends WizardState>(state: S, steps: readonly ExecuteStep<S>[], report: (message: string) => void): Promise<void> {
  for (const step of steps) {
    if (state.done.includes(step.id) || !step.shouldExecute(state)) continue;
    report(step.title(state));
    try {
      await step.execute(state);
    } catch (error) {
      throw new ExecuteFailure(step.title(state), doneTitles(state, steps), error);
    }
    state.done.push(step.id);
  }
}

/** Reverts the steps that ran, newest first; a step that was reverted is no longer done. */
export async function undoExecutes<S extends WizardState>(state: S, steps: readonly ExecuteStep<S>[]): Promise<void> {
  for (const step of [...steps].reverse()) {
    if (!state.done.includes(step.id)) continue;
    await step.undo?.(state);
    state.done = state.done.filter((id) => id !== step.id);
  }
}

export function doneTitles<S extends WizardState>(state: S, steps: readonly ExecuteStep<S>[]): string[] {
  return steps.filter((s) => state.done.includes(s.id)).map((s) => s.title(state));
}
