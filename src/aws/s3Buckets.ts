// The S3 bucket operations that putting a bucket behind CloudFront needs: whether the bucket exists
// and this account may use it, its region (for the origin's regional domain), its policy, and its
// public access settings. The SDK implementation is below; the S3 client is the one clientBuilder.ts
// builds (endpoints only from standard AWS configuration).
import type { S3Client } from '@aws-sdk/client-s3';
import { loadS3Sdk } from './loadSdk';

/** The four switches of S3 Block Public Access; undefined when the bucket has no such configuration. */
export interface PublicAccessBlock {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

export interface S3Buckets {
  /**
   * The bucket's region. Rejects with the SDK's error when the bucket does not exist (NotFound /
   * NoSuchBucket) or this account may not use it (Forbidden / AccessDenied).
   */
  region(bucket: string): Promise<string>;
  /** The bucket policy as JSON text; undefined when the bucket has none. */
  getPolicy(bucket: string): Promise<string | undefined>;
  putPolicy(bucket: string, policy: string): Promise<void>;
  deletePolicy(bucket: string): Promise<void>;
  publicAccessBlock(bucket: string): Promise<PublicAccessBlock | undefined>;
  /** Turns all four switches of S3 Block Public Access on for the bucket. */
  blockPublicAccess(bucket: string): Promise<void>;
}

const errorName = (error: unknown): string | undefined => (error instanceof Error ? error.name : undefined);

export class SdkS3Buckets implements S3Buckets {
  constructor(private readonly client: S3Client) {}

  async region(bucket: string): Promise<string> {
    const sdk = await loadS3Sdk();
    await this.client.send(new sdk.HeadBucketCommand({ Bucket: bucket }));
    const answer = await this.client.send(new sdk.GetBucketLocationCommand({ Bucket: bucket }));
    // S3 answers no LocationConstraint for us-east-1, and EU for the old eu-west-1 buckets.
    const constraint = answer.LocationConstraint as string | undefined;
    return !constraint ? 'us-east-1' : constraint === 'EU' ? 'eu-west-1' : constraint;
  }

  async getPolicy(bucket: string): Promise<string | undefined> {
    const sdk = await loadS3Sdk();
    try {
      return (await this.client.send(new sdk.GetBucketPolicyCommand({ Bucket: bucket }))).Policy;
    } catch (error) {
      if (errorName(error) === 'NoSuchBucketPolicy') return undefined;
      throw error;
    }
  }

  async putPolicy(bucket: string, policy: string): Promise<void> {
    const sdk = await loadS3Sdk();
    await this.client.send(new sdk.PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
  }

  async deletePolicy(bucket: string): Promise<void> {
    const sdk = await loadS3Sdk();
    await this.client.send(new sdk.DeleteBucketPolicyCommand({ Bucket: bucket }));
  }

  async blockPublicAccess(bucket: string): Promise<void> {
    const sdk = await loadS3Sdk();
    await this.client.send(
      new sdk.PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      }),
    );
  }

  async publicAccessBlock(bucket: string): Promise<PublicAccessBlock | undefined> {
    const sdk = await loadS3Sdk();
    try {
      const config = (await this.client.send(new sdk.GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration;
      return {
        blockPublicAcls: config?.BlockPublicAcls ?? false,
        ignorePublicAcls: config?.IgnorePublicAcls ?? false,
        blockPublicPolicy: config?.BlockPublicPolicy ?? false,
        restrictPublicBuckets: config?.RestrictPublicBuckets ?? false,
      };
    } catch (error) {
      if (errorName(error) === 'NoSuchPublicAccessBlockConfiguration') return undefined;
      throw error;
    }
  }
}
