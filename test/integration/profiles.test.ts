// Choosing an AWS profile (written to the user settings only), and the states that need no pop-up:
// missing credentials (the welcome view) and an expired SSO session (a row that runs the login).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { sharedFilePaths } from '../../src/aws/profiles';
import { Commands, ContextValues } from '../../src/constants';
import { UserError } from '../../src/errors';
import { DistributionsProvider } from '../../src/tree/distributionsProvider';
import { KeysProvider } from '../../src/tree/keysProvider';
import { awsError, FakeCloudFrontService } from '../fakes/fakeCloudFrontService';
import { activateExtension, labelOf, renderChildren } from './support/extension';
import { fakeSource, keyGroupsOf, testLog } from './support/fakeSource';
import { testingHooks } from './support/testingHooks';
import { pick, ScriptedUi } from '../fakes/scriptedUi';

const sourceOver = (service: FakeCloudFrontService, profile?: string) => fakeSource(service, profile ? { profile } : {});
const log = testLog();
const noCredentials = () => Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
const ssoExpired = () =>
  Object.assign(new Error('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.'), {
    name: 'CredentialsProviderError',
  });

describe('AWS profiles', () => {
  const settings = () => vscode.workspace.getConfiguration('cloudfront');
  after(async () => settings().update('profile', undefined, vscode.ConfigurationTarget.Global));

  it('"Choose AWS Profile" with { profile } stores it in the user settings and returns it', async () => {
    await activateExtension();
    const { config } = sharedFilePaths();
    mkdirSync(dirname(config), { recursive: true });
    writeFileSync(config, '[profile team-sso]\nsso_session = corp\nregion = eu-west-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n');
    assert.equal(await vscode.commands.executeCommand(Commands.chooseProfile, { profile: 'team-sso' }), 'team-sso');
    assert.equal(settings().inspect('profile')?.globalValue, 'team-sso');
    assert.equal(settings().inspect('profile')?.workspaceValue, undefined);
    assert.equal(await vscode.commands.executeCommand(Commands.chooseProfile, { profile: '' }), '');
  });

  it('interactively, the profiles are a pick through the Ui seam, the current one first in focus', async () => {
    const hooks = await testingHooks();
    const { config } = sharedFilePaths();
    mkdirSync(dirname(config), { recursive: true });
    writeFileSync(config, '[profile team-sso]\nsso_session = corp\nregion = eu-west-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n');
    await vscode.commands.executeCommand(Commands.chooseProfile, { profile: '' });
    const ui = new ScriptedUi([pick('team-sso', { expectPicked: 'Default credential chain' })]);
    hooks.setUi(ui);
    try {
      assert.equal(await vscode.commands.executeCommand(Commands.chooseProfile), 'team-sso');
    } finally {
      hooks.setUi(undefined);
    }
    ui.assertAllUsed();
    assert.equal(settings().inspect('profile')?.globalValue, 'team-sso');
    assert.match(ui.prompts[0].title, /Choose AWS Profile for CloudFront/);
    await vscode.commands.executeCommand(Commands.chooseProfile, { profile: '' });
  });

  it('rejects a profile that does not exist, naming it and the profiles there are', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(Commands.chooseProfile, { profile: 'nope' })),
      (error: Error) => error instanceof UserError || /No AWS profile named "nope".*team-sso/.test(error.message),
    );
    assert.notEqual(settings().inspect('profile')?.globalValue, 'nope');
  });
});

describe('credential states (typed fake)', () => {
  it('no credentials: both views have no rows, so their welcome content offers "Choose AWS Profile"', async () => {
    const service = new FakeCloudFrontService();
    service.failures.push(noCredentials(), noCredentials(), noCredentials());
    const source = sourceOver(service);
    const directory = keyGroupsOf(source);
    assert.deepEqual(await renderChildren(new DistributionsProvider(source, directory, log)), []);
    assert.deepEqual(await renderChildren(new KeysProvider(source, directory, log)), []);
  });

  it('an SSO token the SDK calls expired, or the SSO portal refuses: the same "aws sso login" row, whatever the message', async () => {
    for (const failure of [
      Object.assign(new Error('Token is expired. To refresh this SSO session run aws sso login'), { name: 'TokenProviderError' }),
      Object.assign(new Error('Session token not found or invalid'), { name: 'UnauthorizedException', $metadata: { httpStatusCode: 401 } }),
    ]) {
      const service = new FakeCloudFrontService();
      service.failures.push(failure);
      const source = sourceOver(service, 'team-sso');
      const rows = await renderChildren(new DistributionsProvider(source, keyGroupsOf(source), log));
      assert.deepEqual(
        rows.map((r) => [labelOf(r.item), r.item.command?.command]),
        [['The SSO session has expired: run aws sso login --profile team-sso', Commands.ssoLogin]],
        failure.name,
      );
    }
  });

  it('expired SSO session: a row naming aws sso login --profile NAME whose click runs it', async () => {
    const service = new FakeCloudFrontService();
    service.failures.push(ssoExpired());
    const source = sourceOver(service, 'team-sso');
    const rows = await renderChildren(new DistributionsProvider(source, keyGroupsOf(source), log));
    assert.deepEqual(
      rows.map((r) => [labelOf(r.item), r.item.contextValue, r.item.command?.command, r.item.command?.arguments]),
      [['The SSO session has expired: run aws sso login --profile team-sso', ContextValues.error, Commands.ssoLogin, ['team-sso']]],
    );
    const opened = new Promise<vscode.Terminal>((resolve) => vscode.window.onDidOpenTerminal(resolve));
    await vscode.commands.executeCommand(Commands.ssoLogin, 'team-sso');
    const terminal = await opened;
    assert.equal(terminal.name, 'AWS SSO login');
    terminal.dispose();
  });

  it('a profile name that could inject shell text never reaches a terminal', async () => {
    let opened = false;
    const listener = vscode.window.onDidOpenTerminal(() => (opened = true));
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand(Commands.ssoLogin, { profile: 'x; rm -rf ~' })), /not a valid AWS profile name/);
    listener.dispose();
    assert.equal(opened, false);
  });
});

describe('AccessDenied from CloudFront (typed fake)', () => {
  it('names the IAM action and the profile in the row', async () => {
    const service = new FakeCloudFrontService();
    service.failures.push(awsError('AccessDenied', 'denied', 403));
    const source = sourceOver(service, 'auditor');
    const rows = await renderChildren(new DistributionsProvider(source, keyGroupsOf(source), log));
    assert.equal(labelOf(rows[0].item), 'Access denied: auditor may not call cloudfront:ListDistributions');
  });
});
