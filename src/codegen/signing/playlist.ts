// What the generated code adds for video streams (issue 25):
// - `streamCookies` (six languages): the cookies' resource is the folder of the stream's playlist, so the
//   variant playlists, init sections, segments and keys a player fetches by relative URIs all carry them;
// - `playlistRewriter` (TypeScript, JavaScript, Python): AWS's answer for per-segment signed URLs, a
//   handler that returns a playlist with every URI in it (variant and media lines, and the URI="…" of
//   EXT-X-MEDIA, EXT-X-I-FRAME-STREAM-INF, EXT-X-MAP, EXT-X-KEY, EXT-X-SESSION-KEY…) resolved against the
//   playlist's own URL (RFC 3986) and signed with a canned policy.
// The folder rule is written the same way in every language (cut the query, keep up to the last `/` after
// the authority, add `*`); conformance.test.ts checks each against the same rule over the URL corpus.
import { lines } from './text';
import type { SigningKind, SigningLanguage } from './types';

/** The kinds that sign with cookies; the others sign URLs. */
export const signsCookies = (kind: SigningKind): boolean => kind === 'cookies' || kind === 'streamCookies';

/** The languages a playlist rewriter is generated in (the handler runs where the playlists are served). */
export const PLAYLIST_REWRITER_LANGUAGES: readonly SigningLanguage[] = ['typescript', 'javascript', 'python'];

const USAGE_TARGET: Record<SigningKind, string> = { url: 'URL', cookies: 'RESOURCE', streamCookies: 'PLAYLIST_URL', playlistRewriter: 'PLAYLIST_URL' };

/** The arguments of a generated file's usage line: what it signs, the lifetime, and the playlist on stdin for a rewriter. */
export const usageArguments = (kind: SigningKind): string => `${USAGE_TARGET[kind]} SECONDS${kind === 'playlistRewriter' ? ' < PLAYLIST' : ''}`;

const FOLDER_DOC = [
  "The resource of a stream's cookies: every URL in the folder of its playlist (https://host/videos/a/* for",
  'https://host/videos/a/master.m3u8), so the variant playlists, segments and keys a player fetches by',
  'relative URIs carry the cookies too. Sign with it: signCookies(streamResource(playlistUrl), seconds).',
];

/** A JSDoc comment of `text`'s lines. */
const jsDoc = (text: readonly string[]): string => lines('/**', ...text.map((line) => ` * ${line}`), ' */');

/** The type annotation in TypeScript, nothing in JavaScript. */
const annotate =
  (typescript: boolean) =>
  (annotation: string): string =>
    typescript ? annotation : '';

export function javascriptStreamResource(typescript: boolean): string {
  const t = annotate(typescript);
  return lines(
    jsDoc(FOLDER_DOC),
    `export function streamResource(playlistUrl${t(': string')})${t(': string')} {`,
    "  const query = playlistUrl.indexOf('?');",
    '  const base = query < 0 ? playlistUrl : playlistUrl.slice(0, query);',
    "  const slash = base.lastIndexOf('/');",
    "  return slash >= base.indexOf('//') + 2 ? `${base.slice(0, slash + 1)}*` : `${base}/*`;",
    '}',
  );
}

export const PYTHON_STREAM_RESOURCE = lines(
  'def stream_resource(playlist_url: str) -> str:',
  `    """${FOLDER_DOC[0]}`,
  ...FOLDER_DOC.slice(1).map((line) => `    ${line.replace('signCookies(streamResource(playlistUrl), seconds)', 'sign_cookies(stream_resource(playlist_url), seconds)')}`),
  '    """',
  '    query = playlist_url.find("?")',
  '    base = playlist_url if query < 0 else playlist_url[:query]',
  '    slash = base.rfind("/")',
  '    return base[: slash + 1] + "*" if slash >= base.find("//") + 2 else base + "/*"',
);

