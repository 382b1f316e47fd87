// UI test: "Sign CloudFront URL" with nothing selected, in a browser that has not granted clipboard
// access (as a person's browser before they allow it). The command must show its input box at once,
// without reading the clipboard — a read would make the browser ask for permission, or VS Code show
// "Unable to read from the browser's clipboard", and hold back the box. The box's paste button reads
// the clipboard once access is granted.
import { runCommand, until } from './lib/workbench.mjs';

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function signUrlWithNothingSelected({ page, serverUrl, log }) {
  const context = page.context();
  const origin = new URL(serverUrl).origin;
  // Only writing is allowed: reading the clipboard would ask (and, headless, wait forever) or fail.
  await context.clearPermissions();
  await context.grantPermissions(['clipboard-write'], { origin });
  try {
    // An empty editor in front: the workbench may have restored an editor (with a selection) that an
    // earlier test left, and "nothing selected" must not depend on what ran before.
    await runCommand(page, 'File: New Untitled Text File');
    await page.locator('.monaco-editor textarea').first().waitFor({ timeout: 10000 });
    // Right after the workbench shows, the palette may not list the extension's commands yet: retried.
    await until(async () => (await runCommand(page, 'CloudFront: Sign CloudFront URL', { rowText: 'Sign CloudFront URL', timeoutMs: 3000 }), true), 'the command in the palette', 30000);
    const widget = page.locator('.quick-input-widget');
    const title = widget.locator('.quick-input-title');
    const shown = await until(async () => (await widget.isVisible()) && (await title.innerText()).includes('Sign CloudFront URL'), 'the input box of Sign CloudFront URL', 5000).catch(() => false);
    const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
    const clipboardToast = toasts.find((text) => /clipboard/i.test(text));
    if (clipboardToast) throw new Error(`a clipboard notification was shown: ${clipboardToast}`);
    if (!shown) throw new Error(`no input box within 5 s; notifications: ${JSON.stringify(toasts)}`);
    const input = widget.locator('.quick-input-box input');
    if ((await input.inputValue()) !== '') throw new Error(`the box is not empty: ${await input.inputValue()}`);
    log('the input box is shown at once, empty, with no clipboard notification');

    // Access granted, the paste button fills the box from the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const url = 'https://d111111abcdef8.cloudfront.net/pasted/movie.mp4';
    await page.evaluate((text) => navigator.clipboard.writeText(text), url);
    await widget.locator('.codicon-clippy').first().click();
    await until(async () => (await input.inputValue()) === url, 'the pasted URL in the box', 5000);
    log('the paste button pasted the clipboard');
    await page.keyboard.press('Escape');
  } finally {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }
}
