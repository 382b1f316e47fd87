// Runs mocha suites and reports a closing line `<label>: N passed, N failed` that CI reads.
// Used by the unit runner in plain Node and by the integration entry point inside the extension host.
import Mocha from 'mocha';

export interface MochaCounts {
  passed: number;
  failed: number;
  pending: number;
}

export interface RunMochaOptions {
  files: string[];
  label: string;
  timeoutMs: number;
  grep?: string;
}

export function runMocha(options: RunMochaOptions): Promise<MochaCounts> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: options.timeoutMs, reporter: 'spec' });
  if (options.grep) mocha.grep(options.grep);
  for (const file of options.files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const stats = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
        const counts = { passed: stats.passes, failed: stats.failures, pending: stats.pending };
        console.log(`${options.label}: ${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`);
        resolve(counts);
      });
    } catch (error) {
      reject(error);
    }
  });
}
