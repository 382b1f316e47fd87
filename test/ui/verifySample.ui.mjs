// UI test, as a person would in `npm start`'s sample: the sample account in CloudFront (moto), the local
// edge of the "Paid downloads" distribution running and its hosts mapped in the setting
// cloudfront.hostAddresses (user and machine settings; as start.mjs does), a key pair created into the existing key group
// media-signers (UpdateKeyGroup, from the moto patch), then "CloudFront: Verify Protection" on /paid/*:
// the notification says "Protection verified", with the three answers (unsigned 403, signed 200, S3 403).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSample } from '../../scripts/lib/seedSample.mjs';
import { startSampleEdge } from '../../scripts/lib/sampleEdge.mjs';
import { answer, notification, runCommand, setOwnSetting, waitForWorkbench } from './lib/workbench.mjs';

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function verifySample({ page, motoUrl, userSettingsFile, log }) {
  const sample = await seedSample({ endpoint: motoUrl });
  const paid = sample.distributions.find((d) => d.comment.startsWith('Paid downloads'));
  if (!paid) throw new Error('seedSample created no "Paid downloads" distribution');
  const dir = mkdtempSync(join(tmpdir(), 'cfpc-ui-edge-'));
  const edge = await startSampleEdge({ endpoint: motoUrl, distributionId: paid.id, dir, log });
  let restoreSettings = () => {};
  try {
    // The user's own value, in the user and the machine settings (a code-server window reads this
    // machine-scoped setting from the latter only), as `npm start` writes it before VS Code starts: the
    // window, loaded again, reads it (file watching of the settings is not prompt in code-server).
    restoreSettings = setOwnSetting(userSettingsFile, 'cloudfront.hostAddresses', edge.hostAddresses);
    await page.reload();
    await waitForWorkbench(page);
    log(`mapped ${Object.keys(edge.hostAddresses).join(', ')} to the local edge`);

    // A key pair whose private key this window holds, into the sample's media-signers group.
    // The extension host starts again after the reload: its commands may take a while on a busy machine.
    // runCommand opens the palette again until the extension's commands are back in it.
    await runCommand(page, 'CloudFront: Create Key Pair', { timeoutMs: 90000 });
    await answer(page, 'ui-verify-signer');
    await answer(page, 'RSA 2048', { rowText: 'RSA 2048' });
    await answer(page, 'This machine', { rowText: 'This machine' });
    await answer(page, 'media-signers', { rowText: 'media-signers' });
    await answer(page, 'Not now', { rowText: 'Not now' });
    await answer(page, 'Create', { rowText: 'Create' });
    log(await notification(page, 'ui-verify-signer'));

    await runCommand(page, 'CloudFront: Verify Protection');
    await answer(page, paid.id, { rowText: paid.id });
    await answer(page, '/paid/*', { rowText: '/paid/*' });
    const verdict = await notification(page, 'Protection');
    log(`notification: ${verdict}`);
    if (!verdict.startsWith('Protection verified for /paid/*')) throw new Error(`Verify Protection did not pass: ${verdict}`);
    for (const part of ['unsigned through CloudFront: 403', 'signed through CloudFront: 200', 'straight from S3: 403']) {
      if (!verdict.includes(part)) throw new Error(`the notification does not say "${part}": ${verdict}`);
    }
  } finally {
    restoreSettings();
    await edge.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
