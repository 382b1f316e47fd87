// UI test, as a new user of `npm start` would: the sample account (seedSample) with its signing key in
// this window's key store, put there by the sample's key loader exactly as `npm start` installs it
// (scripts/lib/sampleSigningKey.mjs). From the first page to a signed URL on the clipboard, counting
// every action (click, Enter, typing): the CloudFront icon, the "Paid downloads" distribution, the
// /paid/* row's "Sign CloudFront URL" (the box opens on https://downloads.example.com/paid/), the file
// name, Enter, and "1 hour" (Enter on the preselected row). At most 6 actions; the URL must verify
// with the public key CloudFront holds.
import { verify } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import { seedSample } from '../../scripts/lib/seedSample.mjs';
import { writeSampleKeyLoader } from '../../scripts/lib/sampleSigningKey.mjs';
import { cloudFrontClient } from './lib/account.mjs';
import { actionCounter, clickCloudFrontIcon, until, waitForWorkbench } from './lib/workbench.mjs';

const MAX_ACTIONS = 6;

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function firstSignInTheSample({ page: firstPage, outputDir, motoUrl, log }) {
  const loaderDir = process.env.CFPC_SAMPLE_KEY_LOADER;
  if (!loaderDir) throw new Error('CFPC_SAMPLE_KEY_LOADER is not set: the runner installs the sample key loader for UI tests');
  const sample = await seedSample({ endpoint: motoUrl });
  const paid = sample.distributions.find((d) => d.comment.startsWith('Paid downloads'));
  const [signingKey] = sample.signingKeys;
  if (!paid || !signingKey) throw new Error('seedSample created no "Paid downloads" distribution or no signing key');
  // The first page of `npm start`: the loader runs when a window starts, with the sample's key beside
  // it; a new window, since a reloaded page keeps its extension host (which ran the loader already).
  rmSync(join(loaderDir, 'imported.json'), { force: true });
  writeSampleKeyLoader(loaderDir, sample.signingKeys);
  const page = await firstPage.context().newPage();
  try {
    await page.goto(firstPage.url());
    await waitForWorkbench(page);
    // Waiting is no action: the loader says when the key is in this window's key store (secret storage is encrypted in the browser).
    const imported = join(loaderDir, 'imported.json');
    await until(async () => existsSync(imported) && JSON.parse(readFileSync(imported, 'utf8')).includes(signingKey.publicKeyId), 'the sample key in the key store', 60000);
    log(`sample key ${signingKey.publicKeyId} is in the key store`);

    const { actions, act } = actionCounter(log);
    await clickCloudFrontIcon(page, act);
    const rows = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Distributions' }) }).locator('.monaco-list-row');
    const distribution = rows.filter({ hasText: paid.id }).first();
    await distribution.waitFor({ state: 'visible', timeout: 30000 });
    await act('click the "Paid downloads (sample)" distribution', () => distribution.click());
    const behaviorRow = rows.filter({ hasText: '/paid/*' }).first();
    await behaviorRow.waitFor({ state: 'visible', timeout: 30000 });
    await behaviorRow.hover();
    await act('click "Sign CloudFront URL" on the /paid/* row', () => behaviorRow.locator('.action-label[aria-label="Sign CloudFront URL"]').first().click());

    const widget = page.locator('.quick-input-widget');
    const box = widget.locator('.quick-input-box input');
    await box.waitFor({ state: 'visible', timeout: 20000 });
    const start = `https://${paid.aliases[0]}/paid/`;
    await until(async () => (await box.inputValue()) === start, `the box to open on ${start}`, 20000);
    await act('type the file name after the path', () => page.keyboard.type('album.zip'));
    const url = `${start}album.zip`;
    await act('press Enter', () => page.keyboard.press('Enter'));
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: '1 hour' }).first().waitFor({ timeout: 20000 });
    await act('press Enter on "1 hour" (preselected)', () => page.keyboard.press('Enter'));

    const signed = await until(async () => {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      return text.startsWith(`${url}?`) ? text : undefined;
    }, 'the signed URL on the clipboard');
    log(`from the first page to a signed URL in ${actions.length} actions: ${actions.join('; ')}`);
    if (actions.length > MAX_ACTIONS) throw new Error(`${actions.length} actions to the first signature, more than ${MAX_ACTIONS}: ${actions.join('; ')}`);

    // The URL CloudFront would accept: signed by the sample key, SHA-256, for an hour.
    const parameters = new URL(signed).searchParams;
    if (parameters.get('Key-Pair-Id') !== signingKey.publicKeyId) throw new Error(`signed with ${parameters.get('Key-Pair-Id')}, not the sample key ${signingKey.publicKeyId}`);
    if (parameters.get('Hash-Algorithm') !== 'SHA256') throw new Error('the first signature should use SHA-256');
    const expires = Number(parameters.get('Expires'));
    if (Math.abs(expires - (Math.floor(Date.now() / 1000) + 3600)) > 300) throw new Error(`Expires ${expires} is not about an hour from now`);
    const client = cloudFrontClient(motoUrl);
    const { PublicKey } = await client.send(new GetPublicKeyCommand({ Id: signingKey.publicKeyId }));
    client.destroy();
    const policy = `{"Statement":[{"Resource":"${url}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
    const signature = Buffer.from(parameters.get('Signature').replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');
    if (!verify('RSA-SHA256', Buffer.from(policy), PublicKey.PublicKeyConfig.EncodedKey, signature)) throw new Error('the signature does not verify with the public key in CloudFront');
    await page.screenshot({ path: join(outputDir, 'first-sign.png') });
  } catch (error) {
    await page.screenshot({ path: join(outputDir, 'firstSign-window-failure.png') }).catch(() => {});
    throw error;
  } finally {
    // Leave nothing behind: a later test waiting for a signed URL on the clipboard must not find this one.
    await page.evaluate(() => navigator.clipboard.writeText('')).catch(() => {});
    await page.close().catch(() => {});
    // Later UI tests start from an emptied moto: their pages must not import a key of this one.
    for (const file of ['keys.json', 'imported.json']) rmSync(join(loaderDir, file), { force: true });
  }
}
