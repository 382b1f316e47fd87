// UI test: "CloudFront: Show Log" shows the extension's log in the Output panel. In code-server the
// log reaches the panel only through VS Code's native file logger (@vscode/spdlog), which the
// launcher builds once (test/runner/lib/codeServer.mjs); without it the channel stays empty.
import { join } from 'node:path';
import { runCommand, until } from './lib/workbench.mjs';

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function showLog({ page, outputDir, log }) {
  // Any command loads the features, whose first log line names the build and the AWS profile.
  await runCommand(page, 'CloudFront: Refresh');
  const lines = page.locator('.part.panel .monaco-editor .view-lines');
  // In a window's first seconds the workbench may still lay itself out and close the panel the
  // command opened (seen on a fresh machine): as a person would, run Show Log again until it shows.
  let runs = 0;
  await until(
    async () => {
      if (!(await lines.first().isVisible())) {
        runs++;
        await runCommand(page, 'CloudFront: Show Log');
      }
      return lines
        .first()
        .waitFor({ state: 'visible', timeout: 3000 })
        .then(() => true)
        .catch(() => false);
    },
    'the Output panel to show after CloudFront: Show Log',
    30000,
  );
  log(`the Output panel is shown (Show Log run ${runs} time${runs === 1 ? '' : 's'})`);
  // The panel wraps long lines: compare the text with its whitespace folded.
  await until(
    async () => /\[features\] .* ready; AWS profile:/.test((await lines.first().innerText()).replace(/\s+/g, ' ')),
    'the Output panel to show the extension log line "[features] … ready"',
    20000,
  ).catch(async (error) => {
    const shown = await lines
      .first()
      .innerText()
      .catch(() => '');
    throw new Error(`${error.message}; the panel shows: ${JSON.stringify(shown.slice(0, 500))}`);
  });
  log('the Output panel shows the extension log');
  await page.screenshot({ path: join(outputDir, 'show-log.png') });
}
