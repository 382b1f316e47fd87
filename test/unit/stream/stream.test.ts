import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DistributionData } from '../../../src/signing/diagnose';
import { appendQueryToManifest, fillTemplate, parseAttributes, parseDash, parseHls, parseIsoDuration, planStream, rewriteDocument, StreamError, walkStream } from '../../../src/signing/stream';
import { FIXTURES, fileReader } from './fixtureReader';

const HOST = 'https://media.example.com';
const MASTER = `${HOST}/hls/movie/master.m3u8`;
const ladder = fileReader(`${HOST}/hls/movie/`, join(FIXTURES, 'ladder'));

const distribution = (behaviors: DistributionData['behaviors']): DistributionData => ({ id: 'E1', domainName: 'media.example.com', aliases: [], behaviors });
const PROTECTED = { trustedKeyGroupIds: ['kg-1'], trustedSigners: [] };

async function rejects(promise: Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof StreamError, String(error));
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('HLS parsing', () => {
  it('reads attribute lists with quoted commas', () => {
    const list = parseAttributes('TYPE=SUBTITLES,NAME="English, CC",URI="subs/en.m3u8",DEFAULT=NO');
    assert.equal(list.get('NAME')?.value, 'English, CC');
    assert.equal(list.get('URI')?.value, 'subs/en.m3u8');
    assert.equal(list.get('DEFAULT')?.value, 'NO');
  });

  it('finds variants, renditions, I-frame playlists and session keys in a master playlist', () => {
    const master = parseHls(readFileSync(join(FIXTURES, 'ladder', 'master.m3u8'), 'utf8'), MASTER);
    assert.equal(master.type, 'master');
    assert.deepEqual(
      master.playlists.map((p) => [p.url, p.role, p.mediaType]),
      [
        [`${HOST}/hls/movie/audio/en.m3u8`, 'playlist', 'AUDIO'],
        [`${HOST}/hls/movie/subs/en.m3u8`, 'playlist', 'SUBTITLES'],
        [`${HOST}/hls/movie/video/720p.m3u8`, 'playlist', undefined],
        [`${HOST}/hls/movie/video/360p.m3u8`, 'playlist', undefined],
        [`${HOST}/hls/movie/video/iframes.m3u8`, 'iframePlaylist', undefined],
      ],
    );
    assert.deepEqual(master.resources, [{ url: `${HOST}/hls/keys/session.key`, relative: true, role: 'key' }]);
  });

  it('reads init sections, byte ranges (with implied offsets) and keys of a media playlist, resolved against its own URL', () => {
    const url = `${HOST}/hls/movie/video/720p.m3u8`;
    const playlist = parseHls(readFileSync(join(FIXTURES, 'ladder', 'video', '720p.m3u8'), 'utf8'), url);
    assert.equal(playlist.endList, true);
    assert.equal(playlist.duration, 10);
    assert.deepEqual(
      playlist.resources.map((r) => [r.role, r.url, r.range]),
      [
        ['key', `${HOST}/hls/keys/720p.key`, undefined],
        ['init', `${HOST}/hls/movie/video/720p.mp4`, { offset: 0, length: 720 }],
        ['segment', `${HOST}/hls/movie/video/720p.mp4`, { offset: 720, length: 100000 }],
        ['segment', `${HOST}/hls/movie/video/720p.mp4`, { offset: 100720, length: 120000 }],
        ['segment', `${HOST}/hls/movie/video/720p.mp4`, { offset: 220720, length: 50000 }],
      ],
    );
  });

  it('resolves relative URIs by RFC 3986 (dot segments, absolute paths, spaces) and keeps absolute ones', () => {
    const playlist = parseHls(readFileSync(join(FIXTURES, 'media.m3u8'), 'utf8'), `${HOST}/hls/movie/index.m3u8`);
    assert.deepEqual(
      playlist.resources.map((r) => [r.url, r.relative]),
      [
        [`${HOST}/hls/movie/keys/key1.bin`, true],
        [`${HOST}/hls/movie/init.mp4`, true],
        [`${HOST}/hls/movie/segment-0.m4s`, true],
        [`${HOST}/hls/movie/segment-1.m4s`, true],
        [`${HOST}/hls/movie/segment-2.m4s`, false],
        ['https://cdn.other-company.example/ads/ad-1.m4s', false],
        [`${HOST}/hls/shared/segment%203.m4s`, true],
      ],
    );
  });

  it('refuses a document that is not a playlist, naming the URL', () => {
    assert.throws(() => parseHls('<html>Not found</html>', MASTER), /master\.m3u8 is not an HLS playlist/);
  });
});

