// The Getting Started walkthrough, step by step, driven by the real events against moto: each action
// runs through the commands with arguments, and after each one exactly the steps done so far are
// checked off (their globalState flag and the context key their `onContext:` completion event reads).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import { Commands, EXTENSION_ID, WALKTHROUGH_ID, WalkthroughKeys, type WalkthroughStep } from '../../src/constants';
import type { Finding } from '../../src/signing/diagnose';
import { behavior, createDistribution, seedClient } from './support/cloudFrontSeed';
import { activateExtension, renderChildren } from './support/extension';

interface Walkthrough {
  id: string;
  steps: Array<{ id: string; completionEvents: string[] }>;
}

const ORDER: WalkthroughStep[] = ['profileChosen', 'keyPairCreated', 'behaviorRestricted', 'urlSigned', 'urlDiagnosed'];

/** Waits a moment for the flags: globalState and setContext are written without being awaited. */
async function assertDone(testing: TestingApi, done: number): Promise<void> {
  const expected = ORDER.map((step, i) => [step, i < done]);
  const actual = () => ORDER.map((step) => [step, testing.walkthrough.isDone(step) && testing.walkthrough.contextSet.has(WalkthroughKeys[step])]);
  for (let i = 0; i < 50 && JSON.stringify(actual()) !== JSON.stringify(expected); i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(actual(), expected);
}

describe('Getting Started walkthrough (moto)', function () {
  this.timeout(120_000);
  let testing: TestingApi;
  let api: Awaited<ReturnType<typeof activateExtension>>;

  before(async () => {
    api = await activateExtension();
    testing = await api.testing!();
    await testing.walkthrough.reset();
  });
  after(() => vscode.workspace.getConfiguration('cloudfront').update('profile', undefined, vscode.ConfigurationTarget.Global));

  it('contributes five steps, each completed by the context key of its real event', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { walkthroughs: Walkthrough[] } };
    const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID)!;
    assert.deepEqual(
      walkthrough.steps.map((s) => s.completionEvents),
      ORDER.map((step) => [`onContext:${WalkthroughKeys[step]}`]),
    );
  });

  it('checks off each step only when its action really happened', async () => {
    const suffix = Date.now();
    await assertDone(testing, 0);

    // 1. The default credential chain (moto's environment credentials) chosen as the profile.
    assert.equal(await vscode.commands.executeCommand(Commands.chooseProfile, { profile: '' }), '');
    await assertDone(testing, 1);

    // 2. A key pair whose public key CloudFront holds; no behavior restricted yet.
    await vscode.commands.executeCommand(Commands.createKeyPair, { name: `wt-${suffix}`, algorithm: 'ECDSA_P256', keyGroupName: `wt-group-${suffix}` });
    await assertDone(testing, 2);

    // 3. /paid/* of a distribution restricted by a new key group holding a new local key.
    const distribution = await createDistribution(seedClient(), `walkthrough ${suffix}`, [behavior('/paid/*')]);
    await vscode.commands.executeCommand(Commands.createKeyPair, {
      name: `wt-paid-${suffix}`,
      algorithm: 'RSA_2048',
      keyGroupName: `wt-paid-group-${suffix}`,
      distributionId: distribution.Id,
      pathPatterns: ['/paid/*'],
    });
    await assertDone(testing, 3);

    // 4. A URL under /paid/* signed.
    await vscode.commands.executeCommand(Commands.refresh);
    const signed = await vscode.commands.executeCommand<string>(Commands.signUrl, {
      url: `https://${distribution.DomainName}/paid/intro.mp4`,
      expires: new Date(Date.now() + 3600_000).toISOString(),
      copy: false,
    });
    assert.match(signed, /Signature=/);
    await assertDone(testing, 4);

    // 5. That URL diagnosed: CloudFront would serve it.
    const findings = await vscode.commands.executeCommand<Finding[]>(Commands.diagnoseUrl, { url: signed });
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
    await assertDone(testing, 5);
  });

  it('a failed action checks off nothing', async () => {
    await testing.walkthrough.reset();
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand(Commands.chooseProfile, { profile: 'no-such-profile' })));
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand(Commands.diagnoseUrl, { url: '' })));
    await assertDone(testing, 0);
  });

  it('checks off "Choose an AWS profile" when the credentials in use answer, with no profile chosen (the default chain)', async () => {
    await vscode.workspace.getConfiguration('cloudfront').update('profile', undefined, vscode.ConfigurationTarget.Global);
    await testing.walkthrough.reset();
    await assertDone(testing, 0);
    // The Distributions view reads the account with moto's environment credentials.
    await vscode.commands.executeCommand(Commands.refresh);
    await renderChildren(api.distributionsView);
    await assertDone(testing, 1);
  });

  it('"Get Started" is linked from the views: their title menus and their welcome content', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { menus: Record<string, Array<{ command: string; when?: string }>>; viewsWelcome: Array<{ view: string; contents: string }> };
    };
    const strings = JSON.parse(readFileSync(join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const title = manifest.contributes.menus['view/title'].find((m) => m.command === Commands.openWalkthrough);
    for (const view of ['cloudfront.distributions', 'cloudfront.keys', 'cloudfront.buckets']) {
      assert.ok(title?.when?.includes(`view == ${view}`), `no Get Started in the title menu of ${view}`);
      const welcome = manifest.contributes.viewsWelcome.filter((w) => w.view === view).map((w) => strings[w.contents.slice(1, -1)] ?? w.contents);
      assert.ok(welcome.length > 0, view);
      for (const text of welcome) assert.match(text, /\[Get Started walkthrough\]\(command:cloudfront\.openWalkthrough\)/, `${view}: ${text}`);
    }
  });
});
