// Helpers for UI tests that drive the VS Code workbench in Chromium the way a person would.
// Selectors are VS Code's own DOM classes (1.139); keep them here so a VS Code update is one edit.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** @typedef {import('playwright-core').Page} Page */

/**
 * Waits until the workbench is rendered and connected to the remote extension host.
 * @param {Page} page
 * @param {{ timeoutMs?: number }} [options]
 */
export async function waitForWorkbench(page, { timeoutMs = 60000 } = {}) {
  await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
  await page.locator('.part.statusbar').waitFor({ timeout: timeoutMs });
  // The explorer shows the folder once the remote file system answers.
  await page.locator('.explorer-folders-view, .part.sidebar .pane-body').first().waitFor({ timeout: timeoutMs });
  // Keyboard focus goes to the workbench a moment after it renders; F1 before that is lost.
  await page.waitForTimeout(1000);
}

/**
 * Opens the command palette (F1; retried, since the first key press can be lost while the workbench
 * is still taking focus) and returns its input box.
 * @param {Page} page
 */
export async function openPalette(page) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let i = 0; i < 6 && !(await input.isVisible()); i++) {
    // The first try keeps the focus where it is (an editor selection must survive); later tries
    // click into the workbench first, in case the key press was lost while it took focus.
    if (i > 0)
      await page
        .locator('.monaco-workbench .part.editor')
        .click({ position: { x: 300, y: 200 } })
        .catch(() => {});
    await page.keyboard.press(i % 2 ? 'Control+Shift+P' : 'F1');
    await input.waitFor({ state: 'visible', timeout: 1500 }).catch(() => {});
  }
  await input.waitFor({ state: 'visible', timeout: 5000 });
  return input;
}

/**
 * Runs a command from the palette as a person would: F1, type `>` + text, wait for a matching row, Enter.
 * @param {Page} page
 * @param {string} text what to type after `>`, e.g. `CloudFront: Refresh`
 * @param {{ rowText?: string | RegExp, timeoutMs?: number }} [options] rowText: what the row must
 *   show before Enter is pressed (default: `text`)
 */
export async function runCommand(page, text, { rowText = text, timeoutMs = 15000 } = {}) {
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first();
  const deadline = Date.now() + timeoutMs;
  let input;
  // A palette opened before the extensions' commands were registered (a window just loaded or
  // reloaded) keeps the list it was opened with: a person closes it and opens it again.
  for (;;) {
    input = await openPalette(page);
    // In a window's first seconds the workbench can take the palette away again (it turns inert,
    // then closes; seen with the installed .vsix): a person opens it again.
    const typed = await input
      .fill('>' + text, { timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    if (!typed) {
      if (Date.now() >= deadline) throw new Error(`the command palette closed before "${text}" could be typed, each time until the deadline`);
      continue;
    }
    const found = await row
      .waitFor({ state: 'visible', timeout: Math.max(1000, Math.min(5000, deadline - Date.now())) })
      .then(() => true)
      .catch(() => false);
    if (found) break;
    const shown = await page
      .locator('.quick-input-list .monaco-list-row')
      .allInnerTexts()
      .catch(() => []);
    await page.keyboard.press('Escape');
    if (Date.now() >= deadline) throw new Error(`command palette has no entry for "${text}"; it shows: ${JSON.stringify(shown.slice(0, 10))}`);
  }
  // Enter runs the highlighted (first) row; if the best match is not the one we mean, click it instead.
  const focused = page.locator('.quick-input-list .monaco-list-row.focused').first();
  const focusedText = await focused.innerText().catch(() => '');
  const matches = typeof rowText === 'string' ? focusedText.includes(rowText) : rowText.test(focusedText);
  if (matches) await page.keyboard.press('Enter');
  else await row.click();
  // The palette closes, or the command's own quick pick or input box takes its place (no `>` any more).
  await until(async () => !(await input.isVisible()) || !(await input.inputValue({ timeout: 500 })).startsWith('>'), 'the command to start', 5000).catch(() => {});
}

/**
 * Shows a view container (activity bar item), clicking its activity-bar icon like a person, or,
 * when the icon is not there (e.g. overflowed), through the palette.
 * @param {Page} page
 * @param {{ title: string, id: string }} container title (aria-label of the icon) and view container id
 */
export async function showViewContainer(page, { title, id }) {
  const label = JSON.stringify(title);
  const item = page.locator(`.part.activitybar .action-item[aria-label*=${label}], .part.activitybar .action-item:has([aria-label*=${label}])`).first();
  if (await item.isVisible().catch(() => false)) {
    const open = (await item.getAttribute('class', { timeout: 2000 }).catch(() => ''))?.split(/\s+/).includes('checked');
    if (!open) await item.click();
  } else {
    await runCommand(page, `View: Show ${title}`, { rowText: new RegExp(`Show ${title}`) }).catch(async (error) => {
      // Last resort: the command id (`workbench.view.extension.<id>`) is not typeable in the palette, so say what failed.
      throw new Error(`no activity bar item "${title}" and ${error.message} (view container id ${id})`);
    });
  }
  await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: 10000 });
}

