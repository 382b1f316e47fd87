// The local edge (scripts/edge/server.ts) standing in for a distribution, and a local HTTP server
// standing in for the bucket's S3 endpoint, both on 127.0.0.1:0, with the Requester that Verify
// Protection sends its requests through: https://*.cloudfront.net/… goes to the edge (with the
// distribution's host and X-Forwarded-Proto https, as viewers reach CloudFront over TLS), and
// https://BUCKET.s3.…/… to the S3 stand-in, which refuses (403) unless told the bucket is public.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startEdge } from '../../../scripts/edge/server';
import type { Requester } from '../../../src/commands/protect/verify';
import type { LiveAnswer } from '../../../src/signing/diagnose';

export interface LocalEdge {
  /** The public keys the edge trusts, by id: fill it once the run has created its key. */
  readonly publicKeys: Map<string, string>;
  readonly request: Requester;
  /** The S3 stand-in serves every object (a bucket anyone can read) instead of refusing. */
  bucketIsPublic: boolean;
  /** Every URL requested, without its query. */
  readonly requested: string[];
  close(): Promise<void>;
}

function get(url: string, headers: Record<string, string>): Promise<LiveAnswer> {
  return new Promise((resolve) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: {}, body, requestedAt: Math.floor(Date.now() / 1000) }));
    });
    req.on('error', (error) => resolve({ failure: error.message }));
    req.end();
  });
}

/** `files`: object keys and their content, served by the edge for the distribution's restricted default behavior. */
export async function startLocalEdge(files: Readonly<Record<string, string>>): Promise<LocalEdge> {
  const root = mkdtempSync(join(tmpdir(), 'cfpc-edge-'));
  for (const [key, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, key)), { recursive: true });
    writeFileSync(join(root, key), content);
  }
  const publicKeys = new Map<string, string>();
  const edge = await startEdge({ root, publicKeys });
  const requested: string[] = [];
  const local: LocalEdge = {
    publicKeys,
    bucketIsPublic: false,
    requested,
    request: (url) => {
      const target = new URL(url);
      requested.push(`${target.origin}${target.pathname}`);
      if (target.hostname.endsWith('.cloudfront.net')) return get(`${edge.url}${target.pathname}${target.search}`, { host: target.host, 'x-forwarded-proto': 'https' });
      if (/\.s3[.-]/.test(target.hostname)) return get(`${s3Url}${target.pathname}`, {});
      return Promise.resolve({ failure: `no stand-in for ${target.host}` });
    },
    close: async () => {
      await edge.close();
      await new Promise<void>((resolve) => s3.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };
  const s3 = createServer((_request, response) => {
    if (local.bucketIsPublic) response.writeHead(200, { 'content-type': 'text/plain' }).end('public');
    else response.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
  });
  await new Promise<void>((resolve) => s3.listen(0, '127.0.0.1', resolve));
  const s3Url = `http://127.0.0.1:${(s3.address() as AddressInfo).port}`;
  return local;
}
