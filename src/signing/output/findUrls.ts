// URLs in a document, for signing them in place: absolute http(s) URLs anywhere (HTML, JSON,
// Markdown, plain text), and, in an HLS playlist (#EXTM3U), the relative URIs of segments, variant
// playlists and URI="…" attributes, resolved against a base URL.
// https://datatracker.ietf.org/doc/html/rfc8216#section-4.1

export interface UrlOccurrence {
  /** Offsets of the text to replace, [start, end). */
  start: number;
  end: number;
  /** The text as it stands in the document. */
  text: string;
  /** The absolute URL it stands for. */
  url: string;
}

// Stops at whitespace, quotes, angle brackets and backticks: the delimiters of URLs in HTML, JSON
// and Markdown. Trailing sentence punctuation is trimmed afterwards.
const ABSOLUTE_URL = /https?:\/\/[^\s"'<>`\\]+/gi;
const count = (text: string, char: string) => text.split(char).length - 1;

/** Drops sentence punctuation after a URL, but keeps a `)` that closes a `(` of the URL itself. */
function trimTrailing(candidate: string): string {
  let end = candidate.length;
  while (end > 0) {
    const last = candidate[end - 1];
    if (last === ')' && count(candidate.slice(0, end), '(') >= count(candidate.slice(0, end), ')')) break;
    if (!'.,;:!?)]}'.includes(last)) break;
    end--;
  }
  return candidate.slice(0, end);
}

function absoluteUrls(text: string): UrlOccurrence[] {
  return [...text.matchAll(ABSOLUTE_URL)].map((match) => {
    const candidate = trimTrailing(match[0]);
    return { start: match.index, end: match.index + candidate.length, text: candidate, url: candidate };
  });
}

export function isPlaylist(text: string): boolean {
  return text.trimStart().startsWith('#EXTM3U');
}

/** Relative URIs of an HLS playlist: URI lines and URI="…" attributes of tags. */
function playlistRelativeUrls(text: string, baseUrl: string): UrlOccurrence[] {
  const found: UrlOccurrence[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const content = line.replace(/\r$/, '');
    const trimmed = content.trim();
    if (trimmed.startsWith('#')) {
      for (const attribute of content.matchAll(/URI="([^"]+)"/g)) {
        const start = offset + attribute.index + 'URI="'.length;
        addRelative(found, attribute[1], start, baseUrl);
      }
    } else if (trimmed) {
      addRelative(found, trimmed, offset + content.indexOf(trimmed), baseUrl);
    }
    offset += line.length + 1;
  }
  return found;
}

function addRelative(found: UrlOccurrence[], text: string, start: number, baseUrl: string): void {
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return; // absolute: found by absoluteUrls
  found.push({ start, end: start + text.length, text, url: new URL(text, baseUrl).href });
}

/**
 * Every URL occurrence in `text`, in document order. Relative playlist URIs are included only when
 * `baseUrl` is given; the absolute URL each stands for is resolved against it.
 */
export function findUrls(text: string, baseUrl?: string): UrlOccurrence[] {
  const found = absoluteUrls(text);
  if (baseUrl && isPlaylist(text)) found.push(...playlistRelativeUrls(text, baseUrl));
  return found.sort((a, b) => a.start - b.start);
}
