// A Ui that answers prompts from a script, for wizard tests (after vscode-azuretools' TestUserInput).
// Each answer names the kind of prompt it expects and may check its title/placeholder; validation
// runs on scripted input as it would while typing, and `assertAllUsed()` fails on leftover answers.
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { CancellationError } from '../../src/errors';
import { GoBack, type FileOptions, type InputOptions, type PickItem, type PickManyOptions, type PickOptions, type StepPosition, type Ui } from '../../src/ui/ui';
import { settle } from './settle';

type Matcher = string | RegExp;
export type Answer =
  | { kind: 'pick'; choose: Matcher; expectRefusal?: RegExp; expectPicked?: Matcher }
  | { kind: 'pickMany'; choose: Matcher[]; expectPicked?: Matcher[] }
  | { kind: 'input'; value: string; expectValue?: string; expectInvalid?: RegExp; expectDescription?: RegExp; paste?: boolean }
  | { kind: 'confirm'; accept: boolean }
  | { kind: 'file'; uri: vscode.Uri | undefined }
  | { kind: 'back' }
  | { kind: 'cancel' };

export const pick = (choose: Matcher, extra: Omit<Extract<Answer, { kind: 'pick' }>, 'kind' | 'choose'> = {}): Answer => ({ kind: 'pick', choose, ...extra });
export const pickMany = (choose: Matcher[], expectPicked?: Matcher[]): Answer => ({ kind: 'pickMany', choose, ...(expectPicked ? { expectPicked } : {}) });
export const input = (value: string, extra: Omit<Extract<Answer, { kind: 'input' }>, 'kind' | 'value'> = {}): Answer => ({ kind: 'input', value, ...extra });
export const back = (): Answer => ({ kind: 'back' });
/** Presses the input box's paste button, then accepts what it pasted. */
export const paste = (): Answer => ({ kind: 'input', value: '', paste: true });

const matches = (m: Matcher, text: string) => (typeof m === 'string' ? text === m : m.test(text));

export class ScriptedUi implements Ui {
  /** Every modal confirmation shown, with its detail (what it names: a date, a window). */
  readonly confirmations: Array<{ message: string; detail: string }> = [];
  /** Every notification shown, with its buttons. */
  readonly notifications: Array<{ severity: string; message: string; actions: string[] }> = [];
  /** Progress messages reported while executing. */
  readonly progress: string[] = [];
  /** Titles of every prompt shown, with its position. */
  readonly prompts: Array<{ kind: string; title: string; position?: StepPosition; rows?: string[] }> = [];
  /** The items of every single pick shown, as a person reads them. */
  readonly shownPicks: Array<{ placeholder: string; items: Array<{ label: string; description?: string }> }> = [];
  /** Answers for notifications by button: when a notification offers one of these, it is pressed. */
  readonly notificationAnswers: string[] = [];
  /** The active editor's selected text, as `selection()` gives it. */
  selectedText = '';
  /** The fake clipboard: what `readClipboard()` gives and `writeClipboard()` replaces. */
  clipboard = '';
  /** How often the clipboard was read: only a paste the script chose may read it. */
  clipboardReads = 0;

  constructor(private readonly answers: Answer[]) {}

  private next<K extends Answer['kind']>(kind: K, title: string, position?: StepPosition): Extract<Answer, { kind: K }> {
    this.prompts.push({ kind, title, ...(position ? { position } : {}) });
    const answer = this.answers.shift();
    assert.ok(answer, `no scripted answer left for ${kind} "${title}"`);
    if (answer.kind === 'back') {
      assert.ok(position?.canGoBack, `Back pressed on "${title}", which has no Back button`);
      throw new GoBack();
    }
    if (answer.kind === 'cancel') throw new CancellationError();
    assert.equal(answer.kind, kind, `expected a ${answer.kind} answer, got a ${kind} prompt "${title}"`);
    return answer as Extract<Answer, { kind: K }>;
  }

  private async find<T>(items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>, m: Matcher, where: string): Promise<PickItem<T>> {
    const list = await items;
    const found = list.find((item) => matches(m, item.label));
    assert.ok(found, `${where}: no item ${String(m)} among ${list.map((i) => i.label).join(' | ')}`);
    return found;
  }

