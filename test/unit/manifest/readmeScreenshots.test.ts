// The README shows what the current UI tests see: every image it references under media/screenshots/
// is checked in, and a UI test writes a screenshot of that name (`npm run screenshots` copies them).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeScreenshots } from '../../../scripts/lib/readmeScreenshots.mjs';

describe('README screenshots', () => {
  const images = readmeScreenshots();
  const uiTests = readdirSync(join('test', 'ui')).filter((name) => name.endsWith('.ui.mjs'));
  const written = new Set(uiTests.flatMap((name) => [...readFileSync(join('test', 'ui', name), 'utf8').matchAll(/screenshot\(\{\s*path:\s*join\(outputDir,\s*'([\w.-]+\.png)'\)/g)].map((m) => m[1])));

  it('shows at least the tree, the walkthrough and signing', () => {
    for (const name of ['explore-behaviors.png', 'walkthrough.png', 'sign-url.png']) assert.ok(images.includes(name), `README.md lacks ${name}`);
  });

  for (const image of images) {
    it(`${image} is checked in and written by a UI test`, () => {
      assert.ok(existsSync(join('media', 'screenshots', image)), `media/screenshots/${image} is missing: run npm run screenshots`);
      assert.ok(written.has(image), `no test/ui/*.ui.mjs writes ${image} (they write ${[...written].join(', ')})`);
    });
  }
});
