// "Sign CloudFront URLs in Selection" with a key held by AWS KMS, in the real extension against moto
// (whose KMS signs for real), through the fault proxy (test/runner/lib/faultProxy.mjs), which fails the
// extension's kms:Sign calls as KMS does (matched by their X-Amz-Target header, TrentService.Sign).
// The key is made here with the KMS SDK, its public half uploaded to CloudFront, and listed with the
// extension through the key store's testing hook (addRemote), as linking a KMS key lists it. Bulk
// signing either completes with every URL verifying against CloudFront's copy of the public key, or
// rejects naming kms:Sign and the key and leaves the document exactly as it was.
import assert from 'node:assert/strict';
import { createPublicKey as publicKeyFromDer } from 'node:crypto';
import { GetPublicKeyCommand as GetCloudFrontPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import { CreateAliasCommand, CreateKeyCommand, GetPublicKeyCommand, KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import { Commands } from '../../src/constants';
import { fingerprintOf } from '../../src/keys/fingerprint';
import { parseSignedUrl, verifySignedUrl } from '../../src/signing';
import { findUrls } from '../../src/signing/output';
import { pick, ScriptedUi } from '../fakes/scriptedUi';
import * as seed from '../../scripts/lib/cloudFrontSeed.mjs';
import { behavior, createDistribution, createKeyGroup, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';
import { clearFaults, extensionCalls, faultProxyAvailable, Faults, injectFaults } from './support/faultProxy';
import { rememberSigned } from './support/secrets';
import { testingHooks } from './support/testingHooks';

const URLS = 60;
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
type SignSelectionResult = { signed: number; skipped: number; skippedUrls: Array<{ url: string; reason: string }> };

describe('Sign URLs in Selection with a KMS key (moto, fault proxy)', function () {
  // The SDK backs off on throttling (adaptive, up to 5 attempts per call) before bulk signing does.
  this.timeout(120_000);
  let hooks: TestingApi;
  let domain: string;
  let distributionId: string;
  let publicKeyId: string;
  let cloudFrontPem: string;
  let alias: string;
  let keyId: string;
  const kms = new KMSClient({ region: 'us-east-1' });

  before(async function () {
    if (!faultProxyAvailable()) return this.skip(); // another launcher (test-electron) has no proxy
    await activateExtension();
    hooks = await testingHooks();
    const suffix = Date.now();
    const created = await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY', Description: 'cloudfront bulk signing test' }));
    keyId = created.KeyMetadata!.KeyId!;
    alias = `alias/cloudfront/bulk-${suffix}`;
    await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId }));
    const der = Buffer.from((await kms.send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey!);
    const publicPem = publicKeyFromDer({ key: der, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }).toString();
    publicKeyId = await seed.createPublicKey(seedClient(), { name: `kms-bulk-${suffix}`, encodedKey: publicPem });
    const keyGroupId = await createKeyGroup(seedClient(), `kms-bulk-signers-${suffix}`, [publicKeyId]);
    const distribution = await createDistribution(seedClient(), `kms bulk ${suffix}`, [behavior('/kms/*', [keyGroupId])]);
    domain = distribution.DomainName!;
    distributionId = distribution.Id!;
    cloudFrontPem = (await seedClient().send(new GetCloudFrontPublicKeyCommand({ Id: publicKeyId }))).PublicKey!.PublicKeyConfig!.EncodedKey!;
    await hooks.keyStore.addRemote({
      fingerprint: fingerprintOf(publicPem),
      publicKeyId,
      name: `kms-bulk-${suffix}`,
      algorithm: 'RSA_2048',
      created: new Date().toISOString(),
      storage: { kind: 'kms', keyArn: created.KeyMetadata!.Arn!, alias },
    });
    await vscode.commands.executeCommand(Commands.refresh);
  });

  afterEach(async () => {
    if (!faultProxyAvailable()) return;
    await clearFaults();
    hooks.setUi(undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  after(async () => {
    if (!faultProxyAvailable()) return;
    await hooks.keyStore.remove(fingerprintOf(cloudFrontPem));
    await deleteDistributions(seedClient(), [distributionId]);
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
  });

  /** A new editor holding a playlist-like list of URLs of the distribution, one per line. */
  async function openDocument(): Promise<vscode.TextDocument> {
    const lines = Array.from({ length: URLS }, (_, i) => `https://${domain}/kms/movie/${Math.floor(i / 10)}/segment-${i}.ts`);
    const document = await vscode.workspace.openTextDocument({ content: `# segments\n${lines.join('\n')}\n`, language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    return document;
  }

  /** Every URL of the document, each verifying with CloudFront's copy of the public key. */
  function assertAllSigned(document: vscode.TextDocument): string[] {
    const signed = findUrls(document.getText()).map((o) => o.url);
    assert.equal(signed.length, URLS);
    for (const url of signed) {
      rememberSigned(url);
      assert.ok(verifySignedUrl(url, cloudFrontPem), url);
      assert.equal(parseSignedUrl(url).keyPairId, publicKeyId);
      assert.equal(parseSignedUrl(url).hashAlgorithm, 'SHA256', 'a KMS key signs with SHA-256');
    }
    return signed;
  }

  it('completes when KMS throttles a share of the kms:Sign calls, and every URL verifies', async () => {
    // More throttles than the SDK's own retries absorb (5 attempts for each of 8 calls in flight), so
    // bulk signing's backoff has to take over for some URLs.
    await injectFaults({ operation: 'KmsSign', fault: Faults.kmsThrottling, times: 45 });
    const document = await openDocument();
    const result = await vscode.commands.executeCommand<SignSelectionResult>(Commands.signSelection, { expires: inAnHour() });
    assert.deepEqual([result.signed, result.skipped], [URLS, 0], JSON.stringify(result.skippedUrls));
    assertAllSigned(document);
    const calls = (await extensionCalls('KmsSign')).map((c) => c.fault);
    assert.equal(calls.filter((fault) => fault === '400 ThrottlingException').length, 45);
    assert.equal(calls.filter((fault) => fault === null).length, URLS, 'one successful kms:Sign per URL');
  });

  for (const [what, fault] of [
    ['AccessDeniedException', Faults.kmsAccessDenied],
    ['500 KMSInternalException beyond the retries', Faults.kmsInternal],
  ] as const) {
    it(`rejects on ${what} mid-way, naming kms:Sign and the key, and the document is unchanged`, async () => {
      await injectFaults({ operation: 'KmsSign', fault: Faults.slow(0), times: 20 }, { operation: 'KmsSign', fault });
      const document = await openDocument();
      const [before, version] = [document.getText(), document.version];
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand(Commands.signSelection, { expires: inAnHour() })), (error: Error & { input?: string }) => {
        assert.match(error.message, /kms:Sign/);
        assert.ok(error.message.includes(alias), error.message);
        assert.equal(error.input, 'keyPairId');
        return true;
      });
      assert.equal(document.getText(), before, 'no edit applied');
      assert.equal(document.version, version, 'not even an edit that was undone');
      const calls = (await extensionCalls('KmsSign')).map((c) => c.fault);
      assert.ok(calls.filter((f) => f === 'delay 0 ms').length === 20 && calls.length > 20, `20 signed, then the failure: ${calls.join(', ')}`);
    });
  }

  it('interactively offers one shared policy for the common folder: one kms:Sign call for the whole document', async () => {
    await injectFaults();
    const document = await openDocument();
    const ui = new ScriptedUi([pick('1 hour'), pick(`One policy for https://${domain}/kms/movie/* (1 kms:Sign call)`), pick('Replace in the document')]);
    hooks.setUi(ui);
    await vscode.commands.executeCommand(Commands.signSelection);
    ui.assertAllUsed();
    assert.ok(
      ui.shownPicks.some((p) => p.items.some((item) => item.label === `Sign each URL (${URLS} kms:Sign calls)`)),
      'per URL was offered too',
    );
    const signed = assertAllSigned(document);
    assert.equal(new Set(signed.map((url) => parseSignedUrl(url).params.Signature)).size, 1, 'one signature for all');
    assert.equal(parseSignedUrl(signed[0]).resource, `https://${domain}/kms/movie/*`);
    assert.equal((await extensionCalls('KmsSign')).length, 1);
  });

  it('interactively, "Sign each URL" signs URL by URL: one kms:Sign call each', async () => {
    await injectFaults();
    const document = await openDocument();
    hooks.setUi(new ScriptedUi([pick('1 hour'), pick(`Sign each URL (${URLS} kms:Sign calls)`), pick('Replace in the document')]));
    await vscode.commands.executeCommand(Commands.signSelection);
    const signed = assertAllSigned(document);
    assert.equal(new Set(signed.map((url) => parseSignedUrl(url).params.Signature)).size, URLS);
    assert.equal((await extensionCalls('KmsSign')).length, URLS);
  });
});
