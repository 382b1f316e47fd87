// Reads a stream's playlists from files, as if served under a URL prefix: the walker's injected reader.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const FIXTURES = join('test', 'fixtures', 'playlists');

/** URLs under `prefix` are files under `dir`; anything else is refused like a 404. */
export function fileReader(prefix: string, dir: string): (url: string) => Promise<string> {
  return async (url) => {
    if (!url.startsWith(prefix)) throw new Error(`404 for ${url}`);
    return readFile(join(dir, decodeURIComponent(new URL(url).pathname.slice(new URL(prefix).pathname.length))), 'utf8');
  };
}
