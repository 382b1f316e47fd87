// UI test, as a person would: choose the default credential chain with "CloudFront: Choose AWS
// Profile", then open the Getting Started walkthrough from the palette ("Open Walkthrough...") and
// see its five steps, the first one checked off by that choice. The screenshot is the README's.
import { join } from 'node:path';
import { runCommand } from './lib/workbench.mjs';

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function walkthrough({ page, outputDir, log }) {
  const widget = page.locator('.quick-input-widget');
  await runCommand(page, 'Open Walkthrough', { rowText: /Open Walkthrough/ });
  const input = widget.locator('.quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill('CloudFront');
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with CloudFront Private Content' }).first().click();

  const steps = page.locator('button.getting-started-step');
  const titles = ['Choose an AWS profile', 'Create a key pair', 'Restrict a cache behavior', 'Sign a URL', 'Diagnose a URL'];
  for (const title of titles) await steps.filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: 20000 });
  log(`the walkthrough shows its five steps: ${JSON.stringify(await steps.evaluateAll((list) => list.map((b) => b.getAttribute('data-step-id'))))}`);

  // The step's button opens the profile pick; the step is checked off by the choice, not the click.
  const first = steps.filter({ hasText: titles[0] }).first();
  await first.click();
  await page.waitForTimeout(1000); // the step expands and takes focus; a pick opened before would close
  await page.locator('.getting-started-step .button-link, .getting-started-step a.button-link, .getting-started-step .monaco-button', { hasText: 'Choose AWS Profile' }).first().click();
  const defaultChain = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Default credential chain' }).first();
  await defaultChain.waitFor({ timeout: 20000 });
  await page.waitForTimeout(300); // the list settles before Enter takes its first row
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 10000 });
  log('chose the default credential chain');
  // VS Code marks a completed step aria-checked="true" once its onContext: key is true.
  for (let i = 0; (await first.getAttribute('aria-checked')) !== 'true'; i++) {
    if (i > 50) throw new Error(`"${titles[0]}" is not checked off after choosing a profile`);
    await page.waitForTimeout(200);
  }
  log('"Choose an AWS profile" is checked off');
  await steps.filter({ hasText: titles[1] }).first().click(); // the next step, with its markdown
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(outputDir, 'walkthrough.png') });
}
