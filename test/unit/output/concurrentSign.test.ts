// signConcurrently, the bulk signer over a network signer (AWS KMS), with an injected sleep and random:
// each fake call answers on the next turn of the event loop, so calls overlap as network calls do and
// no test waits on a clock.
import assert from 'node:assert/strict';
import { signConcurrently, type ConcurrencyOptions } from '../../../src/signing/output';

class Throttled extends Error {
  override name = 'ThrottlingException';
}
class Refused extends Error {
  override name = 'SigningError';
}
class Denied extends Error {
  override name = 'AccessDeniedException';
}

type Outcome = 'ok' | Error;

/** A signer that answers each call on the next macrotask with what `decide(url, attempt)` says, counting what is in flight. */
function fakeSigner(decide: (url: string, attempt: number) => Outcome) {
  const attempts = new Map<string, number>();
  const state = { inFlight: 0, maxInFlight: 0, starts: [] as Array<{ url: string; inFlight: number }>, ended: [] as string[] };
  const signOne = async (url: string): Promise<string> => {
    const attempt = (attempts.get(url) ?? 0) + 1;
    attempts.set(url, attempt);
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    state.starts.push({ url, inFlight: state.inFlight });
    try {
      await new Promise((resolve) => setImmediate(resolve));
      const outcome = decide(url, attempt);
      if (outcome !== 'ok') throw outcome;
      return `${url}?signed`;
    } finally {
      state.inFlight--;
      state.ended.push(url);
    }
  };
  return { signOne, state, attempts };
}

function optionsWith(overrides: Partial<ConcurrencyOptions> = {}) {
  const sleeps: number[] = [];
  const limits: number[] = [];
  const options: ConcurrencyOptions = {
    concurrency: 8,
    isThrottling: (error) => error instanceof Throttled,
    isSkip: (error) => error instanceof Refused,
    maxThrottles: 8,
    baseDelayMs: 100,
    maxDelayMs: 5000,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    onLimit: (limit) => limits.push(limit),
    ...overrides,
  };
  return { options, sleeps, limits };
}

const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://d111111abcdef8.cloudfront.net/seg-${i}.ts`);

