// Signs every URL of a text that belongs to a known distribution, as one set of replacements, and
// says what it skipped and why. Pure: the caller applies the edits (one undoable edit in VS Code).
import { SIGNING_PARAMETERS } from '../url';
import { findUrls, type UrlOccurrence } from './findUrls';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface SkippedUrl {
  url: string;
  reason: string;
}

export interface SignTextResult {
  edits: TextEdit[];
  signed: number;
  skipped: SkippedUrl[];
}

export interface SignTextOptions {
  /** Whether a host is a distribution's domain name or alternate domain name. */
  isKnownHost(host: string): boolean;
  /** Signs one absolute URL (throws with a message naming what is wrong). */
  sign(url: string): string;
  /** Base for relative URIs of an HLS playlist. */
  baseUrl?: string;
}

function alreadySigned(url: URL): boolean {
  return SIGNING_PARAMETERS.some((name) => url.searchParams.has(name));
}

export function signText(text: string, options: SignTextOptions): SignTextResult {
  const edits: TextEdit[] = [];
  const skipped: SkippedUrl[] = [];
  // A URL repeated in the document gets one signature, so every copy stays identical.
  const signedUrls = new Map<string, string>();
  const skip = (occurrence: UrlOccurrence, reason: string) => skipped.push({ url: occurrence.url, reason });
  for (const occurrence of findUrls(text, options.baseUrl)) {
    let parsed: URL;
    try {
      parsed = new URL(occurrence.url);
    } catch {
      skip(occurrence, 'not a valid URL');
      continue;
    }
    if (!options.isKnownHost(parsed.host)) {
      skip(occurrence, `${parsed.host} is not a distribution of this account`);
      continue;
    }
    if (alreadySigned(parsed)) {
      skip(occurrence, 'already signed');
      continue;
    }
    let signed = signedUrls.get(occurrence.url);
    if (signed === undefined) {
      try {
        signed = options.sign(occurrence.url);
      } catch (error) {
        skip(occurrence, error instanceof Error ? error.message : String(error));
        continue;
      }
      signedUrls.set(occurrence.url, signed);
    }
    edits.push({ start: occurrence.start, end: occurrence.end, newText: signed });
  }
  return { edits, signed: edits.length, skipped };
}

/** The text with the edits applied (they never overlap; findUrls returns them in order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = '';
  let position = 0;
  for (const edit of edits) {
    result += text.slice(position, edit.start) + edit.newText;
    position = edit.end;
  }
  return result + text.slice(position);
}
