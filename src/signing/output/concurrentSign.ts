// Signs many URLs with a signer that answers over the network (AWS KMS): a bounded number of calls in
// flight, and on throttling fewer of them (halved) while the throttled URL waits a backoff that grows
// with each throttle in a row, growing back by one per success (additive increase, multiplicative
// decrease, as TCP and the AWS SDK's adaptive retry mode do). Like TCP, the limit is halved once per
// round: throttles of calls that started before the last halving do not halve it again, or eight
// calls throttled together would drop it from 8 to 1. A throttled URL gives its slot back while it
// waits and queues again at the front, so its retry counts against the (lowered) limit like any call.
// It never stops half-way silently: a URL the core refuses is a skip with its reason; anything else
// (access denied, a disabled key, throttling that never ends) rejects once the calls in flight have
// ended, no further URL starts, and the caller applies no edit.
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
  /** Told each new limit (for the log, and for tests). */
  readonly onLimit?: (limit: number) => void;
}

interface Pending {
  readonly url: string;
  throttles: number;
}

export function signConcurrently(urls: readonly string[], signOne: (url: string) => Promise<string>, options: ConcurrencyOptions): Promise<Map<string, string | Error>> {
  const ceiling = Math.max(1, Math.floor(options.concurrency));
  const results = new Map<string, string | Error>();
  const queue: Pending[] = urls.map((url) => ({ url, throttles: 0 }));
  let limit = ceiling;
  let inFlight = 0;
  /** URLs waiting out a backoff (not in flight, not in the queue). */
  let waiting = 0;
  /** Bumped at each halving: a throttle of a call started in an older round does not halve again. */
  let round = 0;
  let failure: { error: Error } | undefined;

  const setLimit = (next: number) => {
    if (next === limit) return;
    limit = next;
    options.onLimit?.(limit);
  };

  return new Promise((resolve, reject) => {
    const settle = () => {
      if (inFlight > 0) return;
      if (failure) reject(failure.error);
      else if (queue.length === 0 && waiting === 0) resolve(results);
    };

    const backOff = (item: Pending) => {
      const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (item.throttles - 1));
      waiting++;
      void options
        .sleep(Math.floor(options.random() * cap) + 1)
        .catch(() => undefined)
        .then(() => {
          waiting--;
          if (!failure) queue.unshift(item);
          pump();
        });
    };

    const attempt = async (item: Pending) => {
      const startedIn = round;
      try {
        results.set(item.url, await signOne(item.url));
        setLimit(Math.min(ceiling, limit + 1));
      } catch (error) {
        if (options.isSkip(error)) {
          results.set(item.url, error instanceof Error ? error : new Error(String(error)));
        } else if (options.isThrottling(error) && item.throttles < options.maxThrottles) {
          item.throttles++;
          if (startedIn === round) {
            round++;
            setLimit(Math.max(1, Math.floor(limit / 2)));
          }
          backOff(item);
        } else {
          failure ??= { error: error instanceof Error ? error : new Error(String(error)) };
        }
      }
    };

    const pump = () => {
      // The next item while nothing failed and the limit allows one more in flight.
      const next = () => (!failure && inFlight < limit ? queue.shift() : undefined);
      for (let item = next(); item !== undefined; item = next()) {
        inFlight++;
        void attempt(item).finally(() => {
          inFlight--;
          pump();
        });
      }
      settle();
    };
    pump();
  });
}
