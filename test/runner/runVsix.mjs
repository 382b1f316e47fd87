// The packaged extension, installed as users install it: `vsce package` (production build) into a
// scratch folder, `code-server --install-extension <vsix>` into a fresh extensions folder, then a
// code-server that knows only that installed copy (no extensionDevelopmentPath, no smoke-test
// driver: notifications show as for a person) and the UI test test/ui/signUrl.ui.mjs against moto:
// create a key pair and sign a URL from the palette, read the clipboard, verify the signature.
//
//   node test/runner/runVsix.mjs
//
// Prints `vsix: N passed, N failed`, writes $CFPC_COUNTS_FILE like runIntegration.mjs, stops
// everything it started (also on Ctrl-C).
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './lib/browser.mjs';
import { ensureCodeServer, startCodeServer } from './lib/codeServer.mjs';
import { startMoto } from './lib/moto.mjs';
import { countsReporter } from './lib/counts.mjs';
import { onCleanup, runCleanups, shuttingDown } from './lib/processes.mjs';
import { createScratch, isolatedEnv } from './lib/scratch.mjs';
import { findUiTests, runUiTests } from './lib/uiTests.mjs';
import { installVsix, packageVsix } from './lib/vsix.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The UI tests that run against the installed package. */
const UI_TESTS = ['signUrl'];
const outputDir = join(repoRoot, 'test-output', 'vsix');
const { counts, report } = countsReporter('vsix');

const seconds = (/** @type {number} */ since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** What the package must not carry: sources, source maps, tests, dependencies. */
function assertLean(folder) {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1));
  const unwanted = files.filter((f) => /\.(ts|map)$|^(src|test|scripts|node_modules|out)\//.test(f) && f !== '.vsixmanifest');
  if (unwanted.length) throw new Error(`the installed package carries files that do not run: ${unwanted.join(', ')}`);
  for (const needed of ['dist/extension.js', 'dist/features.js', 'dist/aws-sdk.js', 'l10n/bundle.l10n.json', 'package.nls.json']) {
    if (!files.includes(needed)) throw new Error(`the installed package lacks ${needed}; it has ${files.join(', ')}`);
  }
}

async function main() {
  const t0 = Date.now();
  const install = await ensureCodeServer();
  const scratch = createScratch({ prefix: 'cfpc-vsix-' });
  onCleanup(() => scratch.remove(), { last: true });
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });

  // 1. The package, built as `npm run package` builds it.
  let t = Date.now();
  const vsix = join(scratch.dir('package'), 'cloudfront-private-content.vsix');
  await packageVsix({ repoRoot, outFile: vsix });
  console.log(`packaged ${vsix} in ${seconds(t)}`);

  // 2. Installed into an empty extensions folder, as `code --install-extension` does.
  t = Date.now();
  const moto = await startMoto({ logFile: join(outputDir, 'moto.log') });
  const env = isolatedEnv({ scratch, motoUrl: moto.url });
  const extensionsDir = scratch.dir('extensions');
  const userDataDir = scratch.dir('vscode');
  const installed = await installVsix({ install, vsix, extensionsDir, userDataDir, env });
  assertLean(installed.folder);
  console.log(`installed ${installed.id}@${installed.version} into ${installed.folder} in ${seconds(t)}`);

  // 3. A workbench that knows only the installed copy.
  t = Date.now();
  const server = await startCodeServer({ install, env, userDataDir, extensionsDir, folder: scratch.workspace, smokeTestDriver: false, logFile: join(outputDir, 'code-server.log') });
  const browser = await launchChromium({
    profileDir: scratch.dir('chromium'),
    env: { ...process.env, HOME: env.HOME, XDG_CONFIG_HOME: env.XDG_CONFIG_HOME, XDG_CACHE_HOME: env.XDG_CACHE_HOME, XDG_DATA_HOME: env.XDG_DATA_HOME },
  });
  await browser.allow(server.url);
  console.log(`moto at ${moto.url}, code-server at ${server.url}, ready in ${seconds(t)}`);

  const tests = findUiTests(join(repoRoot, 'test', 'ui')).filter((test) => UI_TESTS.includes(test.name));
  if (tests.length !== UI_TESTS.length) throw new Error(`UI tests ${UI_TESTS.join(', ')} not found in test/ui`);
  const ui = await runUiTests({
    tests,
    context: browser.context,
    serverUrl: server.url,
    workspaceFolder: scratch.workspace,
    extensionDevelopmentPath: undefined, // the installed .vsix, never the repo
    outputDir,
    motoUrl: moto.url,
    userSettingsFile: join(userDataDir, 'User', 'settings.json'),
    timeoutMs: Number(process.env.CFPC_UI_TEST_TIMEOUT_MS || 120000),
  });
  if (shuttingDown()) return;
  counts.passed += ui.passed;
  counts.failed += ui.failed;
  console.log(`vsix run took ${seconds(t0)}`);
}

try {
  await main();
} catch (error) {
  if (!shuttingDown()) {
    counts.failed++;
    console.error(`vsix run failed: ${/** @type {Error} */ (error)?.stack ?? error}`);
  }
}
await runCleanups();
if (shuttingDown()) process.exit(130);
report();
process.exit(counts.failed > 0 ? 1 : 0);
