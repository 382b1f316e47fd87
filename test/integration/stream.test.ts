// Plan and sign a private stream held in an S3 bucket behind a protected behavior, against moto
// (CloudFront and S3): the master and variant playlists are read from the bucket through S3, the plan
// names the one wildcard resource and the behavior, the cookies verify with the public key in
// CloudFront, and the signed playlists carry a verifying signed URL for every URI.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import type { CreateKeyPairResult } from '../../src/commands/keys/createKeyPair/state';
import type { StreamPlanResult } from '../../src/commands/stream/planStream';
import type { SignedPlaylistsResult, StreamCookiesResult } from '../../src/commands/stream/signStream';
import { Commands } from '../../src/constants';
import { parseSignedUrl, verifySignedCookies, verifySignedUrl } from '../../src/signing';
import { parseDash, parseHls } from '../../src/signing/stream';
import type { PlaybackResult } from '../../src/commands/stream/checkPlayback';
import { startEdge, type RunningEdge } from '../../scripts/edge/server';
import { makeTestStreams } from '../../scripts/streams/makeTestStreams.mjs';
import { behavior, createDistribution, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';
import { input, pick, ScriptedUi, type Answer } from '../fakes/scriptedUi';
import type { TestingApi } from '../../src/api';
import { rememberSigned } from './support/secrets';

const LADDER = join('test', 'fixtures', 'playlists', 'ladder');
const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

describe('Private streams (moto)', function () {
  this.timeout(180_000);
  let key: CreateKeyPairResult;
  let publicKeyPem: string;
  let domain: string;
  let distributionId: string;
  let master: string;
  let s3: S3Client;
  let bucket: string;

  before(async () => {
    await activateExtension();
    const suffix = Date.now();
    key = await vscode.commands.executeCommand<CreateKeyPairResult>(Commands.createKeyPair, { name: `stream-${suffix}`, algorithm: 'RSA_2048', keyGroupName: `stream-signers-${suffix}` });
    publicKeyPem = (await seedClient().send(new GetPublicKeyCommand({ Id: key.publicKeyId }))).PublicKey!.PublicKeyConfig!.EncodedKey!;
    bucket = `stream-${suffix}`;
    s3 = new S3Client({ region: 'us-east-1' });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    // The ladder's playlists under hls/movie/, its keys under hls/keys/, and one object that is no part of it.
    for (const file of filesUnder(LADDER)) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `hls/movie/${file}`, Body: readFileSync(join(LADDER, file)) }));
    for (const name of ['session.key', '720p.key', '360p.key']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `hls/keys/${name}`, Body: Buffer.alloc(16, 1) }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'hls/trailer/notes.txt', Body: 'not part of the stream' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'dash/manifest.mpd', Body: readFileSync(join('test', 'fixtures', 'playlists', 'dash', 'timeline.mpd')) }));
    const distribution = await createDistribution(
      seedClient(),
      `streams ${suffix}`,
      [behavior('/hls/*', [key.keyGroupId]), behavior('/dash/*', [key.keyGroupId])],
      `${bucket}.s3.us-east-1.amazonaws.com`,
    );
    domain = distribution.DomainName!;
    distributionId = distribution.Id!;
    master = `https://${domain}/hls/movie/master.m3u8`;
    await vscode.commands.executeCommand(Commands.refresh);
  });

  after(async () => {
    await deleteDistributions(seedClient(), [distributionId]);
  });

  it('plans from the origin bucket: every URL, the one wildcard resource, the protected behavior, and the master-only problem', async () => {
    const plan = await vscode.commands.executeCommand<StreamPlanResult>(Commands.planStream, { url: master });
    assert.equal(plan.kind, 'hls');
    assert.equal(plan.source, 'origin');
    assert.equal(plan.live, false);
    assert.equal(plan.resource, `https://${domain}/hls/*`);
    assert.ok(plan.urls.includes(`https://${domain}/hls/movie/subs/en-0.vtt`));
    assert.ok(plan.urls.includes(`https://${domain}/hls/keys/session.key`));
    assert.equal(plan.requests, 22);
    assert.deepEqual(
      plan.behaviors.map((b) => [b.distributionId, b.pathPattern, b.keyGroupIds, b.urls.length]),
      [[distributionId, '/hls/*', [key.keyGroupId], plan.urls.length]],
    );
    assert.deepEqual(
      plan.problems.map((p) => p.code),
      ['MasterOnlySignature'],
    );
    // Under hls/ the bucket holds the trailer's notes besides the stream's (the segments are not uploaded: they are not counted as others).
    assert.equal(plan.otherObjectsUnderResource, 1);
  });

  it('signs cookies with one custom policy for the resource, verifying with the key in CloudFront', async () => {
    const result = await vscode.commands.executeCommand<StreamCookiesResult>(Commands.signStream, { url: master, strategy: 'cookies', expires: inADay(), domain });
    assert.equal(result.resource, `https://${domain}/hls/*`);
    assert.equal(result.cookies['CloudFront-Key-Pair-Id'], key.publicKeyId);
    rememberSigned(result.cookies);
    assert.ok(verifySignedCookies(result.cookies, `https://${domain}/hls/movie/video/360p/seg-00001.ts`, publicKeyPem));
    assert.ok(!verifySignedCookies(result.cookies, `https://${domain}/other/a.mp4`, publicKeyPem), "the policy covers the stream's folder only");
    assert.deepEqual(
      result.setCookie.map((header) => header.split('=')[0]),
      ['CloudFront-Policy', 'CloudFront-Signature', 'CloudFront-Key-Pair-Id'],
    );
    assert.ok(result.setCookie.every((header) => header.includes(`; Domain=${domain}; Path=/; Secure; HttpOnly`)));
  });

  it('signs the playlists: every URI of every playlist replaced by its signed URL, the variants signed in the master', async () => {
    const result = await vscode.commands.executeCommand<SignedPlaylistsResult>(Commands.signStream, { url: master, strategy: 'signedPlaylists', expires: inADay() });
    rememberSigned(result.url);
    assert.ok(verifySignedUrl(result.url, publicKeyPem));
    assert.equal(parseSignedUrl(result.url).keyPairId, key.publicKeyId);
    assert.equal(result.playlists.length, 6);
    assert.deepEqual(result.skipped, []);
    for (const playlist of result.playlists) {
      const parsed = parseHls(playlist.content, playlist.url);
      assert.ok(parsed.occurrences.length > 0, playlist.url);
      for (const occurrence of parsed.occurrences) {
        rememberSigned(occurrence.url);
        assert.ok(verifySignedUrl(occurrence.url, publicKeyPem), `${playlist.url}: ${occurrence.text.slice(0, 80)}`);
      }
    }
    const signedMaster = result.playlists[0].content;
    assert.match(signedMaster, new RegExp(`^https://${domain.replace(/\./g, '\\.')}/hls/movie/video/720p\\.m3u8\\?Expires=\\d+&Signature=[^&\\s]+&Key-Pair-Id=${key.publicKeyId}$`, 'm'));
    assert.match(signedMaster, /URI="https:\/\/[^"]+\/hls\/keys\/session\.key\?Expires=/);
  });

  it('signs a DASH manifest: its templates kept, one wildcard signature on every URI, each segment URL a player makes verifying', async () => {
    const manifest = `https://${domain}/dash/manifest.mpd`;
    const result = await vscode.commands.executeCommand<SignedPlaylistsResult>(Commands.signStream, { url: manifest, strategy: 'signedPlaylists', expires: inADay() });
    rememberSigned(result.url);
    assert.equal(result.playlists.length, 1);
    const content = result.playlists[0].content;
    rememberSigned(content.replace(/&amp;/g, '&'));
    assert.match(content, /media="chunk-\$RepresentationID\$-\$Time\$\.webm\?Policy=[^"]+&amp;Signature=[^"]+&amp;Key-Pair-Id=/);
    const segments = parseDash(content, manifest, { maxRequests: 100, liveSegments: 10 }).resources;
    assert.equal(segments.length, 14, 'two video representations of an init and 4 segments, audio of an init and 3');
    for (const segment of segments) assert.ok(verifySignedUrl(segment.url, publicKeyPem), segment.url.slice(0, 120));
    assert.ok(verifySignedUrl(result.url, publicKeyPem));
  });

  describe('as a person calls them (scripted answers)', () => {
    let hooks: TestingApi;
    let scratch: string;
    const scripted = (answers: Answer[]) => {
      const ui = new ScriptedUi(answers);
      hooks.setUi(ui);
      return ui;
    };

    before(async () => {
      hooks = await (await activateExtension()).testing!();
      scratch = mkdtempSync(join(tmpdir(), 'cfpc-stream-ui-'));
    });
    afterEach(() => hooks.setUi(undefined));
    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(scratch, { recursive: true, force: true });
    });

    it('cloudfront.planStream with a URL string: asks nothing, opens the plan as a document', async () => {
      const ui = scripted([]);
      const plan = await vscode.commands.executeCommand<StreamPlanResult>(Commands.planStream, master);
      ui.assertAllUsed();
      assert.equal(plan.resource, `https://${domain}/hls/*`);
      const text = vscode.window.activeTextEditor?.document.getText() ?? '';
      assert.match(text, new RegExp(`^# Stream plan: ${master.replace(/[./]/g, '\\$&')}`));
      assert.match(text, /`MasterOnlySignature`: A signed URL on the master only/);
      assert.match(text, /\| `\/hls\/\*` \| /);
    });

    it('cloudfront.signStream on a playlist file of the workspace: asks the URL it is served at, reads its folder, writes the signed playlists to the folder picked', async () => {
      const local = join(scratch, 'movie');
      cpSync(LADDER, local, { recursive: true });
      const out = join(scratch, 'signed');
      const ui = scripted([input(master), pick('Signed playlists'), pick('1 hour'), { kind: 'file', uri: vscode.Uri.file(out) }]);
      const result = await vscode.commands.executeCommand<SignedPlaylistsResult>(Commands.signStream, vscode.Uri.file(join(local, 'master.m3u8')));
      ui.assertAllUsed();
      rememberSigned(result.url);
      assert.equal(result.playlists.length, 6);
      for (const name of ['master.m3u8', 'video/720p.m3u8', 'video/360p.m3u8', 'video/iframes.m3u8', 'audio/en.m3u8', 'subs/en.m3u8']) {
        assert.ok(existsSync(join(out, name)), name);
      }
      const written = readFileSync(join(out, 'video', '360p.m3u8'), 'utf8');
      rememberSigned(written);
      assert.match(written, new RegExp(`^https://${domain.replace(/\./g, '\\.')}/hls/movie/video/360p/seg-00000\\.ts\\?Expires=`, 'm'));
      assert.equal(ui.clipboard, result.url, 'the signed master URL is on the clipboard');
    });
  });

  describe('checked as a player through the local edge (ffmpeg streams, cloudfront.hostAddresses)', () => {
    let scratch: string;
    let edge: RunningEdge;
    let ts: string;

    before(async () => {
      scratch = mkdtempSync(join(tmpdir(), 'cfpc-streams-'));
      const root = join(scratch, 'root');
      makeTestStreams(join(root, 'hls'));
      for (const file of filesUnder(join(root, 'hls', 'hls-ts'))) {
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `hls/hls-ts/${file}`, Body: readFileSync(join(root, 'hls', 'hls-ts', file)) }));
      }
      edge = await startEdge({ root, publicKeys: new Map([[key.publicKeyId, publicKeyPem]]), pathPattern: '/hls/*' });
      // The distribution's host answered by the local edge, which terminates no TLS (as npm run edge does).
      await vscode.workspace.getConfiguration('cloudfront').update('hostAddresses', { [domain]: edge.url }, vscode.ConfigurationTarget.Global);
      ts = `https://${domain}/hls/hls-ts/master.m3u8`;
    });

    after(async () => {
      await vscode.workspace.getConfiguration('cloudfront').update('hostAddresses', undefined, vscode.ConfigurationTarget.Global);
      await edge?.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    it("plans with source 'live': reads the playlists through the distribution (here the local edge) with a short-lived signed URL", async () => {
      const plan = await vscode.commands.executeCommand<StreamPlanResult>(Commands.planStream, { url: ts, source: 'live' });
      assert.equal(plan.source, 'live');
      assert.deepEqual(
        plan.urls.map((url) => url.replace(`https://${domain}/hls/hls-ts/`, '')),
        ['master.m3u8', 'media.m3u8', 'seg-000.ts', 'seg-001.ts', 'seg-002.ts'],
      );
      assert.equal(plan.otherObjectsUnderResource, undefined, 'only an origin read lists the bucket');
    });

    it('with the cookies of signStream every request a player makes is granted (playlists in full, segments by a one-byte range)', async () => {
      const { cookies } = await vscode.commands.executeCommand<StreamCookiesResult>(Commands.signStream, { url: ts, strategy: 'cookies', expires: inADay() });
      rememberSigned(cookies);
      const result = await vscode.commands.executeCommand<PlaybackResult>(Commands.checkPlayback, { url: ts, cookies });
      assert.deepEqual(
        result.requests.map((r) => [r.url.replace(`https://${domain}/hls/hls-ts/`, ''), r.role, r.status]),
        [
          ['master.m3u8', 'master', 200],
          ['media.m3u8', 'playlist', 200],
          ['seg-000.ts', 'segment', 206],
          ['seg-001.ts', 'segment', 206],
          ['seg-002.ts', 'segment', 206],
        ],
      );
      assert.deepEqual([result.granted, result.refused, result.notRequested], [5, 0, 0]);
    });

    it('as a person: the URL typed (a selected stream URL offered first), cookies left empty, and the first refusal said with its code and fix', async () => {
      const hooks = await (await activateExtension()).testing!();
      const media = `https://${domain}/hls/hls-ts/media.m3u8`;
      const ui = new ScriptedUi([input(media, { expectValue: media }), input('')]);
      ui.selectedText = media;
      hooks.setUi(ui);
      try {
        const result = await vscode.commands.executeCommand<PlaybackResult>(Commands.checkPlayback);
        ui.assertAllUsed();
        assert.deepEqual([result.granted, result.refused], [0, 1], 'a refused playlist ends the walk where a player stops');
        assert.deepEqual(
          ui.notifications.map((n) => n.severity),
          ['error'],
        );
        assert.match(ui.notifications[0].message, new RegExp(`^1 of 1 requests refused; the first: ${media.replace(/[./]/g, '\\$&')} \\(NotSigned\\)\\. `));
      } finally {
        hooks.setUi(undefined);
      }
    });

    it('with only the playlist signed by a canned URL, names the first refused segment with the diagnosis', async () => {
      const media = `https://${domain}/hls/hls-ts/media.m3u8`;
      const signed = await vscode.commands.executeCommand<string>(Commands.signUrl, { url: media, expires: inADay(), copy: false });
      rememberSigned(signed);
      const result = await vscode.commands.executeCommand<PlaybackResult>(Commands.checkPlayback, { url: signed, maxRequests: 3 });
      assert.equal(result.requests[0].status, 200, 'the signed playlist itself is granted');
      const refused = result.requests.find((r) => r.status !== 200 && r.status !== 206)!;
      assert.equal(refused.url, `https://${domain}/hls/hls-ts/seg-000.ts`);
      assert.equal(refused.status, 403);
      assert.equal(refused.code, 'NotSigned');
      assert.ok(refused.fix && refused.fix.length > 0);
      assert.deepEqual([result.granted, result.refused, result.notRequested], [1, 2, 1], 'maxRequests bounds the requests made');
    });
  });
});
