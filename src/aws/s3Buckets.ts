// The S3 bucket operations that putting a bucket behind CloudFront needs: the account's buckets (the
// S3 Buckets view), a few object keys (Verify Protection requests one), whether the bucket exists
// and this account may use it, its region (for the origin's regional domain), its policy, and its
// public access settings. The SDK implementation is below; the S3 client is the one clientBuilder.ts
// builds (endpoints only from standard AWS configuration).
import type { S3Client } from '@aws-sdk/client-s3';
import { loadS3Sdk } from './loadSdk';
import { isAwsError } from './awsError';

/** The four switches of S3 Block Public Access; undefined when the bucket has no such configuration. */
export interface PublicAccessBlock {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

/** A bucket of the account, as ListBuckets returns it. */
export interface BucketSummary {
  name: string;
  created?: Date;
  /** The region ListBuckets reports (S3 has answered it since 2024); undefined when it does not. */
  region?: string;
}

export interface S3Buckets {
  /** Every bucket the profile owns (ListBuckets, page by page). */
  listBuckets(): Promise<BucketSummary[]>;
  /** Up to `max` object keys under `prefix`, in S3's order (one ListObjectsV2 page, no delimiter). */
  objectKeys(bucket: string, prefix: string, max: number): Promise<string[]>;
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
  /** An object's content as UTF-8 text (a playlist or manifest); rejects past `maxBytes` (GetObject). */
  objectText(bucket: string, key: string, maxBytes: number): Promise<string>;
}

export class SdkS3Buckets implements S3Buckets {
  constructor(private readonly client: S3Client) {}

  async listBuckets(): Promise<BucketSummary[]> {
    const sdk = await loadS3Sdk();
    const buckets: BucketSummary[] = [];
    let token: string | undefined;
    do {
      const answer = await this.client.send(new sdk.ListBucketsCommand({ MaxBuckets: 1000, ...(token ? { ContinuationToken: token } : {}) }));
      for (const b of answer.Buckets ?? []) {
        if (b.Name) buckets.push({ name: b.Name, ...(b.CreationDate ? { created: b.CreationDate } : {}), ...(b.BucketRegion ? { region: b.BucketRegion } : {}) });
      }
      token = answer.ContinuationToken;
    } while (token);
    return buckets;
  }

  async objectKeys(bucket: string, prefix: string, max: number): Promise<string[]> {
    const sdk = await loadS3Sdk();
    const answer = await this.client.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: max }));
    // A zero-byte `folder/` marker is no file to request.
    return (answer.Contents ?? []).flatMap((o) => (o.Key && !o.Key.endsWith('/') ? [o.Key] : []));
  }

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
      if (isAwsError(error, 'NoSuchBucketPolicy')) return undefined;
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

  async objectText(bucket: string, key: string, maxBytes: number): Promise<string> {
    const sdk = await loadS3Sdk();
    const answer = await this.client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
    if ((answer.ContentLength ?? 0) > maxBytes) {
      (answer.Body as { destroy?: () => void } | undefined)?.destroy?.();
      throw new Error(`s3://${bucket}/${key} is ${answer.ContentLength} bytes, more than a playlist or manifest (${maxBytes})`);
    }
    return (await answer.Body?.transformToString('utf-8')) ?? '';
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
      if (isAwsError(error, 'NoSuchPublicAccessBlockConfiguration')) return undefined;
      throw error;
    }
  }
}
