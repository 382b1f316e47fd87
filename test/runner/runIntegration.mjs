// Runs the integration suites in a real VS Code 1.139.1 — the server inside the npm package
// code-server@4.139.1, Node extension host — driven by headless Chromium, against moto instead of AWS.
// Then runs the UI tests (test/ui/*.ui.mjs) in the same kind of workbench.
//
//   node test/runner/runIntegration.mjs [--grep PATTERN] [--no-ui]
//
// Prints `integration: N passed, N failed`, writes {"passed","failed","pending"} to $CFPC_COUNTS_FILE
// when set, exits non-zero on any failure, and stops every process it started (also on an error,
// Ctrl-C or SIGTERM).
//
// Environment knobs:
//   CFPC_TEST_TIMEOUT_MS     whole extension-host test run (default 300000)
//   CFPC_UI_TEST_TIMEOUT_MS  each UI test (default 120000)
//   CFPC_UI_SERVER           shared (default): UI tests use the test server (smoke-test driver on), where the
//                            extension loads in development mode through the URL payload; VS Code then
//                            suppresses notification toasts. separate: a second code-server without that
//                            option (toasts show, as for a person); the payload route needs the driver, so
//                            there the extension is registered as installed (extensions.json, production mode)
//   CFPC_VERBOSE=1           print the workbench's start-up chatter too (always in test-output/logs/workbench-tests.log)
//   CFPC_KEEP_SCRATCH=1      keep the scratch HOME/workspace folder (printed) for debugging
//   CFPC_DEBUG_CLEANUP=1     print how long stopping each process took
//   CFPC_CHROMIUM, CFPC_PYTHON  other Chromium / python3 binaries
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, workbenchUrl } from './lib/browser.mjs';
import { ensureCodeServer, linkExtension, nodeBinary, startCodeServer } from './lib/codeServer.mjs';
import { writeSampleKeyLoader } from '../../scripts/lib/sampleSigningKey.mjs';
import { countsReporter } from './lib/counts.mjs';
import { startFaultProxy } from './lib/faultProxy.mjs';
import { runHostSuite } from './lib/hostSuite.mjs';
import { startMoto } from './lib/moto.mjs';
import { onCleanup, runCleanups, shuttingDown } from './lib/processes.mjs';
import { createScratch, isolatedEnv } from './lib/scratch.mjs';
import { findUiTests, runUiTests } from './lib/uiTests.mjs';
import { startUntrustedWorkbench, UNTRUSTED_SUITE } from './lib/untrustedWorkspace.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(repoRoot); // scripts/lib/buildTests.mjs works with paths relative to the repo

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: node test/runner/runIntegration.mjs [--grep PATTERN] [--no-ui]');
  process.exit(0);
}
const grepIndex = args.indexOf('--grep');
const grep = grepIndex >= 0 ? args[grepIndex + 1] : undefined;
const noUi = args.includes('--no-ui');
const testTimeoutMs = Number(process.env.CFPC_TEST_TIMEOUT_MS || 300000);
const uiTestTimeoutMs = Number(process.env.CFPC_UI_TEST_TIMEOUT_MS || 120000);
const uiServerMode = process.env.CFPC_UI_SERVER === 'separate' ? 'separate' : 'shared';

const outputRoot = join(repoRoot, 'test-output');
const logDir = join(outputRoot, 'logs');
const artifactsDir = join(outputRoot, 'integration');
const uiOutputDir = join(outputRoot, 'ui');

const { counts, report } = countsReporter('integration');

const seconds = (/** @type {number} */ since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** The sample key loader in `dir` with no keys yet, installed in `extensionsDir`; returns `dir`. */
function linkSampleKeyLoader(extensionsDir, dir) {
  linkExtension(extensionsDir, writeSampleKeyLoader(dir, []));
  return dir;
}

/**
 * Runs a build step in a child process (registered for cleanup so Ctrl-C stops it too).
 * @param {string} label
 * @param {string[]} commandArgs arguments to Node 24
 */
function runNode(label, commandArgs) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(nodeBinary(), commandArgs, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    const unregister = onCleanup(() => child.kill('SIGTERM'));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      unregister();
      if (code === 0) resolvePromise(undefined);
      else reject(new Error(`${label} failed (code ${code}, signal ${signal})`));
    });
  });
}

