// `cloudfront.hostAddresses` redirects the live checks' requests (what `curl --resolve` does), so a
// workspace must never set it: it is machine-scoped (user or remote settings only), VS Code refuses to
// write it to a workspace, a value in the workspace's .vscode/settings.json is ignored, and the one
// reader every check uses (src/commands/diagnose/hostAddressesSetting.ts) takes the user's value only.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { configuredHostAddresses } from '../../src/commands/diagnose/hostAddressesSetting';
import { EXTENSION_ID, Settings } from '../../src/constants';
import { HOST_ADDRESSES_SETTING } from '../../src/signing/hostAddresses';
import { activateExtension } from './support/extension';

const HOST = 'scope-check.example.com';
const settings = () => vscode.workspace.getConfiguration(Settings.section);

/** Resolves when VS Code has read a change of `section` (a settings file written on disk is read asynchronously). */
function changeOf(section: string): Promise<void> {
  return new Promise((resolve) => {
    const listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(section)) return;
      listener.dispose();
      resolve();
    });
  });
}

describe('cloudfront.hostAddresses: user and machine only, never a workspace', function () {
  this.timeout(30_000);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const file = folder ? join(folder, '.vscode', 'settings.json') : '';
  let original: string | undefined;

  before(async () => {
    await activateExtension();
    assert.ok(folder, 'the integration workbench opens a workspace folder');
    original = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  });

  after(async () => {
    await settings().update(Settings.hostAddresses, undefined, vscode.ConfigurationTarget.Global);
    if (!file) return;
    // Put the workspace's settings back as they were, and wait until VS Code has read them.
    const restored = changeOf('editor.tabSize');
    if (original === undefined) rmSync(file, { force: true });
    else writeFileSync(file, original);
    await restored;
  });

  it('the manifest declares it machine-scoped, and VS Code refuses to write it to the workspace', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } };
    assert.equal(manifest.contributes.configuration.properties[HOST_ADDRESSES_SETTING]?.scope, 'machine');
    await assert.rejects(Promise.resolve(settings().update(Settings.hostAddresses, { [HOST]: '192.0.2.1:443' }, vscode.ConfigurationTarget.Workspace)));
    assert.equal(settings().inspect(Settings.hostAddresses)?.workspaceValue, undefined);
    assert.equal(configuredHostAddresses().get(HOST), undefined);
  });

  it("a value in the workspace's .vscode/settings.json is ignored, while the file's other settings apply", async () => {
    mkdirSync(join(file, '..'), { recursive: true });
    const read = changeOf('editor.tabSize');
    // editor.tabSize, which a workspace may set, proves VS Code read the file.
    writeFileSync(file, JSON.stringify({ 'editor.tabSize': 7, [HOST_ADDRESSES_SETTING]: { [HOST]: '192.0.2.1:443', 'other.example.com': '127.0.0.1:1' } }, null, 2));
    await read;
    assert.equal(vscode.workspace.getConfiguration('editor').get('tabSize'), 7);
    assert.equal(settings().inspect(Settings.hostAddresses)?.workspaceValue, undefined);
    assert.deepEqual([...configuredHostAddresses().keys()], [], 'no host is mapped by the workspace');
  });

  it("the user's value is the one the checks read, whatever the workspace's file says", async () => {
    assert.ok(readFileSync(file, 'utf8').includes('192.0.2.1:443'), 'the workspace still maps the host');
    await settings().update(Settings.hostAddresses, { [HOST]: '127.0.0.1:8443' }, vscode.ConfigurationTarget.Global);
    assert.deepEqual(configuredHostAddresses().get(HOST), { address: '127.0.0.1', port: 8443 });
    assert.equal(configuredHostAddresses().get('other.example.com'), undefined);
  });
});
