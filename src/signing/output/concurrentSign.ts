// Signs many URLs with a signer that answers over the network (AWS KMS): a bounded number of calls in
// flight, and on throttling fewer of them (halved) after a backoff that grows with each throttle in a
// row, growing back by one per success (additive increase, multiplicative decrease, as TCP and the AWS
// SDK's adaptive retry mode do). It never stops half-way silently: a URL the core refuses is a skip
// with its reason; anything else (access denied, a disabled key, throttling that never ends) rejects,
// and the caller applies no edit.
export interface ConcurrencyOptions {
  /** Calls in flight at most (KMS allows thousands of Sign calls per second per account; 8 is polite). */
  readonly concurrency: number;
  /** Whether an error means "slow down" (ThrottlingException). */
  isThrottling(error: unknown): boolean;
  /** Whether an error belongs to one URL only (the signing core's refusal): that URL is skipped. */
  isSkip(error: unknown): boolean;
  /** Throttles in a row for one URL before giving up (rejecting). */
  readonly maxThrottles: number;
  /** First backoff; doubled per throttle in a row, with full jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** In [0, 1): jitter. */
  readonly random: () => number;
}

export async function signConcurrently(urls: readonly string[], signOne: (url: string) => Promise<string>, options: ConcurrencyOptions): Promise<Map<string, string | Error>> {
  const results = new Map<string, string | Error>();
  const queue = [...urls];
  let limit = Math.max(1, options.concurrency);
  let inFlight = 0;
  let failure: { error: unknown } | undefined;

  const signWithBackoff = async (url: string): Promise<void> => {
    for (let throttles = 0; ;) {
      try {
        results.set(url, await signOne(url));
        limit = Math.min(options.concurrency, limit + 1);
        return;
      } catch (error) {
        if (options.isSkip(error)) {
          results.set(url, error as Error);
          return;
        }
        if (!options.isThrottling(error) || ++throttles > options.maxThrottles) throw error;
        limit = Math.max(1, Math.floor(limit / 2));
        const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (throttles - 1));
        await options.sleep(Math.floor(options.random() * ceiling) + 1);
        if (failure) return;
      }
    }
  };

  await new Promise<void>((resolve) => {
    const pump = () => {
      if (failure || (queue.length === 0 && inFlight === 0)) {
        if (inFlight === 0) resolve();
        return;
      }
      while (!failure && inFlight < limit && queue.length > 0) {
        const url = queue.shift()!;
        inFlight++;
        signWithBackoff(url)
          .catch((error: unknown) => {
            failure ??= { error };
          })
          .finally(() => {
            inFlight--;
            pump();
          });
      }
    };
    pump();
  });
  if (failure) throw failure.error;
  return results;
}
