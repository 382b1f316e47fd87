// Tiny test streams (6 seconds, 160×90, 2-second segments) made with Debian's ffmpeg, for the player
// proof (test/ui/streamPlayback.ui.mjs) and for trying the stream commands by hand:
//   hls-ts/      HLS with MPEG-TS segments (H.264 + AAC)
//   hls-fmp4/    HLS fMP4 in one file: EXT-X-MAP and EXT-X-BYTERANGE
//   hls-aes/     HLS AES-128 with a key URI (aes.key next to the playlists)
//   hls-alt/     HLS fMP4 with alternate audio (EXT-X-MEDIA AUDIO) and WebVTT subtitles (EXT-X-MEDIA SUBTITLES)
//   dash/        DASH fMP4, SegmentTemplate with a SegmentTimeline
// Debian's Chromium decodes H.264 and AAC in Media Source Extensions (MediaSource.isTypeSupported
// says so, and the UI test plays them), so every stream uses them.
//   node scripts/streams/makeTestStreams.mjs <folder>
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SECONDS = 6;
const SOURCES = ['-f', 'lavfi', '-i', `testsrc2=size=160x90:rate=24:duration=${SECONDS}`, '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${SECONDS}`];
const H264_AAC = ['-c:v', 'libx264', '-profile:v', 'baseline', '-pix_fmt', 'yuv420p', '-g', '24', '-keyint_min', '24', '-sc_threshold', '0', '-b:v', '100k', '-c:a', 'aac', '-b:a', '48k', '-ac', '1'];
const HLS = ['-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod'];
/** Video and audio as two streams (renditions), not muxed together. */
const APART = [...SOURCES, '-map', '0:v', '-map', '1:a', ...H264_AAC];

/** The streams, each an ffmpeg run in its folder; `after` adds what ffmpeg does not write. */
export const TEST_STREAMS = {
  'hls-ts': { master: 'master.m3u8', args: [...SOURCES, ...H264_AAC, ...HLS, '-hls_segment_filename', 'seg-%03d.ts', '-master_pl_name', 'master.m3u8', 'media.m3u8'] },
  'hls-fmp4': {
    master: 'master.m3u8',
    args: [...SOURCES, ...H264_AAC, ...HLS, '-hls_segment_type', 'fmp4', '-hls_flags', 'single_file', '-hls_fmp4_init_filename', 'init.mp4', '-master_pl_name', 'master.m3u8', 'media.m3u8'],
  },
  'hls-aes': {
    master: 'master.m3u8',
    before: (dir) => {
      writeFileSync(join(dir, 'aes.key'), Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex'));
      writeFileSync(join(dir, 'key.info'), `aes.key\n${join(dir, 'aes.key')}\n00000000000000000000000000000001\n`);
    },
    args: [...SOURCES, ...H264_AAC, ...HLS, '-hls_key_info_file', 'key.info', '-hls_segment_filename', 'seg-%03d.ts', '-master_pl_name', 'master.m3u8', 'media.m3u8'],
    after: (dir) => rmSync(join(dir, 'key.info')),
  },
  'hls-alt': {
    master: 'master.m3u8',
    args: [
      ...APART,
      ...HLS,
      '-hls_segment_type',
      'fmp4',
      '-hls_fmp4_init_filename',
      'init.mp4',
      '-hls_segment_filename',
      '%v/seg-%03d.m4s',
      '-var_stream_map',
      'v:0,agroup:aud a:0,agroup:aud,default:yes,language:en,name:English',
      '-master_pl_name',
      'master.m3u8',
      '%v/media.m3u8',
    ],
    after: (dir) => {
      // WebVTT subtitles, one cue per segment, and their playlist: ffmpeg 5.1's HLS muxer cannot group them.
      mkdirSync(join(dir, 'subs'), { recursive: true });
      const cues = Array.from({ length: SECONDS / 2 }, (_, i) => `00:00:0${i * 2}.000 --> 00:00:0${i * 2 + 2}.000\nCue ${i + 1}\n`);
      writeFileSync(join(dir, 'subs', 'en.vtt'), `WEBVTT\n\n${cues.join('\n')}`);
      writeFileSync(join(dir, 'subs', 'en.m3u8'), `#EXTM3U\n#EXT-X-TARGETDURATION:${SECONDS}\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:${SECONDS}.000,\nen.vtt\n#EXT-X-ENDLIST\n`);
      const master = readFileSync(join(dir, 'master.m3u8'), 'utf8')
        .replace(/#EXT-X-STREAM-INF:([^\n]*)/g, '#EXT-X-STREAM-INF:$1,SUBTITLES="subs"')
        .replace('#EXTM3U\n', '#EXTM3U\n#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,URI="subs/en.m3u8"\n');
      writeFileSync(join(dir, 'master.m3u8'), master);
    },
  },
  dash: {
    master: 'manifest.mpd',
    args: [
      ...APART,
      '-f',
      'dash',
      '-seg_duration',
      '2',
      '-use_template',
      '1',
      '-use_timeline',
      '1',
      '-init_seg_name',
      'init-$RepresentationID$.m4s',
      '-media_seg_name',
      'chunk-$RepresentationID$-$Number%05d$.m4s',
      'manifest.mpd',
    ],
  },
};

/** Makes every test stream under `root` (one folder each); returns their master playlists' paths below root. */
export function makeTestStreams(root) {
  const masters = {};
  for (const [name, stream] of Object.entries(TEST_STREAMS)) {
    const dir = resolve(root, name);
    mkdirSync(dir, { recursive: true });
    stream.before?.(dir);
    const run = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...stream.args], { cwd: dir, encoding: 'utf8' });
    if (run.error) throw new Error(`ffmpeg is needed for the test streams (apt-get install ffmpeg): ${run.error.message}`);
    if (run.status !== 0) throw new Error(`ffmpeg failed for ${name}: ${run.stderr}`);
    stream.after?.(dir);
    masters[name] = `${name}/${stream.master}`;
  }
  return masters;
}

// Run as a script (not when bundled into a test, where import.meta is not available).
if (process.argv[1]?.endsWith('makeTestStreams.mjs')) {
  const root = process.argv[2];
  if (!root) throw new Error('usage: node scripts/streams/makeTestStreams.mjs <folder>');
  console.log(makeTestStreams(root));
}
