// UI test, as a person would: protect a behavior with "CloudFront: Create Key Pair" (name, RSA 2048,
// a new key group, the distribution's /paid/* behavior, Create), then select a URL in an editor, run
// "Sign CloudFront URL" from the palette, pick "1 hour", and read the clipboard back: the signed URL
// must verify with the public key CloudFront (moto) holds. Screenshot at the end.
import { randomUUID, verify } from 'node:crypto';
import { join } from 'node:path';
import { GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import { cloudFrontClient, createPaidDistribution, restrictPaidWithNewKeyPair } from './lib/account.mjs';
import { answer, runCommand, until } from './lib/workbench.mjs';

/**
 * The canned-policy check CloudFront does: RSA with the hash Hash-Algorithm names (SHA-1 when absent)
 * over {"Statement":[{"Resource":url,"Condition":{"DateLessThan":{"AWS:EpochTime":expires}}}]}.
 */
function verifyCanned(signedUrl, publicKeyPem) {
  const url = new URL(signedUrl);
  const expires = url.searchParams.get('Expires');
  const signature = url.searchParams.get('Signature').replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/');
  const unsigned = signedUrl.slice(0, signedUrl.indexOf('?'));
  const hash = url.searchParams.get('Hash-Algorithm') === 'SHA256' ? 'RSA-SHA256' : 'RSA-SHA1';
  const policy = `{"Statement":[{"Resource":"${unsigned}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
  return verify(hash, Buffer.from(policy), publicKeyPem, Buffer.from(signature, 'base64'));
}

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function signUrlFromThePalette({ page, outputDir, motoUrl, log }) {
  const client = cloudFrontClient(motoUrl);
  const suffix = randomUUID().slice(0, 8);
  const distribution = await createPaidDistribution(client, { name: `ui-sign-${suffix}` });
  log(`created distribution ${distribution.Id} with an unrestricted /paid/*`);

  // 1. From nothing to a protected behavior, through the wizard.
  const keyGroupId = await restrictPaidWithNewKeyPair(page, client, { distributionId: distribution.Id, keyName: `ui-key-${suffix}`, groupName: `ui-group-${suffix}` });
  log(`answered the wizard; /paid/* now trusts key group ${keyGroupId}`);

  // 2. Select a URL in an editor and sign it from the palette.
  const url = `https://${distribution.DomainName}/paid/movie-${suffix}.mp4`;
  await runCommand(page, 'File: New Untitled Text File');
  await page.locator('.monaco-editor textarea').first().waitFor({ timeout: 10000 });
  await page.keyboard.type(url);
  await page.keyboard.press('Control+A');
  await runCommand(page, 'CloudFront: Sign CloudFront URL', { rowText: 'Sign CloudFront URL' });
  await answer(page, '1 hour', { rowText: '1 hour' });
  const signed = await until(async () => {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    return text.startsWith(`${url}?Expires=`) ? text : undefined;
  }, 'the signed URL on the clipboard');
  log(`clipboard: ${signed.slice(0, url.length + 20)}…`);

  const keyPairId = new URL(signed).searchParams.get('Key-Pair-Id');
  const { PublicKey } = await client.send(new GetPublicKeyCommand({ Id: keyPairId }));
  const expires = Number(new URL(signed).searchParams.get('Expires'));
  const inOneHour = Math.floor(Date.now() / 1000) + 3600;
  if (Math.abs(expires - inOneHour) > 120) throw new Error(`Expires ${expires} is not about one hour from now (${inOneHour})`);
  if (new URL(signed).searchParams.get('Hash-Algorithm') !== 'SHA256') throw new Error('new signatures should default to SHA-256 (Hash-Algorithm=SHA256)');
  if (!verifyCanned(signed, PublicKey.PublicKeyConfig.EncodedKey)) throw new Error('the signature does not verify with the public key in CloudFront');
  log(`signed with ${keyPairId}, expires in about an hour, signature verifies`);
  await page.screenshot({ path: join(outputDir, 'sign-url.png') });
  // Leave no editor behind: the workbench would restore it, selection and all, for the next test.
  await runCommand(page, 'View: Revert and Close Editor');
  client.destroy();
}
