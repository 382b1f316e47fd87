// The real extension against moto through the fault proxy (test/runner/lib/faultProxy.mjs), which
// fails the extension's calls the ways AWS does: throttling (400 Throttling, 503 SlowDown), 500s, calls
// that get no answer (the client's idle timeout, 1.5 s in tests, ends them), dropped connections, slow
// answers and ETag conflicts (412). Under each, the views and the Create Key Pair wizard keep working:
// the SDK retries with backoff (adaptive, 5 attempts), a wizard step that still fails is reported with
// Retry and Undo, and a view that cannot load says so instead of showing what it loaded before.
import assert from 'node:assert/strict';
import { GetDistributionConfigCommand, ListKeyGroupsCommand, ListPublicKeysCommand, type CacheBehavior } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';
import type { CloudFrontPrivateContentApi, TestingApi } from '../../src/api';
import { Commands, ContextValues, Settings } from '../../src/constants';
import { parseSignedUrl, verifySignedUrl } from '../../src/signing';
import { input, pick, type Answer } from '../fakes/scriptedUi';
import { behavior, createDistribution, createKeyGroup, createPublicKey, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { activateExtension, argumentsOf, labelOf, renderChildren } from './support/extension';
import { clearFaults, extensionCalls, faultProxyAvailable, Faults, injectFaults, RecoveringUi, type Operation } from './support/faultProxy';
import { rememberSigned } from './support/secrets';
import { testingHooks } from './support/testingHooks';
import type { CreateKeyPairResult as CreatedKey } from '../../src/commands/keys/createKeyPair/state';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++counter}`;
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

/**
 * New AWS clients for the extension. A client's adaptive retry strategy remembers throttling (it sends
 * slower for a while) and spends a retry quota; each test starts from a fresh one. Choosing a profile is
 * what makes the session build new clients, so the user setting is changed and put back.
 */
async function freshAwsClients(api: CloudFrontPrivateContentApi): Promise<void> {
  const settings = () => vscode.workspace.getConfiguration(Settings.section);
  const current = settings().inspect<string>(Settings.profile)?.globalValue;
  let changes = 0;
  const listener = api.distributionsView.onDidChangeTreeData?.(() => changes++);
  try {
    await settings().update(Settings.profile, current === undefined ? '' : undefined, vscode.ConfigurationTarget.Global);
    await settings().update(Settings.profile, current, vscode.ConfigurationTarget.Global);
    for (let i = 0; i < 100 && changes < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(changes >= 2, 'the session saw both profile changes (and dropped its clients)');
  } finally {
    listener?.dispose();
  }
}

/** The Distributions view's first level after "CloudFront: Refresh". */
async function refreshedRoot(api: CloudFrontPrivateContentApi) {
  await vscode.commands.executeCommand(Commands.refresh);
  return renderChildren(api.distributionsView);
}

/** What the extension's calls of one operation met: the proxy's fault for each, null when it was forwarded. */
async function outcomes(operation: Operation): Promise<Array<string | null>> {
  return (await extensionCalls(operation)).map((call) => call.fault);
}

/** Answers the wizard's questions for a new ECDSA key in a new key group, restricting nothing. */
function wizardAnswers(name: string, group: string): Answer[] {
  return [input(name), pick('ECDSA P-256'), pick('This machine (VS Code secret storage)'), pick('$(add) New key group'), input(group), pick('Not now'), pick('$(check) Create')];
}

/** Answers the wizard's questions for a new ECDSA key in a new key group that restricts `pattern` of `distributionId`. */
function restrictingAnswers(distributionId: string, pattern: string): (name: string, group: string) => Answer[] {
  return (name, group) => [
    input(name),
    pick('ECDSA P-256'),
    pick('This machine (VS Code secret storage)'),
    pick('$(add) New key group'),
    input(group),
    pick(new RegExp(distributionId)),
    { kind: 'pickMany', choose: [pattern] },
    pick('$(check) Create'),
  ];
}

/** Answers the wizard through a RecoveringUi that presses `press` when a step fails; returns the names it gives. */
function recoveringWizard(hooks: TestingApi, press: 'Retry' | 'Undo', prefix: string, answers?: (name: string, group: string) => Answer[]) {
  const name = unique(prefix);
  const group = unique(`${prefix}-group`);
  const ui = new RecoveringUi((answers ?? wizardAnswers)(name, group));
  ui.notificationAnswers.push(press);
  hooks.setUi(ui);
  return { name, group, ui };
}

async function publicKeysNamed(name: string): Promise<string[]> {
  const list = await seedClient().send(new ListPublicKeysCommand({}));
  return (list.PublicKeyList?.Items ?? []).filter((k) => k.Name === name).map((k) => k.Id!);
}

async function keyGroupsNamed(name: string): Promise<Array<{ id: string; items: string[] }>> {
  const list = await seedClient().send(new ListKeyGroupsCommand({}));
  return (list.KeyGroupList?.Items ?? []).filter((g) => g.KeyGroup?.KeyGroupConfig?.Name === name).map((g) => ({ id: g.KeyGroup!.Id!, items: g.KeyGroup!.KeyGroupConfig!.Items ?? [] }));
}

/** Distributions this suite made, deleted at its end. */
const created: string[] = [];
async function newDistribution(comment: string, behaviors: CacheBehavior[] = []) {
  const distribution = await createDistribution(seedClient(), comment, behaviors);
  created.push(distribution.Id!);
  return distribution;
}

describe('faults between the extension and CloudFront (fault proxy)', function () {
  this.timeout(40_000);
  let api: CloudFrontPrivateContentApi;
  let hooks: TestingApi;
  let distributionId: string;

  before(async function () {
    if (!faultProxyAvailable()) return this.skip(); // another launcher (test-electron) has no proxy
    api = await activateExtension();
    hooks = await testingHooks();
    distributionId = (await newDistribution(`faults ${Date.now()}`, [behavior('/paid/*')])).Id!;
  });

  beforeEach(async () => {
    await clearFaults();
    await freshAwsClients(api);
  });

  afterEach(async () => {
    if (!faultProxyAvailable()) return;
    await clearFaults();
    hooks.setUi(undefined);
  });

  after(async () => {
    if (!faultProxyAvailable()) return;
    await freshAwsClients(api);
    await deleteDistributions(seedClient(), created);
  });

  describe('Distributions view', () => {
    const cases: Array<{ title: string; fault: Parameters<typeof injectFaults>[0]['fault']; times: number; expected: Array<string | null> }> = [
      { title: 'throttling (400 Throttling), twice', fault: Faults.throttling, times: 2, expected: ['400 Throttling', '400 Throttling', null] },
      { title: 'throttling (503 SlowDown)', fault: Faults.slowDown, times: 1, expected: ['503 SlowDown', null] },
      { title: 'a server error (500), twice', fault: Faults.internalError, times: 2, expected: ['500 InternalError', '500 InternalError', null] },
      { title: 'no answer: the call times out', fault: Faults.hang, times: 1, expected: ['hang', null] },
      { title: 'dropped connections, twice', fault: Faults.drop, times: 2, expected: ['drop request', 'drop request', null] },
      { title: 'an answer lost after CloudFront gave it', fault: Faults.dropAnswer, times: 1, expected: ['drop response', null] },
      { title: 'slow answers (800 ms each)', fault: Faults.slow(800), times: 5, expected: ['delay 800 ms'] },
    ];
    for (const { title, fault, times, expected } of cases) {
      it(`${title}: retried, and the view lists the distributions`, async () => {
        await injectFaults({ operation: 'ListDistributions', fault, times });
        const rows = await refreshedRoot(api);
        assert.ok(
          rows.some((row) => labelOf(row.item) === distributionId && row.item.contextValue === ContextValues.distribution),
          rows.map((row) => labelOf(row.item)).join(' | '),
        );
        assert.ok(!rows.some((row) => row.item.contextValue === ContextValues.error), 'no error row');
        assert.deepEqual(await outcomes('ListDistributions'), expected);
      });
    }

    it('a distribution is completed (GetDistribution) and expands (ListKeyGroups) through throttling and a dropped connection', async () => {
      await injectFaults({ operation: 'GetDistribution', fault: Faults.slowDown, times: 1 }, { operation: 'ListKeyGroups', fault: Faults.drop, times: 1 });
      const root = await refreshedRoot(api);
      const node = root.find((row) => labelOf(row.item) === distributionId)!.node;
      const children = await renderChildren(api.distributionsView, node);
      assert.deepEqual(
        children.map((c) => labelOf(c.item)),
        ['media', '/paid/*', 'Default (*)'],
      );
      // moto's summaries lack behaviors: the view reads each distribution once as it lists it (one
      // of them throttled, then retried by the SDK), and expanding reads none again.
      const listed = root.filter((row) => row.item.contextValue === ContextValues.distribution).length;
      assert.deepEqual(await outcomes('GetDistribution'), ['503 SlowDown', ...Array<null>(listed).fill(null)]);
      assert.deepEqual(await outcomes('ListKeyGroups'), ['drop request', null]);
    });

    it('when retries run out it says what failed, shows none of the rows it had, and "Try again" loads them fresh', async () => {
      assert.ok((await refreshedRoot(api)).some((row) => labelOf(row.item) === distributionId));
      await injectFaults({ operation: 'ListDistributions', fault: Faults.internalError });
      const failed = await refreshedRoot(api);
      assert.deepEqual(
        failed.map((row) => [labelOf(row.item), row.item.contextValue, row.item.command?.command]),
        [['cloudfront:ListDistributions failed: We encountered an internal error', ContextValues.error, Commands.loadMore]],
        'one error row, and no distribution shown as if it were current',
      );
      assert.equal((await outcomes('ListDistributions')).length, 5, 'maxAttempts: 5');

      const madeDuringOutage = (await newDistribution(`during the outage ${Date.now()}`)).Id!;
      await clearFaults();
      const retry = failed[0].item.command!;
      await vscode.commands.executeCommand(retry.command, ...argumentsOf(retry));
      const labels = (await renderChildren(api.distributionsView)).map((row) => labelOf(row.item));
      assert.ok(labels.includes(distributionId) && labels.includes(madeDuringOutage), labels.join(' | '));
    });

    // A wrong endpoint, a proxy or a web server answering instead of CloudFront: the SDK alone says
    // "@aws-sdk XML parse error: mismatched tags…" or "NotFound: UnknownError" (src/aws/unreadableAnswer.ts).
    it('an HTML page instead of an AWS answer: one row naming CloudFront, ListDistributions, HTTP 404 and the endpoint setting; not retried', async () => {
      await injectFaults({ operation: 'ListDistributions', fault: Faults.htmlPage });
      const failed = await refreshedRoot(api);
      assert.deepEqual(
        failed.map((row) => row.item.contextValue),
        [ContextValues.error],
      );
      assert.match(
        labelOf(failed[0].item),
        /^CloudFront ListDistributions answered HTTP 404 with an HTML page from 127\.0\.0\.1:\d+, not an AWS answer: check AWS_ENDPOINT_URL_CLOUDFRONT and the profile's endpoint_url/,
      );
      assert.deepEqual(await outcomes('ListDistributions'), ['404 html page'], 'a 404 page is no transient failure');
    });

    it('an empty 502 (a proxy) instead of an AWS answer: retried as a server error, then the same kind of row', async () => {
      await injectFaults({ operation: 'ListDistributions', fault: Faults.emptyBody });
      const failed = await refreshedRoot(api);
      assert.match(labelOf(failed[0].item), /^CloudFront ListDistributions answered HTTP 502 with an empty body from 127\.0\.0\.1:\d+, not an AWS answer: /);
      assert.equal((await outcomes('ListDistributions')).length, 5, 'maxAttempts: 5');
    });
  });

  describe('Keys view', () => {
    it('an error row when ListPublicKeys keeps failing, the key groups again after "Try again"', async () => {
      const group = unique('keys-view-group');
      await createKeyGroup(seedClient(), group, [await createPublicKey(seedClient(), unique('keys-view-key'))]);
      await injectFaults({ operation: 'ListPublicKeys', fault: Faults.internalError, times: 5 });
      await vscode.commands.executeCommand(Commands.refresh);
      const failed = await renderChildren(api.keysView);
      assert.deepEqual(
        failed.map((row) => [labelOf(row.item), row.item.contextValue]),
        [['cloudfront:ListPublicKeys failed: We encountered an internal error', ContextValues.error]],
      );
      const retry = failed[0].item.command!;
      await vscode.commands.executeCommand(retry.command, ...argumentsOf(retry));
      const rows = await renderChildren(api.keysView);
      assert.ok(rows.some((row) => labelOf(row.item) === group) && !rows.some((row) => row.item.contextValue === ContextValues.error), rows.map((r) => labelOf(r.item)).join(' | '));
    });
  });

  describe('Create Key Pair', () => {
    it('with arguments, through throttling, a call without an answer, a dropped connection and slow answers: one public key, one key group, the private key stored', async () => {
      const name = unique('faulty');
      const group = unique('faulty-group');
      await injectFaults(
        { operation: 'ListPublicKeys', fault: Faults.slowDown, times: 1 },
        { operation: 'ListKeyGroups', fault: Faults.drop, times: 1 },
        { operation: 'CreatePublicKey', fault: Faults.throttling, times: 1 },
        { operation: 'CreateKeyGroup', fault: Faults.hang, times: 1 },
        { fault: Faults.slow(150) },
      );
      const result = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name, algorithm: 'ECDSA_P256', keyGroupName: group });
      assert.deepEqual(await publicKeysNamed(name), [result.publicKeyId], 'a retried CreatePublicKey made one key');
      assert.deepEqual(await keyGroupsNamed(group), [{ id: result.keyGroupId, items: [result.publicKeyId] }], 'a retried CreateKeyGroup made one group');
      assert.equal(hooks.keyStore.find(result.publicKeyId)?.name, name);
      assert.deepEqual(await outcomes('CreatePublicKey'), ['400 Throttling', 'delay 150 ms']);
      assert.deepEqual(await outcomes('CreateKeyGroup'), ['hang', 'delay 150 ms']);
    });

    it('with arguments, when CreateKeyGroup keeps failing: rejects with what was done, and the stored key stays linked to its public key', async () => {
      const name = unique('no-group');
      const group = unique('no-group-group');
      await injectFaults({ operation: 'CreateKeyGroup', fault: Faults.internalError });
      const rejection = await Promise.resolve(vscode.commands.executeCommand(Commands.createKeyPair, { name, algorithm: 'ECDSA_P256', keyGroupName: group })).then(
        () => assert.fail('createKeyPair resolved'),
        (error: Error) => error,
      );
      const [publicKeyId] = await publicKeysNamed(name);
      assert.equal(
        rejection.message,
        `Creating key pair ${name} stopped at "Create key group ${group}": We encountered an internal error. Done so far: Generate an ECDSA P-256 key pair; ` +
          `Store the private key in VS Code's secret storage; Upload public key ${publicKeyId}; Link the private key to public key ${publicKeyId}.`,
      );
      assert.equal((await outcomes('CreateKeyGroup')).length, 5);
      assert.deepEqual(await keyGroupsNamed(group), []);
      assert.equal(hooks.keyStore.find(publicKeyId)?.name, name, 'nothing lost: the private key is stored and linked');
    });

    it('interactive: Retry resumes at the failed step once CloudFront answers again', async () => {
      const { name, group, ui } = recoveringWizard(hooks, 'Retry', 'retry');
      await injectFaults({ operation: 'CreateKeyGroup', fault: Faults.internalError });
      const result = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair);
      ui.assertAllUsed();
      const failure = ui.notifications.find((n) => n.severity === 'error')!;
      assert.match(failure.message, new RegExp(`^Creating key pair ${name} stopped at "Create key group ${group}": We encountered an internal error\\. Done so far: `));
      assert.deepEqual(failure.actions, ['Retry', 'Undo']);
      assert.deepEqual(await publicKeysNamed(name), [result.publicKeyId], 'Retry did not upload the key again');
      assert.deepEqual(await keyGroupsNamed(group), [{ id: result.keyGroupId, items: [result.publicKeyId] }]);
      assert.deepEqual(await outcomes('CreateKeyGroup'), ['500 InternalError', '500 InternalError', '500 InternalError', '500 InternalError', '500 InternalError', null]);
    });

    it('interactive: Undo removes the uploaded public key and the stored private key', async () => {
      const { name, group, ui } = recoveringWizard(hooks, 'Undo', 'undo');
      const keysBefore = hooks.keyStore.list().map((k) => k.fingerprint);
      await injectFaults({ operation: 'CreateKeyGroup', fault: Faults.internalError });
      assert.equal(await vscode.commands.executeCommand(Commands.createKeyPair), undefined, 'cancelled after Undo, silently');
      ui.assertAllUsed();
      assert.match(
        ui.notifications.at(-1)!.message,
        /^Undone: Generate an ECDSA P-256 key pair; Store the private key in VS Code's secret storage; Upload public key \S+; Link the private key to public key \S+\.$/,
      );
      assert.deepEqual(await publicKeysNamed(name), []);
      assert.deepEqual(await keyGroupsNamed(group), []);
      assert.deepEqual(
        hooks.keyStore.list().map((k) => k.fingerprint),
        keysBefore,
      );
    });

    it('interactive: Undo after the restrict step failed deletes the new key group (DeleteKeyGroup on moto), the public key and the private key', async () => {
      const distribution = (await newDistribution(`undo-group ${Date.now()}`, [behavior('/paid/*')])).Id!;
      const keysBefore = hooks.keyStore.list().map((k) => k.fingerprint);
      const { name, group, ui } = recoveringWizard(hooks, 'Undo', 'undo-restrict', restrictingAnswers(distribution, '/paid/*'));
      await injectFaults({ operation: 'UpdateDistribution', fault: Faults.accessDenied });
      assert.equal(await vscode.commands.executeCommand(Commands.createKeyPair), undefined, 'cancelled after Undo, silently');
      ui.assertAllUsed();
      assert.match(ui.notifications.find((n) => n.severity === 'error')!.message, new RegExp(`stopped at "Restrict /paid/\\* of distribution ${distribution}": Access Denied`));
      assert.match(ui.notifications.at(-1)!.message, new RegExp(`^Undone: .*Create key group ${group}`));
      assert.deepEqual(await keyGroupsNamed(group), [], 'DeleteKeyGroup removed the new group');
      assert.deepEqual(await publicKeysNamed(name), []);
      assert.deepEqual(
        hooks.keyStore.list().map((k) => k.fingerprint),
        keysBefore,
      );
    });

    describe('ETag conflicts (412 PreconditionFailed) on UpdateDistribution', () => {
      let restrictable: string;
      before(async () => {
        restrictable = (await newDistribution(`etag ${Date.now()}`, [behavior('/paid/*'), behavior('/free/*')])).Id!;
      });

      const trustOf = async (pattern: string) => {
        const config = (await seedClient().send(new GetDistributionConfigCommand({ Id: restrictable }))).DistributionConfig!;
        return config.CacheBehaviors?.Items?.find((b) => b.PathPattern === pattern)?.TrustedKeyGroups?.Items ?? [];
      };

      it('one conflict: the change is read again and re-applied', async () => {
        await injectFaults({ operation: 'UpdateDistribution', fault: Faults.preconditionFailed, times: 1 });
        const result = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, {
          name: unique('etag'),
          algorithm: 'ECDSA_P256',
          keyGroupName: unique('etag-group'),
          distributionId: restrictable,
          pathPatterns: ['/paid/*'],
        });
        assert.deepEqual(await trustOf('/paid/*'), [result.keyGroupId]);
        assert.deepEqual(await outcomes('UpdateDistribution'), ['412 PreconditionFailed', null]);
        assert.equal((await outcomes('GetDistributionConfig')).length, 3, 'the wizard read it, then each write read it afresh');
      });

      it('conflicts that outlast three attempts: reported with Retry, which then restricts the behavior', async () => {
        const { ui } = recoveringWizard(hooks, 'Retry', 'etag-retry', restrictingAnswers(restrictable, '/free/*'));
        await injectFaults({ operation: 'UpdateDistribution', fault: Faults.preconditionFailed });
        const result = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair);
        ui.assertAllUsed();
        assert.match(
          ui.notifications.find((n) => n.severity === 'error')!.message,
          new RegExp(`stopped at "Restrict /free/\\* of distribution ${restrictable}": The If-Match version is not current\\.`),
        );
        assert.deepEqual(await trustOf('/free/*'), [result.keyGroupId]);
        assert.deepEqual(await outcomes('UpdateDistribution'), ['412 PreconditionFailed', '412 PreconditionFailed', '412 PreconditionFailed', null]);
      });
    });
  });

  describe('Sign CloudFront URL', () => {
    let domain: string;
    let signer: CreatedKey;
    before(async () => {
      signer = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: unique('fault-signer'), algorithm: 'ECDSA_P256', keyGroupName: unique('fault-signers') });
      domain = (await newDistribution(`fault signing ${Date.now()}`, [behavior('/paid/*', [signer.keyGroupId])])).DomainName!;
    });

    it('signs while ListDistributions and ListKeyGroups are throttled and slow', async () => {
      await injectFaults({ operation: 'ListDistributions', fault: Faults.throttling, times: 1 }, { operation: 'ListKeyGroups', fault: Faults.internalError, times: 1 }, { fault: Faults.slow(100) });
      await vscode.commands.executeCommand(Commands.refresh);
      const signed = await vscode.commands.executeCommand<string>(Commands.signUrl, { url: `https://${domain}/paid/a.mp4`, expires: inAnHour(), copy: false });
      rememberSigned(signed);
      assert.equal(parseSignedUrl(signed).keyPairId, signer.publicKeyId);
      assert.ok(verifySignedUrl(signed, (await hooks.keyStore.getPrivateKey(signer.publicKeyId))!));
      assert.equal((await outcomes('ListDistributions'))[0], '400 Throttling');
    });

    it("when CloudFront cannot be reached, refuses with the SDK's reason and copies nothing", async () => {
      await injectFaults({ operation: 'ListDistributions', fault: Faults.drop });
      await vscode.env.clipboard.writeText('before');
      await vscode.commands.executeCommand(Commands.refresh);
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand(Commands.signUrl, { url: `https://${domain}/paid/a.mp4`, expires: inAnHour() })), /socket hang up/);
      assert.equal(await vscode.env.clipboard.readText(), 'before');
      assert.equal((await outcomes('ListDistributions')).length, 5);
    });
  });
});
