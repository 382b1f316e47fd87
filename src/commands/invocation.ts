// How a command was called, decided in one place for every command (the wrapper in runCommand.ts and
// the command definitions in options.ts both ask here):
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
