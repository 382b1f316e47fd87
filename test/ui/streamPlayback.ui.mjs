// UI test, the player proof: five tiny streams made by ffmpeg (HLS TS, HLS fMP4 with EXT-X-MAP and byte
// ranges, AES-128 with a key URI, alternate audio + subtitles, DASH SegmentTemplate + timeline) held in
// the distribution's S3 bucket (moto) under /paid/*, which a key pair made with the wizard protects.
// For each, "CloudFront: Sign Private Stream" from the palette makes signed cookies (read back from the
// clipboard as Set-Cookie headers); Chromium holds them and plays the stream with hls.js or dash.js
// from https://<distribution>/, every request answered by the local edge (npm run edge) as CloudFront
// would behind TLS (X-Forwarded-Proto: https): playback must advance 2 s with every request granted.
// Then, without cookies and with only the playlist the player starts from signed by a canned URL, the
// player must fail, the first refused request must be the first segment, and "CloudFront: Check Stream
// Playback" from the palette (sent to the local edge by cloudfront.hostAddresses, set in the user and
// machine settings) must name that segment with its diagnosis: …/paid/hls-ts/seg-000.ts (NotSigned).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetKeyGroupCommand, GetPublicKeyCommand } from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { makeTestStreams } from '../../scripts/streams/makeTestStreams.mjs';
import { cloudFrontClient, createPaidDistribution, restrictPaidWithNewKeyPair } from './lib/account.mjs';
import { startEdge } from './lib/edge.mjs';
import { answer, notification, runCommand, setOwnSetting, until, waitForWorkbench } from './lib/workbench.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PLAYERS = {
  'hls.min.js': join(repoRoot, 'node_modules', 'hls.js', 'dist', 'hls.min.js'),
  'dash.all.min.js': join(repoRoot, 'node_modules', 'dashjs', 'dist', 'modern', 'umd', 'dash.all.min.js'),
};

/** The page that plays `?src=` with hls.js (kind=hls) or dash.js (kind=dash), muted, and keeps fatal errors in window.playerErrors. */
const PLAYER_HTML = `<!doctype html><meta charset="utf-8"><title>player</title>
<video id="video" muted playsinline width="320" height="180"></video>
<script src="/player/hls.min.js"></script><script src="/player/dash.all.min.js"></script>
<script>
  window.playerErrors = [];
  const params = new URLSearchParams(location.search);
  const video = document.getElementById('video');
  if (params.get('kind') === 'dash') {
    const player = dashjs.MediaPlayer().create();
    player.on(dashjs.MediaPlayer.events.ERROR, (e) => playerErrors.push('dash: ' + JSON.stringify(e.error && (e.error.message || e.error.code))));
    player.initialize(video, params.get('src'), true);
  } else {
    // A refused segment fails at once (by default hls.js retries it for about 30 s): a viewer's 403 is final.
    const once = { default: { maxTimeToFirstByteMs: 10000, maxLoadTimeMs: 20000, timeoutRetry: null, errorRetry: null } };
    const hls = new Hls({ subtitleDisplay: true, fragLoadPolicy: once });
    hls.on(Hls.Events.ERROR, (_, d) => { if (d.fatal) playerErrors.push('hls: ' + d.details + ' ' + ((d.response && d.response.code) || '')); });
    hls.on(Hls.Events.MANIFEST_PARSED, () => { if (hls.subtitleTracks.length) hls.subtitleTrack = 0; });
    hls.loadSource(params.get('src'));
    hls.attachMedia(video);
    video.play().catch((e) => playerErrors.push('play: ' + e.message));
  }
</script>`;

