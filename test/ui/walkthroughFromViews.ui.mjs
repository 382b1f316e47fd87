// UI test: the Getting Started walkthrough is reachable from the CloudFront views themselves, as a
// person finds it: the Keys view of an empty account links it in its welcome content, and the "…"
// (More Actions) menu of its title bar offers "Get Started", which opens the walkthrough with its
// five steps.
import { expandPane, showViewContainer, until } from './lib/workbench.mjs';

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function walkthroughFromViews({ page, log }) {
  await showViewContainer(page, { title: 'CloudFront', id: 'cloudfront' });
  await expandPane(page, 'Keys');
  // The runner empties moto before each UI test: the Keys view shows its welcome, with the link. Once it
  // shows, the view has loaded and its title bar no longer re-renders under the pointer.
  const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Keys' }) }).first();
  await pane.locator('a', { hasText: 'Get Started walkthrough' }).first().waitFor({ state: 'visible', timeout: 30000 });
  log('the Keys view welcome links the Get Started walkthrough');
  const header = pane.locator('.pane-header').first();
  const item = page.locator('.monaco-menu .action-item', { hasText: 'Get Started' }).first();
  // A menu closes when the workbench moves focus (a view finishing its load): then it is opened again.
  await until(
    async () => {
      await header.hover(); // a pane's title actions show while the pointer is over its header
      const more = header.locator('.action-label[aria-label*="More Actions"]').first();
      await more.waitFor({ state: 'visible', timeout: 10000 });
      if (!(await item.isVisible())) await more.click();
      await item.waitFor({ state: 'visible', timeout: 5000 });
      return item.click({ timeout: 3000 }).then(
        () => true,
        () => false,
      );
    },
    'a click on "Get Started" in the Keys view title menu',
    40000,
  );
  log('the Keys view title menu offers "Get Started"');

  const steps = page.locator('button.getting-started-step');
  const titles = ['Choose an AWS profile', 'Create a key pair', 'Restrict a cache behavior', 'Sign a URL', 'Diagnose a URL'];
  await until(async () => (await steps.count()) >= titles.length, 'the walkthrough to open with its steps', 20000);
  for (const title of titles) await steps.filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: 20000 });
  log('"Get Started" opened the walkthrough with its five steps');
}
