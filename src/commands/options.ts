// Each command declares the options object automation may pass as a valibot schema: the TypeScript
// type and the runtime check are one thing, and a failure names the option. `defineCommand` is the
// features' half of the one invocation model (invocation.ts): interactive calls reach the command with
// their context (a row, a Uri, a positional value), options objects only once their schema passed.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { UserError } from '../errors';
import type { Ui } from '../ui/ui';
import { unattendedUi } from '../ui/unattendedUi';
import { takeInvocation } from './invocation';

/**
 * The answers a call brings: automation's options (all of them, checked whole), or the answers a
 * person's call was given in advance (some, each checked by the given-answers schema). A command asks
 * only for what is missing here (`call.answers.url ?? await askUrl(ui)`).
 */
export type Answers<O, G> = Partial<O> & Partial<G>;

/**
 * How the command runs, decided once (invocation.ts) and checked once (here): from checked options
 * (automation: a wizard whose answers are all given), or asking a person, with what it was called on
 * (`context`: a row, a Uri, a positional value) and any answers given in advance (`given`, typed by
 * the command's given-answers schema, by default its options' schema made partial).
 */
export type Call<O, G = Partial<O>> =
  | { readonly kind: 'automation'; readonly options: O; readonly context?: undefined; readonly answers: Answers<O, G> }
  | { readonly kind: 'interactive'; readonly context?: unknown; readonly given?: G; readonly answers: Answers<O, G> };

type Schema<O> = v.GenericSchema<unknown, O>;

/** The options, or a UserError with the message of the first problem and the option it names. */
export function parseOptions<O>(schema: Schema<O>, value: unknown): O {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  if (result.success) return result.output;
  // A misspelt option explains the option then missing: name it first.
  const issue = result.issues.find((i) => i.expected === 'never') ?? result.issues[0];
  throw new UserError(issue.message, v.getDotPath(issue) ?? 'options');
}

/**
 * Answers given in advance, by the options' rules: any of an options object's answers, each checked as
 * an option is. A schema with rules across options (a pipe over the options object) has its rules
 * left out: answers given in advance are some of the answers, and the wizard asks the rest.
 */
function partialOf<O>(schema: Schema<O>): Schema<Partial<O>> {
  type StrictOptions = v.StrictObjectSchema<v.ObjectEntries, undefined>;
  const piped = (schema as unknown as { pipe?: readonly unknown[] }).pipe?.[0];
  const objectSchema = (piped ?? schema) as unknown as Partial<StrictOptions>;
  return objectSchema.type === 'strict_object' ? (v.partial(objectSchema as StrictOptions) as unknown as Schema<Partial<O>>) : schema;
}

const noOptions = () => new UserError(vscode.l10n.t('This command takes no options object: call it without arguments, or with its tree row.'), 'options');

/**
 * The one place a call's arguments become a `Call`: the invocation the wrapper decided, its options
 * checked by `options`, its given answers by `given` (default: `options`, partial).
 */
export function callOf<O, G = Partial<O>>(options: Schema<O> | undefined, args: readonly unknown[], given?: Schema<G>): Call<O, G> {
  const invocation = takeInvocation(args);
  if (invocation.kind === 'automation') {
    if (!options) throw noOptions();
    const checked = parseOptions(options, invocation.options);
    return { kind: 'automation', options: checked, answers: checked as Answers<O, G> };
  }
  if (!invocation.given) return { kind: 'interactive', context: invocation.context, answers: {} };
  if (!options) throw noOptions();
  const answers = parseOptions(given ?? (partialOf(options) as unknown as Schema<G>), invocation.given);
  return { kind: 'interactive', given: answers, answers: answers as Answers<O, G> };
}

/**
 * A command's handler. `options`: the schema of its options object; a command without one refuses
 * options objects (naming `options`), since whatever they said would be ignored. `given`: the schema
 * of the answers a person's call may bring in advance (`{ interactive: true, … }`), when they are
 * not simply some of the options.
 */
export function defineCommand<O, R, G = Partial<O>>(options: Schema<O> | undefined, run: (call: Call<O, G>) => R, given?: Schema<G>): (...args: unknown[]) => Promise<Awaited<R>> {
  return async (...args: unknown[]): Promise<Awaited<R>> => {
    return await run(callOf(options, args, given));
  };
}

