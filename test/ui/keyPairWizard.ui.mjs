// UI test of "CloudFront: Create Key Pair" at 1440×900, as a person would, mostly with Enter: the
// name and the key group name take the defaults their boxes show, the step counter counts 1/N … N/N
// with one N and no jump (a follow-up question shares its step's number), Enter with no behavior
// ticked says why in the title (gone once a row is ticked), Enter right after clicking a behavior's
// checkbox goes on (it does not un-tick the row), the behavior step's placeholder shows whole, and
// every row of the confirm step can be read in full (no ellipsis). The confirm step's screenshot is
// the README's; the notification at the end names the key, the key group and the behaviors
// restricted. Then the Keys view at the side bar's default width shows where the new key's private
// key lives, not cut off; and a second run, with the private key in a new KMS key, shows its confirm
// rows in full too before it is cancelled.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { GetDistributionConfigCommand, ListPublicKeysCommand } from '@aws-sdk/client-cloudfront';
import { expandPane, runCommand, showViewContainer, treeRows, until, waitForWorkbench } from './lib/workbench.mjs';
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
  /**
   * What tells one step from the next: its title and its placeholder (a follow-up question, such as the
   * new group's name after "New key group", shares its step's title and counter). Both are read in one
   * go inside the page: read one after the other, the title could be the step before's and the
   * placeholder the next one's (a counter that seemed to lag one step).
   */
  const stepShown = async () =>
    widget.evaluate(
      (element) => {
        const titleText = element.querySelector('.quick-input-title')?.textContent?.trim() ?? '';
        return `${titleText} | ${element.querySelector('.quick-input-box input')?.getAttribute('placeholder') ?? ''}`;
      },
      undefined,
      { timeout: 500 },
    );
  /** The step the widget shows now, once it is not `previous` any more; its "(n/N)" is recorded. */
  const nextStep = async (previous) => {
    const shown = await until(
      async () => {
        const text = await stepShown().catch(() => '');
        return !text.startsWith(' |') && text && text !== previous ? text : undefined;
      },
      `the step after "${previous}"`,
      20000,
    );
    counters.push(/\((\d+\/\d+)\)/.exec(shown)?.[1] ?? `no counter in "${shown}"`);
    return shown;
  };
  const enter = async () => {
    await page.waitForTimeout(400); // validation runs as the user types; a person reads before Enter
    const before = await stepShown();
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

  // 6. The behaviors: the placeholder shows whole; Enter with none ticked says why, in the title, until a row is ticked.
  const paid = row('/downloads/paid/*');
  await paid.waitFor({ timeout: 20000 });
  await placeholderShowsWhole(input, log);
  const behaviorsTitle = (await title.innerText()).trim();
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
  await until(async () => /Choose at least one cache behavior/.test(await title.innerText()), 'the title to say that a behavior must be chosen', 5000);
  await paid.locator('.quick-input-list-checkbox, input[type=checkbox], .monaco-custom-toggle').first().click();
  await until(async () => (await title.innerText()).trim() === behaviorsTitle, `the title to be "${behaviorsTitle}" again once a row is ticked`, 5000);
  // Enter right after the click (the checkbox has the focus) goes on to the confirm step.
  await page.waitForTimeout(400);
  const behaviorsStep = await stepShown();
  await page.keyboard.press('Enter');
  await nextStep(behaviorsStep);
  log('Enter after ticking /downloads/paid/* went on');

  // 7. The confirm step: every row is readable in full.
  await row('Create').waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
  const confirmRows = await readableRows(rows, 'confirm rows', log);
  const all = confirmRows.map((r) => r.text).join('\n');
  for (const word of [defaultName, defaultGroup, 'RSA 2048', distribution.Id, '/downloads/paid/*']) {
    if (!all.includes(word)) throw new Error(`the confirm step does not say ${word}: ${all}`);
  }
  if (all.includes('/premium/videos/*')) throw new Error(`the confirm step names a behavior that was not ticked: ${all}`);
  // One N throughout, numbers only going up from 1 to N: a step this run does not need (the secret's name,
  // asked only for Secrets Manager) is passed over, never renumbered.
  // A follow-up question (the group's name, the behaviors) shares its step's number; no number is skipped.
  const steps = counters.map((c) => c.split('/').map(Number));
  const total = steps[0]?.[1];
  if (!steps.every(([, n]) => n === total) || steps[0]?.[0] !== 1 || steps.at(-1)?.[0] !== total || !steps.every(([k], i) => i === 0 || k === steps[i - 1][0] || k === steps[i - 1][0] + 1)) {
    throw new Error(`the step counter should go 1/N … N/N with one N, upwards without a jump: ${counters.join(' → ')}`);
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

  // The Keys view at the side bar's default width: the new key's row says where its private key lives, uncut.
  await showViewContainer(page, { title: 'CloudFront', id: 'cloudfront' });
  await expandPane(page, 'Keys');
  const keyRow = treeRows(page, 'Keys').filter({ hasText: defaultName }).first();
  await keyRow.waitFor({ state: 'visible', timeout: 30000 });
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  const shown = await keyRow.evaluate((r) => {
    const container = r.querySelector('.monaco-icon-label-container');
    const description = r.querySelector('.label-description');
    const name = r.querySelector('.label-name');
    const text = description?.firstChild;
    const storage = (description?.textContent ?? '').split(' · ')[0];
    if (!container || !description || !text || !name) return { error: `no label parts in "${r.textContent}"` };
    const range = r.ownerDocument.createRange();
    range.setStart(text, 0);
    range.setEnd(text, storage.length);
    return {
      description: description.textContent,
      storage,
      storageRight: range.getBoundingClientRect().right,
      nameCut: name.scrollWidth > name.clientWidth,
      visibleRight: Math.min(container.getBoundingClientRect().right, r.getBoundingClientRect().right),
    };
  });
  log(`Keys view at a side bar ${sideBar?.width}px wide: ${JSON.stringify(shown)}`);
  if ('error' in shown) throw new Error(shown.error);
  if (shown.storage !== 'this machine') throw new Error(`the row does not start its description with where the private key lives: "${shown.description}"`);
  if (shown.nameCut || shown.storageRight > shown.visibleRight + 0.5) throw new Error(`the key row cuts off its name or where its private key lives: ${JSON.stringify(shown)}`);

  // A second run, the private key in a new KMS key: the behavior placeholder and every confirm row show whole; then Cancel.
  await runCommand(page, 'CloudFront: Create Key Pair');
  await input.waitFor({ state: 'visible', timeout: 20000 });
  await nextStep('');
  await enter(); // the default name
  await row('RSA 2048').waitFor({ timeout: 20000 });
  await enter();
  const kms = row('KMS'); // the first KMS row is the new KMS key's (existing keys follow it)
  await kms.waitFor({ timeout: 20000 });
  await page.waitForTimeout(400);
  const storageStep = await stepShown();
  await kms.click();
  await nextStep(storageStep);
  await row('New key group').waitFor({ timeout: 20000 });
  await enter();
  await enter(); // the default group name
  await row('Not now').waitFor({ timeout: 20000 });
  await input.fill(distribution.Id);
  await row(distribution.Id).waitFor({ timeout: 20000 });
  await enter();
  await paid.waitFor({ timeout: 20000 });
  await placeholderShowsWhole(input, log);
  await paid.locator('.quick-input-list-checkbox, input[type=checkbox], .monaco-custom-toggle').first().click();
  await page.waitForTimeout(400);
  const kmsBehaviorsStep = await stepShown();
  await page.keyboard.press('Enter');
  await nextStep(kmsBehaviorsStep);
  await row('Create').waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
  const kmsRows = await readableRows(rows, 'KMS confirm rows', log);
  if (!kmsRows.some((r) => r.text.includes('Private key in a new AWS KMS key') && r.text.includes('alias/cloudfront/')))
    throw new Error(`the confirm step does not say the KMS key: ${JSON.stringify(kmsRows)}`);
  await row('Cancel').click();
  await widget.waitFor({ state: 'hidden', timeout: 20000 });
}

/** The rows of the quick pick, each refused when any part of it is wider than shown (cut off, with an ellipsis). */
async function readableRows(rows, what, log) {
  const shown = await rows.evaluateAll((list) =>
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
  log(`${what}: ${JSON.stringify(shown.map((r) => r.text))}`);
  const clipped = shown.filter((r) => r.clipped.length);
  if (clipped.length) throw new Error(`${what} cut off: ${JSON.stringify(clipped)}`);
  return shown;
}

/** The input's placeholder, measured in the input's own font, fits the box (a placeholder has no scrollWidth of its own). */
async function placeholderShowsWhole(input, log) {
  const fit = await input.evaluate((box) => {
    const style = box.ownerDocument.defaultView.getComputedStyle(box);
    const context = box.ownerDocument.createElement('canvas').getContext('2d');
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { placeholder: box.placeholder, width: context.measureText(box.placeholder).width, room };
  });
  log(`placeholder "${fit.placeholder}": ${Math.ceil(fit.width)}px of ${fit.room}px`);
  if (!fit.placeholder || fit.width > fit.room) throw new Error(`the placeholder is cut off: ${JSON.stringify(fit)}`);
}
