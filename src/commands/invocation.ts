// How a command was called, decided once per call, in one place for every command: the wrapper in
// runCommand.ts decides (invocationOf), and passes the decision on (decidedArguments) to the command's
// definition in options.ts, which takes it (takeInvocation) instead of reading the arguments again.
// A command's function called directly (tests, benchmarks) has no wrapper: takeInvocation decides
// then, by the same rule:
//   nothing                              → interactive
//   a positional value (a string: URL, id, profile), or an instance — a tree row, a Uri, what a row's
//   command carries ("Load more": the list's owner)  → interactive, with that as its context
//   `{ interactive: true, … }`           → interactive, with the rest as answers given in advance (the
//                                          key wizard's "Sign a URL now" passes `{ interactive: true, keyPairId }`);
//                                          the command's schema checks them (options.ts), no command reads them by hand
//   any other plain object (or array)    → automation: the options object, checked by the command's schema
// Activation code: no schema library here.

export type Invocation = { readonly kind: 'interactive'; readonly context?: unknown; readonly given?: Record<string, unknown> } | { readonly kind: 'automation'; readonly options: unknown };

/** Options come as data (JSON from keybindings and tasks, object literals from code); rows and Uris are instances of classes. */
const isData = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return Array.isArray(value) || prototype === Object.prototype || prototype === null;
};

/** Marks a call whose invocation the wrapper has decided (runCommand.ts): the command reads it, not the arguments again. Shared by the activation and features bundles. */
const DECIDED = Symbol.for('cloudfront-private-content.invocation');

/** The arguments a wrapper passes on once it has decided the invocation. */
export function decidedArguments(invocation: Invocation): unknown[] {
  return [{ [DECIDED]: invocation }];
}

/** The invocation the wrapper decided, or (a direct call, no wrapper) the one `args` make. */
export function takeInvocation(args: readonly unknown[]): Invocation {
  const first = args[0];
  if (first !== null && typeof first === 'object' && DECIDED in first) return (first as Record<typeof DECIDED, Invocation>)[DECIDED];
  return invocationOf(args);
}

/** How `args` call a command: the decision itself, made once per call. */
export function invocationOf(args: readonly unknown[]): Invocation {
  const first = args[0];
  if (first === undefined || first === null) return { kind: 'interactive' };
  if (typeof first !== 'object' || !isData(first)) return { kind: 'interactive', context: first };
  if ((first as { interactive?: unknown }).interactive === true) {
    const given: Record<string, unknown> = { ...(first as Record<string, unknown>) };
    delete given.interactive;
    return { kind: 'interactive', given };
  }
  return { kind: 'automation', options: first };
}
