// Child processes that lead their own process group, and a cleanup registry that stops them all on
// normal exit, on an exception, and on SIGINT/SIGTERM/SIGHUP.
//
// Why groups: code-server and moto start children of their own (extension host, file watcher, pty
// host, werkzeug reloader...). Killing only the PID we spawned leaves those running, so every
// server is spawned with `detached: true` (it becomes a group leader, pgid = pid) and is stopped
// with `process.kill(-pgid, signal)`, which reaches every process in the group.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */

/**
 * @typedef {object} Group
 * @property {string} name for messages
 * @property {ChildProcess} child the group leader
 * @property {number} pgid process group id (= the leader's pid)
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited settles when the leader exits
 * @property {() => Promise<void>} stop SIGTERM to the group, SIGKILL after the grace period; idempotent
 */

/** Live groups, for the synchronous last-resort kill in the `exit` handler. @type {Set<number>} */
const liveGroups = new Set();
/** Cleanup functions, run newest first. @type {Set<() => unknown>} */
const cleanups = new Set();
/** Cleanup functions that run after all others (e.g. deleting the folder the servers write to). @type {Set<() => unknown>} */
const lastCleanups = new Set();
/** Set once a signal arrived: nothing new may start, late cleanups run at once. */
let stopping = false;
/** @type {Promise<void> | undefined} */
let signalCleanup;

/** True once SIGINT/SIGTERM/SIGHUP arrived: callers should stop starting things and stay quiet. */
export function shuttingDown() {
  return stopping;
}

/**
 * Spawns `command` as the leader of a new process group and registers it for cleanup.
 * @param {string} command
 * @param {string[]} args
 * @param {{ name?: string, env?: NodeJS.ProcessEnv, cwd?: string, logFile?: string, graceMs?: number }} [options]
 *   logFile: stdout and stderr are appended there (otherwise they are inherited)
 * @returns {Group}
 */
export function spawnGroup(command, args, options = {}) {
  const { name = command, env = process.env, cwd, logFile, graceMs = 5000 } = options;
  if (stopping) throw new Error(`not starting ${name}: shutting down`);
  let out = /** @type {number | 'inherit'} */ ('inherit');
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    out = openSync(logFile, 'a');
  }
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
  if (typeof out === 'number') closeSync(out);
  if (child.pid === undefined) {
    // spawn failed synchronously (e.g. ENOENT); the 'error' event carries the reason
    const failed = new Promise((_, reject) => child.once('error', reject));
    failed.catch(() => {});
    throw new Error(`could not start ${name} (${command})`);
  }
  const pgid = child.pid;
  liveGroups.add(pgid);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  /** @type {Promise<void> | undefined} */
  let stopped;
  const stop = () => {
    stopped ??= killGroup(pgid, { graceMs }).finally(() => {
      liveGroups.delete(pgid);
      unregister();
    });
    return stopped;
  };
  const unregister = onCleanup(stop);
  return { name, child, pgid, exited, stop };
}

/**
 * True while any process is left in the group.
 * @param {number} pgid
 */
export function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * SIGTERM to every process of the group, then SIGKILL to whatever is left after `graceMs`.
 * Resolves once the group is empty (or after a last SIGKILL wait of 3 s).
 * @param {number} pgid
 * @param {{ graceMs?: number }} [options]
 */
export async function killGroup(pgid, { graceMs = 5000 } = {}) {
  const signal = (/** @type {NodeJS.Signals} */ sig) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      // ESRCH: already gone
    }
  };
  const waitEmpty = async (/** @type {number} */ ms) => {
    const end = Date.now() + ms;
    while (groupAlive(pgid) && Date.now() < end) await sleep(50);
    return !groupAlive(pgid);
  };
  if (!groupAlive(pgid)) return;
  signal('SIGTERM');
  if (await waitEmpty(graceMs)) return;
  signal('SIGKILL');
  await waitEmpty(3000);
}

/**
 * Registers a cleanup function (stop a server, close a browser). They run newest first.
 * @param {() => unknown} fn
 * @param {{ last?: boolean }} [options] last: run after every other cleanup has finished
 * @returns {() => void} unregisters it
 */
export function onCleanup(fn, { last = false } = {}) {
  if (stopping) {
    // registered after the signal's cleanup began: run it now
    Promise.resolve()
      .then(fn)
      .catch((error) => console.error('cleanup failed:', error));
    return () => {};
  }
  const set = last ? lastCleanups : cleanups;
  set.add(fn);
  return () => set.delete(fn);
}

/**
 * Runs (and forgets) every registered cleanup; errors are printed, not thrown.
 * @param {{ parallel?: boolean }} [options] default: one after the other, newest first (the browser
 *   closes before the servers it talks to); parallel: all at once, for a quick exit on a signal
 */
export async function runCleanups({ parallel = false } = {}) {
  // After a signal, the signal's cleanup is the one that counts; everyone else waits for it.
  if (signalCleanup) return signalCleanup;
  const fns = [...cleanups].reverse();
  const lastFns = [...lastCleanups].reverse();
  cleanups.clear();
  lastCleanups.clear();
  const run = async (/** @type {() => unknown} */ fn) => {
    try {
      if (process.env.CFPC_DEBUG_CLEANUP) console.error(`cleanup: ${fn.name || 'anonymous'}...`);
      const t = Date.now();
      await fn();
      if (process.env.CFPC_DEBUG_CLEANUP) console.error(`cleanup: ${fn.name || 'anonymous'} took ${Date.now() - t} ms`);
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  };
  if (parallel) await Promise.all(fns.map(run));
  else for (const fn of fns) await run(fn);
  for (const fn of lastFns) await run(fn);
}

let handlersInstalled = false;

/**
 * Makes SIGINT (Ctrl-C), SIGTERM and SIGHUP run the cleanups and exit with 128 + signal number;
 * a second signal kills the groups at once. An uncaught exception runs the cleanups and exits 1.
 * On any process exit, groups still alive get SIGKILL.
 * @param {{ onSignal?: (signal: NodeJS.Signals) => void }} [options] called first, e.g. to write counts
 */
export function installCleanupHandlers({ onSignal } = {}) {
  if (handlersInstalled) return;
  handlersInstalled = true;
  /** @type {Record<string, number>} */
  const numbers = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  let received = false;
  for (const sig of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(sig, () => {
      if (received) {
        console.error(`\n${sig} again: killing everything now`);
        killAllNow();
        process.exit(128 + numbers[sig]);
      }
      received = true;
      console.error(`\n${sig}: stopping the processes this run started...`);
      try {
        onSignal?.(sig);
      } catch (error) {
        console.error(error);
      }
      signalCleanup = runCleanups({ parallel: true });
      stopping = true;
      const signalled = Date.now();
      signalCleanup.finally(() => {
        if (process.env.CFPC_DEBUG_CLEANUP) console.error(`cleanup after ${sig} took ${Date.now() - signalled} ms`);
        process.exit(128 + numbers[sig]);
      });
    });
  }
  // A closed pipe (`... | head`) must not kill the run before it cleans up.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EPIPE') throw error;
    });
  }
  // A bug that escapes every try/catch still stops the servers (gracefully) before exiting.
  const crash = (/** @type {unknown} */ error) => {
    console.error('unexpected error:', error);
    stopping = true;
    runCleanups({ parallel: true }).finally(() => process.exit(1));
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.on('exit', killAllNow);
}

/** Synchronous last resort: SIGKILL every group still registered. */
export function killAllNow() {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  liveGroups.clear();
}

/** @param {number} ms */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
