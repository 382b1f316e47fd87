// UI test of "CloudFront: Create Key Pair" at 1440×900, as a person would, mostly with Enter: the
// name and the key group name take the defaults their boxes show, the step counter counts 1/N … N/N
// with one N, Enter with no behavior ticked says why in the title (gone once a row is ticked), Enter
// right after clicking a behavior's checkbox goes on (it does not un-tick the row), and every row of
// the confirm step can be read in full (no ellipsis). The confirm step's screenshot is the README's;
// the notification at the end names the key, the key group and the behaviors restricted.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { GetDistributionConfigCommand, ListPublicKeysCommand } from '@aws-sdk/client-cloudfront';
import { runCommand, until, waitForWorkbench } from './lib/workbench.mjs';
import { cloudFrontClient, createDistribution } from './lib/account.mjs';

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function keyPairWizard({ page, outputDir, motoUrl, log }) {
  // The workbench lays itself out once, at load: resize, then load it again at 1440×900.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.reload();
  await waitForWorkbench(page);
  if ((await page.locator('.monaco-workbench').boundingBox())?.width !== 1440) throw new Error('the workbench is not 1440 pixels wide');
  const client = cloudFrontClient(motoUrl);
  const suffix = randomUUID().slice(0, 8);
  const distribution = await createDistribution(client, {
    name: `ui-wizard-${suffix}`,
    comment: `Paid downloads and premium video for the members area ${suffix}`,
    pathPatterns: ['/downloads/paid/*', '/premium/videos/*'],
  });
  log(`created distribution ${distribution.Id}`);

  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  const title = widget.locator('.quick-input-title');
  const rows = widget.locator('.quick-input-list .monaco-list-row');
  const row = (text) => rows.filter({ hasText: text }).first();
  /** @type {string[]} */
  const counters = [];
  /** The step the widget shows now, once it is not `previous` any more; its "(n/N)" is recorded. */
  const nextStep = async (previous) => {
    const shown = await until(
      async () => {
        const text = (await title.innerText({ timeout: 500 })).trim();
        return text && text !== previous ? text : undefined;
      },
      `the step after "${previous}"`,
      20000,
    );
    counters.push(/\((\d+\/\d+)\)/.exec(shown)?.[1] ?? `no counter in "${shown}"`);
    return shown;
  };
  const enter = async () => {
    await page.waitForTimeout(400); // validation runs as the user types; a person reads before Enter
    const before = (await title.innerText()).trim();
    await page.keyboard.press('Enter');
    return nextStep(before);
  };

  await runCommand(page, 'CloudFront: Create Key Pair');
  await input.waitFor({ state: 'visible', timeout: 20000 });
  await nextStep('');
  // 1. The name box is empty and shows a default: Enter takes it.
  const defaultName = await input.getAttribute('placeholder');
  if ((await input.inputValue()) !== '' || !defaultName) throw new Error(`the name box should be empty with a default shown, not value "${await input.inputValue()}" placeholder "${defaultName}"`);
  await enter();
  log(`took the default name ${defaultName}`);
  // 2. RSA 2048 is the active row; 3. this machine's secret storage; 5. a new key group; 6. its default name.
  await row('RSA 2048').waitFor({ timeout: 20000 });
  await enter();
  await row('This machine').waitFor({ timeout: 20000 });
  await enter();
  await row('New key group').waitFor({ timeout: 20000 });
  await enter();
  const defaultGroup = await input.getAttribute('placeholder');
  if (!defaultGroup) throw new Error('the key group name box shows no default');
  await enter();
  log(`took the default key group name ${defaultGroup}`);
  // 5. The distribution, typed once the list is there (as a person reads it first).
  await row('Not now').waitFor({ timeout: 20000 });
  await input.fill(distribution.Id);
  await row(distribution.Id).waitFor({ timeout: 20000 });
  await enter();

  // 6. The behaviors: Enter with none ticked says why, in the title, until a row is ticked.
  const paid = row('/downloads/paid/*');
  await paid.waitFor({ timeout: 20000 });
  const behaviorsTitle = (await title.innerText()).trim();
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
  await until(async () => /Choose at least one cache behavior/.test(await title.innerText()), 'the title to say that a behavior must be chosen', 5000);
  await paid.locator('.quick-input-list-checkbox, input[type=checkbox], .monaco-custom-toggle').first().click();
  await until(async () => (await title.innerText()).trim() === behaviorsTitle, `the title to be "${behaviorsTitle}" again once a row is ticked`, 5000);
  // Enter right after the click (the checkbox has the focus) goes on to the confirm step.
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
  await nextStep(behaviorsTitle);
  log('Enter after ticking /downloads/paid/* went on');

  // 7. The confirm step: every row is readable in full.
  await row('Create').waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
  const confirmRows = await rows.evaluateAll((list) =>
    list.map((r) => ({
      text: /** @type {HTMLElement} */ (r).innerText.replace(/\s+/g, ' ').trim(),
      clipped: [
        ...r.querySelectorAll(
          '.monaco-icon-label-container, .monaco-icon-name-container, .label-name, .label-description, .quick-input-list-label, .quick-input-list-detail, .monaco-highlighted-label',
        ),
      ]
        .filter((e) => e.scrollWidth > e.clientWidth) // wider than shown: cut off, with an ellipsis
        .map((e) => `${e.className}: ${e.textContent} (${e.scrollWidth} > ${e.clientWidth})`),
    })),
  );
  log(`confirm rows: ${JSON.stringify(confirmRows.map((r) => r.text))}`);
  const clipped = confirmRows.filter((r) => r.clipped.length);
  if (clipped.length) throw new Error(`confirm rows cut off: ${JSON.stringify(clipped)}`);
  const all = confirmRows.map((r) => r.text).join('\n');
  for (const word of [defaultName, defaultGroup, 'RSA 2048', distribution.Id, '/downloads/paid/*']) {
    if (!all.includes(word)) throw new Error(`the confirm step does not say ${word}: ${all}`);
  }
  if (all.includes('/premium/videos/*')) throw new Error(`the confirm step names a behavior that was not ticked: ${all}`);
  // One N throughout, numbers only going up from 1 to N: a step this run does not need (the secret's name,
  // asked only for Secrets Manager) is passed over, never renumbered.
  const steps = counters.map((c) => c.split('/').map(Number));
  const total = steps[0]?.[1];
  if (!steps.every(([, n]) => n === total) || steps[0]?.[0] !== 1 || steps.at(-1)?.[0] !== total || !steps.every(([k], i) => i === 0 || k > steps[i - 1][0])) {
    throw new Error(`the step counter should go 1/N … N/N with one N, only upwards: ${counters.join(' → ')}`);
  }
  log(`step counter: ${counters.join(' → ')}`);
  await page.screenshot({ path: join(outputDir, 'key-pair-wizard-confirm.png') });

  // Create: the notification names the key, the key group and the behavior.
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 20000 });
  // This workbench shows no toasts (the smoke-test driver): read the notification in the center.
  const created = page.locator('.notifications-center .notification-list-item-message', { hasText: 'Created' }).first();
  await until(
    async () => {
      if (!(await created.isVisible())) await runCommand(page, 'Notifications: Show Notifications');
      return created.isVisible();
    },
    'the "Created" notification',
    60000,
  );
  const message = (await created.innerText()).replace(/\s+/g, ' ');
  log(`notification: ${message}`);
  for (const word of [defaultName, defaultGroup, '/downloads/paid/*', distribution.Id]) {
    if (!message.includes(word)) throw new Error(`the notification does not name ${word}: ${message}`);
  }
  const { PublicKeyList } = await client.send(new ListPublicKeysCommand({}));
  if (!PublicKeyList.Items?.some((k) => k.Name === defaultName)) throw new Error(`CloudFront holds no public key named ${defaultName}`);
  const { DistributionConfig } = await client.send(new GetDistributionConfigCommand({ Id: distribution.Id }));
  const trusted = DistributionConfig.CacheBehaviors.Items.map((b) => `${b.PathPattern}:${b.TrustedKeyGroups?.Quantity ?? 0}`);
  if (trusted.join(' ') !== '/downloads/paid/*:1 /premium/videos/*:0') throw new Error(`behaviors trust ${trusted.join(' ')}`);
  client.destroy();
}
