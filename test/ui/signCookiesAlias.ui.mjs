// UI test: signed cookies for a distribution's alternate domain name work in a browser's terms. Protect
// /paid/* with "Create Key Pair", run "Create Signed Cookies" from the palette on the distribution's
// *.cloudfront.net resource, copy them as Set-Cookie with the alias as Domain (SameSite Lax, the
// default); then send them as a
// browser would (only to hosts the Domain covers, over https for Secure) in a request to the alias,
// answered by the local edge (`npm run edge`) standing in for the distribution: it must grant it.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import { cloudFrontClient, createPaidDistribution, restrictPaidWithNewKeyPair } from './lib/account.mjs';
import { get, startEdge } from './lib/edge.mjs';
import { answer, runCommand, until } from './lib/workbench.mjs';

/** The cookies a browser sends with a request to https://host/: those whose Domain is host or a parent of it. */
function cookiesFor(setCookieText, host) {
  return setCookieText
    .split('\n')
    .map((line) => line.replace(/^Set-Cookie: /, '').split('; '))
    .filter(([, ...attributes]) => {
      const domain = attributes.find((a) => a.startsWith('Domain='))?.slice('Domain='.length);
      return domain === undefined || host === domain || host.endsWith(`.${domain}`);
    })
    .map(([pair]) => pair)
    .join('; ');
}

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function signedCookiesForAnAlias({ page, motoUrl, log }) {
  const client = cloudFrontClient(motoUrl);
  const suffix = randomUUID().slice(0, 8);
  const alias = `media-${suffix}.example.com`;
  const distribution = await createPaidDistribution(client, { name: `ui-cookies-${suffix}`, aliases: [alias] });
  log(`created distribution ${distribution.Id} (${distribution.DomainName}, alias ${alias})`);

  // 1. Protect /paid/* with a new key pair, through the wizard.
  await restrictPaidWithNewKeyPair(page, client, { distributionId: distribution.Id, keyName: `ui-cookie-key-${suffix}`, groupName: `ui-cookie-group-${suffix}` });
  log('/paid/* is restricted');

  // 2. Cookies for the *.cloudfront.net resource, with the alias as Domain.
  await runCommand(page, 'CloudFront: Create Signed Cookies', { rowText: 'Create Signed Cookies' });
  await answer(page, `https://${distribution.DomainName}/paid/*`);
  await answer(page, '1 hour', { rowText: '1 hour' });
  await answer(page, 'Set-Cookie', { rowText: 'Set-Cookie' });
  await answer(page, alias, { rowText: alias });
  await answer(page, '', { rowText: 'Lax' }); // SameSite: Enter on the preselected Lax
  const setCookie = await until(async () => {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    return text.startsWith('Set-Cookie: ') ? text : undefined;
  }, 'the Set-Cookie headers on the clipboard');
  log(
    `clipboard: ${setCookie
      .split('\n')
      .map((line) => line.replace(/=[^;]{12}[^;]*;/, '=…;'))
      .join(' | ')}`,
  );

  // 3. The local edge, trusting the key CloudFront (moto) holds, answers the browser's request to the alias.
  const keyPairId = /CloudFront-Key-Pair-Id=([A-Z0-9]+)/.exec(setCookie)?.[1];
  if (!keyPairId) throw new Error('no CloudFront-Key-Pair-Id cookie');
  const { PublicKey } = await client.send(new GetPublicKeyCommand({ Id: keyPairId }));
  const scratch = mkdtempSync(join(tmpdir(), 'cfpc-ui-cookies-'));
  mkdirSync(join(scratch, 'root', 'paid'), { recursive: true });
  writeFileSync(join(scratch, 'root', 'paid', 'movie.txt'), 'the paid movie');
  writeFileSync(join(scratch, 'public.pem'), PublicKey.PublicKeyConfig.EncodedKey);
  const edge = await startEdge(['--root', join(scratch, 'root'), '--public-key', `${keyPairId}=${join(scratch, 'public.pem')}`, '--path-pattern', '/paid/*', '--port', '0'], log);
  try {
    const cookie = cookiesFor(setCookie, alias);
    if (!cookie.includes('CloudFront-Signature=')) throw new Error(`the browser would send no signed cookie to ${alias}: ${setCookie}`);
    if (!/; Path=\/paid\/; Expires=[^;]+ GMT; Max-Age=\d+; Secure; HttpOnly; SameSite=Lax$/m.test(setCookie)) throw new Error(`Set-Cookie lacks Path, Expires, Max-Age or SameSite: ${setCookie}`);
    const granted = await get(edge.url, alias, '/paid/movie.txt', cookie);
    if (granted.status !== 200 || granted.body !== 'the paid movie') throw new Error(`the edge refused https://${alias}/paid/movie.txt: ${granted.status} ${granted.body}`);
    log(`https://${alias}/paid/movie.txt with the cookies: ${granted.status}`);
    const unsigned = await get(edge.url, alias, '/paid/movie.txt', '');
    if (unsigned.status !== 403) throw new Error(`without cookies the edge answered ${unsigned.status}`);
  } finally {
    await edge.stop();
    rmSync(scratch, { recursive: true, force: true });
    client.destroy();
  }
}
