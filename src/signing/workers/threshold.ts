// When signing in worker threads pays. A worker costs 30–50 ms to start (a thread, an isolate, the
// signing bundle, code not yet optimized) before its first signature; an RSA-2048 signature costs about
// 0.22 ms on one core and an ECDSA P-256 one about 0.04 ms. On an idle 2-core machine that puts the
// break-even near 300 RSA or 2,000 ECDSA URLs; measured on a shared, busy 2-core machine
// (scripts/bench/workerSigning.mjs, `npm run bench`, which prints the break-even it finds), two
// workers did not yet beat one core at 1,024 RSA URLs (306 ms vs 244 ms) and gained 1.75× at 10,000.
// The thresholds sit where workers do not lose on a busy machine; above them the extension host also
// stays responsive while the document is signed.
export const WORKER_THRESHOLD = { rsa: 1024, ec: 8192 } as const;

/** Whether a document of `count` URLs signed by a key of `type` goes to worker threads on `cores` cores. */
export function workersPay(type: 'rsa' | 'ec', count: number, cores: number): boolean {
  return cores > 1 && count >= WORKER_THRESHOLD[type];
}