/** `defineCommand` for a command that works in a context (the key store, CloudFront, the Ui): `(context, ...args)`. */
export function defineCommandIn<X, O, R, G = Partial<O>>(
  options: Schema<O> | undefined,
  run: (context: X, call: Call<O, G>) => R,
  given?: Schema<G>,
): (context: X, ...args: unknown[]) => Promise<Awaited<R>> {
  return async (context: X, ...args: unknown[]): Promise<Awaited<R>> => {
    return await run(context, callOf(options, args, given));
  };
}

/** The Ui a call asks through: the person's when interactive, one that asks nobody (unattendedUi.ts) under automation. */
export const uiOf = (ui: Ui, call: Pick<Call<unknown>, 'kind'>): Ui => (call.kind === 'automation' ? unattendedUi(ui) : ui);

/** `context` with the Ui of `call` (see `uiOf`). The context is a plain object (the services, or a test's): its properties are copied. */
export function askingFor<X extends { readonly ui: Ui }>(context: X, call: Pick<Call<unknown>, 'kind'>): X {
  return { ...context, ui: uiOf(context.ui, call) };
}

/**
 * `defineCommandIn` for a command that asks through `context.ui`: it gets the person's Ui when
 * interactive and one that asks nobody under automation, so a prompt is reached only when its answer
 * is missing, and then resolves to the answer it carries for automation or names the missing option.
 */
export function defineAskingCommandIn<X extends { readonly ui: Ui }, O, R, G = Partial<O>>(
  options: Schema<O> | undefined,
  run: (context: X, call: Call<O, G>) => R,
  given?: Schema<G>,
): (context: X, ...args: unknown[]) => Promise<Awaited<R>> {
  return defineCommandIn(options, (context: X, call: Call<O, G>) => run(askingFor(context, call), call), given);
}

/** An options object that refuses keys it does not know (a misspelt option would be ignored otherwise). */
export function optionsObject<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, (issue) =>
    issue.expected === 'never'
      ? vscode.l10n.t('{0} is not an option of this command; it takes {1}.', String((issue.path?.at(-1)?.key as string | number | undefined) ?? ''), Object.keys(entries).join(', '))
      : vscode.l10n.t('Pass an options object such as {0}.', `{ ${Object.keys(entries)[0] ?? ''}: … }`),
  );
}

/** "{name} must be a string." */
export const mustBeString = (name: string) => () => vscode.l10n.t('{0} must be a string.', name);

/** An optional string option. */
export const optionalText = (name: string) => v.optional(v.string(mustBeString(name)));

const MISSING = Symbol('missing');

/** An option that must be present; `missing` is the message when it is not. */
export function required<S extends v.GenericSchema>(schema: S, missing: () => string) {
  return v.pipe(
    v.optional(v.unknown(), (): unknown => MISSING),
    v.check((value) => value !== MISSING, missing),
    schema,
  );
}

/** A string option that must be present and not blank; `missing` is the message when it is not. */
export const requiredText = (name: string, missing: () => string) => required(v.pipe(v.string(mustBeString(name)), v.trim(), v.nonEmpty(missing)), missing);

/** Line breaks and other control characters: refused where a value lands in a comment of generated code. */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A string option that is not blank and is one line of text, trimmed; `name` is how messages name it. */
export const oneLineText = (name: string) =>
  v.pipe(
    v.string(mustBeString(name)),
    v.trim(),
    v.nonEmpty(() => vscode.l10n.t('{0} must not be empty.', name)),
    v.check(
      (value) => !CONTROL_CHARACTER.test(value),
      () => vscode.l10n.t('{0} must be one line of text, without control characters.', name),
    ),
  );

/** An optional boolean option. */
export const optionalFlag = (name: string) => v.optional(v.boolean(() => vscode.l10n.t('{0} must be true or false.', name)));

/** `{ publicKeyId }`, the options of the commands that act on one key. */
export const publicKeyIdEntry = { publicKeyId: requiredText('publicKeyId', () => vscode.l10n.t('publicKeyId is required.')) };

/** The positional value when it is a string, trimmed (an id, a URL, a profile name). */
export const positionalText = (context: unknown): string | undefined => (typeof context === 'string' ? context.trim() : undefined);
