// Signing a document's URLs on every core (worker threads); the worker's own entry is signWorker.ts.
export { chunkUrls, mergeChunks, signChunk, type Chunk, type WorkerOutcome } from './chunks';
export type { SignJob } from './protocol';
export { signInWorkers, type WorkerSigningOptions } from './workerPool';
export { WORKER_THRESHOLD, workersPay } from './threshold';
