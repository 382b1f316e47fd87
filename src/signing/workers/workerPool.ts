// Signs a document's URLs on every core: `threads` worker threads (node:worker_threads) running the
// signing core, each taking the next chunk when it finishes one, torn down when the document is done.
// RSA PKCS#1 v1.5 and the policies are deterministic, so the result is byte for byte what signing in
// this thread gives; ECDSA signatures differ per call but verify the same. Any failure that is not a
// URL's own refusal (a worker that dies or throws) rejects, and every worker is stopped.
import { Worker } from 'node:worker_threads';
import { chunkUrls, mergeChunks, type WorkerOutcome } from './chunks';
import type { FromWorker, SignJob, ToWorker } from './protocol';

export interface WorkerSigningOptions {
  /** The worker entry: dist/signWorker.js next to the extension's bundles (tests build their own). */
  readonly workerFile: string;
  /** Workers to start (os.availableParallelism() for every core); fewer when there are fewer chunks. */
  readonly threads: number;
}

export async function signInWorkers(urls: readonly string[], job: SignJob, options: WorkerSigningOptions): Promise<Map<string, string | Error>> {
  const chunks = chunkUrls(urls, options.threads);
  const answers = new Map<number, readonly WorkerOutcome[]>();
  const workers: Worker[] = [];
  let next = 0;
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(options.workerFile);
      workers.push(worker);
      const send = (message: ToWorker) => worker.postMessage(message);
      const giveNext = () => {
        const chunk = chunks[next++];
        if (chunk) send({ kind: 'chunk', start: chunk.start, urls: chunk.urls });
        else resolve();
      };
      worker.on('message', (message: FromWorker) => {
        if ('failure' in message) return reject(new Error(`A signing worker failed: ${message.failure}`));
        answers.set(message.start, message.outcomes);
        giveNext();
      });
      worker.once('error', reject);
      // After resolve() this does nothing; before it, a worker that stopped took its chunk with it.
      worker.once('exit', (code) => reject(new Error(`A signing worker stopped before it finished (exit code ${code}).`)));
      send({ kind: 'job', job });
      giveNext();
    });
  try {
    await Promise.all(Array.from({ length: Math.min(Math.max(1, options.threads), chunks.length) }, run));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return mergeChunks(urls, chunks, answers);
}