/**
 * A locator for the rows of one tree view in the side bar, found by its pane title.
 * @param {Page} page
 * @param {string | RegExp} paneTitle e.g. 'Distributions'
 */
export function treeRows(page, paneTitle) {
  const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: paneTitle }) });
  return pane.locator('.monaco-list-row');
}

/**
 * Expands a collapsed pane (view) in the side bar by its title; no-op when expanded or when the view
 * is the container's only one (its header is hidden then).
 * @param {Page} page
 * @param {string | RegExp} paneTitle
 */
export async function expandPane(page, paneTitle) {
  const header = page.locator('.part.sidebar .pane-header', { hasText: paneTitle }).first();
  if (!(await header.isVisible().catch(() => false))) return;
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
}

/**
 * Answers the quick input on screen: types `text`, waits for a row showing `rowText` (picks), Enter,
 * then waits until the next step is shown (its title or placeholder changes) or the input closes, as a person
 * reads the next question before answering it.
 * @param {Page} page
 * @param {string} text
 * @param {{ rowText?: string | RegExp, click?: boolean }} [options] click: click the row instead of
 *   Enter (a list that loaded after the typing may have no active row for Enter to take)
 */
export async function answer(page, text, { rowText, click = false } = {}) {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  const title = widget.locator('.quick-input-title');
  await input.waitFor({ state: 'visible', timeout: 20000 });
  await input.fill(text);
  if (rowText) await widget.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().waitFor({ timeout: 20000 });
  // Validation runs as the user types; give it a moment before Enter, as a person would.
  await page.waitForTimeout(400);
  // A follow-up question (a new key group's name) shares its step's title: the placeholder tells them apart.
  const stepShown = async () => `${await title.innerText({ timeout: 500 })} | ${(await input.getAttribute('placeholder', { timeout: 500 })) ?? ''}`;
  const before = await stepShown().catch(() => '');
  if (click && rowText) await widget.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().click();
  else await page.keyboard.press('Enter');
  await until(async () => !(await widget.isVisible()) || (await stepShown()) !== before, `the step after "${before}"`, 20000);
}

/**
 * Waits until `check` returns a truthy value (polling, e.g. CloudFront as a wizard's work lands) and returns it.
 * @template T
 * @param {() => Promise<T>} check
 * @param {string} what for the timeout message
 * @param {number} [timeoutMs]
 * @returns {Promise<T>}
 */
export async function until(check, what, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * What a person did, in order: `act(what, doIt)` does one click, key press or typing and records it,
 * for tests that count the actions a task takes.
 * @param {(...args: unknown[]) => void} log
 */
export function actionCounter(log) {
  /** @type {string[]} */
  const actions = [];
  /** @param {string} what @param {() => Promise<unknown>} doIt */
  const act = async (what, doIt) => {
    await doIt();
    actions.push(what);
    log(`action ${actions.length}: ${what}`);
  };
  return { actions, act };
}

/**
 * Opens the CloudFront side bar with a click on its activity bar icon, as one counted action, unless it is open already.
 * @param {Page} page
 * @param {(what: string, doIt: () => Promise<unknown>) => Promise<void>} act from actionCounter
 */
export async function clickCloudFrontIcon(page, act) {
  const container = page.locator('.part.activitybar .action-item:has([aria-label*="CloudFront"])').first();
  await container.waitFor({ timeout: 20000 });
  if (!(await container.getAttribute('class'))?.split(/\s+/).includes('checked')) await act('click the CloudFront icon in the activity bar', () => container.click());
}

/**
 * The notification in the notification center whose text contains `text` (this workbench may show no
 * toasts), as one line.
 * @param {Page} page
 * @param {string} text
 * @param {number} [timeoutMs]
 */
export async function notification(page, text, timeoutMs = 60000) {
  const item = page.locator('.notifications-center .notification-list-item-message', { hasText: text }).first();
  await until(
    async () => {
      if (!(await item.isVisible())) await runCommand(page, 'Notifications: Show Notifications');
      return item.isVisible();
    },
    `a notification saying "${text}"`,
    timeoutMs,
  );
  return (await item.innerText()).replace(/\s+/g, ' ');
}

/**
 * Sets one setting as a person's own (user and machine) value: in the user settings, and in the machine
 * settings of the code-server window (<user-data-dir>/Machine/settings.json), where a remote window reads a
 * machine-scoped setting such as cloudfront.hostAddresses (its user value is ignored there). Reload the
 * window afterwards: code-server does not watch these files promptly. Returns what puts both files back.
 * @param {string} userSettingsFile <user-data-dir>/User/settings.json
 * @param {string} key
 * @param {unknown} value
 * @returns {() => void}
 */
export function setOwnSetting(userSettingsFile, key, value) {
  const files = [userSettingsFile, join(dirname(dirname(userSettingsFile)), 'Machine', 'settings.json')];
  const before = files.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined));
  files.forEach((file, index) => {
    mkdirSync(dirname(file), { recursive: true });
    const text = before[index];
    writeFileSync(file, JSON.stringify({ ...(text?.trim() ? JSON.parse(text) : {}), [key]: value }, null, 2));
  });
  return () => files.forEach((file, index) => (before[index] === undefined ? rmSync(file, { force: true }) : writeFileSync(file, before[index])));
}
