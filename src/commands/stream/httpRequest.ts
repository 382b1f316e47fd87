// One GET as a player sends it: optional Range and Cookie headers, the answer's status and the start
// of its body, and requests to a host sent to the address the host-to-address setting names (the
// Host header and TLS server name stay the URL's). No vscode import.
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP } from 'node:net';

export interface HttpAnswer {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface HttpGetOptions {
  readonly range?: string;
  readonly cookie?: string;
  /** Host (lower case) → "address[:port]". */
  readonly addresses?: Readonly<Record<string, string>>;
  readonly maxBodyBytes: number;
  readonly timeoutMs: number;
}

/** "address[:port]" (IPv6 in brackets) → its parts. */
export function parseAddress(text: string): { address: string; port?: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) return { address: bracketed[1], ...(bracketed[2] ? { port: Number(bracketed[2]) } : {}) };
  if (isIP(text) === 6) return { address: text };
  const [address, port] = text.split(':');
  return { address, ...(port ? { port: Number(port) } : {}) };
}

/** A DNS lookup that answers `address` for any host, in both forms Node asks for (one address, or all). */
function fixedLookup(address: string) {
  const family = isIP(address) || 4;
  return (_host: string, options: { all?: boolean }, done: (error: null, address: string | Array<{ address: string; family: number }>, family?: number) => void) => {
    if (options.all) done(null, [{ address, family }]);
    else done(null, address, family);
  };
}

export function httpGet(url: string, options: HttpGetOptions): Promise<HttpAnswer> {
  const target = new URL(url);
  const mapped = options.addresses?.[target.hostname.toLowerCase()];
  // `http://address:port`: a local edge without TLS (npm run edge), told the viewer used https.
  const plainEdge = mapped?.startsWith('http://') ? new URL(mapped) : undefined;
  const to = plainEdge ? { address: plainEdge.hostname.replace(/^\[|\]$/g, ''), port: Number(plainEdge.port || 80) } : mapped ? parseAddress(mapped) : undefined;
  const client = target.protocol === 'https:' && !plainEdge ? https : http;
  const headers: Record<string, string> = { host: target.host, 'user-agent': 'vscode-cloudfront-private-content' };
  if (plainEdge) headers['x-forwarded-proto'] = target.protocol.slice(0, -1);
  if (options.range) headers.range = options.range;
  if (options.cookie) headers.cookie = options.cookie;
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        protocol: plainEdge ? 'http:' : target.protocol,
        hostname: target.hostname,
        port: to?.port ?? (target.port || undefined),
        path: `${target.pathname}${target.search}`,
        method: 'GET',
        headers,
        ...(plainEdge ? {} : { servername: target.hostname }),
        timeout: options.timeoutMs,
        ...(to ? { lookup: fixedLookup(to.address) } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < options.maxBodyBytes) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => {
          const answerHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) answerHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ status: response.statusCode ?? 0, headers: answerHeaders, body: Buffer.concat(chunks).subarray(0, options.maxBodyBytes).toString('utf8') });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer from ${target.host} in ${options.timeoutMs / 1000} s`)));
    request.on('error', reject);
    request.end();
  });
}
