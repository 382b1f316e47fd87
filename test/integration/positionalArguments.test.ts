// Every command called with its natural positional argument, as menus, the CodeLens, the hover and
// other extensions pass it: a URL string (sign, diagnose), a resource (cookies), a document Uri (sign
// in a document), a public key id (export, delete, import), a key group id (rotate, create a key pair
// into it), a profile name. Each runs the person's flow for that value against moto, with the prompts
// answered by a scripted Ui, and never asks for the value again. (Tree rows: distributions.test.ts,
// distributionsFake.test.ts; `cloudfront.ssoLogin 'NAME'`: profiles.test.ts.)
import assert from 'node:assert/strict';
import { createPublicKey as publicKeyOf, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CreatePublicKeyCommand, GetKeyGroupCommand, GetPublicKeyCommand, ListPublicKeysCommand } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import { sharedFilePaths } from '../../src/aws/profiles';
import { createKeyPair } from '../../src/commands/keys/createKeyPair/command';
import { rotateKey } from '../../src/commands/keys/rotateKey';
import { DIAGNOSIS_SCHEME } from '../../src/commands/diagnose/view';
import { Commands } from '../../src/constants';
import { samePublicKey } from '../../src/keys/fingerprint';
import { parseSignedUrl, verifySignedUrl } from '../../src/signing';
import { findUrls } from '../../src/signing/output';
import type { Finding } from '../../src/signing/diagnose';
import { FakeCloudFrontService } from '../fakes/fakeCloudFrontService';
import { input, pick, ScriptedUi, type Answer } from '../fakes/scriptedUi';
import { behavior, createDistribution, createPublicKey, seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';
import { keyWorld } from './support/keyCommands';
import type { CreateKeyPairResult as CreatedKey } from '../../src/commands/keys/createKeyPair/state';

const file = (uri: vscode.Uri): Answer => ({ kind: 'file', uri });
const confirm = (accept = true): Answer => ({ kind: 'confirm', accept });
const run = <T>(command: string, arg: unknown) => Promise.resolve(vscode.commands.executeCommand<T>(command, arg));
/** What was asked, as "kind: title: placeholder/prompt", to show that the value was not asked for. */
const asked = (ui: ScriptedUi) => ui.prompts.map((p) => `${p.kind}: ${p.title}`);

async function waitFor<T>(find: () => T | undefined): Promise<T | undefined> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

async function publicKeyIds(): Promise<string[]> {
  return ((await seedClient().send(new ListPublicKeysCommand({}))).PublicKeyList?.Items ?? []).map((k) => k.Id!);
}

describe('every command with its positional argument (moto, scripted answers)', function () {
  this.timeout(120_000);
  let hooks: TestingApi;
  let domain: string;
  let signer: CreatedKey;
  const suffix = Date.now();
  const scratch = join(tmpdir(), `cfpc-positional-${process.pid}-${suffix}`);

  before(async () => {
    hooks = await (await activateExtension()).testing!();
    mkdirSync(scratch, { recursive: true });
    signer = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: `positional-${suffix}`, algorithm: 'RSA_2048', keyGroupName: `positional-${suffix}` });
    const distribution = await createDistribution(seedClient(), `positional ${suffix}`, [behavior('/paid/*', [signer.keyGroupId])]);
    domain = distribution.DomainName!;
    await vscode.commands.executeCommand(Commands.refresh);
  });

  afterEach(async () => {
    hooks.setUi(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(() => rm(scratch, { recursive: true, force: true }));

  /** The scripted Ui for one command; the clipboard and an editor selection hold another URL, which must not be used. */
  async function scripted(answers: Answer[]): Promise<ScriptedUi> {
    const decoy = `https://${domain}/paid/decoy.mp4`;
    await vscode.env.clipboard.writeText(decoy);
    const decoyFile = join(scratch, 'decoy.txt');
    await writeFile(decoyFile, decoy);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(decoyFile)));
    editor.selection = new vscode.Selection(0, 0, 0, decoy.length);
    const ui = new ScriptedUi(answers);
    ui.selectedText = decoy;
    ui.clipboard = decoy;
    hooks.setUi(ui);
    return ui;
  }

  const signedUrl = (path: string) => run<string>(Commands.signUrl, { url: `https://${domain}${path}`, keyPairId: signer.publicKeyId, copy: false });

  it('cloudfront.diagnoseUrl with a signed URL string: asks nothing (neither the URL nor cookies) and shows the diagnosis of that URL', async () => {
    const url = await signedUrl('/paid/report.pdf');
    const ui = await scripted([]);
    const findings = await run<Finding[]>(Commands.diagnoseUrl, url);
    ui.assertAllUsed();
    assert.deepEqual(asked(ui), []);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => f.code),
      [],
    );
    assert.ok(
      findings.some((f) => f.code === 'SignatureValid' && f.severity === 'ok'),
      findings.map((f) => f.code).join(', '),
    );
    // moto drops an origin's OAC, so its S3 origins look public: the diagnosis offers Protect for the bucket too.
    assert.deepEqual(ui.notifications[0]?.actions, findings.some((f) => f.code === 'PublicBucketOrigin') ? ['Run Live Check', 'Protect Bucket'] : ['Run Live Check']);
    const shown = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === DIAGNOSIS_SCHEME && d.getText().includes(url)));
    assert.ok(shown, 'no diagnosis document shows the URL passed');
    assert.match(shown.getText(), /# Signed URL diagnosis/);
  });

  it('cloudfront.diagnoseUrl with a plain URL string: asks only for the signed cookies', async () => {
    const url = `https://${domain}/paid/cookie.pdf`;
    const cookies = await run<Record<string, string>>(Commands.signCookies, { resource: `https://${domain}/paid/*`, expires: new Date(Date.now() + 3600_000).toISOString(), copy: false });
    const ui = await scripted([
      input(
        Object.entries(cookies)
          .map(([name, value]) => `${name}=${value}`)
          .join('; '),
      ),
    ]);
    const findings = await run<Finding[]>(Commands.diagnoseUrl, url);
    ui.assertAllUsed();
    assert.equal(asked(ui).length, 1);
    assert.match(asked(ui)[0], /^input: Diagnose Signed URL: Signed cookies sent with the request/);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => f.code),
      [],
    );
    assert.ok(await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === DIAGNOSIS_SCHEME && d.getText().includes(url) && d.getText().includes('With the signed cookies given'))));
  });

  it('cloudfront.diagnoseUrl with a string that is no URL: refused naming url, nothing asked', async () => {
    const ui = await scripted([]);
    assert.equal(await run(Commands.diagnoseUrl, 'not a url'), undefined, 'shown as a notification, as for any interactive call');
    assert.deepEqual(asked(ui), []);
  });

  it('cloudfront.signUrl with a URL string: signs that URL, asking only the expiry (the one trusted key is taken)', async () => {
    const url = `https://${domain}/paid/given.mp4`;
    const ui = await scripted([pick('1 hour')]);
    const signed = await run<string>(Commands.signUrl, url);
    ui.assertAllUsed();
    assert.deepEqual(asked(ui), ['pick: Signed URL expires in: Canned policy: choose when it expires']);
    assert.equal(parseSignedUrl(signed).url, url);
    assert.equal(parseSignedUrl(signed).keyPairId, signer.publicKeyId);
    const pem = (await seedClient().send(new GetPublicKeyCommand({ Id: signer.publicKeyId }))).PublicKey!.PublicKeyConfig!.EncodedKey!;
    assert.ok(verifySignedUrl(signed, pem));
    assert.equal(ui.clipboard, signed);
    assert.equal(ui.clipboardReads, 0);
    assert.deepEqual(ui.notifications[0]?.actions, ['Open', 'Copy as curl', 'Diagnose']);
  });

  it('cloudfront.signUrl with { interactive: true, keyPairId } (the key wizard\'s "Sign a URL now"): the person\'s flow, not automation', async () => {
    const ui = await scripted([pick('1 hour')]);
    const signed = await run<string>(Commands.signUrl, { interactive: true, keyPairId: signer.publicKeyId });
    ui.assertAllUsed();
    // Automation would have refused the call for its missing url; a person's call takes the selection.
    assert.equal(parseSignedUrl(signed).url, `https://${domain}/paid/decoy.mp4`);
    assert.equal(parseSignedUrl(signed).keyPairId, signer.publicKeyId);
    assert.deepEqual(ui.notifications[0]?.actions, ['Open', 'Copy as curl', 'Diagnose']);
  });

  it('cloudfront.signUrl with answers given in advance: each is checked by the options schema and not asked again', async () => {
    const ui = await scripted([pick('1 hour')]);
    const url = `https://${domain}/paid/given.mp4`;
    const signed = await run<string>(Commands.signUrl, { interactive: true, url, keyPairId: signer.publicKeyId });
    ui.assertAllUsed();
    assert.equal(parseSignedUrl(signed).url, url);
    // A given answer of the wrong type is refused by the schema's rule, before anything is asked.
    const refusing = await scripted([]);
    assert.equal(await run<string | undefined>(Commands.signUrl, { interactive: true, keyPairId: 5 }), undefined);
    assert.deepEqual(refusing.prompts, []);
  });

  it('cloudfront.signCookies with a resource string: signs for that resource, asking expiry and format only', async () => {
    const resource = `https://${domain}/paid/*`;
    const ui = await scripted([pick('1 hour'), pick('JSON')]);
    const cookies = await run<Record<string, string>>(Commands.signCookies, resource);
    ui.assertAllUsed();
    assert.deepEqual(
      asked(ui).map((p) => p.split(':')[1].trim()),
      ['Signed cookies expire in', 'Copy the signed cookies as'],
    );
    assert.equal(cookies['CloudFront-Key-Pair-Id'], signer.publicKeyId);
    const policy = JSON.parse(Buffer.from(cookies['CloudFront-Policy'].replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64').toString('utf8')) as {
      Statement: Array<{ Resource: string }>;
    };
    assert.equal(policy.Statement[0].Resource, resource);
  });

  it('cloudfront.signSelection with a document Uri: signs in that document, not the active one', async () => {
    const path = join(scratch, 'links.txt');
    const url = `https://${domain}/paid/in-file.mp4`;
    await writeFile(path, `watch ${url}\n`);
    const target = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
    const ui = await scripted([pick('1 hour'), pick('Replace in the document')]);
    const active = vscode.window.activeTextEditor!.document;
    assert.notEqual(active.uri.toString(), target.uri.toString());
    const result = await run<{ signed: number; skipped: number }>(Commands.signSelection, target.uri);
    ui.assertAllUsed();
    assert.deepEqual(asked(ui), ['pick: Signed URL expires in: Canned policy: choose when it expires', 'pick: Signed URLs: ']);
    assert.deepEqual([result.signed, result.skipped], [1, 0]);
    const signed = findUrls(target.getText())[0].url;
    assert.equal(parseSignedUrl(signed).url, url);
    assert.equal(active.getText(), `https://${domain}/paid/decoy.mp4`, 'the active document is unchanged');
    await target.save();
  });

  it('cloudfront.exportPublicKey with a public key id: asks only where to write it', async () => {
    const target = vscode.Uri.file(join(scratch, 'public.pem'));
    const ui = await scripted([file(target)]);
    const result = await run<{ publicKeyId: string; uri: string }>(Commands.exportPublicKey, signer.publicKeyId);
    ui.assertAllUsed();
    assert.deepEqual(asked(ui), ['file: Export Public Key']);
    assert.equal(result.publicKeyId, signer.publicKeyId);
    const held = (await seedClient().send(new GetPublicKeyCommand({ Id: signer.publicKeyId }))).PublicKey!.PublicKeyConfig!.EncodedKey!;
    assert.equal((await readFile(target.fsPath, 'utf8')).trim(), held.trim());
  });

  it('cloudfront.exportPrivateKey with a public key id: file or secret, the warning, then where to write it; no question which key', async () => {
    const target = vscode.Uri.file(join(scratch, 'private.pem'));
    const ui = await scripted([pick(/To a PEM file/), confirm(), file(target)]);
    try {
      const result = await run<{ publicKeyId: string }>(Commands.exportPrivateKey, signer.publicKeyId);
      ui.assertAllUsed();
      assert.deepEqual(
        asked(ui).map((p) => p.split(' ')[0]),
        ['pick:', 'confirm:', 'file:'],
      );
      assert.equal(result.publicKeyId, signer.publicKeyId);
      const held = (await seedClient().send(new GetPublicKeyCommand({ Id: signer.publicKeyId }))).PublicKey!.PublicKeyConfig!.EncodedKey!;
      assert.ok(samePublicKey(held, publicKeyOf(readFileSync(target.fsPath, 'utf8'))));
    } finally {
      await rm(target.fsPath, { force: true }); // the secret scan at the end finds any copy left behind
    }
  });

  it('cloudfront.importPrivateKey with a public key id: asks only for the PEM, and links it to that key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const created = await seedClient().send(
      new CreatePublicKeyCommand({ PublicKeyConfig: { CallerReference: randomUUID(), Name: `import-${suffix}`, EncodedKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() } }),
    );
    const id = created.PublicKey!.Id!;
    const ui = await scripted([pick(/Paste the PEM text/), input(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())]);
    const result = await run<{ publicKeyId: string }>(Commands.importPrivateKey, id);
    ui.assertAllUsed();
    assert.deepEqual(
      asked(ui).map((p) => p.split(':')[0]),
      ['pick', 'input'],
    );
    assert.equal(result.publicKeyId, id);
    assert.equal(hooks.keyStore.find(id)?.name, `import-${suffix}`);
    await run(Commands.deleteLocalKey, { publicKeyId: id }).catch(() => undefined);
  });

  it('cloudfront.deletePublicKey with a public key id: confirms, then deletes that key', async () => {
    const id = await createPublicKey(seedClient(), `lone-${suffix}`);
    const ui = await scripted([confirm()]);
    assert.deepEqual(await run(Commands.deletePublicKey, id), { publicKeyId: id });
    ui.assertAllUsed();
    assert.deepEqual(asked(ui), [`confirm: Delete public key ${id} from CloudFront?`]);
    assert.ok(!(await publicKeyIds()).includes(id));
  });

  it('cloudfront.deleteLocalKey with a public key id: confirms, then removes that private key only', async () => {
    const other = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: `local-${suffix}`, algorithm: 'ECDSA_P256', keyGroupName: `local-${suffix}` });
    const ui = await scripted([confirm()]);
    const result = await run<{ fingerprint: string }>(Commands.deleteLocalKey, other.publicKeyId);
    ui.assertAllUsed();
    assert.deepEqual(asked(ui), [`confirm: Delete the private key local-${suffix} from this machine?`]);
    assert.ok(result.fingerprint);
    assert.equal(hooks.keyStore.find(other.publicKeyId), undefined);
    assert.ok(hooks.keyStore.find(signer.publicKeyId), 'the other keys stay');
  });

  // UpdateKeyGroup on moto comes from the project's patch (test/runner/lib/motoServer.py).
  it('cloudfront.rotateKey with a key group id: rotates that group, asking only where the new private key lives', async () => {
    const groupName = (await seedClient().send(new GetKeyGroupCommand({ Id: signer.keyGroupId }))).KeyGroup!.KeyGroupConfig!.Name!;
    const ui = await scripted([pick('This machine (VS Code secret storage)', { expectPicked: 'This machine (VS Code secret storage)' })]);
    const rotated = await run<{ publicKeyId: string; previousPublicKeyId?: string }>(Commands.rotateKey, signer.keyGroupId);
    ui.assertAllUsed();
    assert.deepEqual(asked(ui), ['pick: Rotate Key: Where should the private key live?']);
    assert.equal(rotated.previousPublicKeyId, signer.publicKeyId);
    const items = (await seedClient().send(new GetKeyGroupCommand({ Id: signer.keyGroupId }))).KeyGroup!.KeyGroupConfig!.Items!;
    assert.deepEqual(items, [signer.publicKeyId, rotated.publicKeyId]);
    assert.match((await waitFor(() => ui.notifications.find((n) => n.message.includes(groupName))))?.message ?? '', new RegExp(`^${rotated.publicKeyId} now signs for key group ${groupName}\\.`));
  });

  it('cloudfront.createKeyPair with a key group id: the wizard skips the key group question and adds the key to that group', async () => {
    const ui = await scripted([input(`into-group-${suffix}`), pick('RSA 2048'), pick('This machine (VS Code secret storage)'), pick('Not now'), pick(/Create/)]);
    const created = await run<CreatedKey>(Commands.createKeyPair, signer.keyGroupId);
    ui.assertAllUsed();
    assert.ok(!asked(ui).some((p) => /Key group to put the public key in|Name of the new key group/.test(p)), asked(ui).join('\n'));
    assert.equal(created.keyGroupId, signer.keyGroupId);
    const items = (await seedClient().send(new GetKeyGroupCommand({ Id: signer.keyGroupId }))).KeyGroup!.KeyGroupConfig!.Items!;
    assert.ok(items.includes(created.publicKeyId), items.join(', '));
    assert.ok(
      hooks.keyStore.list().some((k) => k.name === `into-group-${suffix}`),
      'the new private key is stored',
    );
  });

  it('cloudfront.chooseProfile with a profile name: stores that profile without asking', async () => {
    const { config } = sharedFilePaths();
    mkdirSync(dirname(config), { recursive: true });
    const name = `positional-${suffix}`;
    let existing = '';
    try {
      existing = readFileSync(config, 'utf8');
    } catch {
      // no config yet
    }
    writeFileSync(config, `${existing}\n[profile ${name}]\nregion = us-east-1\n`);
    const settings = () => vscode.workspace.getConfiguration('cloudfront');
    try {
      assert.equal(await run(Commands.chooseProfile, name), name);
      assert.equal(settings().inspect('profile')?.globalValue, name);
    } finally {
      await settings().update('profile', undefined, vscode.ConfigurationTarget.Global);
      writeFileSync(config, existing);
    }
  });
});

