// "Generate Signing Code" in the real extension against moto: the key's algorithm comes from
// CloudFront's copy of the public key, options are checked by name, and run by a person the command
// asks language, kind and key source and opens the code in a new editor. (The code itself runs for
// real in test/unit/codegen/signingCode.test.ts.)
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import { Commands } from '../../src/constants';
import { input, pick, ScriptedUi } from '../fakes/scriptedUi';
import { behavior, createDistribution, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { activateExtension, labelOf, renderChildren } from './support/extension';
import type { CreateKeyPairResult as CreatedKey } from '../../src/commands/keys/createKeyPair/state';

const run = <T>(arg: unknown) => Promise.resolve(vscode.commands.executeCommand<T>(Commands.generateSigningCode, arg));

describe('Generate Signing Code (moto)', function () {
  this.timeout(120_000);
  let hooks: TestingApi;
  let rsa: CreatedKey;
  let ec: CreatedKey;
  const suffix = Date.now();

  before(async () => {
    hooks = await (await activateExtension()).testing!();
    rsa = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: `codegen-rsa-${suffix}`, algorithm: 'RSA_2048', keyGroupName: `codegen-rsa-${suffix}` });
    ec = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: `codegen-ec-${suffix}`, algorithm: 'ECDSA_P256', keyGroupName: `codegen-ec-${suffix}` });
  });
  afterEach(async () => {
    hooks.setUi(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('returns the code for the key CloudFront holds: RSA through KMS in Python', async () => {
    const code = await run<string>({ publicKeyId: rsa.publicKeyId, language: 'python', kind: 'cookies', keySource: { kind: 'kms', keyId: 'alias/cloudfront-signing' } });
    assert.match(code, new RegExp(`KEY_PAIR_ID = "${rsa.publicKeyId}"`));
    assert.match(code, /SigningAlgorithm="RSASSA_PKCS1_V1_5_SHA_256"/);
    assert.match(code, /def sign_cookies\(/);
  });

  it('reads ECDSA from the public key and defaults to URLs and an environment variable', async () => {
    const code = await run<string>({ publicKeyId: ec.publicKeyId, language: 'go' });
    assert.match(code, /\(ECDSA P-256\)/);
    assert.match(code, /os\.Getenv\("CLOUDFRONT_PRIVATE_KEY"\)/);
    assert.match(code, /x509\.ParseECPrivateKey/);
    assert.match(code, /func signURL\(/);
  });

  it('refuses options by name', async () => {
    await assert.rejects(run({ publicKeyId: rsa.publicKeyId }), (error: Error & { input?: string }) => error.input === 'language');
    await assert.rejects(run({ publicKeyId: rsa.publicKeyId, language: 'rust' }), (error: Error & { input?: string }) => error.input === 'language');
    await assert.rejects(run({ publicKeyId: rsa.publicKeyId, language: 'java', keySource: { kind: 'vault' } }), (error: Error & { input?: string }) => error.input?.startsWith('keySource') === true);
  });

  it('from a behavior row: the key its key group holds, and an example URL on its path pattern', async () => {
    const api = await activateExtension();
    const distribution = await createDistribution(seedClient(), `codegen ${suffix}`, [behavior('/paid/*', [ec.keyGroupId])]);
    try {
      await vscode.commands.executeCommand(Commands.refresh);
      const row = (await renderChildren(api.distributionsView)).find((r) => labelOf(r.item) === distribution.Id);
      assert.ok(row);
      const paid = (await renderChildren(api.distributionsView, row.node)).find((r) => labelOf(r.item) === '/paid/*');
      assert.ok(paid);
      // No question which key: the behavior's group holds one.
      const ui = new ScriptedUi([pick('TypeScript'), pick('Signed URLs'), pick('AWS KMS'), input('alias/media', { expectValue: 'alias/cloudfront-signing' })]);
      hooks.setUi(ui);
      const code = await run<string>(paid.node);
      ui.assertAllUsed();
      assert.match(code, new RegExp(`const KEY_PAIR_ID = "${ec.publicKeyId}";`));
      // A URL of safe characters needs no shell quotes (literals.ts shellWord).
      assert.match(code, new RegExp(`Run: node sign\\.ts https://${distribution.DomainName!.replaceAll('.', '\\.')}/paid/example\\.txt 3600`));
      assert.match(code, /SigningAlgorithm: 'ECDSA_SHA_256'/);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await deleteDistributions(seedClient(), [distribution.Id!]);
    }
  });

  it('run by a person with a public key id: asks language, kind and key source, then opens the code', async () => {
    const ui = new ScriptedUi([pick('Python'), pick('Signed URLs'), pick('Environment variable'), input('SHOP_CLOUDFRONT_KEY', { expectValue: 'CLOUDFRONT_PRIVATE_KEY' })]);
    hooks.setUi(ui);
    const code = await run<string>(rsa.publicKeyId);
    ui.assertAllUsed();
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.languageId, 'python');
    assert.equal(editor.document.getText(), code);
    assert.match(code, /os\.environ\.get\("SHOP_CLOUDFRONT_KEY"\)/);
    // An untitled editor: closed without the save dialog.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
