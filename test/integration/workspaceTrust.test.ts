// In a workspace nobody trusted (restricted mode), whose .vscode/settings.json tries to move the
// extension to another AWS profile, endpoint and signing key (test/runner/lib/untrustedWorkspace.mjs
// writes it; every address in it is a trap that counts requests): none of it takes effect. The profile
// changes only when the user chooses one (Choose AWS Profile writes the user settings); endpoints come
// from the standard AWS configuration only; the signing key from the key store only.
//
// It needs a workbench with workspace trust on, which the launcher starts for this suite alone
// (CFPC_UNTRUSTED_RUN); in the main run, where trust is off, the suite does not exist.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { sharedFilePaths } from '../../src/aws/profiles';
import { Commands, ContextValues, Settings } from '../../src/constants';
import { parseSignedUrl, verifySignedUrl } from '../../src/signing';
import { behavior, createDistribution, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { activateExtension, labelOf, renderChildren } from './support/extension';
import { filesContaining, privateKeyNeedles } from './support/secrets';
import { testingHooks } from './support/testingHooks';

async function trapCount(): Promise<number> {
  const response = await fetch(`${process.env.CFPC_TRAP_URL}/__count`, { signal: AbortSignal.timeout(5000) });
  return ((await response.json()) as { count: number }).count;
}

async function distributionRows(): Promise<string[]> {
  const api = await activateExtension();
  await vscode.commands.executeCommand(Commands.refresh);
  const rows = await renderChildren(api.distributionsView);
  return rows.filter((row) => row.item.contextValue === ContextValues.distribution).map((row) => labelOf(row.item));
}

if (process.env.CFPC_UNTRUSTED_RUN === '1') {
  describe('untrusted workspace', function () {
    this.timeout(60_000);
    let distributionId: string;
    let domain: string;
    const settings = () => vscode.workspace.getConfiguration(Settings.section);

    before(async () => {
      // A profile the user may consent to. Written before the AWS SDK first reads ~/.aws/config: the SDK
      // keeps what it read for the life of the extension host, so a profile added later is not seen.
      const { config } = sharedFilePaths();
      mkdirSync(dirname(config), { recursive: true });
      writeFileSync(config, '[profile consented]\nregion = us-east-1\naws_access_key_id = testing\naws_secret_access_key = testing\n');
      const suffix = Date.now();
      const signer = await vscode.commands.executeCommand<{ publicKeyId: string; keyGroupId: string }>(Commands.createKeyPair, {
        name: `trust-signer-${suffix}`,
        algorithm: 'ECDSA_P256',
        keyGroupName: `trust-signers-${suffix}`,
      });
      const distribution = await createDistribution(seedClient(), `untrusted ${suffix}`, [behavior('/paid/*', [signer.keyGroupId])]);
      distributionId = distribution.Id!;
      domain = distribution.DomainName!;
    });

    after(async () => {
      await deleteDistributions(seedClient(), [distributionId]);
      await settings().update(Settings.profile, undefined, vscode.ConfigurationTarget.Global);
      rmSync(sharedFilePaths().config, { force: true });
    });

    it('opens the folder in restricted mode, and the extension runs there', async () => {
      assert.equal(vscode.workspace.isTrusted, false, 'the workspace is not trusted');
      const api = await activateExtension();
      assert.ok(api.distributionsView, 'the extension is active');
    });

    it('takes no profile or endpoint from the workspace: the Distributions view lists the account of the AWS environment, and nothing reached the hostile addresses', async () => {
      assert.equal(settings().inspect<string>(Settings.profile)?.globalValue, undefined, 'no profile chosen by the user');
      assert.ok((await distributionRows()).includes(distributionId), 'the distributions of the AWS_ENDPOINT_URL_CLOUDFRONT account');
      assert.equal(await trapCount(), 0, 'requests to the endpoints the workspace named');
    });

    it("signs with the key store's key, never the workspace's key pair id or key, and leaves the key nowhere on disk", async () => {
      const hooks = await testingHooks();
      const signed = await vscode.commands.executeCommand<string>(Commands.signUrl, { url: `https://${domain}/paid/a.mp4`, expires: new Date(Date.now() + 3600_000).toISOString(), copy: false });
      const keyPairId = parseSignedUrl(signed).keyPairId;
      assert.notEqual(keyPairId, 'KATTACKERKEY01');
      assert.equal(parseSignedUrl(signed).hashAlgorithm, 'SHA256', 'the workspace cannot make signatures SHA-1 (cloudfront.signing.hashAlgorithm)');
      const privateKey = await hooks.keyStore.getPrivateKey(keyPairId);
      assert.ok(privateKey && verifySignedUrl(signed, privateKey), "signed with the private key in this window's secret storage");
      assert.equal(await trapCount(), 0);
      const userData = dirname(dirname(dirname(hooks.globalStorageUri.fsPath)));
      const folders = [userData, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath)];
      assert.deepEqual(
        folders.flatMap((folder) => filesContaining(folder, privateKeyNeedles(privateKey))),
        [],
      );
    });

    it("with the user's consent (Choose AWS Profile) the chosen profile counts, from the user settings only", async () => {
      assert.equal(await vscode.commands.executeCommand(Commands.chooseProfile, { profile: 'consented' }), 'consented');
      const inspected = settings().inspect<string>(Settings.profile);
      assert.equal(inspected?.globalValue, 'consented');
      assert.notEqual(inspected?.workspaceValue, 'consented', 'the choice is not written into the workspace');
      assert.ok((await distributionRows()).includes(distributionId), 'the consented profile reaches the same account');
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand(Commands.chooseProfile, { profile: 'attacker' })), /No AWS profile named "attacker"/);
      assert.equal(await trapCount(), 0);
    });
  });
}
