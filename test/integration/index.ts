// Entry the VS Code extension host loads for the integration suites (extensionTestsPath = the
// bundled out/test/integration/index.js). Works under both launchers: test/runner/runIntegration.mjs
// (code-server; reads CFPC_TEST_RESULTS / CFPC_TEST_GREP) and scripts/testElectron.mjs
// (@vscode/test-electron), or with no environment at all.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runMocha, type MochaCounts } from '../support/runMocha';

/** The secret scan checks what every other suite left behind, so it runs last whatever the file names. */
const RUNS_LAST = 'secretScan.test.js';

function findTestFiles(dir: string): string[] {
  const found = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .map((name) => join(dir, name))
    .sort();
  return [...found.filter((path) => basename(path) !== RUNS_LAST), ...found.filter((path) => basename(path) === RUNS_LAST)];
}

function writeResults(counts: MochaCounts): void {
  const file = process.env.CFPC_TEST_RESULTS;
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(counts));
}

export async function run(): Promise<void> {
  let counts: MochaCounts;
  try {
    counts = await runMocha({
      files: findTestFiles(__dirname),
      label: 'integration',
      timeoutMs: 60_000,
      grep: process.env.CFPC_TEST_GREP || undefined,
      highlight: { faults: 'fault injection', badInputs: 'bad inputs' },
    });
  } catch (error) {
    // A suite that fails to load never reaches mocha's counts: report it as one failure.
    writeResults({ passed: 0, failed: 1, pending: 0 });
    throw error;
  }
  writeResults(counts);
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
}
