// When signing in worker threads pays. A worker costs about 35 ms to start (a thread, an isolate, the
// signing bundle) before its first signature; an RSA-2048 signature costs about 0.25 ms on one core and
// an ECDSA P-256 one about 0.04 ms. Two cores save half the signing time, so workers win once that half
// exceeds the start: above about 300 RSA URLs or 2,000 ECDSA ones, measured on a 2-core machine with
// scripts/bench/workerSigning.mjs (`npm run bench`). The thresholds sit above those points, since a
// document just over them gains nothing noticeable either way, and a busy machine starts workers slower.
export const WORKER_THRESHOLD = { rsa: 512, ec: 4096 } as const;

/** Whether a document of `count` URLs signed by a key of `type` goes to worker threads on `cores` cores. */
export function workersPay(type: 'rsa' | 'ec', count: number, cores: number): boolean {
  return cores > 1 && count >= WORKER_THRESHOLD[type];
}
