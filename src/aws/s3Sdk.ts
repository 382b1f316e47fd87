// The S3 client surface the extension uses, bundled into its own file (dist/aws-s3.js) and loaded
// only when someone browses an S3 origin or protects a bucket.
export {
  DeleteBucketPolicyCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