describe('DASH parsing', () => {
  const url = `${HOST}/dash/movie/manifest.mpd`;
  const limits = { maxRequests: 10_000, liveSegments: 10 };

  it('parses ISO 8601 durations and fills templates with widths', () => {
    assert.equal(parseIsoDuration('PT1H2M3.5S'), 3723.5);
    assert.equal(parseIsoDuration('P1DT1S'), 86401);
    assert.equal(parseIsoDuration('bogus'), undefined);
    assert.equal(fillTemplate('$RepresentationID$/seg-$Number%05d$-$Time$-$Bandwidth$$$.m4s', { RepresentationID: 'v1', Number: 42, Time: 8000, Bandwidth: 300000 }), 'v1/seg-00042-8000-300000$.m4s');
  });

  it('expands a SegmentTimeline (r and r=-1 to the period end) and a duration template, BaseURL at every level', () => {
    const manifest = parseDash(readFileSync(join(FIXTURES, 'dash', 'timeline.mpd'), 'utf8'), url, limits);
    assert.equal(manifest.live, false);
    assert.equal(manifest.duration, 12);
    const video = `${HOST}/dash/movie/media/video/`;
    assert.deepEqual(
      manifest.resources.map((r) => [r.role, r.url]),
      [
        ['init', `${video}init-v0.webm`],
        ...[0, 4000, 8000, 10000].map((t) => ['segment', `${video}chunk-v0-${t}.webm`]),
        ['init', `${video}init-v1.webm`],
        ...[0, 4000, 8000, 10000].map((t) => ['segment', `${video}chunk-v1-${t}.webm`]),
        ['init', `${HOST}/dash/movie/media/audio/init.webm`],
        ...[1, 2, 3].map((n) => ['segment', `${HOST}/dash/movie/media/audio/seg-0000${n}-64000.webm`]),
      ],
    );
  });

  it('reads SegmentList and SegmentBase with byte ranges under an absolute BaseURL', () => {
    const manifest = parseDash(readFileSync(join(FIXTURES, 'dash', 'list.mpd'), 'utf8'), url, limits);
    const base = `${HOST}/dash/list/`;
    assert.deepEqual(
      manifest.resources.map((r) => [r.role, r.url, r.range, r.relative]),
      [
        ['init', `${base}low/init.mp4`, undefined, false],
        ['segment', `${base}low/s1.m4s`, undefined, false],
        ['segment', `${base}low/s2.m4s`, undefined, false],
        ['init', `${base}one/file.mp4`, { offset: 0, length: 700 }, false],
        ['segment', `${base}one/file.mp4`, undefined, false],
      ],
    );
  });

  it('refuses a billion-segment template before making a URL', () => {
    assert.throws(
      () => parseDash(readFileSync(join(FIXTURES, 'dash', 'billion.mpd'), 'utf8'), url, limits),
      (error: unknown) => error instanceof StreamError && error.code === 'TooManyRequests' && /more than 10,000 segment requests \(1,000,000,000 in one Representation\)/.test(error.message),
    );
  });

  it('refuses XML that is not an MPD, and broken XML, naming the URL', () => {
    assert.throws(() => parseDash('<html/>', url, limits), /manifest\.mpd is not a DASH manifest/);
    assert.throws(() => parseDash('<MPD><Period></MPD>', url, limits), /manifest\.mpd is not well-formed XML/);
  });

  it('appends a signed query to every URI of a manifest, keeping template identifiers', () => {
    const signed = appendQueryToManifest(readFileSync(join(FIXTURES, 'dash', 'timeline.mpd'), 'utf8'), url, 'Policy=p&Signature=s&Key-Pair-Id=K1');
    const manifest = parseDash(signed, url, limits);
    assert.ok(
      manifest.resources.every((r) => r.url.endsWith('?Policy=p&Signature=s&Key-Pair-Id=K1')),
      manifest.resources.map((r) => r.url).join('\n'),
    );
    assert.match(signed, /media="chunk-\$RepresentationID\$-\$Time\$\.webm\?Policy=p&amp;Signature=s&amp;Key-Pair-Id=K1"/);
  });
});

