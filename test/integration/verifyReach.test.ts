// Verify Protection through the real command and the network code, with the user setting
// cloudfront.hostAddresses deciding where each host is reached (as `curl --resolve` does): a host that
// does not resolve or refuses the connection makes the outcome inconclusive, naming the host and why,
// never "not protected"; the same hosts mapped to the sample's local edge (scripts/edge/sampleEdge.ts:
// HTTPS with a certificate made for these hosts, trusted for them only) give the three expected answers.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import { startSampleEdge, type SampleEdge } from '../../scripts/edge/sampleEdge';
import type { CreateKeyPairResult as CreatedKey } from '../../src/commands/keys/createKeyPair/state';
import { describeChecks, type VerifyProtectionResult } from '../../src/commands/protect/verifyCommand';
import { Commands, Settings } from '../../src/constants';
import { behavior, createDistribution, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';

const settings = () => vscode.workspace.getConfiguration(Settings.section);
const setHostAddresses = (value: unknown) => settings().update(Settings.hostAddresses, value, vscode.ConfigurationTarget.Global);

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Verify Protection reaches each host where cloudfront.hostAddresses says (moto, the sample edge)', function () {
  this.timeout(120_000);
  const suffix = `${Date.now()}`;
  const bucket = `verify-reach-${suffix}`;
  const bucketHost = `${bucket}.s3.us-east-1.amazonaws.com`;
  let distributionId: string;
  let domain: string;
  let edge: SampleEdge | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cfpc-verify-reach-'));
  const verify = () => Promise.resolve(vscode.commands.executeCommand<VerifyProtectionResult>(Commands.verifyProtection, { distributionId, pathPattern: '/paid/*' }));

  before(async () => {
    await activateExtension();
    const s3 = new S3Client({ region: 'us-east-1' });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'paid/a.txt', Body: 'paid content' }));
    s3.destroy();
    const key = await vscode.commands.executeCommand<CreatedKey>(Commands.createKeyPair, { name: `reach-${suffix}`, algorithm: 'ECDSA_P256', keyGroupName: `reach-${suffix}` });
    const distribution = await createDistribution(seedClient(), `verify reach ${suffix}`, [behavior('/paid/*', [key.keyGroupId])], bucketHost);
    distributionId = distribution.Id!;
    domain = distribution.DomainName!;
  });

  after(async () => {
    await setHostAddresses(undefined);
    await edge?.close();
    await deleteDistributions(seedClient(), [distributionId]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a host that does not resolve and one that refuses the connection: inconclusive, "could not reach HOST (reason)", never NOT verified', async () => {
    const port = await closedPort();
    await setHostAddresses({ [domain]: 'nowhere.invalid', [bucketHost]: `127.0.0.1:${port}` });
    const result = await verify();
    assert.deepEqual([result.passed, result.inconclusive, result.verdict], [false, true, 'inconclusive']);
    assert.deepEqual(
      result.checks.map((c) => [c.kind, c.status, c.unreachable?.kind]),
      [
        ['unsigned', undefined, 'dns'],
        ['signed', undefined, 'dns'],
        ['direct', undefined, 'connect'],
      ],
    );
    assert.deepEqual(
      result.unreachable.map((u) => [u.host, u.via, u.kind]),
      [
        [domain, 'nowhere.invalid:443', 'dns'],
        [bucketHost, `127.0.0.1:${port}`, 'connect'],
      ],
    );
    const message = describeChecks(result);
    assert.match(
      message,
      new RegExp(`^Protection inconclusive for /paid/\\* of distribution ${distributionId}, object paid/a\\.txt: could not reach ${domain.replace(/\./g, '\\.')} at nowhere\\.invalid:443 \\(`),
    );
    assert.match(message, /does not resolve from this computer.*cloudfront\.hostAddresses/);
    assert.match(message, new RegExp(`could not reach ${bucketHost.replace(/\./g, '\\.')} at 127\\.0\\.0\\.1:${port} \\(connect ECONNREFUSED`));
    assert.doesNotMatch(message, /NOT verified/);
  });

  it("mapped to the sample's local edge (HTTPS, its certificate trusted for these hosts only): unsigned 403, signed 200, straight from S3 403 → verified", async () => {
    edge = await startSampleEdge({ endpoint: process.env.CFPC_MOTO_URL ?? process.env.AWS_ENDPOINT_URL_CLOUDFRONT!, distributionId, dir });
    await setHostAddresses(edge.hostAddresses);
    const result = await verify();
    assert.deepEqual(
      result.checks.map((c) => [c.kind, c.status ?? c.failure]),
      [
        ['unsigned', 403],
        ['signed', 200],
        ['direct', 403],
      ],
    );
    assert.deepEqual([result.passed, result.inconclusive, result.verdict, result.unreachable], [true, false, 'verified', []]);
  });

  it('the same edge without its certificate: the TLS check fails, so the outcome is inconclusive (tls), not a pass', async () => {
    assert.ok(edge, 'the previous test started the edge');
    const withoutCertificate = Object.fromEntries(Object.entries(edge.hostAddresses).map(([host, { address }]) => [host, address]));
    await setHostAddresses(withoutCertificate);
    const result = await verify();
    assert.equal(result.verdict, 'inconclusive');
    assert.deepEqual(
      result.unreachable.map((u) => [u.host, u.kind]),
      [
        [domain, 'tls'],
        [bucketHost, 'tls'],
      ],
    );
  });
});
