// Each command declares the options object automation may pass as a valibot schema: the TypeScript
// type and the runtime check are one thing, and a failure names the option. `defineCommand` is the
// features' half of the one invocation model (invocation.ts): interactive calls reach the command with
// their context (a row, a Uri, a positional value), options objects only once their schema passed.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { UserError } from '../errors';
import { invocationOf } from './invocation';

/**
 * How the command runs: asking a person (with what it was called on, and any answers given in advance,
 * checked by the same schema), or from checked options.
 */
export type Call<O> = { readonly kind: 'interactive'; readonly context?: unknown; readonly given?: Partial<O> } | { readonly kind: 'automation'; readonly options: O };

type Schema<O> = v.GenericSchema<unknown, O>;

/** The answers a call brings: automation's options (all), an interactive call's given answers (some), or none. */
export const answersOf = <O>(call: Call<O>): Partial<O> => (call.kind === 'automation' ? call.options : (call.given ?? {}));

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
function parseGiven<O>(schema: Schema<O>, given: Record<string, unknown>): Partial<O> {
  type StrictOptions = v.StrictObjectSchema<v.ObjectEntries, undefined>;
  const piped = (schema as unknown as { pipe?: readonly unknown[] }).pipe?.[0];
  const objectSchema = (piped ?? schema) as unknown as Partial<StrictOptions>;
  const partial = objectSchema.type === 'strict_object' ? (v.partial(objectSchema as StrictOptions) as unknown as Schema<Partial<O>>) : schema;
  return parseOptions(partial, given);
}

/**
 * A command's handler. `options`: the schema of its options object; a command without one refuses
 * options objects (naming `options`), since whatever they said would be ignored.
 */
export function defineCommand<O, R>(options: Schema<O> | undefined, run: (call: Call<O>) => R): (...args: unknown[]) => Promise<Awaited<R>> {
  return async (...args: unknown[]): Promise<Awaited<R>> => {
    const invocation = invocationOf(args);
    if (invocation.kind === 'interactive') {
      if (!invocation.given) return await run({ kind: 'interactive', context: invocation.context });
      if (!options) throw new UserError(vscode.l10n.t('This command takes no options object: call it without arguments, or with its tree row.'), 'options');
      return await run({ kind: 'interactive', given: parseGiven(options, invocation.given) });
    }
    if (!options) throw new UserError(vscode.l10n.t('This command takes no options object: call it without arguments, or with its tree row.'), 'options');
    return await run({ kind: 'automation', options: parseOptions(options, invocation.options) });
  };
}

/** `defineCommand` for a command that works in a context (the key store, CloudFront, the Ui): `(context, ...args)`. */
export function defineCommandIn<X, O, R>(options: Schema<O> | undefined, run: (context: X, call: Call<O>) => R): (context: X, ...args: unknown[]) => Promise<Awaited<R>> {
  return (context, ...args) => defineCommand(options, (call: Call<O>) => run(context, call))(...args);
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
