// Runs a wizard's execute steps under a progress notification. When a step fails, an interactive
// caller is told what was done and what failed, with "Retry" (resume at the failed step) and "Undo"
// (revert what was done, newest first); a call that nobody watches (automation: the Ui asks nobody,
// unattendedUi.ts) gets the same report as the error.
// The failure is logged under the command's own topic ("[keys]", "[protect]").
import * as vscode from 'vscode';
import { CancellationError, UserError } from '../errors';
import type { Logger } from '../log';
import type { Ui } from '../ui/ui';
import { hasPerson } from '../ui/unattendedUi';
import { ExecuteFailure, doneTitles, runExecutes, undoExecutes, type ExecuteStep, type WizardState } from './wizard';

export interface RecoveryContext {
  readonly ui: Ui;
  readonly log: Logger;
  /** The command's log topic, without brackets: "keys", "protect". */
  readonly topic: string;
  /** Fired after a failure and after Undo: something in the account may have changed (views read it again). */
  changed?(): void;
}

export function failureReport(what: string, failure: ExecuteFailure): string {
  const cause = failure.cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  const done = failure.doneSteps.length ? failure.doneSteps.join('; ') : vscode.l10n.t('nothing');
  return vscode.l10n.t('{0} stopped at "{1}": {2}. Done so far: {3}.', what, failure.failedStep, reason, done);
}

/** Retry and Undo are offered when a person answers `context.ui`; otherwise the report is the error. */
export async function executeWithRecovery<S extends WizardState>(context: RecoveryContext, what: string, state: S, steps: readonly ExecuteStep<S>[]): Promise<void> {
  const interactive = hasPerson(context.ui);
  for (;;) {
    try {
      await context.ui.withProgress(what, (report) => runExecutes(state, steps, report));
      return;
    } catch (error) {
      if (!(error instanceof ExecuteFailure)) throw error;
      context.log.error(`[${context.topic}] ${error.failedStep} failed`, error.cause);
      const report = failureReport(what, error);
      context.changed?.();
      if (!interactive) throw new UserError(report, error.cause instanceof UserError ? error.cause.input : undefined);
      const retry = vscode.l10n.t('Retry');
      const undo = vscode.l10n.t('Undo');
      const choice = await context.ui.notify('error', report, retry, undo);
      if (choice === retry) continue;
      if (choice === undo) {
        const undone = doneTitles(state, steps);
        await undoExecutes(state, steps);
        context.changed?.();
        void context.ui.notify('info', vscode.l10n.t('Undone: {0}.', undone.join('; ') || vscode.l10n.t('nothing')));
      }
      throw new CancellationError();
    }
  }
}
