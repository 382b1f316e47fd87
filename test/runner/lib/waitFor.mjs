// Polls an HTTP URL until it answers, failing early when the server process exits.
import { sleep } from './processes.mjs';

/**
 * Resolves once `url` answers (with any status, or only 2xx when `ok` is true).
 * @param {string} url
 * @param {{ timeoutMs?: number, ok?: boolean, exited?: Promise<{ code: number | null, signal: string | null }>, name?: string }} [options]
 *   exited: the server's exit promise; if it settles first, this rejects at once
 */
export async function waitForHttp(url, { timeoutMs = 30000, ok = false, exited, name = url } = {}) {
  let gone = /** @type {{ code: number | null, signal: string | null } | undefined} */ (undefined);
  exited?.then((result) => (gone = result));
  const end = Date.now() + timeoutMs;
  /** @type {unknown} */
  let lastError;
  while (Date.now() < end) {
    if (gone) throw new Error(`${name} exited before it was ready (code ${gone.code}, signal ${gone.signal})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (!ok || response.ok) return;
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await sleep(150);
  }
  throw new Error(`${name} not ready at ${url} after ${timeoutMs} ms: ${/** @type {Error} */ (lastError)?.message ?? lastError}`);
}
