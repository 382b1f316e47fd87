// The pure part of signing in worker threads: how a list of URLs is cut into chunks that idle workers
// take one after another (small enough that no worker is left with a long tail, large enough that a
// message per chunk costs nothing next to its signatures), and how the answers come back together in
// the order of the list, each URL with its signed form or the core's reason for refusing it.
import { SigningError, type SigningErrorCode, type SigningInput } from '../errors';

/** What a worker answers for one URL: the signed URL, or the core's refusal. */
export type WorkerOutcome = string | { readonly code: SigningErrorCode; readonly input: SigningInput; readonly message: string };

export interface Chunk {
  /** Where the chunk starts in the list. */
  readonly start: number;
  readonly urls: readonly string[];
}

/**
 * Chunks per worker: sixteen, so the workers finish within a small chunk of each other (with four, a
 * chunk of 10,000 RSA URLs took ~270 ms, and the last worker's tail showed in the bench's ratio) and
 * a worker slowed by the machine hands the rest to the others.
 */
const CHUNKS_PER_WORKER = 16;
/** Below this a chunk's message round trip (tens of microseconds) starts to show next to its signatures. */
const MIN_CHUNK = 16;

/** Cuts `urls` into consecutive chunks for `workers` workers; together they hold every URL once, in order. */
export function chunkUrls(urls: readonly string[], workers: number): Chunk[] {
  const size = Math.max(MIN_CHUNK, Math.ceil(urls.length / (Math.max(1, workers) * CHUNKS_PER_WORKER)));
  const chunks: Chunk[] = [];
  for (let start = 0; start < urls.length; start += size) chunks.push({ start, urls: urls.slice(start, start + size) });
  return chunks;
}

/** Signs a chunk in the worker: each URL's signed form, or the SigningError that refused it (anything else throws). */
export function signChunk(urls: readonly string[], sign: (url: string) => string): WorkerOutcome[] {
  return urls.map((url) => {
    try {
      return sign(url);
    } catch (error) {
      if (error instanceof SigningError) return { code: error.code, input: error.input, message: error.message };
      throw error;
    }
  });
}

/**
 * Puts the chunks' answers back together as the in-process signer returns them: a map in the list's
 * order, refusals as SigningErrors again. Throws when a chunk is missing or the wrong length, so a lost
 * answer can never pass for a signed document.
 */
export function mergeChunks(urls: readonly string[], chunks: readonly Chunk[], answers: ReadonlyMap<number, readonly WorkerOutcome[]>): Map<string, string | Error> {
  const results = new Map<string, string | Error>();
  for (const chunk of chunks) {
    const outcomes = answers.get(chunk.start);
    if (!outcomes || outcomes.length !== chunk.urls.length) throw new Error(`the signing worker answered ${outcomes?.length ?? 'nothing'} for ${chunk.urls.length} URLs at ${chunk.start}`);
    chunk.urls.forEach((url, i) => {
      const outcome = outcomes[i];
      results.set(url, typeof outcome === 'string' ? outcome : new SigningError(outcome.code, outcome.input, outcome.message));
    });
  }
  if (results.size !== new Set(urls).size) throw new Error(`the signing workers answered for ${results.size} of ${urls.length} URLs`);
  return results;
}
