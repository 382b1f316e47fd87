// `npm run screenshots`: runs the UI tests (test/ui/*.ui.mjs, in the real VS Code against moto) and
// copies each screenshot the README shows, media/screenshots/<name>.png, from the file of the same
// name the tests wrote to test-output/ui/. A README image no UI test produced fails the run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readmeScreenshots } from './lib/readmeScreenshots.mjs';

// A UI test writes <name>.png only at its end (a failure writes <name>-failure.png), so what exists
// was seen by a passing test and is copied even when another UI test failed; the exit code tells.
const ui = spawnSync(process.execPath, ['test/runner/runIntegration.mjs', '--grep', 'ui: '], { stdio: 'inherit' });
mkdirSync(join('media', 'screenshots'), { recursive: true });
let missing = 0;
for (const name of readmeScreenshots()) {
  const produced = join('test-output', 'ui', name);
  if (!existsSync(produced)) {
    console.error(`README.md shows media/screenshots/${name}, but no UI test wrote ${produced}`);
    missing++;
    continue;
  }
  copyFileSync(produced, join('media', 'screenshots', name));
  console.log(`media/screenshots/${name} ← ${produced}`);
}
process.exit(missing ? 1 : (ui.status ?? 1));
