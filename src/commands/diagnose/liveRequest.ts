// The live check: one GET of the URL (with the signed cookies, if any), as a browser would send it,
// and the start of the answer for the diagnosis to classify. Runs only when the user asks for it: it
// sends the URL, signature included, to the network. No vscode import (unit-tested against the local edge).
import { readCookieHeader, type LiveAnswer } from '../../signing/diagnose';

/** CloudFront's and S3's error documents are a few hundred bytes; the rest of a file is not needed. */
const MAX_BODY_BYTES = 16 * 1024;
const TIMEOUT_MS = 15_000;

/** A Cookie header from what the user pasted (a header, `Cookie:` or `Set-Cookie:` lines). */
export function cookieHeaderOf(cookies: string): string {
  return [...readCookieHeader(cookies)].flatMap(([name, values]) => values.map((value) => `${name}=${value}`)).join('; ');
}

async function readStart(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_BODY_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
}

/** Requests `url` once; never throws: a failure to get an answer is an answer too. */
export async function requestLive(url: string, cookies?: string, timeoutMs = TIMEOUT_MS): Promise<LiveAnswer> {
  const requestedAt = Math.floor(Date.now() / 1000);
  const cookie = cookies ? cookieHeaderOf(cookies) : '';
  try {
    const response = await fetch(new URL(url), {
      redirect: 'manual',
      headers: cookie ? { cookie } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    return { status: response.status, headers, body: await readStart(response), requestedAt };
  } catch (cause) {
    const error = cause as Error & { cause?: { code?: string; message?: string } };
    return { failure: error.cause?.message ?? error.message };
  }
}
