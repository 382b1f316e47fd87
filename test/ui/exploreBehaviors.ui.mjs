// UI test, as a person would: with the sample account of `npm start` in CloudFront (here: moto), open
// the CloudFront side bar, refresh, expand the "Paid downloads" distribution and read which cache
// behaviors are restricted by which key group. The screenshot is the README's.
import { join } from 'node:path';
import { seedSample } from '../../scripts/lib/seedSample.mjs';
import { expandPane, runCommand, showViewContainer, treeRows } from './lib/workbench.mjs';

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function exploreBehaviors({ page, outputDir, motoUrl, log }) {
  const sample = await seedSample({ endpoint: motoUrl });
  const paid = sample.distributions.find((d) => d.comment.startsWith('Paid downloads'));
  if (!paid) throw new Error('seedSample created no "Paid downloads" distribution');
  log(`seeded ${paid.id} (${paid.domainName})`);

  await showViewContainer(page, { title: 'CloudFront', id: 'cloudfront' });
  await expandPane(page, 'Distributions');
  await runCommand(page, 'CloudFront: Refresh');
  const rows = treeRows(page, 'Distributions');
  const distribution = rows.filter({ hasText: paid.id }).first();
  await distribution.waitFor({ state: 'visible', timeout: 30000 });
  await distribution.click();
  log('expanded the distribution');

  // Children come in CloudFront's evaluation order: the origin, path patterns as listed, then the default.
  const expected = [
    ['sample-downloads', 'S3'],
    ['/paid/*', 'restricted by key groups: media-signers'],
    ['/reports/*.pdf', 'restricted by key groups: media-signers, reports-signers'],
    ['/public/*', 'unrestricted: serves content to anyone'],
    ['Default (*)', 'unrestricted: serves content to anyone'],
  ];
  const last = rows.filter({ hasText: 'Default (*)' }).first();
  await last.waitFor({ state: 'visible', timeout: 30000 });
  const texts = (await rows.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  const start = texts.findIndex((t) => t.includes(paid.id));
  const children = texts.slice(start + 1, start + 1 + expected.length);
  log(`rows: ${JSON.stringify(children)}`);
  expected.forEach(([label, description], i) => {
    const text = children[i] ?? '';
    if (!text.startsWith(label) || !text.includes(description)) {
      throw new Error(`row ${i + 1} under ${paid.id} should be "${label} … ${description}", the tree shows ${JSON.stringify(children)}`);
    }
  });
  // Widen the side bar, as a person would to read the descriptions, by dragging its edge.
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (sidebar) {
    const edge = { x: sidebar.x + sidebar.width + 1, y: sidebar.y + sidebar.height / 2 };
    await page.mouse.move(edge.x, edge.y);
    await page.mouse.down();
    await page.mouse.move(edge.x + 360, edge.y, { steps: 8 });
    await page.mouse.up();
  }
  await page.screenshot({ path: join(outputDir, 'explore-behaviors.png') });
}