describe('walkStream', () => {
  it('walks a ladder as a player: master, renditions, variants, I-frames, keys, init sections, segments, subtitles', async () => {
    const walk = await walkStream(MASTER, ladder);
    assert.equal(walk.kind, 'hls');
    assert.equal(walk.live, false);
    const roles = walk.requests.reduce<Record<string, number>>((counts, r) => ({ ...counts, [r.role]: (counts[r.role] ?? 0) + 1 }), {});
    assert.deepEqual(roles, { master: 1, key: 3, playlist: 4, iframePlaylist: 1, segment: 11, subtitles: 1, init: 1 });
    assert.equal(walk.documents.length, 6);
    assert.ok(walk.requests.some((r) => r.url === `${HOST}/hls/movie/subs/en-0.vtt` && r.role === 'subtitles'));
    assert.ok(walk.requests.some((r) => r.url === `${HOST}/hls/movie/video/360p/seg-00002.ts?v=2` && r.relative)); // a path-absolute reference is relative too (RFC 3986 4.2)
  });

  it('refuses a variant that points back to the master (a loop)', async () => {
    const url = `${HOST}/hls/loop.m3u8`;
    await rejects(walkStream(url, fileReader(`${HOST}/hls/`, FIXTURES)), 'PlaylistLoop', /loop\.m3u8 names .*loop\.m3u8, which is a master playlist \(itself\)/);
  });

  it('refuses a document that is neither HLS nor DASH, and says when a playlist cannot be read', async () => {
    await rejects(
      walkStream(MASTER, () => Promise.resolve('{"not":"a playlist"}')),
      'NotAPlaylist',
      /neither an HLS playlist .* nor a DASH manifest/,
    );
    await rejects(walkStream(`${HOST}/elsewhere/master.m3u8`, ladder), 'FetchFailed', /Could not read .*elsewhere\/master\.m3u8: 404/);
  });

  it('stops at its request bound', async () => {
    await rejects(walkStream(MASTER, ladder, { maxPlaylists: 100, maxRequests: 10, concurrency: 2 }), 'TooManyRequests', /more than 10 requests/);
  });

  it('sees a live playlist (no EXT-X-ENDLIST)', async () => {
    const walk = await walkStream(`${HOST}/hls/live.m3u8`, fileReader(`${HOST}/hls/`, FIXTURES));
    assert.equal(walk.live, true);
    assert.equal(walk.targetDuration, 6);
  });

  it('rewrites each playlist with every URI signed, leaving the rest byte for byte', async () => {
    const walk = await walkStream(MASTER, ladder);
    const variant = walk.documents.find((d) => d.url.endsWith('/360p.m3u8'))!;
    const rewritten = rewriteDocument(variant, (url) => `${url}${url.includes('?') ? '&' : '?'}Signature=x`);
    assert.equal(
      rewritten,
      variant.text
        .replace('"../../keys/360p.key"', `"${HOST}/hls/keys/360p.key?Signature=x"`)
        .replace('360p/seg-00000.ts', `${HOST}/hls/movie/video/360p/seg-00000.ts?Signature=x`)
        .replace('360p/seg-00001.ts', `${HOST}/hls/movie/video/360p/seg-00001.ts?Signature=x`)
        .replace('/hls/movie/video/360p/seg-00002.ts?v=2', `${HOST}/hls/movie/video/360p/seg-00002.ts?v=2&Signature=x`),
    );
  });
});

