// The local edge (`npm run edge`, scripts/edge.mjs) for UI tests: started on a free port as its own
// process, standing in for a distribution, and a GET through it as a viewer's HTTPS request reaches it.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** GET through the edge as the viewer's request to https://host/path reaches it behind TLS. */
export function get(edgeUrl, host, path, cookie) {
  return new Promise((resolve, reject) => {
    const req = request(`${edgeUrl}${path}`, { headers: { host, cookie, 'x-forwarded-proto': 'https' } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `npm run edge` (scripts/edge.mjs) on a free port; resolves to its URL and a stop function. */
export function startEdge(args, log) {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'edge.mjs'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))));
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      for (const line of String(chunk).split('\n').filter(Boolean)) log(`edge: ${line}`);
      const url = /Local edge on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) resolve({ url, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the edge exited (${code}): ${output}`)));
  });
}
