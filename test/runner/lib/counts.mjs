// The counts a runner part reports: its closing line `<label>: N passed, N failed` and the JSON
// scripts/test.mjs reads from $CFPC_COUNTS_FILE, written once; a signal counts as a failure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { installCleanupHandlers } from './processes.mjs';

/** @param {string} label e.g. 'integration' */
export function countsReporter(label) {
  const counts = { passed: 0, failed: 0, pending: 0 };
  let reported = false;
  /** Prints the closing line and writes the counts file, once. */
  const report = () => {
    if (reported) return;
    reported = true;
    console.log(`${label}: ${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`);
    const file = process.env.CFPC_COUNTS_FILE;
    if (file) {
      mkdirSync(dirname(resolve(file)), { recursive: true });
      writeFileSync(file, JSON.stringify(counts));
    }
  };
  installCleanupHandlers({
    onSignal: () => {
      counts.failed++; // an interrupted run is never green
      report();
    },
  });
  return { counts, report };
}
