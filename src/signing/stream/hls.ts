// An HLS playlist as a player reads it (RFC 8216): a master playlist's variants (EXT-X-STREAM-INF),
// renditions (EXT-X-MEDIA audio, subtitles, video), I-frame playlists (EXT-X-I-FRAME-STREAM-INF) and
// session keys; a media playlist's segments with their byte ranges (EXT-X-BYTERANGE), init sections
// (EXT-X-MAP), keys (EXT-X-KEY), low-latency parts and hints, and whether it ends (EXT-X-ENDLIST).
// Every URI is resolved against the playlist's own URL, and where it stands is kept for rewriting.
// https://datatracker.ietf.org/doc/html/rfc8216
import { isRelativeUri, resolveUri, StreamError, type ByteRange, type RequestRole, type UriOccurrence } from './types';

/** A playlist the master names, and what the player fetches it for. */
export interface PlaylistReference {
  readonly url: string;
  readonly role: 'playlist' | 'iframePlaylist';
  /** TYPE of an EXT-X-MEDIA rendition (AUDIO, SUBTITLES, VIDEO), when it is one. */
  readonly mediaType?: string;
  readonly relative: boolean;
}

/** A resource a media playlist (or a master's session key) names. */
export interface MediaResource {
  readonly url: string;
  readonly role: Extract<RequestRole, 'segment' | 'init' | 'key'>;
  readonly range?: ByteRange;
  readonly relative: boolean;
}

export interface HlsPlaylist {
  readonly type: 'master' | 'media';
  readonly playlists: readonly PlaylistReference[];
  readonly resources: readonly MediaResource[];
  /** Every URI of the playlist where it is written, in order. */
  readonly occurrences: readonly UriOccurrence[];
  /** EXT-X-ENDLIST: no more segments will be added (video on demand); false for a live playlist. */
  readonly endList: boolean;
  /** EXT-X-TARGETDURATION, seconds. */
  readonly targetDuration?: number;
  /** The sum of the segments' EXTINF durations, seconds. */
  readonly duration: number;
}

export function isHlsPlaylist(text: string): boolean {
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('#EXTM3U');
}

/** An attribute list (RFC 8216 section 4.2): NAME=value pairs, quoted strings may hold commas. */
export function parseAttributes(list: string): Map<string, { value: string; start: number }> {
  const attributes = new Map<string, { value: string; start: number }>();
  const pattern = /\s*([A-Z0-9-]+)=("([^"]*)"|[^,]*)\s*(?:,|$)/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < list.length && (match = pattern.exec(list))) {
    const quoted = match[3] !== undefined;
    const valueStart = match.index + match[0].indexOf('=') + 1 + (quoted ? 1 : 0);
    attributes.set(match[1], { value: quoted ? match[3] : match[2].trim(), start: valueStart });
  }
  return attributes;
}

/** "n@o" or "n": a byte range; without an offset it starts where the previous one of the same URI ended. */
function parseByteRange(text: string, previousEnd: number | undefined): ByteRange | undefined {
  const match = /^\s*(\d+)(?:@(\d+))?\s*$/.exec(text);
  if (!match) return undefined;
  return { length: Number(match[1]), offset: match[2] !== undefined ? Number(match[2]) : (previousEnd ?? 0) };
}

/** Only http(s) URIs are requests a CloudFront signature covers; data:, skd: (FairPlay) and the like are not. */
const isHttp = (url: string) => url.startsWith('https://') || url.startsWith('http://');

