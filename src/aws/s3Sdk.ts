// The S3 client surface the extension uses, bundled into its own file (dist/aws-s3.js) and loaded
// only when someone browses an S3 origin.
export { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
