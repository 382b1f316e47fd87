// "Sign URLs in Selection" on a document large enough for worker threads (src/signing/workers/), in
// the real extension: the workers run dist/signWorker.js, found next to dist/features.js, and give
// byte for byte the URLs the in-process signer gives (RSA PKCS#1 v1.5 is deterministic).
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { signUrl, verifySignedUrl } from '../../src/signing';
import { findUrls } from '../../src/signing/output';
import { WORKER_THRESHOLD } from '../../src/signing/workers';
import type { CreateKeyPairResult as CreatedKey } from '../../src/commands/keys/createKeyPair/state';
import { behavior, createDistribution, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';
import { rememberSigned } from './support/secrets';
import { testingHooks } from './support/testingHooks';

describe('Sign URLs in Selection on every core (worker threads, moto)', function () {
  this.timeout(120_000);

  it(`signs ${WORKER_THRESHOLD.rsa + 88} URLs with a local RSA key exactly as one core would, each verifying with CloudFront's key`, async function () {
    // The extension host decides with the same call: one core signs in-process, and this test would not reach the workers.
    if (availableParallelism() < 2) return this.skip();
    await activateExtension();
    const hooks = await testingHooks();
    const suffix = Date.now();
    const key = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: `bulk-${suffix}`, algorithm: 'RSA_2048', keyGroupName: `bulk-signers-${suffix}` });
    const distribution = await createDistribution(seedClient(), `bulk ${suffix}`, [behavior('/bulk/*', [key.keyGroupId])]);
    try {
      await vscode.commands.executeCommand(Commands.refresh);
      const count = WORKER_THRESHOLD.rsa + 88;
      const urls = Array.from({ length: count }, (_, i) => `https://${distribution.DomainName!}/bulk/movie/segment-${i}.ts`);
      const document = await vscode.workspace.openTextDocument({ content: `${urls.join('\n')}\n`, language: 'plaintext' });
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const expires = Math.floor(Date.now() / 1000) + 3600;
      const result = await vscode.commands.executeCommand<{ signed: number; skipped: number }>(Commands.signSelection, { expires });
      assert.deepEqual([result.signed, result.skipped], [count, 0]);
      const privateKey = (await hooks.keyStore.getPrivateKey(key.publicKeyId))!;
      const cloudFrontPem = (await seedClient().send(new GetPublicKeyCommand({ Id: key.publicKeyId }))).PublicKey!.PublicKeyConfig!.EncodedKey!;
      const signed = findUrls(document.getText()).map((o) => o.url);
      assert.equal(signed.length, count);
      signed.forEach((url, i) => {
        rememberSigned(url);
        assert.equal(url, signUrl({ url: urls[i], keyPairId: key.publicKeyId, privateKey, expires }));
        assert.ok(verifySignedUrl(url, cloudFrontPem), url);
      });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await deleteDistributions(seedClient(), [distribution.Id!]);
    }
  });
});
