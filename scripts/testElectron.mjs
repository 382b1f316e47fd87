// `npm run test:electron`: the same integration suites (out/test/integration/index.js) in desktop VS Code
// through @vscode/test-electron, for machines that can download VS Code (npm test uses code-server
// instead: test/runner/runIntegration.mjs). moto stands in for AWS, with the same environment.
//
//   node scripts/testElectron.mjs [--grep PATTERN]
//
// Environment: CFPC_VSCODE_VERSION (default 1.139.1, the version npm test runs; or `stable`),
// CFPC_DOWNLOAD_TIMEOUT_MS (idle timeout of the download, default 20000). On a Linux machine without a
// display, run it under a virtual one: `xvfb-run -a npm run test:electron`.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { startMoto } from '../test/runner/lib/moto.mjs';
import { installCleanupHandlers, onCleanup, runCleanups } from '../test/runner/lib/processes.mjs';
import { createScratch, isolatedEnv } from '../test/runner/lib/scratch.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(repoRoot);

const args = process.argv.slice(2);
const grepIndex = args.indexOf('--grep');
const grep = grepIndex >= 0 ? args[grepIndex + 1] : undefined;
const version = process.env.CFPC_VSCODE_VERSION || '1.139.1';
const downloadTimeoutMs = Number(process.env.CFPC_DOWNLOAD_TIMEOUT_MS || 20000);
const counts = { passed: 0, failed: 0, pending: 0 };

installCleanupHandlers({ onSignal: () => counts.failed++ });

/** @param {string[]} commandArgs */
function runNode(commandArgs) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, commandArgs, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolvePromise(undefined) : reject(new Error(`node ${commandArgs.join(' ')} failed (code ${code})`))));
  });
}

async function main() {
  // Download first, with a short idle timeout, so a machine without access fails in seconds and says why.
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: downloadTimeoutMs, cachePath: join(repoRoot, '.vscode-test') });
  } catch (error) {
    throw new Error(
      `could not download VS Code ${version} (${/** @type {Error} */ (error)?.message ?? error}).\n` +
        '  test:electron needs https://update.code.visualstudio.com; without it use `npm run test:integration`, ' +
        'which runs the same suites in VS Code from the npm package code-server.',
    );
  }

  await runNode(['esbuild.mjs']);
  const { buildTests } = await import('./lib/buildTests.mjs');
  await buildTests('integration');

  const scratch = createScratch({ prefix: 'cfpc-electron-' });
  onCleanup(() => scratch.remove(), { last: true });
  const moto = await startMoto({ logFile: join(repoRoot, 'test-output', 'logs', 'moto-electron.log') });
  const resultsFile = join(scratch.root, 'mocha-results.json');
  const outputDir = join(repoRoot, 'test-output', 'integration');
  mkdirSync(outputDir, { recursive: true });
  const env = isolatedEnv({
    scratch,
    motoUrl: moto.url,
    extra: { CFPC_TEST_RESULTS: resultsFile, CFPC_TEST_OUTPUT: outputDir, ...(grep ? { CFPC_TEST_GREP: grep } : {}) },
  });
  if (process.platform !== 'linux') {
    // Desktop VS Code on macOS/Windows keeps its real HOME; the AWS_* file variables still isolate the SDK.
    for (const key of ['HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR', 'TMPDIR']) env[key] = process.env[key];
  }
  // runTests merges this over process.env; `undefined` removes a variable (AWS_PROFILE, VSCODE_*...).
  /** @type {Record<string, string | undefined>} */
  const extensionTestsEnv = { ...env };
  for (const key of Object.keys(process.env)) if (!(key in env)) extensionTestsEnv[key] = undefined;

  let exitError;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      extensionTestsEnv,
      launchArgs: [scratch.workspace, '--disable-extensions', `--user-data-dir=${scratch.dir('vscode-user-data')}`, `--extensions-dir=${scratch.dir('vscode-extensions')}`],
    });
  } catch (error) {
    exitError = error;
  } finally {
    await moto.stop();
  }
  try {
    const mocha = JSON.parse(readFileSync(resultsFile, 'utf8'));
    counts.passed += mocha.passed;
    counts.failed += mocha.failed;
    counts.pending += mocha.pending;
    if (exitError && mocha.failed === 0) counts.failed++;
  } catch {
    counts.failed++;
    console.error(`VS Code ended without reporting test results${exitError ? `: ${/** @type {Error} */ (exitError).message}` : ''}`);
  }
}

try {
  await main();
} catch (error) {
  counts.failed++;
  console.error(`test:electron: ${/** @type {Error} */ (error)?.message ?? error}`);
}
await runCleanups();
console.log(`integration (electron): ${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`);
if (process.env.CFPC_COUNTS_FILE) {
  mkdirSync(dirname(resolve(process.env.CFPC_COUNTS_FILE)), { recursive: true });
  writeFileSync(process.env.CFPC_COUNTS_FILE, JSON.stringify(counts));
}
process.exit(counts.failed > 0 ? 1 : 0);
