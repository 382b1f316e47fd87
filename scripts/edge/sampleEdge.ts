// The local edge for one distribution of `npm start`'s sample (and the UI test that verifies it): the
// stand-in for CloudFront's edge at the distribution's domain and aliases, and for S3 at its bucket's
// host, both over HTTPS on 127.0.0.1, so that Verify Protection's three requests get real answers:
//   - CloudFront: each request is decided by the distribution's behaviors and the public keys of the key
//     groups they trust, read from the API (moto) per request, so a key added to a group is trusted at
//     once; a granted request is answered with the object from the sample bucket in moto.
//   - S3: an anonymous request (as Verify's direct one) is refused with S3's AccessDenied unless the
//     bucket's policy lets anyone read, as S3 does; moto does not check anonymous access itself.
// The TLS certificate is made at run time by openssl (self-signed, for these host names only, a day
// long) into the scratch folder; the `cloudfront.hostAddresses` entries returned map each host to its
// server and trust that certificate for that host only. Not part of the extension.
import { CloudFrontClient, GetDistributionCommand, GetKeyGroupCommand, GetPublicKeyCommand, type CacheBehavior, type DefaultCacheBehavior } from '@aws-sdk/client-cloudfront';
import { GetBucketPolicyCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { EdgeBehavior, EdgeConfig } from '../../src/signing/edge';
import { startEdge, type OriginAnswer } from './server';

export interface SampleEdgeOptions {
  /** The API peer (moto) that holds the distribution, its key groups and the bucket. */
  readonly endpoint: string;
  readonly distributionId: string;
  /** Where the certificate and its key are written (the scratch folder). */
  readonly dir: string;
  readonly log?: (line: string) => void;
}

export interface SampleEdge {
  /** `cloudfront.hostAddresses` entries: the distribution's domain, its aliases and its bucket's S3 host. */
  readonly hostAddresses: Record<string, { address: string; certificate: string }>;
  readonly certificateFile: string;
  close(): Promise<void>;
}

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** A self-signed certificate for `hosts` (the first is its subject), valid one day, written into `dir`. */
export function selfSignedCertificate(dir: string, hosts: readonly string[]): { cert: string; key: string; certificateFile: string } {
  const certificateFile = join(dir, `edge-${hosts[0]}-cert.pem`);
  const keyFile = join(dir, `edge-${hosts[0]}-key.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${hosts[0]}`,
      '-addext',
      `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
      '-keyout',
      keyFile,
      '-out',
      certificateFile,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { cert: readFileSync(certificateFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certificateFile };
}

/** The distribution's behaviors with the public keys of the key groups each trusts, as they are now. */
async function readBehaviors(client: CloudFrontClient, distributionId: string): Promise<EdgeBehavior[]> {
  const config = (await client.send(new GetDistributionCommand({ Id: distributionId }))).Distribution!.DistributionConfig!;
  const keysOf = async (behavior: CacheBehavior | DefaultCacheBehavior): Promise<Map<string, string> | undefined> => {
    const groups = behavior.TrustedKeyGroups?.Enabled ? (behavior.TrustedKeyGroups.Items ?? []) : [];
    if (groups.length === 0) return undefined;
    const keys = new Map<string, string>();
    for (const Id of groups) {
      for (const keyId of (await client.send(new GetKeyGroupCommand({ Id }))).KeyGroup?.KeyGroupConfig?.Items ?? []) {
        keys.set(keyId, (await client.send(new GetPublicKeyCommand({ Id: keyId }))).PublicKey!.PublicKeyConfig!.EncodedKey!);
      }
    }
    return keys;
  };
  const behaviors: EdgeBehavior[] = [];
  const all: Array<{ pathPattern?: string; behavior: CacheBehavior | DefaultCacheBehavior }> = [
    ...(config.CacheBehaviors?.Items ?? []).map((behavior) => ({ pathPattern: behavior.PathPattern!, behavior })),
    { behavior: config.DefaultCacheBehavior! },
  ];
  for (const { pathPattern, behavior } of all) {
    const trustedKeys = await keysOf(behavior);
    behaviors.push({ ...(pathPattern !== undefined ? { pathPattern } : {}), ...(trustedKeys ? { trustedKeys } : {}) });
  }
  return behaviors;
}

/**
 * An object of the bucket, read with credentials as CloudFront's origin access control reads it (moto
 * refuses anonymous reads), or S3's error document for it (NoSuchKey with its RequestId and HostId).
 */
async function readObject(s3: S3Client, bucket: string, path: string): Promise<OriginAnswer> {
  try {
    const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: decodeURIComponent(path.replace(/^\//, '')) }));
    return {
      status: 200,
      headers: { 'content-type': answer.ContentType ?? 'application/octet-stream', ...(answer.ETag ? { etag: answer.ETag } : {}) },
      body: await answer.Body!.transformToByteArray(),
    };
  } catch (error) {
    const { name, $metadata } = error as Error & { $metadata?: { httpStatusCode?: number } };
    const id = randomBytes(8).toString('hex').toUpperCase();
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${name}</Code><Message>${name === 'NoSuchKey' ? 'The specified key does not exist.' : 'Access Denied'}</Message><RequestId>${id}</RequestId><HostId>${randomBytes(24).toString('base64')}</HostId></Error>`;
    return { status: $metadata?.httpStatusCode ?? 500, headers: { 'content-type': 'application/xml', 'x-amz-request-id': id }, body };
  }
}

/** S3's AccessDenied document, as it answers an anonymous request the bucket does not allow. */
function accessDenied(): OriginAnswer {
  const id = randomBytes(8).toString('hex').toUpperCase();
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>${id}</RequestId><HostId>${randomBytes(24).toString('base64')}</HostId></Error>`;
  return { status: 403, headers: { 'content-type': 'application/xml', 'x-amz-request-id': id }, body };
}

/** Whether the bucket's policy lets anyone (Principal "*") read objects: then S3 serves anonymous GETs. */
async function bucketIsPublic(s3: S3Client, bucket: string): Promise<boolean> {
  const policy = await s3.send(new GetBucketPolicyCommand({ Bucket: bucket })).then(
    (answer) => JSON.parse(answer.Policy ?? '{}') as { Statement?: Array<{ Effect?: string; Principal?: unknown; Action?: string | string[] }> },
    () => undefined,
  );
  return (policy?.Statement ?? []).some((statement) => {
    const anyone = statement.Principal === '*' || (typeof statement.Principal === 'object' && (statement.Principal as { AWS?: unknown }).AWS === '*');
    const actions = ([] as string[]).concat(statement.Action ?? []);
    return statement.Effect === 'Allow' && anyone && actions.some((a) => a === 's3:GetObject' || a === 's3:*' || a === '*');
  });
}

/** S3 at the bucket's virtual-hosted name: anonymous reads as the bucket's policy allows them. */
function startS3StandIn(tls: { cert: string; key: string }, bucket: string, s3: S3Client, log?: (line: string) => void): Promise<Server> {
  const server = createServer(tls, (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    void (async () => {
      const open = await bucketIsPublic(s3, bucket);
      log?.(`S3 ${request.method} ${bucket}${path}: ${open ? 'public' : 'AccessDenied'}`);
      const answer = open ? await readObject(s3, bucket, path) : accessDenied();
      const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
      response.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.byteLength) }).end(body);
    })().catch((cause: unknown) => response.writeHead(500).end(String(cause)));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

export async function startSampleEdge({ endpoint, distributionId, dir, log }: SampleEdgeOptions): Promise<SampleEdge> {
  const cloudFront = new CloudFrontClient({ region: 'us-east-1', endpoint, credentials });
  const s3 = new S3Client({ region: 'us-east-1', endpoint, credentials, forcePathStyle: true });
  const distribution = (await cloudFront.send(new GetDistributionCommand({ Id: distributionId }))).Distribution!;
  const origin = distribution.DistributionConfig!.Origins!.Items![0];
  const bucketHost = origin.DomainName!;
  const bucket = bucketHost.split('.s3.')[0];
  const cloudFrontHosts = [distribution.DomainName!, ...(distribution.DistributionConfig!.Aliases?.Items ?? [])];
  const tls = selfSignedCertificate(dir, [...cloudFrontHosts, bucketHost]);
  const config = async (): Promise<EdgeConfig> => ({ publicKeys: new Map(), behaviors: await readBehaviors(cloudFront, distributionId) });
  const edge = await startEdge({ root: dir, origin: (path) => readObject(s3, bucket, path), publicKeys: new Map(), config, tls, ...(log ? { log: (line) => log(`edge ${line}`) } : {}) });
  const s3Server = await startS3StandIn(tls, bucket, s3, log);
  const entry = (port: number) => ({ address: `127.0.0.1:${port}`, certificate: tls.certificateFile });
  const hostAddresses: SampleEdge['hostAddresses'] = {};
  for (const host of cloudFrontHosts) hostAddresses[host] = entry(edge.port);
  hostAddresses[bucketHost] = entry((s3Server.address() as AddressInfo).port);
  return {
    hostAddresses,
    certificateFile: tls.certificateFile,
    close: async () => {
      await edge.close();
      await new Promise<void>((resolve) => {
        s3Server.close(() => resolve());
        s3Server.closeAllConnections();
      });
      cloudFront.destroy();
      s3.destroy();
    },
  };
}
