// Creates CloudFront resources in the API peer the extension host talks to (moto in `npm test`),
// through the SDK and the same standard configuration the extension uses (AWS_ENDPOINT_URL_CLOUDFRONT).
import {
  CloudFrontClient,
  CreateDistributionCommand,
  DeleteDistributionCommand,
  GetDistributionCommand,
  CreateKeyGroupCommand,
  CreatePublicKeyCommand,
  type CacheBehavior,
  type Distribution,
} from '@aws-sdk/client-cloudfront';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { rememberPrivateKey } from './secrets';

export function seedClient(): CloudFrontClient {
  return new CloudFrontClient({ region: 'us-east-1' });
}

/** AWS's managed CachingOptimized cache policy. */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

/** A cache behavior for `pathPattern` that trusts `keyGroupIds` (none: unrestricted). */
export function behavior(pathPattern: string, keyGroupIds: string[] = [], trustedSigners: string[] = []): CacheBehavior {
  return {
    PathPattern: pathPattern,
    TargetOriginId: 'media',
    ViewerProtocolPolicy: 'redirect-to-https',
    CachePolicyId: CACHING_OPTIMIZED,
    TrustedKeyGroups: { Enabled: keyGroupIds.length > 0, Quantity: keyGroupIds.length, Items: keyGroupIds },
    TrustedSigners: { Enabled: trustedSigners.length > 0, Quantity: trustedSigners.length, Items: trustedSigners },
  };
}

export async function createPublicKey(client: CloudFrontClient, name: string): Promise<string> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  rememberPrivateKey(privateKey); // never handed to the extension, but the secret scan looks for it all the same
  const answer = await client.send(
    new CreatePublicKeyCommand({
      PublicKeyConfig: { CallerReference: randomUUID(), Name: name, EncodedKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    }),
  );
  return answer.PublicKey!.Id!;
}

export async function createKeyGroup(client: CloudFrontClient, name: string, publicKeyIds: string[]): Promise<string> {
  const answer = await client.send(new CreateKeyGroupCommand({ KeyGroupConfig: { Name: name, Items: publicKeyIds } }));
  return answer.KeyGroup!.Id!;
}

export async function createDistribution(
  client: CloudFrontClient,
  comment: string,
  behaviors: CacheBehavior[] = [],
  originDomain = 'media-bucket.s3.us-east-1.amazonaws.com',
  aliases: string[] = [],
): Promise<Distribution> {
  const answer = await client.send(
    new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: randomUUID(),
        Comment: comment,
        Enabled: true,
        ...(aliases.length > 0 ? { Aliases: { Quantity: aliases.length, Items: aliases } } : {}),
        Origins: {
          Quantity: 1,
          Items: [{ Id: 'media', DomainName: originDomain, S3OriginConfig: { OriginAccessIdentity: '' } }],
        },
        DefaultCacheBehavior: {
          TargetOriginId: 'media',
          ViewerProtocolPolicy: 'redirect-to-https',
          CachePolicyId: CACHING_OPTIMIZED,
        },
        CacheBehaviors: { Quantity: behaviors.length, Items: behaviors },
      },
    }),
  );
  if (!answer.Distribution?.Id) throw new Error('CreateDistribution returned no distribution');
  return answer.Distribution;
}

/** Deletes distributions a suite created, so that later suites (and the UI tests' views) see few. */
export async function deleteDistributions(client: CloudFrontClient, ids: string[]): Promise<void> {
  for (const Id of ids) {
    const { ETag } = await client.send(new GetDistributionCommand({ Id }));
    await client.send(new DeleteDistributionCommand({ Id, IfMatch: ETag }));
  }
}