describe('signConcurrently', () => {
  it('signs every URL with never more than `concurrency` calls in flight, and uses them all', async () => {
    const list = urls(50);
    const { signOne, state } = fakeSigner(() => 'ok');
    const { options, sleeps } = optionsWith({ concurrency: 3 });
    const results = await signConcurrently(list, signOne, options);
    assert.equal(state.maxInFlight, 3);
    assert.deepEqual(
      list.map((url) => results.get(url)),
      list.map((url) => `${url}?signed`),
    );
    assert.deepEqual(sleeps, []);
  });

  it('resolves at once with no URL', async () => {
    const { signOne, state } = fakeSigner(() => 'ok');
    assert.equal((await signConcurrently([], signOne, optionsWith().options)).size, 0);
    assert.equal(state.starts.length, 0);
  });

  it('halves the limit once when a whole round is throttled, keeps retries within it, and grows back by one per success', async () => {
    const list = urls(60);
    const firstWave = new Set(list.slice(0, 8));
    const { signOne, state, attempts } = fakeSigner((url, attempt) => (firstWave.has(url) && attempt === 1 ? new Throttled('Rate exceeded') : 'ok'));
    const { options, sleeps, limits } = optionsWith();
    let limit = options.concurrency;
    const results = await signConcurrently(list, signOne, { ...options, onLimit: (next) => (options.onLimit!(next), (limit = next)) });
    // Eight calls throttled together halve once (8 → 4), not three times (8 → 1); then +1 per success.
    assert.deepEqual(limits, [4, 5, 6, 7, 8]);
    // Each throttled URL waited a jittered backoff under its first ceiling (100 ms × 0.5 + 1), then succeeded.
    assert.deepEqual(sleeps, Array<number>(8).fill(51));
    for (const url of firstWave) assert.equal(attempts.get(url), 2);
    assert.ok(
      list.every((url) => results.get(url) === `${url}?signed`),
      'every URL signed',
    );
    // After the throttles, the calls started (retries included) stayed within the lowered limit.
    const firstRetry = state.starts.findIndex((start, i) => i >= 8 && firstWave.has(start.url));
    assert.ok(firstRetry > 0);
    assert.ok(state.starts[firstRetry].inFlight <= 4, `a retry started with ${state.starts[firstRetry].inFlight} calls in flight`);
    assert.equal(limit, 8);
  });

  it('halves again when a call started after the halving is throttled, with a longer backoff for a URL throttled twice in a row', async () => {
    const list = urls(20);
    const { signOne, attempts } = fakeSigner((url, attempt) => (url === list[0] && attempt <= 2 ? new Throttled('Rate exceeded') : 'ok'));
    const { options, sleeps, limits } = optionsWith({ concurrency: 4, random: () => 0.999 });
    await signConcurrently(list, signOne, options);
    assert.equal(attempts.get(list[0]), 3);
    // Ceilings 100 then 200 ms, full jitter at 0.999.
    assert.deepEqual(sleeps, [100, 200]);
    // 4 → 2 at the first throttle, back to 4 with the round's successes, 4 → 2 again at the retry's throttle.
    assert.deepEqual(limits, [2, 3, 4, 2, 3, 4]);
  });

  it('a URL the core refuses is a skip with its error; the others are signed', async () => {
    const list = urls(12);
    const refusal = new Refused('The signed url would be 9000 bytes');
    const { signOne } = fakeSigner((url) => (url === list[5] ? refusal : 'ok'));
    const results = await signConcurrently(list, signOne, optionsWith().options);
    assert.equal(results.get(list[5]), refusal);
    assert.equal([...results.values()].filter((r) => typeof r === 'string').length, 11);
  });

  it('a fatal error rejects with that error after the calls in flight end, and no further URL starts', async () => {
    const list = urls(40);
    const denied = new Denied('not authorized to perform: kms:Sign');
    let failedAt = -1;
    const { signOne, state } = fakeSigner((url) => {
      if (url !== list[6]) return 'ok';
      failedAt = state.starts.length;
      return denied;
    });
    const { options } = optionsWith({ concurrency: 3 });
    await assert.rejects(
      signConcurrently(list, signOne, options).finally(() => assert.equal(state.inFlight, 0, 'rejected only once nothing is in flight')),
      (error) => error === denied,
    );
    assert.ok(failedAt > 0);
    assert.equal(state.starts.length, failedAt, 'no URL started after the failure');
    assert.ok(state.starts.length < list.length);
  });

  it('a URL waiting out a backoff when a fatal error comes is not retried', async () => {
    const list = urls(6);
    const { signOne, attempts } = fakeSigner((url, attempt) => (url === list[0] && attempt === 1 ? new Throttled('slow down') : url === list[1] ? new Denied('denied') : 'ok'));
    let wake!: () => void;
    const { options } = optionsWith({ concurrency: 2, sleep: () => new Promise<void>((resolve) => (wake = resolve)) });
    await assert.rejects(signConcurrently(list, signOne, options), Denied);
    wake();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(attempts.get(list[0]), 1);
  });

  it('throttling beyond maxThrottles for one URL rejects with the throttling error, after backoffs capped at maxDelayMs', async () => {
    const list = urls(10);
    const { signOne, attempts } = fakeSigner((url) => (url === list[2] ? new Throttled('Rate exceeded') : 'ok'));
    const { options, sleeps } = optionsWith({ concurrency: 2, maxThrottles: 3, maxDelayMs: 300, random: () => 0.999 });
    await assert.rejects(signConcurrently(list, signOne, options), Throttled);
    assert.equal(attempts.get(list[2]), 4, 'the first call and three retries');
    assert.deepEqual(sleeps, [100, 200, 300]);
  });
});
