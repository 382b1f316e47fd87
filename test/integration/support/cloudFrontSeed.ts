// Creates CloudFront resources in the API peer the extension host talks to (moto in `npm test`),
// through the SDK and the same standard configuration the extension uses (AWS_ENDPOINT_URL_CLOUDFRONT).
import { CloudFrontClient, DeleteDistributionCommand, GetDistributionCommand, type CacheBehavior, type Distribution } from '@aws-sdk/client-cloudfront';
import { generateKeyPairSync } from 'node:crypto';
import * as seed from '../../../scripts/lib/cloudFrontSeed.mjs';
import { rememberPrivateKey } from './secrets';

export function seedClient(): CloudFrontClient {
  return new CloudFrontClient({ region: 'us-east-1' });
}

/** A cache behavior for `pathPattern` that trusts `keyGroupIds` (none: unrestricted). */
export function behavior(pathPattern: string, keyGroupIds: string[] = [], trustedSigners: string[] = []): CacheBehavior {
  return seed.behavior(pathPattern, { keyGroupIds, trustedSigners });
}

/** A public key of a new RSA pair; the private half goes only to the secret scan's list. */
export function createPublicKey(client: CloudFrontClient, name: string): Promise<string> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  rememberPrivateKey(privateKey); // never handed to the extension, but the secret scan looks for it all the same
  return seed.createPublicKey(client, { name, encodedKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
}

export function createKeyGroup(client: CloudFrontClient, name: string, publicKeyIds: string[]): Promise<string> {
  return seed.createKeyGroup(client, { name, publicKeyIds });
}

export function createDistribution(client: CloudFrontClient, comment: string, behaviors: CacheBehavior[] = [], originDomain?: string, aliases: string[] = []): Promise<Distribution> {
  return seed.createDistribution(client, { comment, behaviors, aliases, ...(originDomain ? { originDomain } : {}) });
}

/** Deletes distributions a suite created, so that later suites (and the UI tests' views) see few. */
export async function deleteDistributions(client: CloudFrontClient, ids: string[]): Promise<void> {
  for (const Id of ids) {
    const { ETag } = await client.send(new GetDistributionCommand({ Id }));
    await client.send(new DeleteDistributionCommand({ Id, IfMatch: ETag }));
  }
}
