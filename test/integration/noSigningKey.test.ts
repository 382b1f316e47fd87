// No dead end before the first signature (moto, scripted answers): when the behavior's key groups hold
// no key this window can sign with, "Sign CloudFront URL" says so before asking anything else, and the
// warning's buttons run Create Key Pair for that behavior (distribution and behavior chosen already),
// Import Private Key and Link Key Kept in AWS (each on the behavior's one public key). The key wizard's
// "Sign a URL now" starts the URL box on the behavior it protected, not empty.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import { Commands } from '../../src/constants';
import { parseSignedUrl } from '../../src/signing';
import type { TreeNode } from '../../src/tree/treeNode';
import { input, pick, pickMany, ScriptedUi, type Answer } from '../fakes/scriptedUi';
import { behavior, createDistribution, createKeyGroup, createPublicKey, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { activateExtension, labelOf, renderChildren } from './support/extension';
import type { CreateKeyPairResult as CreatedKey } from '../../src/commands/keys/createKeyPair/state';

/** Resolves once `check` holds, polling the extension host's event loop (a detached command runs on). */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (check()) return;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('No key to sign with: said first, with the fixes as buttons (moto, scripted answers)', function () {
  this.timeout(120_000);
  let hooks: TestingApi;
  let distributionId: string;
  let domain: string;
  const suffix = Date.now();

  before(async () => {
    hooks = await (await activateExtension()).testing!();
    const seed = seedClient();
    const lockedGroupId = await createKeyGroup(seed, `locked-${suffix}`, [await createPublicKey(seed, `locked-${suffix}`)]);
    const distribution = await createDistribution(seed, `no key ${suffix}`, [behavior('/locked/*', [lockedGroupId])]);
    distributionId = distribution.Id!;
    domain = distribution.DomainName!;
    await vscode.commands.executeCommand(Commands.refresh);
  });

  afterEach(() => hooks.setUi(undefined));
  after(() => deleteDistributions(seedClient(), [distributionId]));

  function scripted(answers: Answer[], buttons: string[] = []): ScriptedUi {
    const ui = new ScriptedUi(answers);
    ui.notificationAnswers.push(...buttons);
    hooks.setUi(ui);
    return ui;
  }

  async function behaviorRow(pattern: string): Promise<TreeNode> {
    const api = await activateExtension();
    const row = (await renderChildren(api.distributionsView)).find((r) => labelOf(r.item) === distributionId);
    assert.ok(row, `no row for ${distributionId}`);
    const found = (await renderChildren(api.distributionsView, row.node)).find((r) => labelOf(r.item) === pattern);
    assert.ok(found, `no behavior row ${pattern}`);
    return found.node;
  }

  it('from the /locked/* row: says so before asking the path; "Create Key Pair for /locked/*" opens the wizard on that distribution and behavior', async () => {
    const row = await behaviorRow('/locked/*');
    const ui = scripted(
      [
        // The wizard the button opened: every step is asked, the distribution and behavior already chosen.
        input(`locked-new-${suffix}`),
        pick('RSA 2048'),
        pick('This machine (VS Code secret storage)'),
        pick('$(add) New key group'),
        input(`locked-new-${suffix}`),
        pick(distributionId, { expectPicked: distributionId }),
        pickMany(['/locked/*'], ['/locked/*']),
        { kind: 'cancel' },
      ],
      ['Create Key Pair for /locked/*'],
    );
    assert.equal(await vscode.commands.executeCommand(Commands.signUrl, row), undefined);
    assert.equal(ui.prompts.length, 0, 'nothing asked before the warning');
    assert.equal(ui.notifications.length, 1);
    const [warning] = ui.notifications;
    assert.equal(warning.severity, 'warning');
    assert.equal(
      warning.message,
      `No key in this window can sign for ${distributionId}, behavior /locked/*: it trusts the key groups locked-${suffix}, and the private key of none of their public keys is in this window. Create a key pair for it, import its private key, or link a key kept in AWS.`,
    );
    assert.deepEqual(warning.actions, ['Create Key Pair for /locked/*', 'Import Private Key', 'Link Key Kept in AWS']);
    await eventually(() => ui.prompts.length === 8, 'the key wizard to be answered');
    ui.assertAllUsed();
    assert.match(ui.prompts[0].title, /^Create Key Pair/);
    assert.equal(ui.clipboard, '', 'nothing signed');
  });

  it('a typed URL of /locked/*: the warning comes before the expiry; "Import Private Key" asks only for the key of its one public key', async () => {
    const url = `https://${domain}/locked/a.mp4`;
    const ui = scripted([pick('$(clippy) Paste the PEM text'), { kind: 'cancel' }], ['Import Private Key']);
    ui.selectedText = url;
    assert.equal(await vscode.commands.executeCommand(Commands.signUrl), undefined);
    assert.deepEqual(
      ui.notifications.map((n) => n.actions),
      [['Create Key Pair for /locked/*', 'Import Private Key', 'Link Key Kept in AWS']],
    );
    await eventually(() => ui.prompts.length === 2, 'Import Private Key to ask for the key');
    ui.assertAllUsed();
    assert.ok(
      ui.prompts.every((p) => p.title.startsWith('Import Private Key')),
      ui.prompts.map((p) => p.title).join(' | '),
    );
    assert.ok(!ui.prompts.some((p) => /expires/.test(p.title)), 'no expiry asked');
  });

  it('"Sign a URL now" after Create Key Pair starts the URL box on the behavior the key protects, and signs with it', async () => {
    const created = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, {
      name: `sign-now-${suffix}`,
      algorithm: 'RSA_2048',
      keyGroupName: `sign-now-${suffix}`,
      distributionId,
      pathPatterns: ['/locked/*'],
    });
    await vscode.commands.executeCommand(Commands.refresh);
    const ui = scripted([input(`https://${domain}/locked/movie.mp4`, { expectValue: `https://${domain}/locked/` }), pick('1 hour')]);
    const signed = await vscode.commands.executeCommand<string>(Commands.signUrl, { interactive: true, keyPairId: created.publicKeyId, distributionId, pathPattern: '/locked/*' });
    ui.assertAllUsed();
    assert.equal(parseSignedUrl(signed).keyPairId, created.publicKeyId);
    assert.equal(parseSignedUrl(signed).url, `https://${domain}/locked/movie.mp4`);
  });
});