/** Parses an HLS playlist served at `url`. Throws StreamError('NotAPlaylist') for anything else. */
export function parseHls(text: string, url: string): HlsPlaylist {
  if (!isHlsPlaylist(text)) throw new StreamError('NotAPlaylist', url, `${url} is not an HLS playlist (it does not start with #EXTM3U): pass the URL of a .m3u8 playlist or a .mpd manifest.`);
  const playlists: PlaylistReference[] = [];
  const resources: MediaResource[] = [];
  const occurrences: UriOccurrence[] = [];
  let type: 'master' | 'media' = 'media';
  let endList = false;
  let targetDuration: number | undefined;
  let duration = 0;
  let pendingVariant = false;
  let pendingRange: string | undefined;
  const rangeEnds = new Map<string, number>();

  const occurrence = (uri: string, start: number): { url: string; relative: boolean } => {
    const resolved = resolveUri(uri, url);
    occurrences.push({ start, end: start + uri.length, text: uri, url: resolved });
    return { url: resolved, relative: isRelativeUri(uri) };
  };
  const ranged = (target: string, rangeText: string | undefined): ByteRange | undefined => {
    if (rangeText === undefined) return undefined;
    const range = parseByteRange(rangeText, rangeEnds.get(target));
    if (range) rangeEnds.set(target, range.offset + range.length);
    return range;
  };

  let offset = 0;
  for (const rawLine of text.split('\n')) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const line = rawLine.replace(/\r$/, '');
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (!trimmed.startsWith('#')) {
      const at = lineStart + line.indexOf(trimmed);
      const target = occurrence(trimmed, at);
      if (pendingVariant) {
        playlists.push({ ...target, role: 'playlist' });
        pendingVariant = false;
      } else {
        const range = ranged(target.url, pendingRange);
        resources.push({ ...target, role: 'segment', ...(range ? { range } : {}) });
      }
      pendingRange = undefined;
      continue;
    }
    const colon = line.indexOf(':');
    const tag = (colon < 0 ? line : line.slice(0, colon)).trim();
    const rest = colon < 0 ? '' : line.slice(colon + 1);
    const restStart = lineStart + colon + 1;
    const attributes = () => parseAttributes(rest);
    const uriOf = (list: Map<string, { value: string; start: number }>) => {
      const uri = list.get('URI');
      return uri && uri.value ? occurrence(uri.value, restStart + uri.start) : undefined;
    };
    switch (tag) {
      case '#EXT-X-STREAM-INF':
        type = 'master';
        pendingVariant = true;
        break;
      case '#EXT-X-I-FRAME-STREAM-INF': {
        type = 'master';
        const target = uriOf(attributes());
        if (target) playlists.push({ ...target, role: 'iframePlaylist' });
        break;
      }
      case '#EXT-X-MEDIA': {
        type = 'master';
        const list = attributes();
        const target = uriOf(list);
        if (target) playlists.push({ ...target, role: 'playlist', mediaType: list.get('TYPE')?.value ?? '' });
        break;
      }
      case '#EXT-X-SESSION-KEY':
      case '#EXT-X-KEY': {
        if (tag === '#EXT-X-SESSION-KEY') type = 'master';
        const list = attributes();
        const target = list.get('METHOD')?.value === 'NONE' ? undefined : uriOf(list);
        if (target && isHttp(target.url)) resources.push({ ...target, role: 'key' });
        break;
      }
      case '#EXT-X-MAP': {
        const list = attributes();
        const target = uriOf(list);
        if (target) {
          const range = ranged(target.url, list.get('BYTERANGE')?.value);
          resources.push({ ...target, role: 'init', ...(range ? { range } : {}) });
        }
        break;
      }
      case '#EXT-X-PART':
      case '#EXT-X-PRELOAD-HINT': {
        const list = attributes();
        const target = uriOf(list);
        if (target) resources.push({ ...target, role: list.get('TYPE')?.value === 'MAP' ? 'init' : 'segment' });
        break;
      }
      case '#EXT-X-RENDITION-REPORT':
      case '#EXT-X-SESSION-DATA':
        uriOf(attributes()); // rewritten with the rest, but a player fetches them only on demand
        break;
      case '#EXT-X-BYTERANGE':
        pendingRange = rest;
        break;
      case '#EXTINF':
        duration += Number.parseFloat(rest) || 0;
        break;
      case '#EXT-X-TARGETDURATION':
        targetDuration = Number(rest.trim()) || undefined;
        break;
      case '#EXT-X-ENDLIST':
        endList = true;
        break;
      default:
        break;
    }
  }
  return { type, playlists, resources, occurrences, endList, ...(targetDuration !== undefined ? { targetDuration } : {}), duration };
}
