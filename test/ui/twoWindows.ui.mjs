// UI test: two windows of one VS Code (two pages on the same code-server, in one browser profile, each
// with its own extension host) change keys at the same time: both create a key pair; a third window
// opened then (a fresh extension host reading what was stored) lists both too; then each of the first
// two deletes its key at the same moment. Throughout, the key index every window lists ("Delete Local
// Private Key" shows it) is the same.
//
// Each window deletes its own key: in VS Code for the Web a window's SecretStorage is its own copy
// (loaded once from localStorage, written back whole on each change, no change events to other
// windows), so a window cannot delete, or even read, a private key another window created.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CloudFrontClient, ListPublicKeysCommand } from '@aws-sdk/client-cloudfront';
import { answer, runCommand, until, waitForWorkbench } from './lib/workbench.mjs';

/**
 * "CloudFront: Create Key Pair" from the palette: an ECDSA key in a new key group, no behaviors.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function createKeyPair(page, name) {
  await runCommand(page, 'CloudFront: Create Key Pair');
  await answer(page, name);
  await answer(page, 'ECDSA', { rowText: 'ECDSA P-256' });
  await answer(page, 'This machine', { rowText: 'This machine' });
  await answer(page, 'New key group', { rowText: 'New key group' });
  await answer(page, `${name}-group`);
  await answer(page, 'Not now', { rowText: 'Not now' });
  await answer(page, 'Create', { rowText: 'Create' });
}

/**
 * The names of the local keys whose name contains `filter`, as "Delete Local Private Key" offers them
 * (its pick lists the window's key index); the pick is dismissed.
 * @param {import('playwright-core').Page} page
 * @param {string} filter
 */
async function localKeys(page, filter) {
  await page.bringToFront(); // the palette's key press goes to the page in front
  await runCommand(page, 'CloudFront: Delete Local Private Key');
  const widget = page.locator('.quick-input-widget');
  const opened = await widget
    .locator('.quick-input-box input')
    .waitFor({ state: 'visible', timeout: 1000 })
    .then(
      () => true,
      () => false, // no keys at all: the command says so instead of asking
    );
  if (!opened) return [];
  await widget.locator('.quick-input-box input').fill(filter);
  await page.waitForTimeout(300);
  // A row reads "name  publicKeyId · algorithm" over the fingerprint; its aria-label starts with the name.
  const labels = await widget.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  return labels
    .map((label) => label.split(/[\s,]/)[0] ?? '')
    .filter((name) => name.includes(filter))
    .sort();
}

/**
 * "Delete Local Private Key" for the key named `name`, confirmed in the modal dialog.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function deleteLocalKey(page, name) {
  await runCommand(page, 'CloudFront: Delete Local Private Key');
  await answer(page, name, { rowText: name });
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 10000 });
  await dialog.locator('.monaco-button', { hasText: 'Delete' }).first().click();
  await dialog.waitFor({ state: 'hidden', timeout: 10000 });
}

/**
 * Every window lists exactly `expected` (the keys of this test), polled: another window's index write
 * reaches a window a moment later, and each window checks the index again a second after a change.
 * @param {import('playwright-core').Page[]} pages
 * @param {string} filter
 * @param {string[]} expected
 * @param {string} what
 */
async function allList(pages, filter, expected, what) {
  let seen = /** @type {string[][]} */ ([]);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the other windows' writes land, and each window's check a moment later
  try {
    await until(
      async () => {
        seen = [];
        for (const page of pages) seen.push(await localKeys(page, filter));
        return seen.every((list) => JSON.stringify(list) === JSON.stringify([...expected].sort()));
      },
      what,
      20000,
    );
  } catch {
    throw new Error(`${what}: expected ${JSON.stringify(expected)} in every window, they list ${JSON.stringify(seen)}`);
  }
}

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function twoWindows({ page, outputDir, motoUrl, log }) {
  const client = new CloudFrontClient({ endpoint: motoUrl, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const suffix = randomUUID().slice(0, 8);
  const [a, b] = [`tw-a-${suffix}`, `tw-b-${suffix}`];
  const second = await page.context().newPage();
  /** @type {import('playwright-core').Page | undefined} */
  let third;
  try {
    await second.goto(page.url());
    await waitForWorkbench(second);
    log('second window ready');

    // 1. Both create a key pair at the same moment.
    await Promise.all([createKeyPair(page, a), createKeyPair(second, b)]);
    await until(async () => {
      const { PublicKeyList } = await client.send(new ListPublicKeysCommand({}));
      const names = (PublicKeyList?.Items ?? []).map((k) => k.Name);
      return names.includes(a) && names.includes(b);
    }, 'both public keys in CloudFront');
    await allList([page, second], suffix, [a, b], 'after creating at the same time');
    log(`both windows list ${a} and ${b}`);

    // 2. A window opened now (a new extension host) reads the same index from storage.
    third = await page.context().newPage();
    await third.goto(page.url());
    await waitForWorkbench(third);
    await allList([third], suffix, [a, b], 'in a window opened afterwards');
    log('a third window, opened afterwards, lists both');

    // 3. Each of the first two deletes its key, at the same moment.
    await Promise.all([deleteLocalKey(page, a), deleteLocalKey(second, b)]);
    await allList([page, second, third], suffix, [], 'after deleting at the same time');
    log('all three windows list neither key');
    await page.screenshot({ path: join(outputDir, 'two-windows.png') });
  } finally {
    await third?.close();
    await second.close();
    client.destroy();
  }
}
