// UI tests: `test/ui/*.ui.mjs` files whose default export drives a workbench page like a person and
// throws on failure. Each runs in a fresh page with the extension loaded in development mode.
import { createWriteStream, mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { waitForWorkbench } from '../../ui/lib/workbench.mjs';
import { workbenchUrl } from './browser.mjs';
import { shuttingDown } from './processes.mjs';
import { resetMoto } from './moto.mjs';

/**
 * @typedef {object} UiTestArgs what a UI test's default export receives
 * @property {import('playwright-core').Page} page a fresh page showing the workbench, extension loaded
 * @property {string} serverUrl
 * @property {string} workspaceFolder the folder the workbench has open
 * @property {string} outputDir where to put screenshots and other artifacts (test-output/ui)
 * @property {string} motoUrl the AWS endpoint (moto)
 * @property {string} userSettingsFile the workbench's user settings.json (VS Code reloads it when it changes);
 *   a test that changes it puts it back
 * @property {(...args: unknown[]) => void} log
 */

/**
 * @param {string} dir
 * @param {string} [grep] literal substring of the title `ui: <name>` (as mocha treats a string grep)
 * @returns {{ name: string, title: string, file: string }[]}
 */
export function findUiTests(dir, grep) {
  let names = [];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.ui.mjs'))
      .sort();
  } catch {
    return [];
  }
  return names
    .map((n) => ({ name: basename(n, '.ui.mjs'), file: join(dir, n) }))
    .map((t) => ({ ...t, title: `ui: ${t.name}` }))
    .filter((t) => !grep || t.title.includes(grep));
}

/**
 * Runs each UI test in a fresh page against an emptied moto; a failure (or timeout) saves `<outputDir>/<name>-failure.png`.
 * @param {object} options
 * @param {{ name: string, title: string, file: string }[]} options.tests
 * @param {import('playwright-core').BrowserContext} options.context
 * @param {string} options.serverUrl
 * @param {string} options.workspaceFolder
 * @param {string} [options.extensionDevelopmentPath] load this extension in development mode (URL payload;
 *   the server needs the smoke-test driver option); omit when the extension is installed on the server
 * @param {string} options.outputDir
 * @param {string} options.motoUrl
 * @param {string} options.userSettingsFile
 * @param {number} options.timeoutMs per test
 * @returns {Promise<{ passed: number, failed: number, pending: number }>}
 */
export async function runUiTests({ tests, context, serverUrl, workspaceFolder, extensionDevelopmentPath, outputDir, motoUrl, userSettingsFile, timeoutMs }) {
  mkdirSync(outputDir, { recursive: true });
  const counts = { passed: 0, failed: 0, pending: 0 };
  console.log('\n  ui');
  for (const test of tests) {
    if (shuttingDown()) break;
    const started = Date.now();
    // Each test starts from an empty account: what other suites left (dozens of distributions that
    // push its rows out of view) must not decide its verdict.
    await resetMoto(motoUrl);
    const page = await context.newPage();
    const consoleLog = createWriteStream(join(outputDir, `${test.name}.console.log`));
    page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.message}\n`));
    const log = (/** @type {unknown[]} */ ...args) => console.log(`      [${test.name} +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...args);
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    try {
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms (set CFPC_UI_TEST_TIMEOUT_MS to change)`)), timeoutMs);
      });
      const run = (async () => {
        const { default: fn } = await import(pathToFileURL(test.file).href);
        if (typeof fn !== 'function') throw new Error(`${test.file} has no default export function`);
        await page.goto(workbenchUrl({ serverUrl, folder: workspaceFolder, extensionDevelopmentPath }));
        await waitForWorkbench(page);
        log('workbench ready');
        await fn(/** @type {UiTestArgs} */ ({ page, serverUrl, workspaceFolder, outputDir, motoUrl, userSettingsFile, log }));
      })();
      run.catch(() => {}); // if the timeout wins, the test's own later rejection is not news
      await Promise.race([run, timeout]);
      counts.passed++;
      console.log(`    ✔ ${test.name} (${Date.now() - started}ms)`);
    } catch (error) {
      if (shuttingDown()) break;
      counts.failed++;
      const shot = join(outputDir, `${test.name}-failure.png`);
      await page.screenshot({ path: shot, timeout: 10000 }).catch(() => {});
      console.log(`    ✖ ${test.name} (${Date.now() - started}ms)`);
      console.log(
        `      ${stripVTControlCharacters(String(/** @type {Error} */ (error)?.stack ?? error))
          .split('\n')
          .join('\n      ')}`,
      );
      console.log(`      screenshot: ${shot}`);
    } finally {
      clearTimeout(timer);
      await page.close().catch(() => {});
      consoleLog.end();
    }
  }
  if (!shuttingDown()) console.log(`ui: ${counts.passed} passed, ${counts.failed} failed`);
  return counts;
}