export const GO_STREAM_RESOURCE = lines(
  `// streamResource is ${FOLDER_DOC[0].slice(4)}`,
  ...FOLDER_DOC.slice(1).map((line) => `// ${line.replace('signCookies(streamResource(playlistUrl), seconds)', 'signCookies(key, streamResource(playlistURL), lifetime)')}`),
  'func streamResource(playlistURL string) string {',
  '\tbase := playlistURL',
  '\tif query := strings.Index(base, "?"); query >= 0 {',
  '\t\tbase = base[:query]',
  '\t}',
  '\tif slash := strings.LastIndex(base, "/"); slash >= strings.Index(base, "//")+2 {',
  '\t\treturn base[:slash+1] + "*"',
  '\t}',
  '\treturn base + "/*"',
  '}',
);

export const JAVA_STREAM_RESOURCE = lines(
  `    /** ${FOLDER_DOC[0]}`,
  ...FOLDER_DOC.slice(1).map((line) => `     *  ${line}`),
  '     */',
  '    public static String streamResource(String playlistUrl) {',
  "        int query = playlistUrl.indexOf('?');",
  '        String base = query < 0 ? playlistUrl : playlistUrl.substring(0, query);',
  "        int slash = base.lastIndexOf('/');",
  '        return slash >= base.indexOf("//") + 2 ? base.substring(0, slash + 1) + "*" : base + "/*";',
  '    }',
);

export const CSHARP_STREAM_RESOURCE = lines(
  ...FOLDER_DOC.map((line) => `        // ${line.replace('signCookies(streamResource(playlistUrl), seconds)', 'SignCookiesAsync(StreamResource(playlistUrl), seconds)')}`),
  '        public static string StreamResource(string playlistUrl)',
  '        {',
  "            var query = playlistUrl.IndexOf('?');",
  '            var baseUrl = query < 0 ? playlistUrl : playlistUrl.Substring(0, query);',
  "            var slash = baseUrl.LastIndexOf('/');",
  '            return slash >= baseUrl.IndexOf("//", StringComparison.Ordinal) + 2 ? baseUrl.Substring(0, slash + 1) + "*" : baseUrl + "/*";',
  '        }',
);

const REWRITER_DOC = [
  'The playlist with every URI in it signed: variant and media lines, and the URI="..." of EXT-X-MEDIA,',
  'EXT-X-I-FRAME-STREAM-INF, EXT-X-MAP, EXT-X-KEY, EXT-X-SESSION-KEY, each resolved against the',
  "playlist's own URL (RFC 3986) as a player resolves it, then signed with a canned policy. URIs of other",
  'schemes (skd://, data:) are kept as they are. Serve the variant playlists through this handler too:',
  'a segment URI a player reads from an unsigned variant playlist carries no signature.',
];

