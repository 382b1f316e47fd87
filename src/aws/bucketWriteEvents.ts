// Every write the extension makes to an S3 bucket's settings, as an event, as writeEvents.ts does for
// CloudFront: the S3 Buckets view reads the bucket again, so a row says what the bucket is now (a
// policy that lets anyone read, Block Public Access) without a command refreshing it by hand. The
// decorator sits at the service seam, and fires once the call has settled, success or not: a failed
// call (a timeout, say) may still have changed the bucket.
import type { S3Buckets } from './s3Buckets';

export interface BucketWrite {
  readonly bucket: string;
  /** What changed: the bucket policy, or its S3 Block Public Access settings. */
  readonly what: 'policy' | 'publicAccessBlock';
}

export function withBucketWriteEvents(buckets: S3Buckets, onWrite: (write: BucketWrite) => void): S3Buckets {
  async function writing(bucket: string, what: BucketWrite['what'], call: () => Promise<void>): Promise<void> {
    try {
      await call();
    } finally {
      onWrite({ bucket, what });
    }
  }
  return {
    listBuckets: () => buckets.listBuckets(),
    objectKeys: (bucket, prefix, max) => buckets.objectKeys(bucket, prefix, max),
    region: (bucket) => buckets.region(bucket),
    getPolicy: (bucket) => buckets.getPolicy(bucket),
    publicAccessBlock: (bucket) => buckets.publicAccessBlock(bucket),
    objectText: (bucket, key, maxBytes) => buckets.objectText(bucket, key, maxBytes),

    putPolicy: (bucket, policy) => writing(bucket, 'policy', () => buckets.putPolicy(bucket, policy)),
    deletePolicy: (bucket) => writing(bucket, 'policy', () => buckets.deletePolicy(bucket)),
    blockPublicAccess: (bucket) => writing(bucket, 'publicAccessBlock', () => buckets.blockPublicAccess(bucket)),
  };
}
