// What `npm test` and `npm start` need from outside npm, checked before anything else runs: each
// missing piece is one line naming it and the exact command that installs it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = process.env.CFPC_PYTHON || 'python3';
export const CHROMIUM = process.env.CFPC_CHROMIUM || '/usr/bin/chromium';

/** @returns {string | undefined} why moto's server cannot run, with the command that fixes it */
function motoProblem() {
  const probe = spawnSync(PYTHON, ['-c', 'import moto, moto.server, flask, flask_cors'], { stdio: 'ignore' });
  if (probe.error) return `${PYTHON} is missing (moto's server stands in for AWS): install it with: sudo apt-get install -y python3 python3-pip, then: ${PYTHON} -m pip install 'moto[server]==5.2.1'`;
  if (probe.status !== 0) return `moto's server is missing from ${PYTHON} (it stands in for AWS): install it with: ${PYTHON} -m pip install 'moto[server]==5.2.1'`;
  return undefined;
}

/** @returns {string | undefined} */
function chromiumProblem() {
  if (existsSync(CHROMIUM)) return undefined;
  return `Chromium is missing at ${CHROMIUM} (the UI and integration tests drive it): install it with: sudo apt-get install -y --no-install-recommends chromium${process.env.CFPC_CHROMIUM ? ' (or fix CFPC_CHROMIUM)' : ''}`;
}

/**
 * Exits the process with status 1 after one line per missing prerequisite.
 * @param {{ moto?: boolean, chromium?: boolean }} needs
 */
export function requirePrerequisites({ moto = false, chromium = false }) {
  const problems = [moto ? motoProblem() : undefined, chromium ? chromiumProblem() : undefined].filter((p) => p !== undefined);
  if (problems.length === 0) return;
  for (const problem of problems) console.error(`[setup] ${problem}`);
  process.exit(1);
}
