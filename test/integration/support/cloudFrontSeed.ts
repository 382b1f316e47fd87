// Creates CloudFront resources in the API peer the extension host talks to (moto in `npm test`),
// through the SDK and the same standard configuration the extension uses (AWS_ENDPOINT_URL_CLOUDFRONT).
import { CloudFrontClient, CreateDistributionCommand, type Distribution } from '@aws-sdk/client-cloudfront';
import { randomUUID } from 'node:crypto';

export function seedClient(): CloudFrontClient {
  return new CloudFrontClient({ region: 'us-east-1' });
}

export async function createDistribution(client: CloudFrontClient, comment: string): Promise<Distribution> {
  const answer = await client.send(
    new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: randomUUID(),
        Comment: comment,
        Enabled: true,
        Origins: {
          Quantity: 1,
          Items: [{ Id: 'media', DomainName: 'media-bucket.s3.us-east-1.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }],
        },
        DefaultCacheBehavior: {
          TargetOriginId: 'media',
          ViewerProtocolPolicy: 'redirect-to-https',
          CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
        },
      },
    }),
  );
  if (!answer.Distribution?.Id) throw new Error('CreateDistribution returned no distribution');
  return answer.Distribution;
}