describe('key commands with a key group id (typed fake: what each asks, with the calls it makes)', () => {
  it('rotateKey(groupId): a new default signer in that group, asking only where its private key lives (where the old one does, picked), offering "Remove Old Key Now"', async () => {
    const service = new FakeCloudFrontService();
    const world = keyWorld(service, [pick('This machine (VS Code secret storage)', { expectPicked: 'This machine (VS Code secret storage)' })]);
    const first = await createKeyPair(world.context, { name: 'gen1', algorithm: 'RSA_2048', keyGroupName: 'rotating' });
    const rotated = await rotateKey(world.context, first.keyGroupId);
    world.ui.assertAllUsed();
    assert.deepEqual(
      world.ui.prompts.map((p) => p.title),
      ['Rotate Key: Where should the private key live?'],
    );
    assert.deepEqual(service.keyGroups.find((g) => g.id === first.keyGroupId)!.publicKeyIds, [first.publicKeyId, rotated.publicKeyId]);
    assert.equal(world.keyStore.defaultSigner(first.keyGroupId)?.publicKeyId, rotated.publicKeyId);
    assert.deepEqual(world.ui.notifications.at(-1)?.actions, ['Remove Old Key Now']);
  });

  it('createKeyPair(groupId): asks name, algorithm, behaviors and confirmation, never the key group, and adds the key to it', async () => {
    const service = new FakeCloudFrontService();
    const world = keyWorld(service);
    const first = await createKeyPair(world.context, { name: 'gen1', algorithm: 'RSA_2048', keyGroupName: 'joined' });
    world.ui['answers'].push(input('gen2'), pick('ECDSA P-256'), pick('This machine (VS Code secret storage)'), pick('Not now'), pick(/Create/));
    const second = await createKeyPair(world.context, first.keyGroupId);
    world.ui.assertAllUsed();
    assert.equal(second.keyGroupId, first.keyGroupId);
    assert.ok(!world.ui.prompts.some((p) => /Key group to put the public key in/.test(p.title)));
    assert.deepEqual(service.keyGroups.find((g) => g.id === first.keyGroupId)!.publicKeyIds, [first.publicKeyId, second.publicKeyId]);
  });
});
