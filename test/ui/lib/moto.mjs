// What UI tests put into moto before they drive the workbench.
import { CloudFrontClient, CreateDistributionCommand } from '@aws-sdk/client-cloudfront';

const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

/** @param {string} motoUrl */
export const motoClient = (motoUrl) => new CloudFrontClient({ endpoint: motoUrl, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });

/**
 * A distribution with one S3 origin, an unrestricted default behavior and unrestricted behaviors for `pathPatterns`.
 * @param {CloudFrontClient} client
 * @param {{ reference: string, comment: string, pathPatterns: string[] }} options
 */
export async function createDistribution(client, { reference, comment, pathPatterns }) {
  const behavior = (pathPattern) => ({ PathPattern: pathPattern, TargetOriginId: 'media', ViewerProtocolPolicy: 'https-only', CachePolicyId: CACHING_OPTIMIZED });
  const { Distribution } = await client.send(
    new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: reference,
        Comment: comment,
        Enabled: true,
        Origins: { Quantity: 1, Items: [{ Id: 'media', DomainName: 'media.s3.us-east-1.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] },
        DefaultCacheBehavior: { TargetOriginId: 'media', ViewerProtocolPolicy: 'https-only', CachePolicyId: CACHING_OPTIMIZED },
        CacheBehaviors: { Quantity: pathPatterns.length, Items: pathPatterns.map(behavior) },
      },
    }),
  );
  return Distribution;
}
