// The entry of a signing worker thread (bundled alone as dist/signWorker.js, loaded only when a large
// document is signed with a key this machine holds). It receives the job (key and policy) once, then
// signs each chunk it is given with the synchronous core and answers with the chunk's outcomes.
import { parentPort } from 'node:worker_threads';
import { signUrl } from '../signUrl';
import { signChunk } from './chunks';
import type { FromWorker, SignJob, ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('signWorker runs as a worker thread (node:worker_threads)');

let job: SignJob | undefined;
port.on('message', (message: ToWorker) => {
  if (message.kind === 'job') {
    job = message.job;
    return;
  }
  let answer: FromWorker;
  try {
    if (!job) throw new Error('a chunk came before the job');
    const current = job;
    answer = { start: message.start, outcomes: signChunk(message.urls, (url) => signUrl({ ...current, url })) };
  } catch (error) {
    answer = { start: message.start, failure: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
