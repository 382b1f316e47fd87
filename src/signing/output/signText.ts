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

/** A scanned text: the distinct URLs to sign, and how to lay out the edits once they are signed. */
export interface TextSigningPlan {
  /** Each URL to sign once (a URL repeated in the text gets one signature, so every copy stays identical). */
  readonly urls: readonly string[];
  /** The edits and skips, given each URL's signed form or why it could not be signed. */
  finish(results: ReadonlyMap<string, string | Error>): SignTextResult;
}

function alreadySigned(url: URL): boolean {
  return SIGNING_PARAMETERS.some((name) => url.searchParams.has(name));
}

/**
 * Finds the URLs of known hosts that are not signed yet. Signing is left to the caller, so a signer
 * that is slow or remote (AWS KMS) can sign them concurrently, or in workers, before `finish`.
 */
export function planTextSigning(text: string, options: Omit<SignTextOptions, 'sign'>): TextSigningPlan {
  const occurrences: Array<{ occurrence: UrlOccurrence; skip?: string }> = [];
  const urls = new Set<string>();
  for (const occurrence of findUrls(text, options.baseUrl)) {
    let parsed: URL;
    try {
      parsed = new URL(occurrence.url);
    } catch {
      occurrences.push({ occurrence, skip: 'not a valid URL' });
      continue;
    }
    if (!options.isKnownHost(parsed.host)) {
      occurrences.push({ occurrence, skip: `${parsed.host} is not a distribution of this account` });
    } else if (alreadySigned(parsed)) {
      occurrences.push({ occurrence, skip: 'already signed' });
    } else {
      occurrences.push({ occurrence });
      urls.add(occurrence.url);
    }
  }
  return {
    urls: [...urls],
    finish(results) {
      const edits: TextEdit[] = [];
      const skipped: SkippedUrl[] = [];
      for (const { occurrence, skip } of occurrences) {
        const signed = skip === undefined ? results.get(occurrence.url) : undefined;
        if (typeof signed === 'string') edits.push({ start: occurrence.start, end: occurrence.end, newText: signed });
        else skipped.push({ url: occurrence.url, reason: skip ?? signed?.message ?? 'not signed' });
      }
      return { edits, signed: edits.length, skipped };
    },
  };
}

/** Signs each URL with `sign`; a URL it throws for is skipped with the error's message. */
export function signEach(urls: readonly string[], sign: (url: string) => string): Map<string, string | Error> {
  const results = new Map<string, string | Error>();
  for (const url of urls) {
    try {
      results.set(url, sign(url));
    } catch (error) {
      results.set(url, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return results;
}

/** Signs every URL of a known host in `text` synchronously. */
export function signText(text: string, options: SignTextOptions): SignTextResult {
  const plan = planTextSigning(text, options);
  return plan.finish(signEach(plan.urls, (url) => options.sign(url)));
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
