// "Create Signed Cookies" as a person uses it (moto, scripted answers): for Set-Cookie headers, the
// cookie Domain, the Resource's host and the host viewers request are one choice, so the browser
// sends the cookies where the Resource matches; a parent domain of the alias is offered too; the lines
// carry Path, Expires, Max-Age and SameSite; the prompts and the notification speak of cookies and say
// which cookie names CloudFront reads.
import assert from 'node:assert/strict';
import { GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import { Commands } from '../../src/constants';
import { parseSignedCookies } from '../../src/signing';
import { evaluateEdgeRequest } from '../../src/signing/edge';
import { input, pick, ScriptedUi, type Answer } from '../fakes/scriptedUi';
import { behavior, createDistribution, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';
import type { CreateKeyPairResult as CreatedKey } from '../../src/commands/keys/createKeyPair/state';

/** Set-Cookie header lines as a Cookie header, the way a browser sends them back. */
const cookieHeader = (setCookie: string) =>
  setCookie
    .split('\n')
    .map((line) => /^Set-Cookie: ([^;]+)/.exec(line)![1])
    .join('; ');

describe('Create Signed Cookies, interactively (moto, scripted answers)', function () {
  this.timeout(120_000);
  let hooks: TestingApi;
  let signer: CreatedKey;
  let domain: string;
  let distributionId: string;
  const suffix = Date.now();
  const alias = `media-${suffix}.example.com`;

  before(async () => {
    hooks = await (await activateExtension()).testing!();
    signer = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: `cookies-${suffix}`, algorithm: 'RSA_2048', keyGroupName: `cookies-${suffix}` });
    const distribution = await createDistribution(seedClient(), `cookies ${suffix}`, [behavior('/paid/*', [signer.keyGroupId])], undefined, [alias]);
    domain = distribution.DomainName!;
    distributionId = distribution.Id!;
    await vscode.commands.executeCommand(Commands.refresh);
  });

  afterEach(() => hooks.setUi(undefined));
  after(() => deleteDistributions(seedClient(), [distributionId]));

  function scripted(answers: Answer[]): ScriptedUi {
    const ui = new ScriptedUi(answers);
    hooks.setUi(ui);
    return ui;
  }

  it('Set-Cookie with the alias as Domain puts the Resource on the alias: the edge grants a request to the alias', async () => {
    const ui = scripted([input(`https://${domain}/paid/*`), pick('1 hour'), pick('Set-Cookie'), pick(alias), pick('Lax', { expectPicked: 'Lax' })]);
    const text = await vscode.commands.executeCommand<string>(Commands.signCookies);
    ui.assertAllUsed();
    assert.equal(ui.clipboard, text);
    assert.match(
      text,
      new RegExp(
        `^Set-Cookie: CloudFront-Policy=[^;]+; Domain=${alias.replace(/\./g, '\\.')}; Path=/paid/; Expires=[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT; Max-Age=\\d+; Secure; HttpOnly; SameSite=Lax$`,
        'm',
      ),
    );
    const requested = `https://${alias}/paid/movie.mp4`;
    const header = cookieHeader(text);
    const parsed = parseSignedCookies(Object.fromEntries(header.split('; ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])), requested);
    assert.equal(parsed.resource, `https://${alias}/paid/*`);

    // The edge's decision, by CloudFront's rules, for the request the browser makes to the alias.
    const pem = (await seedClient().send(new GetPublicKeyCommand({ Id: signer.publicKeyId }))).PublicKey!.PublicKeyConfig!.EncodedKey!;
    const decision = evaluateEdgeRequest({ url: requested, cookieHeader: header }, { publicKeys: new Map([[signer.publicKeyId, pem]]), pathPattern: '/paid/*' });
    assert.deepEqual(decision, { granted: true, behavior: '/paid/*' });

    // Cookie words, not URL words.
    const domainPick = ui.shownPicks.find((p) => p.items.some((item) => item.label === alias))!;
    assert.deepEqual(
      domainPick.items.map((item) => item.label),
      [alias, domain, 'example.com'],
    );
    assert.deepEqual(
      domainPick.items.map((item) => item.description),
      [`resource https://${alias}/paid/*`, `resource https://${domain}/paid/*`, `parent domain: the cookies reach every subdomain of example.com · resource https://${alias}/paid/*`],
    );
    assert.deepEqual(
      ui.prompts.map((p) => p.title),
      [
        'Create Signed Cookies: resource: The URLs the cookies open; * matches any characters',
        'Signed cookies expire in: Choose when the cookies expire',
        'Copy the signed cookies as: ',
        'Cookie domain: the host viewers request: The browser sends the cookies to this host and its subdomains; the resource is put on it',
        'Cookie SameSite: When the browser sends the cookies with requests that start on another site',
      ],
    );
    assert.equal(ui.notifications.length, 1);
    assert.match(
      ui.notifications[0].message,
      new RegExp(
        `^Signed cookies copied to the clipboard as Set-Cookie headers for ${alias.replace(/\./g, '\\.')}\\. CloudFront reads the cookies CloudFront-Policy, CloudFront-Signature, CloudFront-Key-Pair-Id, CloudFront-Hash-Algorithm on requests that https://${alias.replace(/\./g, '\\.')}/paid/\\* matches \\(Path=/paid/\\); they expire with the policy at `,
      ),
    );
  });

  it('a parent domain of the alias: Domain=example.com, the Resource on the alias, SameSite=None; the edge grants a request to the alias', async () => {
    const ui = scripted([input(`https://${domain}/paid/*`), pick('1 hour'), pick('Set-Cookie'), pick('example.com'), pick('None')]);
    const text = await vscode.commands.executeCommand<string>(Commands.signCookies);
    ui.assertAllUsed();
    assert.match(text, /^Set-Cookie: CloudFront-Signature=[^;]+; Domain=example\.com; Path=\/paid\/; Expires=[^;]+ GMT; Max-Age=\d+; Secure; HttpOnly; SameSite=None$/m);
    const requested = `https://${alias}/paid/movie.mp4`;
    const pem = (await seedClient().send(new GetPublicKeyCommand({ Id: signer.publicKeyId }))).PublicKey!.PublicKeyConfig!.EncodedKey!;
    const decision = evaluateEdgeRequest({ url: requested, cookieHeader: cookieHeader(text) }, { publicKeys: new Map([[signer.publicKeyId, pem]]), pathPattern: '/paid/*' });
    assert.deepEqual(decision, { granted: true, behavior: '/paid/*' });
  });

  it('Custom policy… for cookies asks the IP range and start, not the resource typed just before', async () => {
    const resource = `https://${domain}/paid/*`;
    const ui = scripted([input(resource), pick('Custom policy…'), input('192.0.2.0/24'), input(''), pick('1 hour'), pick('JSON')]);
    const cookies = await vscode.commands.executeCommand<Record<string, string>>(Commands.signCookies);
    ui.assertAllUsed();
    const custom = ui.shownPicks[0].items.find((item) => item.label === 'Custom policy…');
    assert.equal(custom?.description, 'IP range, start time', 'no "wildcard resource": it was typed already');
    assert.ok(!ui.prompts.some((p) => p.title.startsWith('Custom policy: resource')), ui.prompts.map((p) => p.title).join(' | '));
    const parsed = parseSignedCookies(cookies, `https://${domain}/paid/a.mp4`);
    assert.deepEqual([parsed.resource, parsed.ipRange], [resource, '192.0.2.0/24']);
  });

  it('JSON: the expiry and the notification speak of cookies', async () => {
    const ui = scripted([input(`https://${domain}/paid/*`), pick('1 day'), pick('JSON')]);
    const cookies = await vscode.commands.executeCommand<Record<string, string>>(Commands.signCookies);
    ui.assertAllUsed();
    assert.equal(cookies['CloudFront-Key-Pair-Id'], signer.publicKeyId);
    assert.equal(ui.notifications.length, 1);
    const message = ui.notifications[0].message;
    const prefix = `Signed cookies copied to the clipboard as JSON. CloudFront reads the cookies CloudFront-Policy, CloudFront-Signature, CloudFront-Key-Pair-Id, CloudFront-Hash-Algorithm on requests that https://${domain}/paid/* matches (Path=/paid/); they expire with the policy at `;
    assert.ok(message.startsWith(prefix), message);
    assert.match(message.slice(prefix.length), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} local \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)\.$/);
  });
});