describe('planStream', () => {
  it('plans one wildcard resource and the behaviors that serve the stream', async () => {
    const walk = await walkStream(MASTER, ladder);
    const plan = planStream(walk, { distributions: [distribution([{ ...PROTECTED }])] });
    assert.equal(plan.kind, 'hls');
    assert.equal(plan.requests, walk.requests.length);
    assert.equal(plan.urls.length, new Set(walk.requests.map((r) => r.url)).size);
    assert.equal(plan.resource, `${HOST}/hls/*`);
    assert.deepEqual(
      plan.behaviors.map((b) => [b.pathPattern, b.keyGroupIds, b.urls.length]),
      [['*', ['kg-1'], plan.urls.length]],
    );
    assert.deepEqual(
      plan.problems.map((p) => p.code),
      ['MasterOnlySignature'],
    );
    assert.match(plan.problems[0].message, /a signed URL on the master only: relative segment requests carry no signature/i);
  });

  it('names a behavior that trusts other key groups, an unrestricted one, a key under another behavior', async () => {
    const walk = await walkStream(MASTER, ladder);
    const plan = planStream(walk, {
      distributions: [
        distribution([{ pathPattern: '/hls/keys/*', trustedKeyGroupIds: [], trustedSigners: [] }, { pathPattern: '*.ts', trustedKeyGroupIds: ['kg-2'], trustedSigners: [] }, { ...PROTECTED }]),
      ],
    });
    const byCode = new Map(plan.problems.map((p) => [p.code, p]));
    assert.match(byCode.get('UnrestrictedBehavior')!.message, /\/hls\/keys\/\* of E1, which does not restrict viewer access/);
    assert.match(byCode.get('UntrustedBehavior')!.message, /seg-00000\.ts is served by the behavior \*\.ts, which trusts key groups kg-2 and none of kg-1/);
    assert.match(byCode.get('KeyUnderOtherBehavior')!.message, /anyone can fetch the decryption key/);
    assert.deepEqual(plan.behaviors.map((b) => b.pathPattern).sort(), ['*', '*.ts', '/hls/keys/*']);
  });

  it('warns of URIs on another host, a URL on no distribution, and a live stream signed for less than a session', async () => {
    const media = await walkStream(`${HOST}/hls/movie/media.m3u8`, fileReader(`${HOST}/hls/movie/`, FIXTURES));
    const other = planStream(media, { distributions: [distribution([{ ...PROTECTED }])] });
    assert.match(other.problems.find((p) => p.code === 'OtherHost')!.message, /1 URL of the stream is on cdn\.other-company\.example/);
    assert.equal(planStream(media, { distributions: [] }).problems.find((p) => p.code === 'NoDistribution')?.severity, 'error');

    const live = await walkStream(`${HOST}/hls/live.m3u8`, fileReader(`${HOST}/hls/`, FIXTURES));
    assert.match(
      planStream(live, { distributions: [distribution([{ ...PROTECTED }])], validForSeconds: 3600 }).problems.find((p) => p.code === 'LiveExpiry')!.message,
      /valid for 60 minutes ends the viewing session/,
    );
    assert.equal(
      planStream(live, { distributions: [distribution([{ ...PROTECTED }])], validForSeconds: 86400 }).problems.find((p) => p.code === 'LiveExpiry'),
      undefined,
    );
  });

  it('says when the policy cookie would pass what browsers keep', async () => {
    const deep = `${HOST}/${'a'.repeat(3200)}/master.m3u8`;
    const walk = await walkStream(deep, () => Promise.resolve('#EXTM3U\n#EXTINF:4,\nseg.ts\n#EXT-X-ENDLIST\n'));
    assert.match(planStream(walk, { distributions: [distribution([{ ...PROTECTED }])] }).problems.find((p) => p.code === 'PolicyTooLarge')!.message, /bytes, more than the 4096 browsers keep/);
  });
});
