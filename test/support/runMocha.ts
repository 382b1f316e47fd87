// Runs mocha suites and reports a closing line `<label>: N passed, N failed` that CI reads.
// Used by the unit runner in plain Node and by the integration entry point inside the extension host.
import Mocha from 'mocha';

export interface MochaCounts {
  passed: number;
  failed: number;
  pending: number;
  /** Counts of the suites named in `highlight`, reported beside the total. */
  suites?: Array<{ label: string; passed: number; failed: number }>;
}

export interface RunMochaOptions {
  files: string[];
  label: string;
  timeoutMs: number;
  grep?: string;
  /** Test files (base name without .test.js) whose counts are reported on their own, by label. */
  highlight?: Record<string, string>;
}

export function runMocha(options: RunMochaOptions): Promise<MochaCounts> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: options.timeoutMs, reporter: 'spec' });
  if (options.grep) mocha.grep(options.grep);
  for (const file of options.files) mocha.addFile(file);
  // A throw in this executor (while setting up) rejects the promise with what was thrown.
  return new Promise((resolve) => {
    const bySuite = new Map<string, { label: string; passed: number; failed: number }>();
    const tally = (file: string | undefined, outcome: 'passed' | 'failed') => {
      const name =
        (file ?? '')
          .split(/[\\/]/)
          .pop()
          ?.replace(/\.test\.js$/, '') ?? '';
      const label = options.highlight?.[name];
      if (!label) return;
      const entry = bySuite.get(label) ?? { label, passed: 0, failed: 0 };
      entry[outcome]++;
      bySuite.set(label, entry);
    };
    const runner = mocha.run(() => {
      const stats = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      const suites = [...bySuite.values()];
      for (const suite of suites) console.log(`${suite.label}: ${suite.passed} passed, ${suite.failed} failed`);
      const counts = { passed: stats.passes, failed: stats.failures, pending: stats.pending, ...(suites.length ? { suites } : {}) };
      console.log(`${options.label}: ${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`);
      resolve(counts);
    });
    runner.on('pass', (test) => tally(test.file, 'passed'));
    runner.on('fail', (test) => tally(test.file, 'failed'));
  });
}
