// A typed fake of S3Buckets, for what moto cannot do: buckets of the China (aws-cn) and GovCloud
// partitions, whose policies name arn:aws-cn / arn:aws-us-gov, and a permission denied on demand
// (moto enforces no IAM). The policy text is kept exactly as written, as S3 and moto keep it.
import { AwsError } from '../../src/aws/awsError';
import type { BucketSummary, PublicAccessBlock, S3Buckets } from '../../src/aws/s3Buckets';
import { settle } from './settle';

export interface FakeBucket {
  region: string;
  policy?: string;
  block?: PublicAccessBlock;
  /** Object keys and their text. */
  objects?: Record<string, string>;
}

/** The operations of S3Buckets, for `calls` and `denied`. */
export type S3BucketsOperation = keyof S3Buckets;

export class FakeS3Buckets implements S3Buckets {
  readonly calls: Array<{ operation: S3BucketsOperation; bucket?: string }> = [];
  /** Operations answered with AccessDenied (403), as S3 answers a role without the permission. */
  readonly denied = new Set<S3BucketsOperation>();

  constructor(readonly buckets: Record<string, FakeBucket>) {}

  private call<T>(operation: S3BucketsOperation, bucket: string | undefined, work: (found: FakeBucket) => T): Promise<T> {
    return settle(() => {
      this.calls.push({ operation, ...(bucket !== undefined ? { bucket } : {}) });
      if (this.denied.has(operation)) throw new AwsError('AccessDenied', `User is not authorized to perform: s3:${operation}`, 403);
      const found = bucket === undefined ? { region: 'us-east-1' } : this.buckets[bucket];
      if (!found) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
      return work(found);
    });
  }

  listBuckets(): Promise<BucketSummary[]> {
    return this.call('listBuckets', undefined, () => Object.entries(this.buckets).map(([name, b]) => ({ name, region: b.region })));
  }

  objectKeys(bucket: string, prefix: string, max: number): Promise<string[]> {
    return this.call('objectKeys', bucket, (b) =>
      Object.keys(b.objects ?? {})
        .filter((k) => k.startsWith(prefix))
        .sort()
        .slice(0, max),
    );
  }

  region(bucket: string): Promise<string> {
    return this.call('region', bucket, (b) => b.region);
  }

  getPolicy(bucket: string): Promise<string | undefined> {
    return this.call('getPolicy', bucket, (b) => b.policy);
  }

  putPolicy(bucket: string, policy: string): Promise<void> {
    return this.call('putPolicy', bucket, (b) => {
      b.policy = policy;
    });
  }

  deletePolicy(bucket: string): Promise<void> {
    return this.call('deletePolicy', bucket, (b) => {
      delete b.policy;
    });
  }

  publicAccessBlock(bucket: string): Promise<PublicAccessBlock | undefined> {
    return this.call('publicAccessBlock', bucket, (b) => b.block);
  }

  blockPublicAccess(bucket: string): Promise<void> {
    return this.call('blockPublicAccess', bucket, (b) => {
      b.block = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
    });
  }

  objectText(bucket: string, key: string, maxBytes: number): Promise<string> {
    return this.call('objectText', bucket, (b) => {
      const text = b.objects?.[key];
      if (text === undefined) throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404);
      if (Buffer.byteLength(text) > maxBytes) throw new Error(`s3://${bucket}/${key} is ${Buffer.byteLength(text)} bytes, more than a playlist or manifest (${maxBytes})`);
      return text;
    });
  }
}
