// A local stand-in for a CloudFront distribution with one restricted behavior, for trying signed URLs
// and cookies without AWS: serves a folder over HTTP on 127.0.0.1, decides each request with
// evaluateEdgeRequest (the same rules as the diagnosis), and answers refusals with CloudFront's XML
// errors. Files it does not have get S3's NoSuchKey document, as an S3 origin behind CloudFront
// would. `npm run edge` (scripts/edge.mjs) runs it; tests start it on port 0. Not part of the extension.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { cloudFrontErrorXml, evaluateEdgeRequest, type EdgeConfig, type EdgeDecision } from '../../src/signing/edge';

export interface EdgeServerOptions extends EdgeConfig {
  /** The folder served as the origin. */
  readonly root: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Epoch seconds; default the system clock. */
  readonly now?: () => number;
  /** One line per request (method, path, decision). */
  readonly log?: (line: string) => void;
}

export interface RunningEdge {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.mp4': 'video/mp4',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.mpd': 'application/dash+xml',
  '.vtt': 'text/vtt',
  '.key': 'application/octet-stream',
  '.pdf': 'application/pdf',
};

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
  response.end(body);
}

/** S3's answer for a missing object; its RequestId and HostId tell it apart from CloudFront's errors. */
function noSuchKey(response: ServerResponse, key: string): void {
  const id = randomBytes(8).toString('hex').toUpperCase();
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${key.replace(/[<>&]/g, '')}</Key><RequestId>${id}</RequestId><HostId>${randomBytes(24).toString('base64')}</HostId></Error>`;
  send(response, 404, { 'content-type': 'application/xml', 'x-amz-request-id': id, 'x-cache': 'Error from cloudfront' }, body);
}

/** The file for a request path inside root, or undefined when the path leaves it or cannot be decoded. */
function fileFor(root: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const file = resolve(root, `.${decoded}`);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

async function serveFile(request: IncomingMessage, response: ServerResponse, root: string, path: string): Promise<void> {
  const file = fileFor(root, path);
  const info = file === undefined ? undefined : await stat(file).catch(() => undefined);
  if (file === undefined || !info?.isFile()) {
    noSuchKey(response, path.slice(1));
    return;
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // One byte range (bytes=a-b, a-, -n), as S3 and CloudFront answer it: players read segments by range.
  const range = byteRange(request.headers.range, info.size);
  if (range === 'unsatisfiable') {
    send(response, 416, { 'content-range': `bytes */${info.size}`, 'content-type': 'text/plain' }, 'Range not satisfiable\n');
    return;
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  response.writeHead(range ? 206 : 200, {
    'content-type': type,
    'content-length': String(Math.max(0, end - start + 1)),
    'accept-ranges': 'bytes',
    ...(range ? { 'content-range': `bytes ${start}-${end}/${info.size}` } : {}),
    'x-cache': 'Miss from cloudfront',
  });
  if (request.method === 'HEAD' || end < start) response.end();
  else createReadStream(file, { start, end }).pipe(response);
}

/** A Range header's one range within `size` bytes; undefined for none (or several: the whole file, as S3 does). */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start >= size || start > end ? 'unsatisfiable' : { start, end };
}

/**
 * The scheme the viewer used: https behind a TLS-terminating proxy that says so (X-Forwarded-Proto),
 * as viewers reach CloudFront; else http. A Resource on https:// matches only https requests.
 */
function viewerScheme(request: IncomingMessage): 'http' | 'https' {
  return request.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
}

function decide(request: IncomingMessage, options: EdgeServerOptions): EdgeDecision {
  const cookieHeader = request.headers.cookie;
  const viewerIp = request.socket.remoteAddress;
  return evaluateEdgeRequest(
    {
      url: `${viewerScheme(request)}://${request.headers.host ?? '127.0.0.1'}${request.url ?? '/'}`,
      ...(cookieHeader !== undefined && { cookieHeader }),
      ...(viewerIp !== undefined && { viewerIp }),
      ...(options.now && { now: options.now() }),
    },
    options,
  );
}

export async function startEdge(options: EdgeServerOptions): Promise<RunningEdge> {
  const root = resolve(options.root);
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }, 'Only GET and HEAD are served.\n');
      return;
    }
    const decision = decide(request, options);
    options.log?.(
      `${request.method} ${path} ${decision.behavior}: ${
        decision.granted
          ? 'granted'
          : `${decision.code} (${decision.findings
              .filter((f) => f.severity === 'error')
              .map((f) => f.code)
              .join(', ')})`
      }`,
    );
    if (!decision.granted) {
      send(response, 403, { 'content-type': 'text/xml', server: 'CloudFront', 'x-cache': 'Error from cloudfront' }, cloudFrontErrorXml(decision.code));
      return;
    }
    serveFile(request, response, root, path).catch((cause: unknown) => {
      if (!response.headersSent) send(response, 500, { 'content-type': 'text/plain' }, `${String(cause)}\n`);
      else response.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