/** In the player page: seconds played, and the players' fatal errors. */
const PLAYED = "document.getElementById('video').currentTime";
const ERRORS = 'window.playerErrors';

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** One request to the edge as the viewer's https request to `host` reaches CloudFront behind TLS. */
function throughEdge(edgeUrl, host, pathAndQuery, headers) {
  return new Promise((resolve, reject) => {
    const req = request(`${edgeUrl}${pathAndQuery}`, { headers: { ...headers, host, 'x-forwarded-proto': 'https' } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function streamPlayback({ page, outputDir, motoUrl, userSettingsFile, log }) {
  const client = cloudFrontClient(motoUrl);
  const s3 = new S3Client({ endpoint: motoUrl, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const suffix = randomUUID().slice(0, 8);
  const distribution = await createPaidDistribution(client, { name: `ui-stream-${suffix}` });
  const domain = distribution.DomainName;
  const scratch = mkdtempSync(join(tmpdir(), 'cfpc-ui-streams-'));
  const context = page.context();
  const player = await context.newPage();
  let edge;
  let restoreSettings = () => {};
  try {
    // 1. The streams, in the origin bucket (the distribution's S3 origin is the bucket "media") and for the edge.
    const root = join(scratch, 'root');
    const masters = makeTestStreams(join(root, 'paid'));
    await s3.send(new CreateBucketCommand({ Bucket: 'media' }));
    for (const file of filesUnder(join(root, 'paid'))) await s3.send(new PutObjectCommand({ Bucket: 'media', Key: `paid/${file}`, Body: readFileSync(join(root, 'paid', file)) }));
    log(`made ${Object.keys(masters).length} streams with ffmpeg and put them in s3://media/paid/`);

    // 2. /paid/* protected by a new key pair, through the wizard; the edge trusts the key CloudFront holds.
    const keyGroupId = await restrictPaidWithNewKeyPair(page, client, { distributionId: distribution.Id, keyName: `ui-stream-key-${suffix}`, groupName: `ui-stream-group-${suffix}` });
    const { KeyGroup } = await client.send(new GetKeyGroupCommand({ Id: keyGroupId }));
    const keyPairId = KeyGroup.KeyGroupConfig.Items[0];
    const { PublicKey } = await client.send(new GetPublicKeyCommand({ Id: keyPairId }));
    writeFileSync(join(scratch, 'public.pem'), PublicKey.PublicKeyConfig.EncodedKey);
    edge = await startEdge(['--root', root, '--public-key', `${keyPairId}=${join(scratch, 'public.pem')}`, '--path-pattern', '/paid/*', '--port', '0'], () => {});
    log(`/paid/* trusts ${keyPairId}; the local edge answers for https://${domain}/`);

    // 3. Chromium's requests to the distribution: the player page and its scripts from here, the rest through the edge with the browser's cookies.
    /** @type {{ path: string, status: number }[]} */
    let requests = [];
    await player.route(`https://${domain}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/player/index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: PLAYER_HTML });
      const script = url.pathname.startsWith('/player/') ? PLAYERS[url.pathname.slice('/player/'.length)] : undefined;
      if (script) return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(script) });
      const cookie = (await context.cookies(url.href)).map((c) => `${c.name}=${c.value}`).join('; ');
      const range = route.request().headers().range;
      const answer = await throughEdge(edge.url, domain, `${url.pathname}${url.search}`, { ...(cookie ? { cookie } : {}), ...(range ? { range } : {}) });
      requests.push({ path: url.pathname, status: answer.status });
      const headers = Object.fromEntries(Object.entries(answer.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
      return route.fulfill({ status: answer.status, headers: { ...headers, 'access-control-allow-origin': `https://${domain}` }, body: answer.body });
    });

    // 4. Each stream: signed cookies from the palette, then played.
    for (const [name, master] of Object.entries(masters)) {
      const url = `https://${domain}/paid/${master}`;
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await until(async () => (await runCommand(page, 'CloudFront: Sign Private Stream', { rowText: 'Sign Private Stream', timeoutMs: 3000 }), true), 'Sign Private Stream in the palette', 30000);
      await answer(page, url);
      await answer(page, 'Signed cookies', { rowText: 'Signed cookies' });
      await answer(page, '1 hour', { rowText: '1 hour' });
      const setCookie = await until(async () => {
        const text = await page.evaluate(() => navigator.clipboard.readText());
        return text.startsWith('Set-Cookie: ') ? text : undefined;
      }, `the Set-Cookie headers for ${name} on the clipboard`);
      const cookies = setCookie.split('\n').map((line) =>
        line
          .replace(/^Set-Cookie: /, '')
          .split('; ')[0]
          .split(/=(.*)/s),
      );
      await context.clearCookies();
      await context.addCookies(cookies.map(([cookieName, value]) => ({ name: cookieName, value, domain, path: '/', secure: true, httpOnly: true, sameSite: 'Lax' })));

      requests = [];
      await player.goto(`https://${domain}/player/index.html?kind=${name === 'dash' ? 'dash' : 'hls'}&src=${encodeURIComponent(url)}`);
      await player.waitForFunction(`${PLAYED} >= 2 || ${ERRORS}.length > 0`, null, { timeout: 60000, polling: 250 });
      // hls.js reads the subtitles alongside playback, not before it: wait for them (and their answer) to come.
      if (name === 'hls-alt') await until(() => Promise.resolve(requests.some((r) => r.path.endsWith('/en.vtt'))), 'the subtitles to be requested', 20000);
      const { time, errors } = await player.evaluate(`({ time: ${PLAYED}, errors: ${ERRORS} })`);
      const refused = requests.filter((r) => r.status !== 200 && r.status !== 206);
      if (errors.length || time < 2 || refused.length) throw new Error(`${name}: played ${time} s, errors ${JSON.stringify(errors)}, refused ${JSON.stringify(refused)}`);
      if (name === 'hls-aes' && !requests.some((r) => r.path.endsWith('/aes.key'))) throw new Error('the AES-128 key was never requested');
      if (name === 'hls-fmp4' && !requests.some((r) => r.status === 206)) throw new Error('no byte-range request');
      const kinds = [...new Set(requests.map((r) => r.path.split('.').pop()))].join(', ');
      log(`${name}: played ${time.toFixed(1)} s; ${requests.length} requests (${kinds}), every one granted`);
    }
    await player.screenshot({ path: join(outputDir, 'stream-playback.png') });

    // 5. Only the media playlist signed (a canned URL), no cookies: the player fails at the first segment.
    await context.clearCookies();
    const media = `https://${domain}/paid/hls-ts/media.m3u8`;
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await until(async () => (await runCommand(page, 'CloudFront: Sign CloudFront URL', { rowText: 'Sign CloudFront URL', timeoutMs: 3000 }), true), 'Sign CloudFront URL in the palette', 30000);
    await answer(page, media);
    await answer(page, '1 hour', { rowText: '1 hour' });
    const signed = await until(async () => {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      return text.startsWith(`${media}?Expires=`) ? text : undefined;
    }, 'the signed playlist URL on the clipboard');
    requests = [];
    await player.goto(`https://${domain}/player/index.html?kind=hls&src=${encodeURIComponent(signed)}`);
    await player.waitForFunction(`${ERRORS}.length > 0 || ${PLAYED} > 0`, null, { timeout: 60000, polling: 250 });
    const failed = await player.evaluate(`({ time: ${PLAYED}, errors: ${ERRORS} })`);
    const firstRefused = requests.find((r) => r.status !== 200 && r.status !== 206);
    if (failed.time > 0 || failed.errors.length === 0) throw new Error(`the master-only stream played (${failed.time} s)`);
    if (requests[0]?.status !== 200 || firstRefused?.path !== '/paid/hls-ts/seg-000.ts' || firstRefused.status !== 403)
      throw new Error(`expected the playlist granted and seg-000.ts refused: ${JSON.stringify(requests)}`);
    log(`only the playlist signed: the player failed (${failed.errors[0]}); the first refused request was ${firstRefused.path} (403)`);

    // 6. Check Stream Playback from the palette on the same signed URL, its requests sent to the local edge by
    // cloudfront.hostAddresses (a person's own setting: user and machine settings; the window reloads to read it),
    // must name the segment the player was refused, with its diagnosis.
    restoreSettings = setOwnSetting(userSettingsFile, 'cloudfront.hostAddresses', { [domain]: edge.url });
    await page.reload();
    await waitForWorkbench(page);
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
    await until(async () => (await runCommand(page, 'CloudFront: Check Stream Playback', { rowText: 'Check Stream Playback', timeoutMs: 3000 }), true), 'Check Stream Playback in the palette', 60000);
    await answer(page, signed);
    await answer(page, ''); // no cookies: the URL itself is signed
    const verdict = await notification(page, 'requests refused');
    log(`Check Stream Playback: ${verdict}`);
    const expected = `the first: https://${domain}/paid/hls-ts/seg-000.ts (NotSigned)`;
    if (!verdict.includes(expected)) throw new Error(`Check Stream Playback does not name the refused segment ("${expected}"): ${verdict}`);
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
  } finally {
    restoreSettings();
    await player.close().catch(() => {});
    await context.clearCookies().catch(() => {});
    await edge?.stop();
    rmSync(scratch, { recursive: true, force: true });
    client.destroy();
    s3.destroy();
  }
}
