// Types of cloudFrontSeed.mjs for the TypeScript tests that use it.
import type { CacheBehavior, CloudFrontClient, DefaultCacheBehavior, Distribution } from '@aws-sdk/client-cloudfront';

export declare const CACHING_OPTIMIZED: string;
export declare function behavior(pathPattern: string | undefined, trust?: { originId?: string; keyGroupIds?: string[]; trustedSigners?: string[] }): CacheBehavior & DefaultCacheBehavior;
export declare function createPublicKey(client: CloudFrontClient, key: { name: string; encodedKey: string; comment?: string }): Promise<string>;
export declare function createKeyGroup(client: CloudFrontClient, group: { name: string; publicKeyIds: string[]; comment?: string }): Promise<string>;
export declare function createDistribution(
  client: CloudFrontClient,
  options: { comment: string; callerReference?: string; aliases?: string[]; originDomain?: string; originId?: string; behaviors?: CacheBehavior[]; defaultBehavior?: DefaultCacheBehavior },
): Promise<Distribution>;
