// Verify Protection against the local edge (scripts/edge/server.ts) standing in for the distribution
// and a local HTTP server standing in for the bucket's S3 endpoint, both on 127.0.0.1:0.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEdge, type RunningEdge } from '../../../scripts/edge/server';
import { verifyProtection } from '../../../src/commands/protect/verify';
import { KEY_ID, TEST_KEYS } from '../diagnose/helpers';

/** A fixed instant (2026-01-01T00:00:00Z): the edge and the signature agree on it, whatever the clock says. */
const NOW = 1767225600;

describe('Verify Protection (local edge, local S3 stand-in)', () => {
  let root: string;
  let edge: RunningEdge;
  let s3: Server;
  let s3Url: string;
  /** What the S3 stand-in answers: a private bucket refuses (403), a public one serves (200). */
  let bucketIsPublic = false;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'cfpc-verify-'));
    mkdirSync(join(root, 'paid'));
    writeFileSync(join(root, 'paid', 'a.txt'), 'paid content');
    edge = await startEdge({ root, publicKeys: new Map([[KEY_ID, TEST_KEYS.rsa2048.publicPem]]), pathPattern: '/paid/*', now: () => NOW });
    s3 = createServer((_request, response) => {
      if (bucketIsPublic) response.writeHead(200, { 'content-type': 'text/plain' }).end('paid content');
      else response.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
    });
    await new Promise<void>((resolve) => s3.listen(0, '127.0.0.1', resolve));
    s3Url = `http://127.0.0.1:${(s3.address() as AddressInfo).port}/paid/a.txt`;
  });

  after(async () => {
    await edge.close();
    await new Promise<void>((resolve) => s3.close(() => resolve()));
    rmSync(root, { recursive: true, force: true });
  });

  const target = () => ({ cloudFrontUrl: `${edge.url}/paid/a.txt`, s3Url, keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, now: NOW });

  it('a protected bucket: unsigned 403 from CloudFront, signed 200, straight from S3 403', async () => {
    bucketIsPublic = false;
    const checks = await verifyProtection(target(), 5000);
    assert.deepEqual(
      checks.map((c) => [c.kind, c.expected, c.status, c.passed]),
      [
        ['unsigned', 403, 403, true],
        ['signed', 200, 200, true],
        ['direct', 403, 403, true],
      ],
    );
    assert.ok(
      checks.every((c) => !c.url.includes('Signature')),
      'no signature in the report',
    );
  });

  it('a bucket anyone can read: the direct request fails the check', async () => {
    bucketIsPublic = true;
    const direct = (await verifyProtection(target(), 5000)).find((c) => c.kind === 'direct')!;
    assert.deepEqual([direct.status, direct.passed], [200, false]);
  });

  it('a key the behavior does not trust: the signed request fails the check', async () => {
    bucketIsPublic = false;
    const signed = (await verifyProtection({ ...target(), keyPairId: 'KUNTRUSTED0000' }, 5000)).find((c) => c.kind === 'signed')!;
    assert.deepEqual([signed.status, signed.passed], [403, false]);
  });

  it('no answer at all: a failure, not a pass', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const direct = (await verifyProtection({ ...target(), s3Url: `http://127.0.0.1:${port}/paid/a.txt` }, 2000)).find((c) => c.kind === 'direct')!;
    assert.equal(direct.passed, false);
    assert.ok(direct.failure);
  });
});
