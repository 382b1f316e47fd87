// The Distributions view lists what the real API peer (moto) holds, created through the SDK.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, ContextValues } from '../../src/constants';
import { createDistribution, seedClient } from './support/cloudFrontSeed';
import { activateExtension, labelOf, renderChildren } from './support/extension';

describe('Distributions view', () => {
  it('shows a distribution created in CloudFront after "CloudFront: Refresh"', async () => {
    const api = await activateExtension();
    const comment = `integration ${Date.now()}`;
    const created = await createDistribution(seedClient(), comment);

    await vscode.commands.executeCommand(Commands.refresh);
    const rows = await renderChildren(api.distributionsView);
    const row = rows.find((r) => labelOf(r.item) === created.Id);
    assert.ok(row, `no row for ${created.Id} among ${rows.map((r) => labelOf(r.item)).join(', ')}`);
    // moto 5.2.1's ListDistributions summaries carry only Id, ARN, Status and DomainName (no
    // Comment, Enabled, Aliases, Origins or behaviors); the full rendering is unit-tested through the
    // typed fake. What moto does return must show exactly.
    assert.equal(row.item.description, created.DomainName);
    assert.equal(row.item.contextValue, ContextValues.distribution);
    assert.equal(row.item.id, `distribution/${created.Id}`);
    const tooltip = (row.item.tooltip as vscode.MarkdownString).value;
    for (const part of [created.Id!, created.DomainName!, 'Deployed']) {
      assert.ok(tooltip.includes(part), `tooltip lacks ${part}: ${tooltip}`);
    }
  });

  it('"Copy Domain Name" puts the distribution\'s domain on the clipboard', async () => {
    const api = await activateExtension();
    const created = await createDistribution(seedClient(), `copy ${Date.now()}`);
    await vscode.commands.executeCommand(Commands.refresh);
    const row = (await renderChildren(api.distributionsView)).find((r) => labelOf(r.item) === created.Id);
    assert.ok(row);
    await vscode.env.clipboard.writeText('before');
    const copied = await vscode.commands.executeCommand(Commands.copyDomain, row.node);
    assert.equal(copied, created.DomainName);
    assert.equal(await vscode.env.clipboard.readText(), created.DomainName);
  });
});
