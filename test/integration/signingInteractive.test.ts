// "Sign CloudFront URL" as a person uses it, with the prompts answered by a scripted Ui: the URL from
// the editor selection, keys the behavior does not trust shown but refused with the reason, a date
// typed in local time (its UTC value shown while typing), a custom policy, and the notification's
// "Copy as curl".
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import { Commands } from '../../src/constants';
import { parseSignedUrl } from '../../src/signing';
import { input, paste, pick, ScriptedUi, type Answer } from '../fakes/scriptedUi';
import { behavior, createDistribution, seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';
import type { CreateKeyPairResult as CreatedKey } from '../../src/commands/keys/createKeyPair/state';

describe('Sign CloudFront URL, interactively (moto, scripted answers)', function () {
  this.timeout(120_000);
  let hooks: TestingApi;
  let domain: string;
  const keys: Record<'a' | 'b' | 'c', CreatedKey> = {} as never;
  const suffix = Date.now();

  before(async () => {
    const api = await activateExtension();
    hooks = await api.testing!();
    for (const name of ['a', 'b', 'c'] as const) {
      keys[name] = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, {
        name: `interactive-${name}-${suffix}`,
        algorithm: 'RSA_2048',
        keyGroupName: `interactive-${name}-${suffix}`,
      });
    }
    const distribution = await createDistribution(seedClient(), `interactive ${suffix}`, [behavior('/one/*', [keys.a.keyGroupId]), behavior('/two/*', [keys.a.keyGroupId, keys.b.keyGroupId])]);
    domain = distribution.DomainName!;
    await vscode.commands.executeCommand(Commands.refresh);
  });

  afterEach(() => hooks.setUi(undefined));

  /** A scripted Ui whose editor selection is `selected`. */
  function scripted(selected: string, answers: Answer[]): ScriptedUi {
    const ui = new ScriptedUi(answers);
    ui.selectedText = selected;
    hooks.setUi(ui);
    return ui;
  }

  it('takes the selected URL, signs with the one trusted key without asking, until a typed local date', async () => {
    const url = `https://${domain}/one/movie.mp4`;
    // 36 hours from now, to the minute, in the local time of the run: "in 1 day" whatever the hour,
    // the zone (CI runs UTC+14 and UTC-12) or a daylight-saving change in between (35 to 37 hours).
    const now = Date.now();
    const typedAt = new Date(now + 36 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const typed = `${typedAt.getFullYear()}-${pad(typedAt.getMonth() + 1)}-${pad(typedAt.getDate())} ${pad(typedAt.getHours())}:${pad(typedAt.getMinutes())}`;
    const ui = scripted(url, [pick('Date and time…'), input(typed, { expectDescription: /local \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)/ })]);
    const signed = await vscode.commands.executeCommand<string>(Commands.signUrl);
    ui.assertAllUsed();
    const parsed = parseSignedUrl(signed);
    assert.equal(parsed.url, url);
    assert.equal(parsed.keyPairId, keys.a.publicKeyId);
    const expected = new Date(typedAt.getFullYear(), typedAt.getMonth(), typedAt.getDate(), typedAt.getHours(), typedAt.getMinutes());
    assert.equal(parsed.expires, Math.floor(expected.getTime() / 1000), 'the local time typed, as epoch seconds');
    assert.equal(ui.clipboard, signed);
    assert.match(ui.notifications[0].message, /Signed URL copied to the clipboard\. It expires in 1 day, at .* local \(.* UTC\)\./);
    assert.deepEqual(ui.notifications[0].actions, ['Open', 'Copy as curl', 'Diagnose']);
  });

  it('lists keys the behavior does not trust, refuses them with the reason, and signs with the one picked', async () => {
    const url = `https://${domain}/two/trailer.mp4`;
    const ui = scripted(url, [
      pick(new RegExp(`interactive-c-${suffix}`), { expectRefusal: /cannot sign this URL: not in a key group that \/two\/\* trusts/ }),
      pick(new RegExp(`interactive-b-${suffix}`)),
      pick('1 hour'),
    ]);
    ui.notificationAnswers.push('Copy as curl');
    const signed = await vscode.commands.executeCommand<string>(Commands.signUrl);
    ui.assertAllUsed();
    assert.equal(parseSignedUrl(signed).keyPairId, keys.b.publicKeyId);
    // The notification's "Copy as curl" replaces the URL on the clipboard with a curl command for it.
    for (let i = 0; i < 50 && !ui.clipboard.startsWith('curl'); i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(ui.clipboard, `curl -sS -D - -o /dev/null '${signed}'`);

    // The next time, the key picked for this distribution is offered first.
    scripted(url, [pick(/interactive-/, { expectPicked: new RegExp(`interactive-b-${suffix}`) }), pick('1 hour')]);
    await vscode.commands.executeCommand(Commands.signUrl);
  });

  it('"Custom policy…" adds a wildcard resource and an IP range', async () => {
    const url = `https://${domain}/one/hls/index.m3u8`;
    const ui = scripted(url, [pick('Custom policy…'), input(`https://${domain}/one/hls/*`), input('203.0.113.0/24'), input(''), pick('1 day')]);
    const signed = await vscode.commands.executeCommand<string>(Commands.signUrl);
    ui.assertAllUsed();
    const parsed = parseSignedUrl(signed);
    assert.deepEqual([parsed.policyKind, parsed.resource, parsed.ipRange], ['custom', `https://${domain}/one/hls/*`, '203.0.113.0/24']);
  });

  it('with nothing selected, shows the URL box at once without reading the clipboard; its paste button reads it', async () => {
    const url = `https://${domain}/one/pasted.mp4`;
    // The real clipboard holds a URL: a flow that read it unasked would sign it without the box.
    await vscode.env.clipboard.writeText(url);
    const typed = scripted('', [input(url, { expectValue: '' }), pick('1 hour')]);
    const signed = await vscode.commands.executeCommand<string>(Commands.signUrl);
    typed.assertAllUsed();
    assert.equal(typed.clipboardReads, 0, 'the clipboard was read unasked');
    assert.match(typed.prompts[0].title, /^Sign CloudFront URL: /);
    assert.equal(parseSignedUrl(signed).url, url);

    const pasting = scripted('', [paste(), pick('1 hour')]);
    pasting.clipboard = url;
    assert.equal(parseSignedUrl(await vscode.commands.executeCommand<string>(Commands.signUrl)).url, url);
    pasting.assertAllUsed();
    assert.equal(pasting.clipboardReads, 1);
    assert.equal(pasting.clipboard.startsWith(`${url}?Expires=`), true, 'the signed URL replaced it on the clipboard');
  });

  it('a URL no distribution of this profile serves: says so and asks before signing; declining signs nothing', async () => {
    const url = 'http://example.com/downloads/file.zip';
    const declined = scripted(url, [{ kind: 'confirm', accept: false }]);
    assert.equal(await vscode.commands.executeCommand(Commands.signUrl), undefined);
    declined.assertAllUsed();
    // The suite runs with the default credential chain (no profile): the message says so in words.
    assert.match(declined.prompts[0].title, /^No distribution in the account of the default AWS credentials serves example\.com\.$/);
    assert.equal(declined.clipboard, '', 'nothing copied');
    assert.deepEqual(declined.notifications, [], 'no success toast');

    // Another account's distribution is legitimate: "Sign Anyway" signs it, with the key picked.
    const accepted = scripted(url, [{ kind: 'confirm', accept: true }, pick(new RegExp(`interactive-a-${suffix}`)), pick('1 hour')]);
    const signed = await vscode.commands.executeCommand<string>(Commands.signUrl);
    accepted.assertAllUsed();
    assert.equal(parseSignedUrl(signed).url, url);
    assert.equal(accepted.clipboard, signed);
  });
});
