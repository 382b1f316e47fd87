// For fakes that implement promise-returning interfaces with synchronous work.

/**
 * Runs `work` now and returns its result as a promise, as an async function without an await would:
 * a throw (a scripted failure, a failed assertion, a cancellation) becomes a rejection, not an
 * exception at the call.
 */
export function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}