  async pick<T>(options: PickOptions<T>): Promise<T> {
    const answer = this.next('pick', `${options.title}: ${options.placeholder ?? ''}`, options.position);
    this.shownPicks.push({ placeholder: options.placeholder ?? '', items: (await options.items).map(({ label, description }) => ({ label, ...(description !== undefined && { description }) })) });
    if (answer.expectPicked) {
      const picked = (await options.items).filter((i) => i.picked).map((i) => i.label);
      assert.ok(
        picked.some((label) => matches(answer.expectPicked!, label)),
        `pre-selected ${picked.join(', ')}, expected ${String(answer.expectPicked)}`,
      );
    }
    // The rows as shown (label, description, detail), for tests of what a step says.
    this.prompts.at(-1)!.rows = (await options.items).map((i) => [i.label, i.description, i.detail].filter(Boolean).join(' — '));
    const item = await this.find(options.items, answer.choose, options.placeholder ?? options.title);
    const refusal = options.validate?.(item.value);
    if (answer.expectRefusal) {
      assert.match(refusal ?? '', answer.expectRefusal);
      // A person then goes back or cancels: the next answer says which.
      return this.pick(options);
    }
    assert.equal(refusal, undefined, `choosing ${item.label} was refused: ${refusal}`);
    return item.value;
  }

  async pickMany<T>(options: PickManyOptions<T>): Promise<T[]> {
    const answer = this.next('pickMany', `${options.title}: ${options.placeholder ?? ''}`, options.position);
    if (answer.expectPicked) {
      const picked = (await options.items).filter((i) => i.picked).map((i) => i.label);
      assert.deepEqual(
        picked,
        answer.expectPicked.map((m) => picked.find((label) => matches(m, label)) ?? String(m)),
      );
    }
    const values = await Promise.all(answer.choose.map(async (m) => (await this.find(options.items, m, options.title)).value));
    assert.equal(options.validate?.(values), undefined);
    return values;
  }

  async input(options: InputOptions, pasted?: Extract<Answer, { kind: 'input' }>): Promise<string> {
    const answer = pasted ?? this.next('input', `${options.title}: ${options.prompt ?? ''}`, options.position);
    if (answer.expectValue !== undefined) assert.equal(options.value ?? '', answer.expectValue, 'the value the box shows');
    if (answer.paste) {
      assert.ok(options.offerPaste, `"${options.title}" offers no paste button`);
      return this.input(options, { ...answer, paste: false, value: (await this.readClipboard()).trim() });
    }
    // An empty answer is Enter on the empty box: the default it shows, as the real Ui takes it.
    const value = answer.value === '' && options.defaultValue !== undefined ? options.defaultValue : answer.value;
    const message = await options.validate?.(value);
    if (answer.expectInvalid) {
      assert.match(message ?? '', answer.expectInvalid);
      return this.input(options);
    }
    assert.equal(message, undefined, `input "${value}" was refused: ${message}`);
    if (answer.expectDescription) assert.match(options.describe?.(value) ?? '', answer.expectDescription);
    return value;
  }

  // next() throws on a script mismatch, "back" or "cancel": settle makes that a rejection.
  confirm(message: string, detail: string): Promise<boolean> {
    this.confirmations.push({ message, detail });
    return settle(() => this.next('confirm', message).accept);
  }

  notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined> {
    this.notifications.push({ severity, message, actions });
    this.told();
    const index = this.notificationAnswers.findIndex((answer) => actions.includes(answer));
    return Promise.resolve(index >= 0 ? this.notificationAnswers.splice(index, 1)[0] : undefined);
  }

  chooseFile(options: FileOptions): Promise<vscode.Uri | undefined> {
    return settle(() => this.next('file', options.title).uri);
  }

  async withProgress<T>(_title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T> {
    return task((message) => this.progress.push(message));
  }

  selection(): string {
    return this.selectedText;
  }

  readClipboard(): Promise<string> {
    this.clipboardReads++;
    return Promise.resolve(this.clipboard);
  }

  writeClipboard(text: string): Promise<void> {
    this.clipboard = text;
    this.told();
    return Promise.resolve();
  }

  private readonly watchers = new Set<() => void>();

  /** Checks each watcher after a notification or a clipboard write. */
  private told(): void {
    for (const watch of [...this.watchers]) watch();
  }

  /**
   * What `probe` finds in what the Ui was told (notifications, the clipboard), now or after the next
   * notification or clipboard write that makes it true: for what a command does after it resolved
   * (a notification's button). Waits on those events, never on time.
   */
  when<T>(probe: () => T | undefined): Promise<T> {
    return new Promise((resolve) => {
      const watch = () => {
        const value = probe();
        if (value === undefined || value === false) return;
        this.watchers.delete(watch);
        resolve(value);
      };
      this.watchers.add(watch);
      watch();
    });
  }

  /** Set to press Cancel on the next cancellable progress, after this many milliseconds. */
  cancelProgressAfterMs: number | undefined;

  async withCancellableProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.progress.push(title);
    const controller = new AbortController();
    const delay = this.cancelProgressAfterMs;
    const timer = delay === undefined ? undefined : setTimeout(() => controller.abort(), delay);
    try {
      return await task(controller.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  assertAllUsed(): void {
    assert.deepEqual(this.answers, [], 'scripted answers left unused');
    assert.deepEqual(this.notificationAnswers, [], 'notification answers left unused');
  }
}
