// What a player requests for a stream, as plain data shared by the parsers, the walker, the planner
// and the playlist rewriter.

export type StreamKind = 'hls' | 'dash';

/** Why a player requests a URL. */
export type RequestRole = 'master' | 'playlist' | 'iframePlaylist' | 'manifest' | 'segment' | 'init' | 'key' | 'subtitles';

/** A byte range of a resource: `length` bytes from `offset`. */
export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

/** One request a player makes: an absolute URL, and the range when it reads part of the resource. */
export interface StreamRequest {
  readonly url: string;
  readonly role: RequestRole;
  readonly range?: ByteRange;
  /** The playlist or manifest that names it (absent for the entry URL). */
  readonly from?: string;
  /** Whether the document named it by a relative URI (which a signed query on the document does not reach). */
  readonly relative: boolean;
}

/** Where in a document a URI is written, so the signed playlists can replace it. */
export interface UriOccurrence {
  /** Offsets of the URI text, [start, end). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The absolute URL it stands for. */
  readonly url: string;
}

export type StreamErrorCode = 'NotAPlaylist' | 'PlaylistLoop' | 'TooManyRequests' | 'TooManyPlaylists' | 'BadUri' | 'FetchFailed';

/** A stream that cannot be walked: the code, the URL it is about, and a message with the fix. */
export class StreamError extends Error {
  override readonly name = 'StreamError';
  constructor(
    readonly code: StreamErrorCode,
    readonly url: string,
    message: string,
  ) {
    super(message);
  }
}

/** Resolves a URI against the URL of the document that holds it (RFC 3986 section 5, as WHATWG URL does). */
export function resolveUri(uri: string, base: string): string {
  try {
    return new URL(uri, base).href;
  } catch {
    throw new StreamError('BadUri', base, `${base} names "${uri}", which is not a URI: fix the document.`);
  }
}

/** Whether a URI is relative (it has no scheme), so it is resolved against the document's URL. */
export function isRelativeUri(uri: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(uri);
}
