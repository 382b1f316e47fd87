// UI test: the Getting Started walkthrough is reachable from the CloudFront views themselves, as a
// person finds it: the "…" (Views and More Actions) menu of the Keys view's title bar offers "Get
// Started", which opens the walkthrough with its five steps.
import { expandPane, showViewContainer, until } from './lib/workbench.mjs';

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function walkthroughFromViews({ page, log }) {
  await showViewContainer(page, { title: 'CloudFront', id: 'cloudfront' });
  await expandPane(page, 'Keys');
  const header = page.locator('.part.sidebar .pane-header', { hasText: 'Keys' }).first();
  await header.waitFor({ state: 'visible', timeout: 20000 });
  await header.hover(); // a pane's title actions show while the pointer is over its header
  const more = header.locator('.action-label[aria-label*="More Actions"]').first();
  await more.waitFor({ state: 'visible', timeout: 10000 });
  await more.click();
  const item = page.locator('.monaco-menu .action-item', { hasText: 'Get Started' }).first();
  await item.waitFor({ state: 'visible', timeout: 10000 });
  log('the Keys view title menu offers "Get Started"');
  await item.click();

  const steps = page.locator('button.getting-started-step');
  const titles = ['Choose an AWS profile', 'Create a key pair', 'Restrict a cache behavior', 'Sign a URL', 'Diagnose a URL'];
  await until(async () => (await steps.count()) >= titles.length, 'the walkthrough to open with its steps', 20000);
  for (const title of titles) await steps.filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: 20000 });
  log('"Get Started" opened the walkthrough with its five steps');
}
