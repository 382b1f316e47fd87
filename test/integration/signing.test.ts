// Signing from VS Code against moto: keys made by the key-pair wizard, a distribution whose
// behaviors trust different key groups, and the three sign commands called with arguments.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { parseSignedUrl, verifySignedCookies, verifySignedUrl } from '../../src/signing';
import { findUrls } from '../../src/signing/output';
import { behavior, createDistribution, seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';
import type { CreateKeyPairResult as CreatedKey } from '../../src/commands/keys/createKeyPair/state';

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

describe('Sign CloudFront URL (moto)', function () {
  this.timeout(120_000);
  let paidKey: CreatedKey;
  let otherKey: CreatedKey;
  let domain: string;
  let paidPublicKeyPem: string;

  before(async () => {
    await activateExtension();
    const suffix = Date.now();
    paidKey = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: `paid-${suffix}`, algorithm: 'RSA_2048', keyGroupName: `paid-signers-${suffix}` });
    otherKey = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: `other-${suffix}`, algorithm: 'ECDSA_P256', keyGroupName: `other-signers-${suffix}` });
    const distribution = await createDistribution(seedClient(), `signing ${suffix}`, [behavior('/paid/*', [paidKey.keyGroupId]), behavior('/other/*', [otherKey.keyGroupId]), behavior('/free/*')]);
    domain = distribution.DomainName!;
    const key = await seedClient().send(new GetPublicKeyCommand({ Id: paidKey.publicKeyId }));
    paidPublicKeyPem = key.PublicKey!.PublicKeyConfig!.EncodedKey!;
    await vscode.commands.executeCommand(Commands.refresh);
  });

  it('signs with SHA-256 by default; the cloudfront.signing.hashAlgorithm setting keeps SHA-1 for RSA keys, and an explicit hashAlgorithm wins', async () => {
    const sign = (extra: object = {}, path = '/paid/hash.mp4') =>
      vscode.commands.executeCommand<string>(Commands.signUrl, { url: `https://${domain}${path}`, expires: inAnHour(), copy: false, ...extra });
    const byDefault = await sign();
    assert.equal(parseSignedUrl(byDefault).hashAlgorithm, 'SHA256');
    assert.equal(new URL(byDefault).searchParams.get('Hash-Algorithm'), 'SHA256');
    assert.ok(verifySignedUrl(byDefault, paidPublicKeyPem));
    const settings = vscode.workspace.getConfiguration('cloudfront');
    await settings.update('signing.hashAlgorithm', 'SHA1', vscode.ConfigurationTarget.Global);
    try {
      const sha1 = await sign();
      assert.equal(new URL(sha1).searchParams.get('Hash-Algorithm'), null, 'SHA-1 writes no Hash-Algorithm');
      assert.equal(parseSignedUrl(sha1).hashAlgorithm, 'SHA1');
      assert.ok(verifySignedUrl(sha1, paidPublicKeyPem));
      assert.equal(parseSignedUrl(await sign({ hashAlgorithm: 'SHA256' })).hashAlgorithm, 'SHA256', 'the option wins over the setting');
      assert.equal(parseSignedUrl(await sign({}, '/other/a.mp4')).hashAlgorithm, 'SHA256', 'an ECDSA key signs with SHA-256 whatever the setting');
      const cookies = await vscode.commands.executeCommand<Record<string, string>>(Commands.signCookies, { resource: `https://${domain}/paid/*`, expires: inAnHour(), copy: false });
      assert.equal(cookies['CloudFront-Hash-Algorithm'], undefined, 'cookies follow the setting too');
    } finally {
      await settings.update('signing.hashAlgorithm', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('signs with arguments: the URL verifies with the public key in CloudFront, and the clipboard holds it', async () => {
    await vscode.env.clipboard.writeText('before');
    const url = `https://${domain}/paid/movie.mp4`;
    const signed = await vscode.commands.executeCommand<string>(Commands.signUrl, { url, expires: inAnHour() });
    assert.ok(signed.startsWith(`${url}?Expires=`), signed.slice(0, 80));
    assert.equal(parseSignedUrl(signed).keyPairId, paidKey.publicKeyId, 'the only key the /paid/* behavior trusts');
    assert.ok(verifySignedUrl(signed, paidPublicKeyPem));
    assert.equal(await vscode.env.clipboard.readText(), signed);
  });

  it('picks the key the matching behavior trusts, and refuses a key it does not trust, naming keyPairId', async () => {
    const other = await vscode.commands.executeCommand<string>(Commands.signUrl, { url: `https://${domain}/other/a.mp4`, expires: inAnHour(), copy: false });
    assert.equal(parseSignedUrl(other).keyPairId, otherKey.publicKeyId);
    assert.equal(parseSignedUrl(other).hashAlgorithm, 'SHA256', 'ECDSA P-256 signs with SHA-256');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(Commands.signUrl, { url: `https://${domain}/paid/a.mp4`, keyPairId: otherKey.publicKeyId, expires: inAnHour() })),
      (error: Error & { input?: string }) => error.input === 'keyPairId' && /cannot sign .*\/paid\/\*.*not in a key group/.test(error.message),
    );
  });

  it('refuses a past expiry and a date in milliseconds, naming expires, and asks nothing', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(Commands.signUrl, { url: `https://${domain}/paid/a.mp4`, expires: '2020-01-01T00:00:00Z' })),
      (error: Error & { input?: string }) => error.input === 'expires' && /in the past/.test(error.message),
    );
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(Commands.signUrl, { url: `https://${domain}/paid/a.mp4`, expires: Date.now() + 3600_000 })),
      (error: Error & { input?: string }) => error.input === 'expires' && /milliseconds/.test(error.message),
    );
  });

  it('signs every URL of an HLS playlist in place, relative ones through the base URL, and one undo restores it', async () => {
    const fixture = readFileSync(resolve(__dirname, '../../../test/fixtures/playlists/media.m3u8'), 'utf8').replaceAll('media.example.com', domain).replace('/hls/movie/', '/paid/movie/');
    const document = await vscode.workspace.openTextDocument({ content: fixture, language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const result = await vscode.commands.executeCommand<{ signed: number; skipped: number; skippedUrls: Array<{ url: string; reason: string }> }>(Commands.signSelection, {
      expires: inAnHour(),
      baseUrl: `https://${domain}/paid/movie/index.m3u8`,
    });
    assert.deepEqual([result.signed, result.skipped], [6, 1], JSON.stringify(result.skippedUrls));
    assert.match(result.skippedUrls[0].reason, /not a distribution of this account/);
    const signedUrls = findUrls(document.getText())
      .map((o) => o.url)
      .filter((u) => u.includes(domain));
    assert.equal(signedUrls.length, 6);
    for (const url of signedUrls) assert.ok(verifySignedUrl(url, paidPublicKeyPem), url);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), fixture);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('creates signed cookies for a wildcard resource as JSON, Set-Cookie headers and curl', async () => {
    const resource = `https://${domain}/paid/*`;
    const cookies = await vscode.commands.executeCommand<Record<string, string>>(Commands.signCookies, { resource, expires: inAnHour() });
    assert.deepEqual(Object.keys(cookies).sort(), ['CloudFront-Hash-Algorithm', 'CloudFront-Key-Pair-Id', 'CloudFront-Policy', 'CloudFront-Signature']);
    assert.ok(verifySignedCookies(cookies, `https://${domain}/paid/any/file.mp4`, paidPublicKeyPem));
    const expires = inAnHour();
    const headers = await vscode.commands.executeCommand<string>(Commands.signCookies, { resource, expires, format: 'set-cookie', domain, sameSite: 'Strict' });
    assert.equal(headers.split('\n').length, 4);
    const expiresAttribute = new Date(expires).toUTCString();
    const maxAge = /Max-Age=(\d+)/.exec(headers)?.[1];
    assert.ok(maxAge && Math.abs(Number(maxAge) - 3600) <= 60, `Max-Age ${maxAge} is about an hour`);
    assert.match(
      headers,
      new RegExp(
        `^Set-Cookie: CloudFront-Policy=[A-Za-z0-9~_-]+; Domain=${domain.replaceAll('.', '\\.')}; Path=/paid/; Expires=${expiresAttribute}; Max-Age=${maxAge}; Secure; HttpOnly; SameSite=Strict$`,
        'm',
      ),
    );
    assert.equal(await vscode.env.clipboard.readText(), headers);
    const curl = await vscode.commands.executeCommand<string>(Commands.signCookies, { resource, expires: inAnHour(), format: 'curl' });
    assert.match(curl, /^curl .* -b 'CloudFront-Policy=/);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(Commands.signCookies, { resource, expires: inAnHour(), format: 'set-cookie', domain: '*.cloudfront.net' })),
      (error: Error & { input?: string }) => error.input === 'domain' && /public suffix/.test(error.message),
    );
  });

  it('shows a hover and a CodeLens on a signed URL: key, hash algorithm, expiry in words', async () => {
    const signed = await vscode.commands.executeCommand<string>(Commands.signUrl, { url: `https://${domain}/paid/hover.mp4`, expires: inAnHour(), copy: false });
    const document = await vscode.workspace.openTextDocument({ content: `link: ${signed}\n`, language: 'markdown' });
    await vscode.window.showTextDocument(document);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 20));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, new RegExp(`${paidKey.publicKeyId}.*private key on this machine`));
    assert.match(text, /expires in (59 minutes|1 hour)/);
    assert.match(text, /SHA-256 \(Hash-Algorithm=SHA256\)/, 'says the hash, SHA-256 by default');
    assert.match(text, /command:cloudfront\.diagnoseUrl/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => t.startsWith(`CloudFront: ${paidKey.publicKeyId} · SHA-256 · expires in`)),
      titles.join(' | '),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
