// One run of mocha suites inside a code-server extension host: opens the page that runs them, waits
// for the exit code, and reads the counts the tests entry writes to its results file. A run that
// reports nothing, or ends badly with no failing test, counts as one failure: it can never read green.
import { readFileSync } from 'node:fs';
import { runExtensionTests } from './browser.mjs';
import { shuttingDown } from './processes.mjs';

/**
 * @param {object} options
 * @param {import('playwright-core').BrowserContext} options.context
 * @param {string} options.url from workbenchUrl() with extensionTestsPath
 * @param {string} options.resultsFile the host's CFPC_TEST_RESULTS
 * @param {number} options.timeoutMs
 * @param {string} options.logFile the workbench's log
 * @param {string} options.serverLog where to look when the host reported nothing
 * @returns {Promise<{ passed: number, failed: number, pending: number, exitCode: number }>} nothing counted when shutting down
 */
export async function runHostSuite({ context, url, resultsFile, timeoutMs, logFile, serverLog }) {
  const { exitCode, page } = await runExtensionTests({ context, url, timeoutMs, logFile });
  await page.close().catch(() => {});
  if (shuttingDown()) return { passed: 0, failed: 0, pending: 0, exitCode };
  /** @type {{ passed: number, failed: number, pending: number } | undefined} */
  let mocha;
  try {
    mocha = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    mocha = undefined;
  }
  if (!mocha) {
    console.error(
      exitCode === 124
        ? 'the extension tests timed out before reporting results (counted as 1 failure)'
        : `the extension host reported no results (exit code ${exitCode}; see the output above and ${serverLog}) — counted as 1 failure`,
    );
    return { passed: 0, failed: 1, pending: 0, exitCode };
  }
  if (exitCode !== 0 && mocha.failed === 0) {
    console.error(`the extension test run ended with code ${exitCode} although no test failed (counted as 1 failure)`);
    return { ...mocha, failed: 1, exitCode };
  }
  return { ...mocha, exitCode };
}
