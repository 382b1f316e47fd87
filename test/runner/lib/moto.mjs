// Starts moto's AWS mock server on 127.0.0.1, in its own process group: `python3 motoServer.py`, which is
// `python3 -m moto.server` with origins keeping OriginAccessControlId and S3OriginConfig (see that file).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort.mjs';
import { spawnGroup } from './processes.mjs';
import { waitForHttp } from './waitFor.mjs';

/**
 * moto's server with this project's patches. Unit suites bundle this module as CommonJS, where
 * import.meta.url is empty: they run from the repository root, where the relative path holds.
 */
const MOTO_SERVER = import.meta.url ? fileURLToPath(new URL('./motoServer.py', import.meta.url)) : resolve('test/runner/lib/motoServer.py');

/**
 * @typedef {object} Moto
 * @property {string} url e.g. http://127.0.0.1:40123 — use it as the AWS endpoint
 * @property {number} port
 * @property {() => Promise<void>} stop stops the server's whole process group; idempotent
 */

/**
 * @param {{ port?: number, logFile?: string, python?: string, timeoutMs?: number }} [options]
 *   port: fixed port (default: a free one); logFile: server output (default: inherited stdio);
 *   python: interpreter (default $CFPC_PYTHON or python3)
 * @returns {Promise<Moto>}
 */
export async function startMoto({ port, logFile, python = process.env.CFPC_PYTHON || 'python3', timeoutMs = 30000 } = {}) {
  // With a free port picked for us another process may grab it before moto binds: retry a few times.
  for (let attempt = 1; ; attempt++) {
    const chosen = port ?? (await freePort());
    const url = `http://127.0.0.1:${chosen}`;
    // moto's server may read AWS settings from the environment; it must never see real credentials.
    /** @type {NodeJS.ProcessEnv} */
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };
    delete env.AWS_PROFILE;
    delete env.AWS_DEFAULT_PROFILE;
    delete env.AWS_SESSION_TOKEN;
    const group = spawnGroup(python, [MOTO_SERVER, '-H', '127.0.0.1', '-p', String(chosen)], { name: 'moto', env, logFile });
    try {
      await waitForHttp(url, { timeoutMs, exited: group.exited, name: 'moto' });
      return { url, port: chosen, stop: group.stop };
    } catch (error) {
      await group.stop();
      if (port !== undefined || attempt >= 3) {
        throw new Error(`${/** @type {Error} */ (error).message}${logFile ? ` (log: ${logFile})` : ''}; is moto installed (python3 -m pip install 'moto[server]')?`);
      }
    }
  }
}

/**
 * Empties every account and region of a moto server (its `/moto-api/reset`), so that what runs next
 * sees only what it creates itself.
 * @param {string} url
 */
export async function resetMoto(url) {
  const answer = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
  if (!answer.ok) throw new Error(`moto did not reset (${answer.status} ${answer.statusText})`);
}
