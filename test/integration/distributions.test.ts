// The Distributions view lists what the real API peer (moto) holds, created through the SDK.
import assert from 'node:assert/strict';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import { Commands, ContextValues } from '../../src/constants';
import { behavior, createDistribution, createKeyGroup, createPublicKey, seedClient } from './support/cloudFrontSeed';
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
    // Comment, Enabled, Aliases, Origins or behaviors): the view completes them with GetDistribution,
    // so the comment and the enabled state show as with CloudFront's own summaries.
    assert.equal(row.item.description, `${created.DomainName} · ${comment}`);
    assert.equal(row.item.contextValue, ContextValues.distribution);
    assert.equal(row.item.id, `distribution/${created.Id}`);
    const tooltip = (row.item.tooltip as vscode.MarkdownString).value;
    for (const part of [created.Id!, created.DomainName!, `Comment: ${comment}`, 'Deployed, enabled']) {
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

  it('expands a distribution into its origin and its behaviors in evaluation order, naming trusted key groups', async () => {
    const api = await activateExtension();
    const client = seedClient();
    const suffix = Date.now();
    const keyGroupId = await createKeyGroup(client, `signers-${suffix}`, [await createPublicKey(client, `key-${suffix}`)]);
    const created = await createDistribution(client, `behaviors ${suffix}`, [behavior('/paid/*', [keyGroupId]), behavior('/legacy/*', [], ['self']), behavior('/public/*')]);

    await vscode.commands.executeCommand(Commands.refresh);
    const row = (await renderChildren(api.distributionsView)).find((r) => labelOf(r.item) === created.Id);
    assert.ok(row);
    const children = await renderChildren(api.distributionsView, row.node);
    // The seeded origin has neither OAC nor OAI, so it is the public-bucket warning (moto 5.2.1 would
    // drop an OAC anyway; origins with OAC and OAI are covered with the typed fake).
    assert.equal((children[0].item.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.deepEqual(
      children.map((r) => [labelOf(r.item), r.item.description, r.item.contextValue]),
      [
        ['media', 'media-bucket.s3.us-east-1.amazonaws.com · S3 · public bucket access (no OAC)', ContextValues.originS3],
        ['/paid/*', `restricted by key groups: signers-${suffix}`, ContextValues.behaviorRestricted],
        ['/legacy/*', 'restricted by legacy trusted signers: self', ContextValues.behaviorLegacy],
        ['/public/*', 'unrestricted: serves content to anyone', ContextValues.behaviorUnrestricted],
        ['Default (*)', 'unrestricted: serves content to anyone', ContextValues.behaviorUnrestricted],
      ],
    );
  });
});

describe('Keys view', () => {
  it('shows a key group created in CloudFront with its public key, and a public key in no group', async () => {
    const api = await activateExtension();
    const client = seedClient();
    const suffix = Date.now();
    const keyId = await createPublicKey(client, `grouped-${suffix}`);
    await createPublicKey(client, `lone-${suffix}`);
    const groupId = await createKeyGroup(client, `group-${suffix}`, [keyId]);

    await vscode.commands.executeCommand(Commands.refresh);
    const rows = await renderChildren(api.keysView);
    const group = rows.find((r) => labelOf(r.item) === `group-${suffix}`);
    assert.ok(group, `no key group row among ${rows.map((r) => labelOf(r.item)).join(', ')}`);
    assert.equal(group.item.description, `${groupId} · 1 of 5 keys`);
    assert.equal(group.item.contextValue, ContextValues.keyGroup);
    const keys = await renderChildren(api.keysView, group.node);
    assert.deepEqual(
      keys.map((r) => [labelOf(r.item), String(r.item.description).split(' · ')[0], r.item.contextValue]),
      [[`grouped-${suffix}`, keyId, ContextValues.publicKey]],
    );
    const ungrouped = rows.find((r) => labelOf(r.item) === 'Public keys in no key group');
    assert.ok(ungrouped);
    const lone = (await renderChildren(api.keysView, ungrouped.node)).map((r) => labelOf(r.item));
    assert.ok(lone.includes(`lone-${suffix}`) && !lone.includes(`grouped-${suffix}`), lone.join(', '));
  });
});

describe('S3 origin objects', () => {
  it("lists the objects put into a moto S3 bucket under the distribution's origin", async () => {
    const api = await activateExtension();
    const bucket = `media-${Date.now()}`;
    const s3 = new S3Client({ region: 'us-east-1' });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const key of ['paid/movie.mp4', 'paid/trailer.mp4', 'index.html']) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `body of ${key}` }));
    }
    const created = await createDistribution(seedClient(), `objects ${bucket}`, [], `${bucket}.s3.us-east-1.amazonaws.com`);
    await vscode.commands.executeCommand(Commands.refresh);
    const row = (await renderChildren(api.distributionsView)).find((r) => labelOf(r.item) === created.Id);
    assert.ok(row);
    const [origin] = await renderChildren(api.distributionsView, row.node);
    const top = await renderChildren(api.distributionsView, origin.node);
    assert.deepEqual(
      top.map((r) => labelOf(r.item)),
      ['paid/', 'index.html'],
    );
    const paid = await renderChildren(api.distributionsView, top[0].node);
    assert.deepEqual(
      paid.map((r) => [labelOf(r.item), String(r.item.description).split(' · ')[0], r.item.contextValue]),
      [
        ['movie.mp4', `${'body of paid/movie.mp4'.length} B`, ContextValues.s3Object],
        ['trailer.mp4', `${'body of paid/trailer.mp4'.length} B`, ContextValues.s3Object],
      ],
    );
    assert.match((paid[0].item.tooltip as vscode.MarkdownString).value, new RegExp(`https://${created.DomainName}/paid/movie\\.mp4`));
  });
});
