// Puts CloudFront resources into an API peer (moto) through the SDK: what `npm start` seeds for a
// newcomer (seedSample.mjs), what the integration suites create (test/integration/support/
// cloudFrontSeed.ts) and what the UI tests start from (test/ui/lib/account.mjs). One copy, so the
// sample account and the tests' accounts are built the same way.
import { CreateDistributionCommand, CreateKeyGroupCommand, CreatePublicKeyCommand } from '@aws-sdk/client-cloudfront';
import { randomUUID } from 'node:crypto';

/** AWS's managed CachingOptimized cache policy. */
export const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

/**
 * A cache behavior on origin `originId` (default `media`) that trusts `keyGroupIds` (none: unrestricted)
 * or legacy `trustedSigners`; without `pathPattern`, a default behavior.
 * @param {string | undefined} pathPattern
 * @param {{ originId?: string, keyGroupIds?: string[], trustedSigners?: string[] }} [trust]
 */
export function behavior(pathPattern, { originId = 'media', keyGroupIds = [], trustedSigners = [] } = {}) {
  return {
    ...(pathPattern ? { PathPattern: pathPattern } : {}),
    TargetOriginId: originId,
    ViewerProtocolPolicy: 'redirect-to-https',
    CachePolicyId: CACHING_OPTIMIZED,
    TrustedKeyGroups: { Enabled: keyGroupIds.length > 0, Quantity: keyGroupIds.length, ...(keyGroupIds.length ? { Items: keyGroupIds } : {}) },
    TrustedSigners: { Enabled: trustedSigners.length > 0, Quantity: trustedSigners.length, ...(trustedSigners.length ? { Items: trustedSigners } : {}) },
  };
}

/**
 * @param {import('@aws-sdk/client-cloudfront').CloudFrontClient} client
 * @param {{ name: string, encodedKey: string, comment?: string }} key an SPKI PEM
 * @returns {Promise<string>} the public key's id
 */
export async function createPublicKey(client, { name, encodedKey, comment }) {
  const answer = await client.send(new CreatePublicKeyCommand({ PublicKeyConfig: { CallerReference: randomUUID(), Name: name, EncodedKey: encodedKey, Comment: comment } }));
  if (!answer.PublicKey?.Id) throw new Error('CreatePublicKey returned no public key');
  return answer.PublicKey.Id;
}

/**
 * @param {import('@aws-sdk/client-cloudfront').CloudFrontClient} client
 * @param {{ name: string, publicKeyIds: string[], comment?: string }} group
 * @returns {Promise<string>} the key group's id
 */
export async function createKeyGroup(client, { name, publicKeyIds, comment }) {
  const answer = await client.send(new CreateKeyGroupCommand({ KeyGroupConfig: { Name: name, Items: publicKeyIds, Comment: comment } }));
  if (!answer.KeyGroup?.Id) throw new Error('CreateKeyGroup returned no key group');
  return answer.KeyGroup.Id;
}

/**
 * A distribution with one S3 origin (id `originId`), `behaviors` and a default behavior
 * (unrestricted unless given).
 * @param {import('@aws-sdk/client-cloudfront').CloudFrontClient} client
 * @param {{ comment: string, callerReference?: string, aliases?: string[], originDomain?: string, originId?: string,
 *   behaviors?: import('@aws-sdk/client-cloudfront').CacheBehavior[], defaultBehavior?: import('@aws-sdk/client-cloudfront').DefaultCacheBehavior }} options
 * @returns {Promise<import('@aws-sdk/client-cloudfront').Distribution>}
 */
export async function createDistribution(
  client,
  { comment, callerReference = randomUUID(), aliases = [], originDomain = 'media-bucket.s3.us-east-1.amazonaws.com', originId = 'media', behaviors = [], defaultBehavior },
) {
  const answer = await client.send(
    new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: callerReference,
        Comment: comment,
        Enabled: true,
        ...(aliases.length > 0 ? { Aliases: { Quantity: aliases.length, Items: aliases } } : {}),
        Origins: { Quantity: 1, Items: [{ Id: originId, DomainName: originDomain, S3OriginConfig: { OriginAccessIdentity: '' } }] },
        DefaultCacheBehavior: defaultBehavior ?? { TargetOriginId: originId, ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: CACHING_OPTIMIZED },
        CacheBehaviors: { Quantity: behaviors.length, Items: behaviors },
      },
    }),
  );
  if (!answer.Distribution?.Id) throw new Error('CreateDistribution returned no distribution');
  return answer.Distribution;
}
