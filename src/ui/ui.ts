// What prompt and execute steps may ask of the user. Steps never call vscode.window: they talk to a
// Ui, so the real one (vscodeUi.ts) shows quick picks and input boxes, and tests script the answers
// (test/fakes/scriptedUi.ts). Every prompt throws CancellationError when dismissed and GoBack when
// the user presses Back.
import type * as vscode from 'vscode';

/** Thrown by a prompt when the user presses Back: the wizard re-asks the previous step. */
export class GoBack extends Error {
  override readonly name = 'GoBack';
  constructor() {
    super('Back');
  }
}

/** Where a prompt stands in its wizard: shown as "2/5", with Back from the second step on. */
export interface StepPosition {
  step: number;
  totalSteps: number;
  canGoBack: boolean;
}

/**
 * What a prompt stands for when nobody is there to answer it (a call with an options object is a
 * wizard whose answers are all given: see unattendedUi.ts). `answer`: what the prompt resolves to
 * unasked (the choice automation makes); `missing`: the answer's name (the option that gives it),
 * and the sentence that says it is missing. A prompt is asked only when its answer is missing.
 */
export type Unattended<T> = { readonly answer: T } | { readonly missing: string; readonly message?: string };

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
  /** Pre-selected in a multi-select; the active row in a single pick. */
  picked?: boolean;
}

export interface PickOptions<T> {
  title: string;
  placeholder?: string;
  /** A promise shows the list busy until it resolves. */
  items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>;
  /** Why this choice cannot be taken (the pick stays open and says so), or undefined to accept. */
  validate?(value: T): string | undefined;
  position?: StepPosition;
  /** The answer when nobody is there to pick, or the name of the option that gives it. */
  unattended?: Unattended<T>;
}

export interface PickManyOptions<T> extends Omit<PickOptions<T>, 'validate' | 'unattended'> {
  validate?(values: readonly T[]): string | undefined;
  unattended?: Unattended<T[]>;
}

export interface InputOptions {
  title: string;
  prompt?: string;
  placeholder?: string;
  /** The previous answer, kept when the user comes back to this step. */
  value?: string;
  /** `value` is a start to type on (a behavior's path): the cursor goes after it instead of selecting it. */
  valueToComplete?: boolean;
  /**
   * What an empty box means: shown as the placeholder, and the answer (validated like a typed one)
   * when the user accepts the box empty.
   */
  defaultValue?: string;
  password?: boolean;
  /** Runs as the user types; stale results are ignored, a slow check shows busy. */
  validate?(value: string): string | undefined | Promise<string | undefined>;
  /** What the typed value means, shown under the box as the user types (e.g. a date in UTC). */
  describe?(value: string): string | undefined;
  /**
   * Offers a button that pastes the clipboard into the box. The clipboard is read only when the
   * button is pressed: in a browser, reading it asks for permission or fails with a notification.
   */
  offerPaste?: boolean;
  position?: StepPosition;
  /** The answer when nobody is there to type, or the name of the option that gives it. */
  unattended?: Unattended<string>;
}

export interface FileOptions {
  title: string;
  save: boolean;
  defaultName?: string;
  filters?: Record<string, string[]>;
  /** An open dialog that chooses a folder instead of a file. */
  folder?: boolean;
  /** The answer when nobody is there to choose, or the name of the option that gives it. */
  unattended?: Unattended<vscode.Uri | undefined>;
}

export interface Ui {
  pick<T>(options: PickOptions<T>): Promise<T>;
  pickMany<T>(options: PickManyOptions<T>): Promise<T[]>;
  input(options: InputOptions): Promise<string>;
  /** A modal warning with one action; resolves true when the user takes it. `unattended`: the answer when nobody is there. */
  confirm(message: string, detail: string, action: string, unattended?: Unattended<boolean>): Promise<boolean>;
  /** A notification with buttons; resolves to the button pressed, undefined when dismissed. */
  notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined>;
  /** A file chosen in an open or save dialog, undefined when dismissed. */
  chooseFile(options: FileOptions): Promise<vscode.Uri | undefined>;
  /** Runs `task` under a progress notification that shows each reported message. */
  withProgress<T>(title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T>;
  /** The text selected in the active editor, trimmed; '' when nothing is selected. */
  selection(): string;
  /**
   * The clipboard's text. Only after the user chose to paste: in a browser, reading the clipboard asks
   * for permission or shows "Unable to read from the browser's clipboard" and blocks the next prompt.
   */
  readClipboard(): Promise<string>;
  /** Puts `text` on the clipboard (writing needs no permission). */
  writeClipboard(text: string): Promise<void>;
  /** A progress notification with a Cancel button: `signal` aborts when the user presses it. */
  withCancellableProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T>;
}