async function main() {
  const t0 = Date.now();

  // 1. VS Code (code-server) in the cache, outside the repo; a no-op after the first run.
  const install = await ensureCodeServer();

  // 2. The extension and the integration suites.
  let t = Date.now();
  await runNode('building the extension (node esbuild.mjs)', ['esbuild.mjs']);
  const { buildTests } = await import(join(repoRoot, 'scripts', 'lib', 'buildTests.mjs'));
  await buildTests('integration');
  const testsEntry = join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(testsEntry)) throw new Error(`${testsEntry} was not built`);
  console.log(`built extension and integration tests in ${seconds(t)}`);

  // 3. A scratch HOME/TMPDIR/workspace for this run, and the output folders.
  const scratch = createScratch({ prefix: 'cfpc-it-' });
  onCleanup(
    () => {
      if (process.env.CFPC_KEEP_SCRATCH) console.log(`scratch folder kept: ${scratch.root}`);
      else scratch.remove();
    },
    { last: true },
  );
  for (const dir of [logDir, artifactsDir, uiOutputDir]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  // 4. moto, then code-server(s) with the isolated environment the extension host inherits.
  t = Date.now();
  const moto = await startMoto({ logFile: join(logDir, 'moto.log') });
  // The extension host reaches moto through the fault proxy (a plain pass-through until a test sets
  // rules); CFPC_AWS_SOCKET_TIMEOUT_MS makes a call that gets no answer time out in 1.5 s, not 15.
  const proxy = await startFaultProxy({ target: moto.url, logFile: join(logDir, 'fault-proxy.log') });
  const resultsFile = join(scratch.root, 'mocha-results.json');
  const env = isolatedEnv({
    scratch,
    motoUrl: proxy.url,
    extra: {
      CFPC_TEST_RESULTS: resultsFile,
      CFPC_TEST_OUTPUT: artifactsDir,
      CFPC_FAULT_PROXY: proxy.controlUrl,
      CFPC_MOTO_URL: moto.url,
      CFPC_AWS_SOCKET_TIMEOUT_MS: '1500',
      ...(grep ? { CFPC_TEST_GREP: grep } : {}),
    },
  });
  const extensionsDir = scratch.dir('extensions');
  const uiTests = noUi ? [] : findUiTests(join(repoRoot, 'test', 'ui'), grep);
  const separateUi = uiTests.length > 0 && uiServerMode === 'separate';
  const uiExtensionsDir = separateUi ? scratch.dir('extensions-ui') : extensionsDir;
  if (separateUi) linkExtension(uiExtensionsDir, repoRoot);
  // The loader `npm start` installs for its sample key, with no keys until a UI test of the sample
  // writes them (test/ui/firstSign.ui.mjs); the UI tests run in this process and find it here.
  if (uiTests.length > 0) process.env.CFPC_SAMPLE_KEY_LOADER = linkSampleKeyLoader(uiExtensionsDir, scratch.dir('sample-key-loader'));
  // The workspace-trust suite needs a workbench with trust on: a second server, started alongside.
  const untrustedResults = join(scratch.root, 'mocha-results-untrusted.json');
  const runUntrusted = !grep || UNTRUSTED_SUITE.includes(grep) || grep.includes(UNTRUSTED_SUITE);
  const [testServer, separateUiServer, untrusted] = await Promise.all([
    startCodeServer({
      install,
      env,
      userDataDir: scratch.dir('vscode-tests'),
      extensionsDir,
      folder: scratch.workspace,
      smokeTestDriver: true,
      logFile: join(logDir, 'code-server-tests.log'),
    }),
    separateUi
      ? startCodeServer({
          install,
          env,
          userDataDir: scratch.dir('vscode-ui'),
          extensionsDir: uiExtensionsDir,
          folder: scratch.workspace,
          smokeTestDriver: false,
          logFile: join(logDir, 'code-server-ui.log'),
        })
      : undefined,
    runUntrusted ? startUntrustedWorkbench({ install, scratch, motoUrl: moto.url, resultsFile: untrustedResults, logFile: join(logDir, 'code-server-untrusted.log') }) : undefined,
  ]);
  const uiServer = separateUiServer ?? testServer;
  const browser = await launchChromium({
    profileDir: scratch.dir('chromium'),
    env: { ...process.env, HOME: env.HOME, XDG_CONFIG_HOME: env.XDG_CONFIG_HOME, XDG_CACHE_HOME: env.XDG_CACHE_HOME, XDG_DATA_HOME: env.XDG_DATA_HOME },
  });
  await browser.allow(testServer.url);
  if (separateUiServer) await browser.allow(separateUiServer.url);
  if (untrusted) await browser.allow(untrusted.server.url);
  console.log(`moto at ${moto.url} (fault proxy ${proxy.url}), code-server at ${testServer.url}${separateUiServer ? ` (UI: ${separateUiServer.url})` : ''}, ready in ${seconds(t)}`);
  console.log(`logs: ${logDir}`);

  // 5. The mocha suites inside the extension host.
  t = Date.now();
  const suites = await runHostSuite({
    context: browser.context,
    url: workbenchUrl({ serverUrl: testServer.url, folder: scratch.workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: testsEntry }),
    resultsFile,
    timeoutMs: testTimeoutMs,
    logFile: join(logDir, 'workbench-tests.log'),
    serverLog: join(logDir, 'code-server-tests.log'),
  });
  if (shuttingDown()) return;
  const exitCode = suites.exitCode;
  if (suites.suites) counts.suites = suites.suites;
  counts.passed += suites.passed;
  counts.failed += suites.failed;
  counts.pending += suites.pending;
  console.log(`extension-host tests took ${seconds(t)} (exit code ${exitCode})`);

  // 5b. The workspace-trust suite, in the workbench whose folder nobody trusted.
  if (untrusted) {
    t = Date.now();
    const trust = await runHostSuite({
      context: browser.context,
      url: workbenchUrl({ serverUrl: untrusted.server.url, folder: untrusted.folder, extensionDevelopmentPath: repoRoot, extensionTestsPath: testsEntry }),
      resultsFile: untrustedResults,
      timeoutMs: testTimeoutMs,
      logFile: join(logDir, 'workbench-untrusted.log'),
      serverLog: join(logDir, 'code-server-untrusted.log'),
    });
    if (shuttingDown()) return;
    counts.passed += trust.passed;
    counts.pending += trust.pending;
    counts.failed += trust.failed + (trust.passed + trust.failed === 0 ? 1 : 0);
    if (trust.passed + trust.failed === 0) console.error('the untrusted-workspace suite ran no test (counted as 1 failure)');
    console.log(`untrusted-workspace tests took ${seconds(t)}`);
  }

  // 6. UI tests, each in a fresh page on a workbench with the extension in development mode.
  if (uiTests.length) {
    t = Date.now();
    const ui = await runUiTests({
      tests: uiTests,
      context: browser.context,
      serverUrl: uiServer.url,
      workspaceFolder: scratch.workspace,
      // development mode through the payload on the driver-enabled server; installed on the separate one
      extensionDevelopmentPath: separateUi ? undefined : repoRoot,
      outputDir: uiOutputDir,
      motoUrl: moto.url,
      userSettingsFile: join(scratch.dir(separateUi ? 'vscode-ui' : 'vscode-tests'), 'User', 'settings.json'),
      timeoutMs: uiTestTimeoutMs,
    });
    if (shuttingDown()) return;
    counts.passed += ui.passed;
    counts.failed += ui.failed;
    console.log(`UI tests took ${seconds(t)}`);
  } else if (!noUi) {
    console.log(grep ? `no UI test title contains "${grep}"` : 'no UI tests found');
  }
  console.log(`integration run took ${seconds(t0)}`);
}

try {
  await main();
} catch (error) {
  // After Ctrl-C the steps in flight fail as their processes go away: that is not news.
  if (!shuttingDown()) {
    counts.failed++;
    console.error(`integration run failed: ${/** @type {Error} */ (error)?.stack ?? error}`);
  }
}
await runCleanups(); // after a signal: waits for the signal's cleanup, whose handler then exits
if (shuttingDown()) process.exit(130);
report();
process.exit(counts.failed > 0 ? 1 : 0);
