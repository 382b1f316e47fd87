// Fresh data after every write: what a sign read about a distribution and its key groups is
// forgotten when the extension changes them, so a key pair created for a behavior signs at once,
// without "CloudFront: Refresh". (Forgetting after a bounded age, for console changes, is a unit
// test with an injected clock: test/unit/aws/freshReads.test.ts.)
import { GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import assert from 'node:assert/strict';
import { createPublicKey as publicKeyObject } from 'node:crypto';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import { Commands } from '../../src/constants';
import { parseSignedUrl, verifySignedUrl } from '../../src/signing';
import { behavior, createDistribution, seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';
import { rememberSigned } from './support/secrets';
import type { CreateKeyPairResult as CreatedKey } from '../../src/commands/keys/createKeyPair/state';

describe('fresh data after writes (moto)', function () {
  this.timeout(120_000);
  let hooks: TestingApi;
  before(async () => {
    hooks = await (await activateExtension()).testing!();
  });

  it('signs with key A, creates key pair B restricting that behavior, and signs with B at once', async () => {
    const suffix = Date.now();
    const createKeyPair = (name: string, restrict?: { distributionId: string; pathPatterns: string[] }) =>
      vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name, algorithm: 'RSA_2048', keyGroupName: name, ...restrict });
    const a = await createKeyPair(`fresh-a-${suffix}`);
    const distribution = await createDistribution(seedClient(), `fresh ${suffix}`, [behavior('/paid/*', [a.keyGroupId])]);
    const url = `https://${distribution.DomainName!}/paid/movie.mp4`;

    // The sign reads the distribution, its behaviors and the key groups.
    const withA = await vscode.commands.executeCommand<string>(Commands.signUrl, { url, keyPairId: a.publicKeyId, copy: false });
    rememberSigned(withA);
    assert.equal(parseSignedUrl(withA).keyPairId, a.publicKeyId);

    const b = await createKeyPair(`fresh-b-${suffix}`, { distributionId: distribution.Id!, pathPatterns: ['/paid/*'] });
    const withB = await vscode.commands.executeCommand<string>(Commands.signUrl, { url, keyPairId: b.publicKeyId, copy: false });
    rememberSigned(withB);
    assert.equal(parseSignedUrl(withB).keyPairId, b.publicKeyId);
    const stored = hooks.keyStore.list().find((key) => key.publicKeyId === b.publicKeyId);
    assert.ok(stored, 'key pair B is in the key store');
    const { PublicKey } = await seedClient().send(new GetPublicKeyCommand({ Id: b.publicKeyId }));
    assert.ok(verifySignedUrl(withB, publicKeyObject(PublicKey!.PublicKeyConfig!.EncodedKey!)), "the URL verifies with CloudFront's copy of B's public key");
  });
});
