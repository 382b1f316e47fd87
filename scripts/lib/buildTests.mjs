// Bundles the TypeScript test suites into out/test/ so mocha can load them as plain CommonJS.
// Packages stay external: tests use the same installed modules the extension bundles.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} dir @param {string} suffix */
function findFiles(dir, suffix) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name));
}

/**
 * @param {'unit' | 'integration'} kind
 * @returns {Promise<string[]>} the built .js test files
 */
export async function buildTests(kind) {
  const sourceDir = join('test', kind);
  rmSync(join('out', 'test', kind), { recursive: true, force: true });
  const entryPoints = findFiles(sourceDir, '.ts').filter((f) => f.endsWith('.test.ts') || f.endsWith('index.ts'));
  entryPoints.push(join('test', 'support', 'runMocha.ts'));
  await esbuild.build({
    entryPoints,
    outbase: 'test',
    outdir: join('out', 'test'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    packages: 'external',
    external: ['vscode'],
    // Fixture keys (test/fixtures/keys/index.ts) are bundled as text.
    loader: { '.pem': 'text' },
    logLevel: 'warning',
  });
  return findFiles(join('out', 'test', kind), '.test.js').sort();
}
