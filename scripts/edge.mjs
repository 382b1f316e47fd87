// `npm run edge`: a local stand-in for a CloudFront distribution with a restricted behavior (see
// scripts/edge/server.ts), to try signed URLs and cookies without AWS. Ctrl-C stops it.
//
//   npm run edge -- --root DIR --public-key ID=PEM_FILE [--public-key ID2=PEM_FILE2]
//                   [--path-pattern '/paid/*'] [--key-group NAME] [--port 8787]
//
// Without --path-pattern the default behavior (*) is restricted; with it, that pattern is and the
// default behavior serves anyone. The key group holds every --public-key (SPKI PEM, or a private key
// PEM, whose public half is used). Refusals are CloudFront's XML errors; missing files are S3's NoSuchKey.
// Builds scripts/edge/server.ts with esbuild first.
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const OUTFILE = 'out/edge/server.js';

function usage(message) {
  console.error(`${message}\nusage: npm run edge -- --root DIR --public-key ID=PEM_FILE [--path-pattern PATTERN] [--key-group NAME] [--port PORT]`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: '.' },
    port: { type: 'string', default: '8787' },
    'public-key': { type: 'string', multiple: true, default: [] },
    'path-pattern': { type: 'string' },
    'key-group': { type: 'string', default: 'edge-signers' },
  },
});

const publicKeys = new Map();
for (const entry of values['public-key']) {
  const equals = entry.indexOf('=');
  if (equals <= 0) usage(`--public-key ${entry}: write it as KEY_ID=path/to/public-key.pem`);
  const id = entry.slice(0, equals);
  let pem;
  try {
    pem = createPublicKey(readFileSync(entry.slice(equals + 1), 'utf8'))
      .export({ type: 'spki', format: 'pem' })
      .toString();
  } catch (error) {
    usage(`--public-key ${entry}: ${error.message}`);
  }
  publicKeys.set(id, pem);
}
if (publicKeys.size === 0) usage('Give at least one --public-key: the key group the restricted behavior trusts.');
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`--port ${values.port} is not a port number`);

await esbuild.build({ entryPoints: ['scripts/edge/server.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: OUTFILE, logLevel: 'warning' });
const { startEdge } = createRequire(import.meta.url)(resolve(OUTFILE));
const edge = await startEdge({
  root: values.root,
  port,
  publicKeys,
  keyGroupName: values['key-group'],
  ...(values['path-pattern'] !== undefined && { pathPattern: values['path-pattern'] }),
  log: (line) => console.log(line),
});
const restricted = values['path-pattern'] ?? 'Default (*)';
console.log(`Local edge on ${edge.url}, serving ${resolve(values.root)}`);
console.log(`Behavior ${restricted} trusts key group ${values['key-group']}: ${[...publicKeys.keys()].join(', ')}${values['path-pattern'] ? '; the default behavior serves anyone' : ''}.`);
console.log('Ctrl-C stops it.');
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void edge.close().then(() => process.exit(0));
  });
}
