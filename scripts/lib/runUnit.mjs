// Builds and runs the unit suites (no `vscode`) in this Node process; writes counts for scripts/test.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { buildTests } from './buildTests.mjs';

const require = createRequire(import.meta.url);
const grepIndex = process.argv.indexOf('--grep');
const files = (await buildTests('unit')).map((f) => resolve(f));
const { runMocha } = require(resolve('out/test/support/runMocha.js'));
const counts = await runMocha({ files, label: 'unit', timeoutMs: 20000, grep: grepIndex >= 0 ? process.argv[grepIndex + 1] : undefined });
if (process.env.CFPC_COUNTS_FILE) {
  mkdirSync(dirname(process.env.CFPC_COUNTS_FILE), { recursive: true });
  writeFileSync(process.env.CFPC_COUNTS_FILE, JSON.stringify(counts));
}
process.exit(counts.failed > 0 ? 1 : 0);