/** The rewriter in JavaScript or TypeScript, over the module's signUrl. */
export function javascriptPlaylistRewriter(typescript: boolean): string {
  const t = annotate(typescript);
  return lines(
    '/** URI="..." in a tag\'s attribute list (the attribute named URI, not one ending in it). */',
    'const URI_ATTRIBUTE = /([:,]URI=")([^"]*)"/g;',
    '',
    '/** The signed URL of `uri` as the player requests it, or the URI as it is when it is not http(s). */',
    `async function signedUri(uri${t(': string')}, playlistUrl${t(': string')}, expiresInSeconds${t(': number')})${t(': Promise<string>')} {`,
    '  const url = new URL(uri, playlistUrl);',
    "  return url.protocol === 'https:' || url.protocol === 'http:' ? signUrl(url.href, expiresInSeconds) : uri;",
    '}',
    '',
    jsDoc(REWRITER_DOC),
    `export async function rewritePlaylist(playlistUrl${t(': string')}, playlist${t(': string')}, expiresInSeconds${t(': number')})${t(': Promise<string>')} {`,
    "  if (!playlist.replace(/^\\uFEFF/, '').startsWith('#EXTM3U')) throw new Error('not an HLS playlist: it does not start with #EXTM3U');",
    `  const rewritten${t(': string[]')} = [];`,
    '  for (const line of playlist.split(/\\r?\\n/)) {',
    '    const text = line.trim();',
    "    if (text === '') rewritten.push(line);",
    "    else if (!text.startsWith('#')) rewritten.push(await signedUri(text, playlistUrl, expiresInSeconds));",
    '    else {',
    '      let tag = line;',
    '      for (const [whole, start, uri] of line.matchAll(URI_ATTRIBUTE)) {',
    '        const signed = `${start}${await signedUri(uri, playlistUrl, expiresInSeconds)}"`;',
    '        tag = tag.replace(whole, () => signed); // a function: a $ in the URL is not a replacement pattern',
    '      }',
    '      rewritten.push(tag);',
    '    }',
    '  }',
    "  return rewritten.join('\\n');",
    '}',
    '',
    '/**',
    ' * A handler for a Lambda function URL or API Gateway proxy: the playlist (as read from the origin) rewritten,',
    ' * with headers that keep it out of shared caches (each viewer gets signatures of its own).',
    ' */',
    `export async function playlistResponse(playlistUrl${t(': string')}, playlist${t(': string')}, expiresInSeconds${t(': number')})${t(': Promise<{ statusCode: number; headers: Record<string, string>; body: string }>')} {`,
    '  return {',
    '    statusCode: 200,',
    "    headers: { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'private, no-store' },",
    '    body: await rewritePlaylist(playlistUrl, playlist, expiresInSeconds),',
    '  };',
    '}',
  );
}

export const PYTHON_PLAYLIST_REWRITER = lines(
  '# URI="..." in a tag\'s attribute list (the attribute named URI, not one ending in it).',
  '_URI_ATTRIBUTE = re.compile(r\'([:,]URI=")([^"]*)"\')',
  '',
  '',
  'def _signed_uri(uri: str, playlist_url: str, expires_in_seconds: int) -> str:',
  '    """The signed URL of `uri` as the player requests it, or the URI as it is when it is not http(s)."""',
  '    url = urllib.parse.urljoin(playlist_url, uri)',
  '    return sign_url(url, expires_in_seconds) if urllib.parse.urlsplit(url).scheme in ("http", "https") else uri',
  '',
  '',
  'def rewrite_playlist(playlist_url: str, playlist: str, expires_in_seconds: int) -> str:',
  `    """${REWRITER_DOC[0]}`,
  ...REWRITER_DOC.slice(1).map((line) => `    ${line}`),
  '    """',
  '    if not playlist.lstrip("\\ufeff").startswith("#EXTM3U"):',
  '        raise ValueError("not an HLS playlist: it does not start with #EXTM3U")',
  '    rewritten = []',
  '    for line in re.split(r"\\r?\\n", playlist):',
  '        text = line.strip()',
  '        if text == "":',
  '            rewritten.append(line)',
  '        elif not text.startswith("#"):',
  '            rewritten.append(_signed_uri(text, playlist_url, expires_in_seconds))',
  '        else:',
  "            rewritten.append(_URI_ATTRIBUTE.sub(lambda match: match.group(1) + _signed_uri(match.group(2), playlist_url, expires_in_seconds) + '\"', line))",
  '    return "\\n".join(rewritten)',
  '',
  '',
  'def playlist_response(playlist_url: str, playlist: str, expires_in_seconds: int) -> dict:',
  '    """A handler\'s answer for a Lambda function URL or API Gateway proxy: the playlist (as read from the origin)',
  '    rewritten, with headers that keep it out of shared caches (each viewer gets signatures of its own)."""',
  '    return {',
  '        "statusCode": 200,',
  '        "headers": {"Content-Type": "application/vnd.apple.mpegurl", "Cache-Control": "private, no-store"},',
  '        "body": rewrite_playlist(playlist_url, playlist, expires_in_seconds),',
  '    }',
);
