// Walks a stream as a player does: the master playlist (or manifest), then every variant, rendition
// and I-frame playlist it names, collecting each request a player may make. Reading goes through an
// injected function (S3, the distribution, files in a test or a bench), so this stays pure. It is
// bounded: playlists and requests are counted, and a playlist that names a master playlist (itself,
// or another) is a loop a player would never leave, refused with the URL that loops.
import { appendQueryToManifest, isDashManifest, parseDash } from './dash';
import { isHlsPlaylist, parseHls, type HlsPlaylist } from './hls';
import { StreamError, type RequestRole, type StreamKind, type StreamRequest, type UriOccurrence } from './types';

/** Reads the document at a URL (a playlist or manifest) as text; rejects with a message naming the URL. */
export type ReadText = (url: string) => Promise<string>;

export interface WalkLimits {
  /** Playlists read at most (the master included). */
  readonly maxPlaylists: number;
  /** Requests at most (playlists, segments, init sections, keys). */
  readonly maxRequests: number;
  /** Playlists read at a time. */
  readonly concurrency: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxPlaylists: 500, maxRequests: 200_000, concurrency: 6 };

/** A playlist or manifest of the stream as it was read, with where its URIs stand. */
export interface WalkedDocument {
  readonly url: string;
  readonly role: Extract<RequestRole, 'master' | 'playlist' | 'iframePlaylist' | 'manifest'>;
  readonly text: string;
  /** HLS: every URI in the text; DASH manifests are rewritten through their DOM instead. */
  readonly occurrences: readonly UriOccurrence[];
}

export interface StreamWalk {
  readonly kind: StreamKind;
  readonly url: string;
  /** Every request in the order a player meets them (the same URL may appear with several ranges). */
  readonly requests: readonly StreamRequest[];
  readonly documents: readonly WalkedDocument[];
  /** A live stream: an HLS media playlist without EXT-X-ENDLIST, or a dynamic MPD. */
  readonly live: boolean;
  /** The longest segment target duration, seconds (HLS), for how often a live playlist is read again. */
  readonly targetDuration?: number;
}

/** Walks the stream at `url`. Rejects with a StreamError naming the URL for what no player could play. */
export async function walkStream(url: string, read: ReadText, limits: WalkLimits = DEFAULT_WALK_LIMITS): Promise<StreamWalk> {
  const text = await readOrExplain(read, url);
  if (isDashManifest(text)) {
    const manifest = parseDash(text, url, { maxRequests: limits.maxRequests, liveSegments: 10 });
    return {
      kind: 'dash',
      url,
      requests: [{ url, role: 'manifest', relative: false }, ...manifest.resources.map((resource) => ({ ...resource, from: url }))],
      documents: [{ url, role: 'manifest', text, occurrences: [] }],
      live: manifest.live,
    };
  }
  if (!isHlsPlaylist(text)) {
    throw new StreamError('NotAPlaylist', url, `${url} is neither an HLS playlist (#EXTM3U) nor a DASH manifest (<MPD>): pass the URL of the stream's .m3u8 or .mpd.`);
  }
  const top = parseHls(text, url);
  const requests: StreamRequest[] = [{ url, role: 'master', relative: false }];
  const documents: WalkedDocument[] = [{ url, role: top.type === 'master' ? 'master' : 'playlist', text, occurrences: top.occurrences }];
  const count = () => {
    if (requests.length > limits.maxRequests) {
      throw new StreamError(
        'TooManyRequests',
        url,
        `${url} names more than ${limits.maxRequests.toLocaleString('en-US')} requests: plan a smaller part of it (one variant playlist), or pass a larger maxRequests.`,
      );
    }
  };
  const addMedia = (playlist: HlsPlaylist, from: string, subtitles: boolean) => {
    for (const resource of playlist.resources) {
      requests.push({ ...resource, role: subtitles && resource.role === 'segment' ? 'subtitles' : resource.role, from });
    }
    count();
  };
  let live = false;
  let targetDuration = top.targetDuration;
  if (top.type === 'media') {
    addMedia(top, url, false);
    live = !top.endList;
  } else {
    addMedia(top, url, false); // session keys
    const references = [...new Map(top.playlists.map((reference) => [reference.url, reference])).values()];
    if (references.length + 1 > limits.maxPlaylists) {
      throw new StreamError('TooManyRequests', url, `${url} names ${references.length} playlists, more than ${limits.maxPlaylists}: plan one variant playlist at a time.`);
    }
    const loop = references.find((reference) => reference.url === url);
    if (loop) throw loopError(url, loop.url);
    const texts = await readAll(
      references.map((reference) => reference.url),
      (playlistUrl) => readOrExplain(read, playlistUrl),
      limits.concurrency,
    );
    references.forEach((reference, i) => {
      const playlist = parseHls(texts[i], reference.url);
      if (playlist.type === 'master') throw loopError(url, reference.url);
      requests.push({ url: reference.url, role: reference.role, from: url, relative: reference.relative });
      documents.push({ url: reference.url, role: reference.role, text: texts[i], occurrences: playlist.occurrences });
      addMedia(playlist, reference.url, reference.mediaType === 'SUBTITLES');
      if (!playlist.endList && reference.role === 'playlist') live = true;
      if (playlist.targetDuration !== undefined) targetDuration = Math.max(targetDuration ?? 0, playlist.targetDuration);
    });
  }
  return { kind: 'hls', url, requests, documents, live, ...(targetDuration !== undefined ? { targetDuration } : {}) };
}

function loopError(master: string, looping: string): StreamError {
  return new StreamError(
    'PlaylistLoop',
    looping,
    `${master} names ${looping}, which is a master playlist${looping === master ? ' (itself)' : ''}: a player would loop. Point each EXT-X-STREAM-INF and EXT-X-MEDIA URI at a media playlist.`,
  );
}

async function readOrExplain(read: ReadText, url: string): Promise<string> {
  try {
    return await read(url);
  } catch (error) {
    if (error instanceof StreamError) throw error;
    throw new StreamError('FetchFailed', url, `Could not read ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads every URL, `concurrency` at a time, in the order given. */
async function readAll(urls: readonly string[], read: (url: string) => Promise<string>, concurrency: number): Promise<string[]> {
  const texts: string[] = new Array<string>(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      texts[i] = await read(urls[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, urls.length)) }, worker));
  return texts;
}

/** The distinct URLs of the requests, in order of first appearance. */
export function distinctUrls(requests: readonly StreamRequest[]): string[] {
  return [...new Set(requests.map((request) => request.url))];
}

/** A signed copy of a walked document: every URI replaced by what `signed` gives for its URL. */
export function rewriteDocument(document: WalkedDocument, signed: (url: string) => string | undefined, manifestQuery?: string): string {
  if (document.role === 'manifest') return manifestQuery === undefined ? document.text : appendQueryToManifest(document.text, document.url, manifestQuery);
  let result = '';
  let position = 0;
  for (const occurrence of document.occurrences) {
    const replacement = signed(occurrence.url);
    if (replacement === undefined) continue;
    result += document.text.slice(position, occurrence.start) + replacement;
    position = occurrence.end;
  }
  return result + document.text.slice(position);
}
