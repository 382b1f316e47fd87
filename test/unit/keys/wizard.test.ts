// The wizard runner: Back re-asks the previous step with its answer kept, steps implied by earlier
// answers are skipped, and execute steps resume after a failure and undo newest first.
import assert from 'node:assert/strict';
import { ExecuteFailure, runExecutes, runPrompts, undoExecutes, type ExecuteStep, type PromptStep, type WizardState } from '../../../src/wizard/wizard';
import { back, input, pick, ScriptedUi } from '../../fakes/scriptedUi';

interface State {
  name?: string;
  kind?: 'new' | 'existing';
  groupName?: string;
}

const steps: PromptStep<State>[] = [
  { shouldPrompt: () => true, prompt: async (s, ui, position) => void (s.name = await ui.input({ title: 'name', value: s.name, position })) },
  {
    shouldPrompt: () => true,
    prompt: async (s, ui, position) =>
      void (s.kind = await ui.pick({
        title: 'kind',
        position,
        items: [
          { label: 'new', value: 'new' as const, picked: s.kind === 'new' },
          { label: 'existing', value: 'existing' as const, picked: s.kind === 'existing' },
        ],
      })),
  },
  {
    shouldPrompt: (s) => s.kind === 'new',
    mayPrompt: () => true, // comes up after "new": counted from the start
    prompt: async (s, ui, position) => void (s.groupName = await ui.input({ title: 'group', value: s.groupName, position })),
  },
];

describe('wizard', () => {
  it('goes Back with earlier answers kept and re-asks only what the new answers imply', async () => {
    const ui = new ScriptedUi([
      input('first'),
      pick('new'),
      back(), // at "group": back to "kind", which shows "new" picked
      pick('existing', { expectPicked: 'new' }),
    ]);
    const state: State = {};
    await runPrompts(state, steps, ui);
    ui.assertAllUsed();
    assert.deepEqual(state, { name: 'first', kind: 'existing' }, 'the group step is skipped now');
    assert.deepEqual(
      ui.prompts.map((p) => [p.title, p.position?.step, p.position?.totalSteps, p.position?.canGoBack]),
      [
        // One total for the whole run (the steps that can come up), and each step keeps its number.
        ['name: ', 1, 3, false],
        ['kind: ', 2, 3, true],
        ['group: ', 3, 3, true],
        ['kind: ', 2, 3, true],
      ],
    );
  });

  it('numbers a step by its place, passing over one an answer made unnecessary, and never changes the total', async () => {
    const last: PromptStep<State> = { shouldPrompt: () => true, prompt: async (_s, ui, position) => void (await ui.pick({ title: 'confirm', position, items: [{ label: 'ok', value: true }] })) };
    for (const [kind, expected] of [
      ['existing', ['1/4', '2/4', '4/4']],
      ['new', ['1/4', '2/4', '3/4', '4/4']],
    ] as const) {
      const ui = new ScriptedUi([input('n'), pick(kind), ...(kind === 'new' ? [input('g')] : []), pick('ok')]);
      await runPrompts({}, [...steps, last], ui);
      ui.assertAllUsed();
      assert.deepEqual(
        ui.prompts.map((p) => `${p.position?.step}/${p.position?.totalSteps}`),
        expected,
      );
    }
  });

  it('numbers a follow-up with the step it follows: no gap whether it is asked or not', async () => {
    const last: PromptStep<State> = { shouldPrompt: () => true, prompt: async (_s, ui, position) => void (await ui.pick({ title: 'confirm', position, items: [{ label: 'ok', value: true }] })) };
    const withFollowUp = [steps[0], steps[1], { ...steps[2], followsUp: true }, last];
    for (const [kind, expected] of [
      ['existing', ['1/3', '2/3', '3/3']],
      ['new', ['1/3', '2/3', '2/3', '3/3']],
    ] as const) {
      const ui = new ScriptedUi([input('n'), pick(kind), ...(kind === 'new' ? [input('g')] : []), pick('ok')]);
      await runPrompts({}, withFollowUp, ui);
      ui.assertAllUsed();
      assert.deepEqual(
        ui.prompts.map((p) => `${p.position?.step}/${p.position?.totalSteps}`),
        expected,
      );
    }
  });

  it('refuses a step that prompts although its mayPrompt said it would not (the count would be wrong)', async () => {
    const undeclared = [steps[0], steps[1], { ...steps[2], mayPrompt: undefined }];
    await assert.rejects(runPrompts({}, undeclared, new ScriptedUi([input('n'), pick('new'), input('g')])), /wizard step 3 prompts, but its mayPrompt said it would not/);
  });

  it('offers the kept answer again when going back to an input', async () => {
    const ui = new ScriptedUi([input('first'), back(), input('second', { expectValue: 'first' }), pick('existing')]);
    const state: State = {};
    await runPrompts(state, steps, ui);
    ui.assertAllUsed();
    assert.equal(state.name, 'second');
  });

  it('resumes execute steps at the one that failed and undoes the rest newest first', async () => {
    const log: string[] = [];
    let failOnce = true;
    const step = (id: string, fail = false): ExecuteStep<WizardState> => ({
      id,
      title: () => id,
      shouldExecute: () => true,
      execute: () => {
        if (fail && failOnce) {
          failOnce = false;
          return Promise.reject(new Error('boom'));
        }
        log.push(`do ${id}`);
        return Promise.resolve();
      },
      undo: () => {
        log.push(`undo ${id}`);
        return Promise.resolve();
      },
    });
    const executes = [step('a'), step('b'), step('c', true), step('d')];
    const state: WizardState = { done: [] };
    const failure = await runExecutes(state, executes, () => {}).catch((e: unknown) => e);
    assert.ok(failure instanceof ExecuteFailure);
    assert.deepEqual([failure.failedStep, failure.doneSteps], ['c', ['a', 'b']]);
    await runExecutes(state, executes, () => {});
    assert.deepEqual(log, ['do a', 'do b', 'do c', 'do d']);
    await undoExecutes(state, executes);
    assert.deepEqual(log.slice(4), ['undo d', 'undo c', 'undo b', 'undo a']);
    assert.deepEqual(state.done, []);
  });
});
