// The live check: one GET of the URL (with the signed cookies, if any), as a browser would send it,
// and the start of the answer for the diagnosis to classify. Runs only when the user asks for it: it
// sends the URL, signature included, to the network. A host mapped in `cloudfront.hostAddresses` is
// reached at its mapped address, keeping the real host in the Host header, the TLS server name (SNI)
// and the certificate check (what `curl --resolve` does). No vscode import (unit-tested against the
// local edge).
import { readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readCookieHeader, type LiveAnswer, type Unreachable } from '../../signing/diagnose';
import { addressFor, describeAddress, type HostAddresses } from '../../signing/hostAddresses';

/** CloudFront's and S3's error documents are a few hundred bytes; the rest of a file is not needed. */
const MAX_BODY_BYTES = 16 * 1024;
const TIMEOUT_MS = 15_000;

/** A Cookie header from what the user pasted (a header, `Cookie:` or `Set-Cookie:` lines). */
export function cookieHeaderOf(cookies: string): string {
  return [...readCookieHeader(cookies)].flatMap(([name, values]) => values.map((value) => `${name}=${value}`)).join('; ');
}

export interface LiveRequestOptions {
  cookies?: string;
  timeoutMs?: number;
  /** The `cloudfront.hostAddresses` map (src/commands/diagnose/hostAddressesSetting.ts). */
  addresses?: HostAddresses;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EPIPE', 'EADDRNOTAVAIL']);

/** What kind of failure a socket error is: TLS errors carry OpenSSL's codes (CERT_*, ERR_TLS_*, ERR_SSL_*, DEPTH_ZERO_…). */
export function unreachableKind(error: NodeJS.ErrnoException): Unreachable['kind'] {
  const code = error.code ?? '';
  if (DNS_CODES.has(code)) return 'dns';
  if (CONNECT_CODES.has(code)) return 'connect';
  if (code === 'ETIMEDOUT' || error.name === 'TimeoutError') return 'timeout';
  if (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$|HOSTNAME_MISMATCH)/.test(code) || /certificate|ssl|tls/i.test(error.message)) return 'tls';
  return 'other';
}

async function readStart(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).byteLength;
    if (size >= MAX_BODY_BYTES) break;
  }
  response.destroy();
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
}

/** Requests `url` once; never throws: a failure to get an answer is an answer too. */
export async function requestLive(url: string, cookiesOrOptions?: string | LiveRequestOptions, timeoutMs = TIMEOUT_MS): Promise<LiveAnswer> {
  const options: LiveRequestOptions = typeof cookiesOrOptions === 'object' ? cookiesOrOptions : { ...(cookiesOrOptions ? { cookies: cookiesOrOptions } : {}), timeoutMs };
  const timeout = options.timeoutMs ?? TIMEOUT_MS;
  const requestedAt = Math.floor(Date.now() / 1000);
  const target = new URL(url);
  const hostname = target.hostname.replace(/^\[|\]$/g, '');
  const mapped = addressFor(options.addresses, hostname);
  // A local edge without TLS (`http://…` in the setting) hears plain HTTP, told the viewer used https.
  const secure = target.protocol === 'https:' && !mapped?.plainHttp;
  const defaultPort = target.protocol === 'https:' ? 443 : 80;
  const via = mapped ? describeAddress(mapped, Number(target.port) || defaultPort) : undefined;
  const cookie = options.cookies ? cookieHeaderOf(options.cookies) : '';
  const unreachable = (error: NodeJS.ErrnoException): LiveAnswer => {
    const kind = unreachableKind(error);
    const reason = kind === 'timeout' ? `no answer within ${Math.round(timeout / 1000)} s` : error.message;
    return { failure: reason, unreachable: { host: hostname, ...(via ? { via } : {}), kind, reason } };
  };
  let ca: string | undefined;
  if (mapped?.certificateFile) {
    try {
      ca = await readFile(mapped.certificateFile, 'utf8');
    } catch (error) {
      const cause = error as NodeJS.ErrnoException;
      return unreachable(Object.assign(new Error(`cannot read the certificate ${mapped.certificateFile} (cloudfront.hostAddresses): ${cause.code ?? cause.message}`), { code: 'ERR_TLS_CERT_FILE' }));
    }
  }
  return new Promise<LiveAnswer>((resolve) => {
    const request = (secure ? httpsRequest : httpRequest)(
      {
        protocol: secure ? 'https:' : 'http:',
        host: mapped?.address ?? hostname,
        port: mapped?.port ?? (Number(target.port) || defaultPort),
        path: `${target.pathname}${target.search}`,
        method: 'GET',
        headers: { host: target.host, ...(cookie ? { cookie } : {}), ...(mapped?.plainHttp ? { 'x-forwarded-proto': target.protocol.slice(0, -1) } : {}) },
        // The real host for SNI and the certificate check, wherever the connection goes.
        ...(secure ? { servername: hostname, ...(ca ? { ca } : {}) } : {}),
        agent: false,
        timeout,
      },
      (response) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        readStart(response).then(
          (body) => resolve({ status: response.statusCode ?? 0, headers, body, requestedAt }),
          () => resolve({ status: response.statusCode ?? 0, headers, body: '', requestedAt }),
        );
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    request.on('error', (error) => resolve(unreachable(error)));
    request.end();
  });
}
