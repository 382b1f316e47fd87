// UI test: from a private S3 bucket to a signed URL on the clipboard, counting what the person does.
// The account starts with no key and no distribution (the runner empties moto before each UI test);
// the bucket is made as S3 makes one today (Block Public Access on) with one file. The person opens
// the CloudFront side bar, clicks "Protect with CloudFront" on the bucket's row in the S3 Buckets view,
// presses Enter on each question (its default is preselected) and on the summary of the changes (a
// modal whose default button is "Protect"), and clicks "Copy Signed URL" in the notification at the
// end. Every click and key press counts; the goal is at most 6 (the console takes nine steps plus
// openssl). The URL on the clipboard must then be granted by the local edge standing
// in for the new distribution, trusting the public key CloudFront (moto) holds, and an unsigned request
// refused.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, GetBucketPolicyCommand, PutObjectCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { cloudFrontClient } from './lib/account.mjs';
import { get, startEdge } from './lib/edge.mjs';
import { actionCounter, clickCloudFrontIcon, until, waitForWorkbench } from './lib/workbench.mjs';

const MAX_ACTIONS = 6;

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function protectBucketFlow({ page, outputDir, motoUrl, log }) {
  const bucket = `ui-private-${randomUUID().slice(0, 8)}`;
  const s3 = new S3Client({ region: 'us-east-1', endpoint: motoUrl, forcePathStyle: true, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(
    new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }),
  );
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'movie.txt', Body: 'the private movie' }));
  log(`bucket ${bucket} with movie.txt; no key, no distribution`);
  // The person opens VS Code once the bucket exists. This window opened before it (and, when earlier
  // tests left the CloudFront side bar open, its views were read before the bucket was made), so it
  // is reloaded first: not an action of the person's, only the starting point of the scenario.
  await page.reload();
  await waitForWorkbench(page);

  /** What the person did, in order: one entry per click or key press. */
  const { actions, act } = actionCounter(log);

  // 1. The CloudFront side bar (unless it is open already), and the S3 Buckets view (unless expanded).
  await clickCloudFrontIcon(page, act);
  const header = page.locator('.part.sidebar .pane-header', { hasText: 'S3 Buckets' }).first();
  await header.waitFor({ timeout: 20000 });
  if ((await header.getAttribute('aria-expanded')) === 'false') await act('click the S3 Buckets view header', () => header.click());

  // 2. "Protect with CloudFront" on the bucket's row (its inline button shows when the pointer is over the row).
  const row = page
    .locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'S3 Buckets' }) })
    .locator('.monaco-list-row', { hasText: bucket })
    .first();
  await row.waitFor({ state: 'visible', timeout: 30000 });
  await row.hover();
  const protect = row.locator('.action-label[aria-label="Protect with CloudFront"]').first();
  await act('click "Protect with CloudFront" on the bucket row', () => protect.click());

  // 3. Enter on each question: the default is preselected.
  const widget = page.locator('.quick-input-widget');
  const dialog = page.locator('.monaco-dialog-box');
  const notification = page.locator('.notification-list-item', { hasText: `Bucket ${bucket} is served by distribution` }).first();
  // The run's last write is the bucket policy: once S3 holds it, no question is left.
  const policyWritten = () =>
    s3.send(new GetBucketPolicyCommand({ Bucket: bucket })).then(
      () => true,
      () => false,
    );
  for (;;) {
    const next = await until(
      async () => ((await widget.isVisible()) ? 'question' : (await dialog.isVisible()) ? 'summary' : (await policyWritten()) ? 'done' : undefined),
      'a question, the summary or the end of the run',
      60000,
    );
    if (next === 'summary') {
      // One summary of every change before any is made: it names the bucket and the key group.
      const summary = (await dialog.innerText()).replace(/\s+/g, ' ');
      log(`summary: ${summary}`);
      if (!summary.includes(`Protect bucket ${bucket} with CloudFront?`) || !summary.includes('Create a distribution for bucket')) throw new Error(`the summary does not say what changes: ${summary}`);
      if (await policyWritten()) throw new Error('the bucket policy changed before the summary was confirmed');
      await act('Enter on the summary of the changes ("Protect")', () => page.keyboard.press('Enter'));
      await until(async () => !(await dialog.isVisible()), 'the summary to close', 20000);
      continue;
    }
    if (next !== 'question') break;
    const title = async () =>
      `${await widget
        .locator('.quick-input-title')
        .innerText()
        .catch(() => '')} / ${await widget
        .locator('.quick-input-box input')
        .getAttribute('placeholder')
        .catch(() => '')}`;
    const question = await title();
    const active = await widget
      .locator('.quick-input-list .monaco-list-row.focused')
      .first()
      .innerText()
      .catch(() => '');
    await act(`Enter on "${question}" (preselected: ${active.replace(/\s+/g, ' ').trim()})`, () => page.keyboard.press('Enter'));
    await until(async () => !(await widget.isVisible()) || (await title()) !== question, 'the next step', 20000);
  }
  s3.destroy();

  // 4. "Copy Signed URL" in the notification that ends the run. This test workbench (the smoke-test
  //    driver) shows no toasts, where a person clicks the button at once: it opens the notification
  //    center with the status bar's bell, and counts that click too.
  if (!(await notification.isVisible())) {
    const bell = page.locator('.part.statusbar [id="status.notifications"]').first();
    await act('click the notifications bell in the status bar', () => bell.click());
  }
  await notification.waitFor({ state: 'visible', timeout: 60000 });
  log(`notification: ${(await notification.innerText()).replace(/\s+/g, ' ')}`);
  const copy = notification.locator('.monaco-button', { hasText: 'Copy Signed URL' }).first();
  await act('click "Copy Signed URL"', () => copy.click());

  const signed = await until(async () => {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    return text.includes('Signature=') ? text : undefined;
  }, 'the signed URL on the clipboard');
  const url = new URL(signed);
  log(`clipboard: ${url.origin}${url.pathname}?…&Key-Pair-Id=${url.searchParams.get('Key-Pair-Id')}`);
  await page.screenshot({ path: join(outputDir, 'protect-bucket-flow.png') });

  log(`${actions.length} actions from the bucket row to a signed URL on the clipboard (goal: at most ${MAX_ACTIONS}): ${actions.join(' → ')}`);
  console.log(`      protectBucketFlow: ${actions.length} user actions (at most ${MAX_ACTIONS})`);
  if (actions.length > MAX_ACTIONS) throw new Error(`${actions.length} actions, more than ${MAX_ACTIONS}: ${actions.join(' → ')}`);
  if (url.pathname !== '/movie.txt' || !url.hostname.endsWith('.cloudfront.net')) throw new Error(`the signed URL is not the distribution's URL of movie.txt: ${url.origin}${url.pathname}`);

  // 5. The local edge, trusting the key CloudFront holds, grants the URL and refuses it unsigned.
  const keyPairId = url.searchParams.get('Key-Pair-Id');
  const client = cloudFrontClient(motoUrl);
  const { PublicKey } = await client.send(new GetPublicKeyCommand({ Id: keyPairId }));
  client.destroy();
  const scratch = mkdtempSync(join(tmpdir(), 'cfpc-ui-protect-'));
  mkdirSync(join(scratch, 'root'), { recursive: true });
  writeFileSync(join(scratch, 'root', 'movie.txt'), 'the private movie');
  writeFileSync(join(scratch, 'public.pem'), PublicKey.PublicKeyConfig.EncodedKey);
  const edge = await startEdge(['--root', join(scratch, 'root'), '--public-key', `${keyPairId}=${join(scratch, 'public.pem')}`, '--port', '0'], log);
  try {
    const granted = await get(edge.url, url.host, `${url.pathname}${url.search}`, '');
    if (granted.status !== 200 || granted.body !== 'the private movie') throw new Error(`the edge refused the signed URL: ${granted.status} ${granted.body}`);
    const unsigned = await get(edge.url, url.host, url.pathname, '');
    if (unsigned.status !== 403) throw new Error(`unsigned, the edge answered ${unsigned.status}`);
    log(`the edge: signed ${granted.status}, unsigned ${unsigned.status}`);
  } finally {
    await edge.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
