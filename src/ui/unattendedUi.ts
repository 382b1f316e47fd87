// The Ui of a call that nobody watches: a command called with an options object (keybindings, tasks,
// other extensions, tests) is the same wizard as a person's run, with all its answers given. A prompt
// is reached only when its answer is missing; here it resolves to the answer it carries for that case
// (`unattended: { answer }`, the choice automation makes) or throws a UserError naming the missing
// answer (`unattended: { missing, message }`). Notifications go nowhere (the caller gets the result);
// progress, the selection and the clipboard are the person's Ui's, since they ask nothing.
import * as vscode from 'vscode';
import { UserError } from '../errors';
import type { FileOptions, InputOptions, PickManyOptions, PickOptions, Ui, Unattended } from './ui';

/** The answer a prompt carries for a call without a person, or the UserError that names it missing. */
function answerUnasked<T>(title: string, unattended: Unattended<T> | undefined): T {
  if (unattended && 'answer' in unattended) return unattended.answer;
  if (unattended) {
    throw new UserError(unattended.message ?? vscode.l10n.t('{0} is required: pass it in the options object.', unattended.missing), unattended.missing);
  }
  throw new UserError(vscode.l10n.t('"{0}" needs a person to answer it: run the command without an options object to be asked.', title), 'options');
}

class UnattendedUi implements Ui {
  constructor(private readonly person: Ui) {}

  pick<T>(options: PickOptions<T>): Promise<T> {
    return Promise.resolve().then(() => answerUnasked(options.title, options.unattended));
  }

  pickMany<T>(options: PickManyOptions<T>): Promise<T[]> {
    return Promise.resolve().then(() => answerUnasked(options.title, options.unattended));
  }

  input(options: InputOptions): Promise<string> {
    return Promise.resolve().then(() => answerUnasked(options.title, options.unattended));
  }

  confirm(message: string, _detail: string, _action: string, unattended?: Unattended<boolean>): Promise<boolean> {
    return Promise.resolve().then(() => answerUnasked(message, unattended));
  }

  chooseFile(options: FileOptions): Promise<vscode.Uri | undefined> {
    return Promise.resolve().then(() => answerUnasked(options.title, options.unattended));
  }

  /** Nobody reads it, nobody presses its buttons: the caller learns the outcome from the result. */
  notify(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }

  withProgress<T>(title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T> {
    return this.person.withProgress(title, task);
  }

  withCancellableProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.person.withCancellableProgress(title, task);
  }

  selection(): string {
    return this.person.selection();
  }

  readClipboard(): Promise<string> {
    return this.person.readClipboard();
  }

  writeClipboard(text: string): Promise<void> {
    return this.person.writeClipboard(text);
  }
}

/** A Ui that asks nobody, over the person's (progress and clipboard stay theirs). */
export function unattendedUi(person: Ui): Ui {
  return person instanceof UnattendedUi ? person : new UnattendedUi(person);
}

/** Whether a person answers `ui`'s prompts (false under automation): for what only a person is offered, such as buttons that run a fix. */
export function hasPerson(ui: Ui): boolean {
  return !(ui instanceof UnattendedUi);
}
