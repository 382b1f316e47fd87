// Seeds a CloudFront API peer (moto, for `npm start`) with sample resources a newcomer can explore:
// two distributions whose behaviors are restricted by key groups (and one by legacy trusted signers),
// key groups with public keys, and a public key in no group. Only PUBLIC keys are created here; the
// matching private keys are thrown away, as CloudFront never holds them either, except the current
// signer's (media-2026-01), which `npm start` puts into the sample's key store (sampleSigningKey.mjs).
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { generateKeyPairSync } from 'node:crypto';
import { behavior, createDistribution, createKeyGroup, createPublicKey } from './cloudFrontSeed.mjs';
import { createSampleSigningKey } from './sampleSigningKey.mjs';

/** A new public key; its private half is dropped at once. */
async function samplePublicKey(client, name, comment) {
  const encodedKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return createPublicKey(client, { name, encodedKey, comment });
}

/** A sample distribution on `bucket`, as the start script prints it. */
async function sampleDistribution(client, { comment, aliases, bucket, behaviors, defaultBehavior }) {
  const distribution = await createDistribution(client, { comment, aliases, originId: bucket, originDomain: `${bucket}.s3.us-east-1.amazonaws.com`, behaviors, defaultBehavior });
  return { id: distribution.Id, domainName: distribution.DomainName, comment, aliases };
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
 * @returns {Promise<{ distributions: Array<{id: string, domainName: string, comment: string, aliases: string[]}>, keyGroups: Record<string, string>,
 *   signingKeys: Array<{ publicKeyId: string, name: string, privateKeyPem: string }> }>} signingKeys: the keys whose private half the sample keeps
 */
export async function seedSample({ endpoint }) {
  const client = new CloudFrontClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const signingKey = await createSampleSigningKey(client, { name: 'media-2026-01', comment: 'sample: current signer, its private key in the sample key store' });
  const mediaKeys = [signingKey.publicKeyId, await samplePublicKey(client, 'media-2026-07', 'sample: next signer')];
  const reportsKey = await samplePublicKey(client, 'reports-2026', 'sample');
  await samplePublicKey(client, 'unused-key', 'sample: a public key in no key group');
  const media = await createKeyGroup(client, { name: 'media-signers', publicKeyIds: mediaKeys, comment: 'sample' });
  const reports = await createKeyGroup(client, { name: 'reports-signers', publicKeyIds: [reportsKey], comment: 'sample' });

  const distributions = [
    await sampleDistribution(client, {
      comment: 'Paid downloads (sample)',
      aliases: ['downloads.example.com'],
      bucket: 'sample-downloads',
      behaviors: [
        behavior('/paid/*', { originId: 'sample-downloads', keyGroupIds: [media] }),
        behavior('/reports/*.pdf', { originId: 'sample-downloads', keyGroupIds: [media, reports] }),
        behavior('/public/*', { originId: 'sample-downloads' }),
      ],
      defaultBehavior: behavior(undefined, { originId: 'sample-downloads' }),
    }),
    await sampleDistribution(client, {
      comment: 'Video streaming (sample)',
      aliases: ['video.example.com'],
      bucket: 'sample-video',
      behaviors: [behavior('/hls/*', { originId: 'sample-video', keyGroupIds: [media] }), behavior('/legacy/*', { originId: 'sample-video', trustedSigners: ['self'] })],
      defaultBehavior: behavior(undefined, { originId: 'sample-video', keyGroupIds: [media] }),
    }),
  ];
  await createBuckets(endpoint, {
    'sample-downloads': ['paid/album.zip', 'paid/ebook.pdf', 'reports/2026-q3.pdf', 'public/logo.png', 'index.html'],
    'sample-video': ['hls/movie/index.m3u8', 'hls/movie/segment-0.ts', 'hls/movie/segment-1.ts', 'legacy/trailer.mp4'],
  });
  return { distributions, keyGroups: { 'media-signers': media, 'reports-signers': reports }, signingKeys: [signingKey] };
}
