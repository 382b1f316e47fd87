// Errors the user can act on. A UserError's message is already localized and names the input and
// the fix; the command wrapper shows it as is. Anything else is reported as unexpected.

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    /** Which argument or input was wrong, for callers that pass arguments (automation, tests). */
    readonly input?: string,
  ) {
    super(message);
  }
}

/** Thrown when the user dismisses a prompt; the command wrapper stays silent. */
export class CancellationError extends Error {
  override readonly name = 'CancellationError';
  constructor() {
    super('Cancelled');
  }
}

/** By name, not class: the activation bundle and dist/features.js each have a copy of this module. */
export function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'CancellationError' || error.name === 'Canceled');
}
