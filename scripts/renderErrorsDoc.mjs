// Writes docs/errors.md from the table of bad inputs (scripts/lib/errorsDoc.ts does the rendering; it is
// TypeScript, so esbuild bundles it first).   npm run docs:errors
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = await esbuild.build({
  entryPoints: [join(repoRoot, 'scripts', 'lib', 'errorsDoc.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'warning',
});
const { renderErrorsDoc } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
const target = join(repoRoot, 'docs', 'errors.md');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderErrorsDoc());
console.log(`wrote ${target}`);
