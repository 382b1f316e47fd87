// Activation must stay cheap: it registers views and commands and leaves dist/features.js (what the
// extension does) and the AWS SDK (dist/aws-sdk.js) unloaded until a view or command is first used. This file runs first (mocha
// orders files by name), before any other suite touches CloudFront in this extension host.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { activateExtension } from './support/extension';

function loaded(bundle: string): boolean {
  return Object.keys(require.cache).some((file) => file.endsWith(`/dist/${bundle}`));
}
const sdkLoaded = () => loaded('aws-sdk.js');

describe('activation', () => {
  it('activates without loading the AWS SDK, and loads it on first use', async () => {
    const api = await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(Commands.refresh), 'cloudfront.refresh is registered');
    assert.equal(sdkLoaded(), false, 'dist/aws-sdk.js was loaded during activation');
    assert.equal(loaded('features.js'), false, 'dist/features.js was loaded during activation');
    assert.equal(loaded('aws-keys.js'), false, 'dist/aws-keys.js was loaded during activation');

    await api.distributionsView.getChildren(undefined);
    assert.equal(loaded('features.js'), true, 'the Distributions view loads dist/features.js');
    assert.equal(sdkLoaded(), true, 'listing distributions loads dist/aws-sdk.js');
    // KMS, Secrets Manager and SSM are loaded only when a key kept in AWS is created, linked or signs.
    assert.equal(loaded('aws-keys.js'), false, 'listing distributions loaded dist/aws-keys.js');
  });
});
