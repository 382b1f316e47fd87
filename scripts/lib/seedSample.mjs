// Seeds a CloudFront API peer (moto, for `npm start`) with sample resources a newcomer can explore:
// two distributions whose behaviors are restricted by key groups (and one by legacy trusted signers),
// key groups with public keys, and a public key in no group. Only PUBLIC keys are created here; the
// matching private keys are thrown away, as CloudFront never holds them either.
import {
  CloudFrontClient,
  CreateDistributionCommand,
  CreateKeyGroupCommand,
  CreatePublicKeyCommand,
} from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { generateKeyPairSync, randomUUID } from 'node:crypto';

/** AWS's managed CachingOptimized cache policy. */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

function publicKeyPem() {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return publicKey.export({ type: 'spki', format: 'pem' });
}

async function createPublicKey(client, name, comment) {
  const answer = await client.send(
    new CreatePublicKeyCommand({ PublicKeyConfig: { CallerReference: randomUUID(), Name: name, EncodedKey: publicKeyPem(), Comment: comment } }),
  );
  return answer.PublicKey.Id;
}

async function createKeyGroup(client, name, publicKeyIds, comment) {
  const answer = await client.send(new CreateKeyGroupCommand({ KeyGroupConfig: { Name: name, Items: publicKeyIds, Comment: comment } }));
  return answer.KeyGroup.Id;
}

function behavior(pathPattern, originId, keyGroupIds = [], trustedSigners = []) {
  return {
    ...(pathPattern ? { PathPattern: pathPattern } : {}),
    TargetOriginId: originId,
    ViewerProtocolPolicy: 'redirect-to-https',
    CachePolicyId: CACHING_OPTIMIZED,
    TrustedKeyGroups: { Enabled: keyGroupIds.length > 0, Quantity: keyGroupIds.length, ...(keyGroupIds.length ? { Items: keyGroupIds } : {}) },
    TrustedSigners: { Enabled: trustedSigners.length > 0, Quantity: trustedSigners.length, ...(trustedSigners.length ? { Items: trustedSigners } : {}) },
  };
}

async function createDistribution(client, { comment, aliases, bucket, behaviors, defaultBehavior }) {
  const answer = await client.send(
    new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: randomUUID(),
        Comment: comment,
        Enabled: true,
        Aliases: { Quantity: aliases.length, Items: aliases },
        Origins: { Quantity: 1, Items: [{ Id: bucket, DomainName: `${bucket}.s3.us-east-1.amazonaws.com`, S3OriginConfig: { OriginAccessIdentity: '' } }] },
        DefaultCacheBehavior: defaultBehavior,
        CacheBehaviors: { Quantity: behaviors.length, Items: behaviors },
      },
    }),
  );
  return { id: answer.Distribution.Id, domainName: answer.Distribution.DomainName, comment, aliases };
}

/** Sample objects behind the distributions' S3 origins, so the Distributions view can browse them. */
async function createBuckets(endpoint, objectsByBucket) {
  const s3 = new S3Client({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  try {
    for (const [bucket, keys] of Object.entries(objectsByBucket)) {
      // Seeding twice (two UI tests on one moto) finds the bucket there already: that is fine.
      await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((error) => {
        if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
      });
      for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `sample content of ${key}\n` }));
    }
  } finally {
    s3.destroy();
  }
}

/**
 * @param {{ endpoint: string }} options the API peer's URL
 * @returns {Promise<{ distributions: Array<{id: string, domainName: string, comment: string, aliases: string[]}>, keyGroups: Record<string, string> }>}
 */
export async function seedSample({ endpoint }) {
  const client = new CloudFrontClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const mediaKeys = [await createPublicKey(client, 'media-2026-01', 'sample: current signer'), await createPublicKey(client, 'media-2026-07', 'sample: next signer')];
  const reportsKey = await createPublicKey(client, 'reports-2026', 'sample');
  await createPublicKey(client, 'unused-key', 'sample: a public key in no key group');
  const media = await createKeyGroup(client, 'media-signers', mediaKeys, 'sample');
  const reports = await createKeyGroup(client, 'reports-signers', [reportsKey], 'sample');

  const distributions = [
    await createDistribution(client, {
      comment: 'Paid downloads (sample)',
      aliases: ['downloads.example.com'],
      bucket: 'sample-downloads',
      behaviors: [behavior('/paid/*', 'sample-downloads', [media]), behavior('/reports/*.pdf', 'sample-downloads', [media, reports]), behavior('/public/*', 'sample-downloads')],
      defaultBehavior: behavior(undefined, 'sample-downloads'),
    }),
    await createDistribution(client, {
      comment: 'Video streaming (sample)',
      aliases: ['video.example.com'],
      bucket: 'sample-video',
      behaviors: [behavior('/hls/*', 'sample-video', [media]), behavior('/legacy/*', 'sample-video', [], ['self'])],
      defaultBehavior: behavior(undefined, 'sample-video', [media]),
    }),
  ];
  await createBuckets(endpoint, {
    'sample-downloads': ['paid/album.zip', 'paid/ebook.pdf', 'reports/2026-q3.pdf', 'public/logo.png', 'index.html'],
    'sample-video': ['hls/movie/index.m3u8', 'hls/movie/segment-0.ts', 'hls/movie/segment-1.ts', 'legacy/trailer.mp4'],
  });
  return { distributions, keyGroups: { 'media-signers': media, 'reports-signers': reports } };
}
