// "Create Signed Cookies" as a person uses it (moto, scripted answers): for Set-Cookie headers, the
// cookie Domain, the Resource's host and the host viewers request are one choice, so the browser
// sends the cookies where the Resource matches; a Resource the cookies could never reach is warned
// about before signing; the prompts and the notification speak of cookies.
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
    const ui = scripted([input(`https://${domain}/paid/*`), pick('1 hour'), pick('Set-Cookie'), pick(alias)]);
    const text = await vscode.commands.executeCommand<string>(Commands.signCookies);
    ui.assertAllUsed();
    assert.equal(ui.clipboard, text);
    assert.match(text, new RegExp(`^Set-Cookie: CloudFront-Policy=[^;]+; Domain=${alias.replace(/\./g, '\\.')}; Path=/; Secure; HttpOnly$`, 'm'));
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
      [alias, domain],
    );
    assert.deepEqual(
      domainPick.items.map((item) => item.description),
      [`resource https://${alias}/paid/*`, `resource https://${domain}/paid/*`],
    );
    assert.deepEqual(
      ui.prompts.map((p) => p.title),
      [
        'Create Signed Cookies: resource: The URLs the cookies open; * matches any characters',
        'Signed cookies expire in: Choose when the cookies expire',
        'Copy the signed cookies as: ',
        'Cookie domain: the host viewers request: The browser sends the cookies to this host and its subdomains; the resource is put on it',
      ],
    );
    assert.deepEqual(
      ui.notifications.map((n) => n.message),
      [`Signed cookies copied to the clipboard as Set-Cookie headers for ${alias}.`],
    );
  });

  it('a custom Resource on a host the chosen Domain never reaches: warned before signing; declining signs nothing', async () => {
    const ui = scripted([
      input(`https://${domain}/paid/*`),
      pick('Custom policy…'),
      input('https://elsewhere.example.net/paid/*'),
      input(''),
      input(''),
      pick('1 hour'),
      pick('Set-Cookie'),
      pick(alias),
      { kind: 'confirm', accept: false },
    ]);
    ui.clipboard = 'before';
    assert.equal(await vscode.commands.executeCommand(Commands.signCookies), undefined);
    ui.assertAllUsed();
    assert.match(ui.prompts.at(-1)!.title, new RegExp(`^The cookies for ${alias.replace(/\./g, '\\.')} would never reach elsewhere\\.example\\.net\\.`));
    assert.equal(ui.clipboard, 'before', 'nothing copied');
    assert.deepEqual(ui.notifications, []);
  });

  it('JSON: the expiry and the notification speak of cookies', async () => {
    const ui = scripted([input(`https://${domain}/paid/*`), pick('1 day'), pick('JSON')]);
    const cookies = await vscode.commands.executeCommand<Record<string, string>>(Commands.signCookies);
    ui.assertAllUsed();
    assert.equal(cookies['CloudFront-Key-Pair-Id'], signer.publicKeyId);
    assert.deepEqual(
      ui.notifications.map((n) => n.message),
      ['Signed cookies copied to the clipboard as JSON.'],
    );
  });
});
