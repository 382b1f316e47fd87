// Entry the VS Code extension host loads for the integration suites (extensionTestsPath = the
// bundled out/test/integration/index.js). Works under both launchers: test/runner/runIntegration.mjs
// (code-server; reads CFPC_TEST_RESULTS / CFPC_TEST_GREP) and scripts/test-electron.mjs
// (@vscode/test-electron), or with no environment at all.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runMocha, type MochaCounts } from '../support/runMocha';

function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTestFiles(path));
    else if (name.endsWith('.test.js')) found.push(path);
  }
  return found.sort();
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
