// Headless Chromium (Debian's, driven by playwright-core) pointed at a code-server workbench.
import { appendFileSync, existsSync } from 'node:fs';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { onCleanup, shuttingDown } from './processes.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * @typedef {object} Browser
 * @property {import('playwright-core').BrowserContext} context
 * @property {(serverUrl: string) => Promise<void>} allow grants clipboard-read/clipboard-write to a server's origin
 * @property {() => Promise<void>} stop closes the browser; idempotent
 */

/**
 * Launches Chromium with a fresh profile folder (SecretStorage and settings live in the profile).
 * Playwright's own SIGINT/SIGTERM handlers are off: the launcher's cleanup closes the browser after
 * the servers are told to stop, and playwright still kills the browser if the process exits.
 * @param {{ profileDir: string, executablePath?: string, headless?: boolean, env?: NodeJS.ProcessEnv }} options
 *   env: Chromium's environment; give it a scratch HOME/XDG_CONFIG_HOME, or its crash reporter
 *   writes to the real ~/.config/chromium whatever the profile folder
 * @returns {Promise<Browser>}
 */
export async function launchChromium({ profileDir, executablePath = process.env.CFPC_CHROMIUM || '/usr/bin/chromium', headless = true, env }) {
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install it (apt-get install chromium, or run .ci/run) or set CFPC_CHROMIUM`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    ...(env ? { env: /** @type {Record<string, string>} */ (Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined))) } : {}),
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  /** @type {Promise<void> | undefined} */
  let closing;
  const stop = () => (closing ??= Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]).then(() => unregister()));
  const unregister = onCleanup(stop);
  return {
    context,
    // Without this, vscode.env.clipboard calls hang in a focused headless page (the prompt is never answered).
    allow: (serverUrl) => context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(serverUrl).origin }),
    stop,
  };
}

/**
 * The workbench URL that opens `folder` with an extension in development mode and, optionally, runs
 * extension tests. The paths are given as `vscode-remote://<host:port>/abs/path` URIs in the `payload`
 * query parameter (code-server ignores --extensionDevelopmentPath/--extensionTestsPath arguments).
 * @param {{ serverUrl: string, folder: string, extensionDevelopmentPath?: string, extensionTestsPath?: string }} options
 */
export function workbenchUrl({ serverUrl, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = new URL(serverUrl).host;
  const remote = (/** @type {string} */ path) => `vscode-remote://${authority}${path}`;
  /** @type {[string, string][]} */
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${serverUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Opens a page that runs the extension tests in code-server's extension host and resolves with the
 * exit code the test runner reports through `codeAutomationExit` (124 on timeout). The server must
 * run with `--vscode-option enable-smoke-test-driver`.
 * @param {object} options
 * @param {import('playwright-core').BrowserContext} options.context
 * @param {string} options.url from workbenchUrl() with extensionTestsPath
 * @param {number} options.timeoutMs
 * @param {(text: string) => void} [options.log] receives the extension host's console output
 * @param {string} [options.logFile] gets everything the workbench logs, unfiltered
 * @param {boolean} [options.verbose] print workbench noise too (default: $CFPC_VERBOSE)
 * @returns {Promise<{ exitCode: number, page: import('playwright-core').Page }>}
 */
export async function runExtensionTests({ context, url, timeoutMs, log = (text) => console.log(text), logFile, verbose = !!process.env.CFPC_VERBOSE }) {
  const page = await context.newPage();
  /** @type {(code: number) => void} */
  let finish = () => {};
  const finished = new Promise((resolve) => (finish = resolve));
  /** @type {Set<string>} */
  const noted = new Set();
  await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown} */ args) => {
    // Everything the workbench logs (its own log service and the extension host's console) comes here
    // as (level, [format, ...args]), e.g. mocha's ('info', ['  %d passing (%s)', 13, '1s']).
    const list = Array.isArray(args) ? args : [args];
    const text = format(...list.map((a) => (a === null || typeof a !== 'object' ? a : safeJson(a))));
    if (logFile) appendFileSync(logFile, `[${type}] ${text}\n`);
    if (shuttingDown()) return; // the workbench complains as its server goes away
    const noise = verbose ? undefined : classifyNoise(text);
    if (noise) {
      if (!noted.has(noise)) console.error(`(${noise}${logFile ? `; full log: ${logFile}` : ''})`);
      noted.add(noise);
      return;
    }
    if (type === 'error' || type === 'warn') console.error(text);
    else log(text);
  });
  await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => finish(Number(code) || 0));
  page.on('pageerror', (error) => console.error(`[workbench] ${error.message}`));
  page.on('crash', () => {
    console.error('[workbench] the page crashed');
    finish(1);
  });
  await page.goto(url);
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => {
      console.error(`extension tests did not finish within ${timeoutMs} ms (set CFPC_TEST_TIMEOUT_MS to change)`);
      resolve(124);
    }, timeoutMs);
  });
  const exitCode = /** @type {number} */ (await Promise.race([finished, timedOut]));
  clearTimeout(timer);
  return { exitCode, page };
}

/**
 * Workbench chatter that says nothing about the tests, and what to say instead (once).
 * @param {string} text
 * @returns {string | undefined}
 */
export function classifyNoise(text) {
  // code-server is installed with --ignore-scripts: its optional native modules (spdlog, watchdog,
  // sqlite3...) are not built and VS Code falls back to JavaScript; it still prints a stack for each.
  if (/Could not locate the bindings file|Cannot find module '\.{1,2}\/build\/Release\//.test(text)) {
    return 'optional native modules of code-server are not built (installed with --ignore-scripts): harmless';
  }
  if (/getaddrinfo (ENOTFOUND|EAI_AGAIN) (open-vsx\.org|marketplace)/.test(text)) return 'extension marketplace unreachable: harmless';
  if (
    /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[(AgentHost[^\]]*|ChatModelSelection|AccountPolicyGate|RemoteAgentHostProtocol|Service Worker|reconnection-grace-time)\])/.test(
      text,
    )
  ) {
    return 'workbench start-up messages hidden (CFPC_VERBOSE=1 shows them)';
  }
  return undefined;
}

/** @param {unknown} value */
function safeJson(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
