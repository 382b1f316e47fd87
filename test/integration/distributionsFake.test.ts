// The Distributions view against a typed fake at the service seam, for what moto 5.2.1 lacks:
// paging, full summaries, and failures (AccessDenied, network). Each case asserts the exact rows.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, ContextValues } from '../../src/constants';
import { DistributionsProvider } from '../../src/tree/distributionsProvider';
import { awsError, FakeCloudFrontService, listedByMoto, sampleDistribution } from '../fakes/fakeCloudFrontService';
import { FakeS3Browser } from '../fakes/fakeS3Browser';
import { argumentsOf, labelOf, renderChildren } from './support/extension';
import { fakeSource, keyGroupsOf, testLog } from './support/fakeSource';

function providerOver(service: FakeCloudFrontService, profile?: string, s3?: FakeS3Browser): DistributionsProvider {
  const source = fakeSource(service, { ...(profile ? { profile } : {}), ...(s3 ? { s3 } : {}) });
  return new DistributionsProvider(source, keyGroupsOf(source), testLog());
}

describe('Distributions view (typed fake)', () => {
  it('renders a full summary: alias and comment in the description, state in the tooltip', async () => {
    const service = new FakeCloudFrontService([sampleDistribution(1, { aliases: ['media.example.com'], comment: 'paid downloads' }), sampleDistribution(2, { enabled: false, status: 'InProgress' })]);
    const rows = await renderChildren(providerOver(service));
    assert.deepEqual(
      rows.map((r) => [labelOf(r.item), r.item.description, r.item.contextValue, (r.item.iconPath as vscode.ThemeIcon).id]),
      [
        ['E000000000001', 'media.example.com · paid downloads', ContextValues.distribution, 'cloud'],
        ['E000000000002', 'd2abcdef.cloudfront.net', ContextValues.distribution, 'circle-slash'],
      ],
    );
    assert.match((rows[1].item.tooltip as vscode.MarkdownString).value, /InProgress, disabled/);
    assert.equal(rows[0].item.accessibilityInformation?.label, 'Distribution E000000000001, d1abcdef.cloudfront.net, Deployed, enabled');
  });

  it('expands a distribution into its origins, then its behaviors in evaluation order, naming key groups', async () => {
    const service = new FakeCloudFrontService([
      sampleDistribution(1, {
        origins: [
          { id: 'media', domainName: 'media.s3.us-east-1.amazonaws.com', originPath: '/v1', kind: 's3', originAccessControlId: 'E2OAC' },
          { id: 'api', domainName: 'api.example.com', originPath: '', kind: 'custom' },
        ],
        behaviors: [
          { pathPattern: '/paid/*', targetOriginId: 'media', trustedKeyGroupIds: ['KG1', 'KG2'], trustedSigners: [] },
          { pathPattern: '/legacy/*', targetOriginId: 'media', trustedKeyGroupIds: [], trustedSigners: ['self'] },
          { targetOriginId: 'api', trustedKeyGroupIds: [], trustedSigners: [] },
        ],
      }),
    ]);
    service.keyGroups = [
      { id: 'KG1', name: 'media-signers', comment: '', publicKeyIds: ['K1'] },
      { id: 'KG2', name: 'partners', comment: '', publicKeyIds: ['K2'] },
    ];
    const provider = providerOver(service);
    const [distribution] = await renderChildren(provider);
    assert.equal(distribution.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const children = await renderChildren(provider, distribution.node);
    assert.deepEqual(
      children.map((r) => [labelOf(r.item), r.item.description, r.item.contextValue, (r.item.iconPath as vscode.ThemeIcon).id]),
      [
        ['media', 'media.s3.us-east-1.amazonaws.com/v1 · S3 · origin access control E2OAC', ContextValues.originS3WithOac, 'database'],
        ['api', 'api.example.com · custom origin', ContextValues.originCustom, 'server'],
        ['/paid/*', 'restricted by key groups: media-signers, partners', ContextValues.behaviorRestricted, 'lock'],
        ['/legacy/*', 'restricted by legacy trusted signers: self', ContextValues.behaviorLegacy, 'warning'],
        ['Default (*)', 'unrestricted: serves content to anyone', ContextValues.behaviorUnrestricted, 'unlock'],
      ],
    );
    assert.match((children[3].item.tooltip as vscode.MarkdownString).value, /key groups instead/);
    assert.deepEqual(service.calls, ['ListDistributions', 'ListKeyGroups'], 'a full summary needs no GetDistribution');
  });

  it("reads the distribution itself when its summary lacks behaviors, as moto's summaries do", async () => {
    const full = sampleDistribution(3, {
      behaviors: [
        { pathPattern: '/hls/*', targetOriginId: 'media', trustedKeyGroupIds: ['KG9'], trustedSigners: [] },
        { targetOriginId: 'media', trustedKeyGroupIds: [], trustedSigners: [] },
      ],
    });
    const service = new FakeCloudFrontService([{ ...full, behaviors: [], origins: [] }]);
    service.details.set(full.id, full);
    service.failures.push(awsError('AccessDenied', 'not authorized', 403)); // ListDistributions fails once
    const provider = providerOver(service);
    await renderChildren(provider);
    await provider.loadMore();
    const [distribution] = await renderChildren(provider);
    // ListKeyGroups is denied: the behavior row names the key group by id instead of failing.
    service.operationFailures.set('ListKeyGroups', [awsError('AccessDenied', 'not authorized', 403)]);
    const children = await renderChildren(provider, distribution.node);
    assert.deepEqual(
      children.map((r) => [labelOf(r.item), r.item.description]),
      [
        ['media', 'media.s3.us-east-1.amazonaws.com · S3 · origin access control E2OAC'],
        ['/hls/*', 'restricted by key groups: KG9'],
        ['Default (*)', 'unrestricted: serves content to anyone'],
      ],
    );
    assert.deepEqual(service.calls, ['ListDistributions', 'ListDistributions', 'GetDistribution', 'ListKeyGroups']);
  });

  it("completes summaries that lack aliases, comment and state (moto's): rows and tooltips tell them apart, expanding reads nothing more", async () => {
    const full = [sampleDistribution(1, { aliases: ['media.example.com', 'dl.example.com'], comment: 'paid downloads' }), sampleDistribution(2, { comment: 'staging', enabled: false })];
    const service = new FakeCloudFrontService(full.map(listedByMoto));
    for (const d of full) service.details.set(d.id, d);
    const provider = providerOver(service);
    const rows = await renderChildren(provider);
    assert.deepEqual(
      rows.map((r) => [labelOf(r.item), r.item.description, (r.item.iconPath as vscode.ThemeIcon).id]),
      [
        ['E000000000001', 'media.example.com · paid downloads', 'cloud'],
        ['E000000000002', 'd2abcdef.cloudfront.net · staging', 'circle-slash'],
      ],
    );
    assert.equal(
      (rows[0].item.tooltip as vscode.MarkdownString).value,
      '**E000000000001**  \nDomain: `d1abcdef.cloudfront.net`  \nAliases: `media.example.com`, `dl.example.com`  \nComment: paid downloads  \nStatus: Deployed, enabled',
    );
    await renderChildren(provider, rows[0].node);
    await renderChildren(provider);
    assert.deepEqual(service.calls, ['ListDistributions', 'GetDistribution', 'GetDistribution', 'ListKeyGroups'], 'one GetDistribution per distribution and load');
  });

  it('an S3 origin with neither OAC nor OAI is a warning, its tooltip says why and how to fix it; OAC and OAI origins are not', async () => {
    // The typed fake, because moto 5.2.1 drops OriginAccessControlId and S3OriginConfig from its
    // answers: against moto every S3 origin looks public (distributions.test.ts shows that row).
    const service = new FakeCloudFrontService([
      sampleDistribution(9, {
        origins: [
          { id: 'open', domainName: 'open-bucket.s3.us-east-1.amazonaws.com', originPath: '', kind: 's3' },
          { id: 'oac', domainName: 'media.s3.us-east-1.amazonaws.com', originPath: '', kind: 's3', originAccessControlId: 'E2OAC' },
          { id: 'oai', domainName: 'legacy.s3.amazonaws.com', originPath: '', kind: 's3', originAccessIdentity: 'origin-access-identity/cloudfront/E3OAI' },
        ],
      }),
    ]);
    const provider = providerOver(service);
    const [row] = await renderChildren(provider);
    const origins = (await renderChildren(provider, row.node)).slice(0, 3);
    assert.deepEqual(
      origins.map((r) => [labelOf(r.item), r.item.description, r.item.contextValue, (r.item.iconPath as vscode.ThemeIcon).id, (r.item.iconPath as vscode.ThemeIcon).color?.id]),
      [
        ['open', 'open-bucket.s3.us-east-1.amazonaws.com · S3 · public bucket access (no OAC)', ContextValues.originS3, 'warning', 'list.warningForeground'],
        ['oac', 'media.s3.us-east-1.amazonaws.com · S3 · origin access control E2OAC', ContextValues.originS3WithOac, 'database', undefined],
        ['oai', 'legacy.s3.amazonaws.com · S3 · legacy origin access identity E3OAI', ContextValues.originS3, 'database', undefined],
      ],
    );
    const tooltips = origins.map((r) => (r.item.tooltip as vscode.MarkdownString).value);
    assert.match(tooltips[0], /\$\(warning\) Anyone can fetch these files straight from S3, without a signed URL: CloudFront reads bucket open-bucket anonymously/);
    assert.match(tooltips[0], /Fix: create an origin access control .* "Copy Bucket Policy" gives the bucket policy .* S3 Block Public Access/);
    assert.ok(!tooltips[1].includes('Anyone can fetch') && !tooltips[2].includes('Anyone can fetch'), 'only the public origin warns');
  });

  it('a failed GetDistribution shows a retry row under the distribution', async () => {
    const service = new FakeCloudFrontService([{ ...sampleDistribution(4), behaviors: [] }]);
    const provider = providerOver(service, 'dev');
    // Completing the summary fails: the row shows what the list said; expanding it tries again.
    service.operationFailures.set('GetDistribution', [awsError('AccessDenied', 'not authorized', 403)]);
    const [distribution] = await renderChildren(provider);
    assert.equal(labelOf(distribution.item), 'E000000000004');
    service.failures.push(awsError('AccessDenied', 'not authorized', 403));
    const rows = await renderChildren(provider, distribution.node);
    assert.deepEqual(
      rows.map((r) => [labelOf(r.item), r.item.contextValue, r.item.command?.command]),
      [['Access denied: dev may not call cloudfront:GetDistribution', ContextValues.error, Commands.loadMore]],
    );
  });

  it('an S3 origin expands into its bucket under the origin path: folders, then objects with size and URL, paged', async () => {
    const s3 = new FakeS3Browser({ media: { 'v1/paid/a.mp4': 1536, 'v1/paid/hls/index.m3u8': 10, 'v1/b.txt': 5, 'v1/c.txt': 7, 'v2/hidden.txt': 1 } }, 2);
    const distribution = sampleDistribution(5, {
      aliases: ['media.example.com'],
      origins: [{ id: 'media', domainName: 'media.s3.us-east-1.amazonaws.com', originPath: '/v1', kind: 's3', originAccessControlId: 'E2OAC' }],
    });
    const provider = providerOver(new FakeCloudFrontService([distribution]), undefined, s3);
    const [row] = await renderChildren(provider);
    const [origin] = await renderChildren(provider, row.node);
    assert.equal(origin.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    let level = await renderChildren(provider, origin.node);
    assert.deepEqual(
      level.map((r) => [labelOf(r.item), r.item.description ?? '']),
      [
        ['paid/', ''],
        ['b.txt', '5 B · 2026-05-06 07:08'],
        ['Load more…', ''],
      ],
    );
    await vscode.commands.executeCommand(Commands.loadMore, ...argumentsOf(level[2].item.command));
    level = await renderChildren(provider, origin.node);
    assert.deepEqual(
      level.map((r) => labelOf(r.item)),
      ['paid/', 'b.txt', 'c.txt'],
    );
    const paid = await renderChildren(provider, level[0].node);
    assert.deepEqual(
      paid.map((r) => [labelOf(r.item), r.item.description ?? '', r.item.contextValue]),
      [
        ['hls/', '', ContextValues.s3Folder],
        ['a.mp4', '1.5 KB · 2026-05-06 07:08', ContextValues.s3Object],
      ],
    );
    assert.match((paid[1].item.tooltip as vscode.MarkdownString).value, /https:\/\/media\.example\.com\/paid\/a\.mp4/);
    assert.deepEqual(
      s3.calls.map((c) => [c.bucket, c.prefix, c.marker ?? '']),
      [
        ['media', 'v1/', ''],
        ['media', 'v1/', '2'],
        ['media', 'v1/paid/', ''],
      ],
    );
  });

  it('a bucket the profile may not list: a row naming s3:ListBucket and the bucket, instead of a failure', async () => {
    const s3 = new FakeS3Browser({ media: {} });
    s3.failures.push(awsError('AccessDenied', 'Access Denied', 403));
    const provider = providerOver(new FakeCloudFrontService([sampleDistribution(6)]), 'viewer', s3);
    const [row] = await renderChildren(provider);
    const [origin] = await renderChildren(provider, row.node);
    const rows = await renderChildren(provider, origin.node);
    assert.deepEqual(
      rows.map((r) => [labelOf(r.item), r.item.contextValue]),
      [['Access denied: viewer may not call s3:ListBucket (arn:aws:s3:::media)', ContextValues.error]],
    );
    await vscode.commands.executeCommand(Commands.loadMore, ...argumentsOf(rows[0].item.command));
    assert.deepEqual(
      (await renderChildren(provider, origin.node)).map((r) => labelOf(r.item)),
      ['No objects'],
    );
  });

  it('shows the first page of 100, then a "Load more" row that fetches the next page', async () => {
    const service = new FakeCloudFrontService(Array.from({ length: 250 }, (_, i) => sampleDistribution(i)));
    const provider = providerOver(service);
    let rows = await renderChildren(provider);
    assert.equal(rows.length, 101);
    const more = rows[100];
    assert.equal(labelOf(more.item), 'Load more…');
    assert.equal(more.item.contextValue, ContextValues.loadMore);
    assert.equal(more.item.command?.command, Commands.loadMore);

    await vscode.commands.executeCommand(Commands.loadMore, ...argumentsOf(more.item.command));
    rows = await renderChildren(provider);
    assert.equal(rows.length, 201);
    await provider.loadMore();
    rows = await renderChildren(provider);
    assert.equal(rows.length, 250, 'the last page has no "Load more" row');
    assert.deepEqual(service.distributionCalls, [undefined, '100', '200']);
  });

  it('AccessDenied: a row naming the IAM action and the profile, that retries when clicked', async () => {
    const service = new FakeCloudFrontService([sampleDistribution(1)]);
    service.failures.push(awsError('AccessDenied', 'User is not authorized to perform: cloudfront:ListDistributions', 403));
    const provider = providerOver(service, 'prod-readonly');
    const rows = await renderChildren(provider);
    assert.deepEqual(
      rows.map((r) => [labelOf(r.item), r.item.contextValue]),
      [['Access denied: prod-readonly may not call cloudfront:ListDistributions', ContextValues.error]],
    );
    await vscode.commands.executeCommand(rows[0].item.command!.command, ...argumentsOf(rows[0].item.command));
    assert.deepEqual(
      (await renderChildren(provider)).map((r) => labelOf(r.item)),
      ['E000000000001'],
    );
  });

  it('network failure on a later page keeps the rows shown and adds a retry row', async () => {
    const service = new FakeCloudFrontService(Array.from({ length: 150 }, (_, i) => sampleDistribution(i)));
    const provider = providerOver(service);
    await renderChildren(provider);
    service.failures.push(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));
    await provider.loadMore();
    const rows = await renderChildren(provider);
    assert.equal(rows.length, 101);
    assert.equal(labelOf(rows[100].item), 'Cannot reach CloudFront: connect ECONNREFUSED 127.0.0.1:9');
    await provider.loadMore();
    assert.equal((await renderChildren(provider)).length, 150);
  });
});

describe('refreshing one row', () => {
  it('"Refresh" on a distribution reads it and its key groups again; on a folder, lists it again', async () => {
    const s3 = new FakeS3Browser({ media: { 'a.txt': 1 } });
    const service = new FakeCloudFrontService([{ ...sampleDistribution(8), behaviors: [] }]);
    service.details.set('E000000000008', sampleDistribution(8));
    const source = fakeSource(service, { s3 });
    const provider = new DistributionsProvider(source, keyGroupsOf(source), testLog());
    const [row] = await renderChildren(provider);
    const [origin] = await renderChildren(provider, row.node);
    await renderChildren(provider, origin.node);
    s3.buckets.media['b.txt'] = 2;
    await vscode.commands.executeCommand(Commands.refreshNode, origin.node);
    assert.deepEqual(
      (await renderChildren(provider, origin.node)).map((r) => labelOf(r.item)),
      ['a.txt', 'b.txt'],
    );
    await vscode.commands.executeCommand(Commands.refreshNode, row.node);
    await renderChildren(provider, row.node);
    assert.deepEqual(service.calls, ['ListDistributions', 'GetDistribution', 'ListKeyGroups', 'GetDistribution', 'ListKeyGroups']);
  });
});
