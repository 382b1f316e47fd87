// Activation must stay cheap: it wires views and commands and leaves the AWS SDK (dist/aws-sdk.js,
// ~1.5 MB) unloaded until a view or command first calls CloudFront. This file runs first (mocha
// orders files by name), before any other suite touches CloudFront in this extension host.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { activateExtension } from './support/extension';

function sdkLoaded(): boolean {
  return Object.keys(require.cache).some((file) => file.endsWith('/dist/aws-sdk.js'));
}

describe('activation', () => {
  it('activates without loading the AWS SDK, and loads it on first use', async () => {
    const api = await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(Commands.refresh), 'cloudfront.refresh is registered');
    assert.equal(sdkLoaded(), false, 'dist/aws-sdk.js was loaded during activation');

    await api.distributionsView.getChildren(undefined);
    assert.equal(sdkLoaded(), true, 'listing distributions loads dist/aws-sdk.js');
  });
});
