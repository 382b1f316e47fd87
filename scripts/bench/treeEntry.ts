// What the tree benchmark drives: the real Distributions view over the typed fake (1,000
// distributions with realistic payloads), with the `vscode` module stubbed by vscodeStub.cjs.
import type { CloudFrontSource } from '../../src/aws/awsSession';
import type { DistributionSummary } from '../../src/aws/cloudFrontService';
import { KeyGroupDirectory } from '../../src/aws/keyGroupDirectory';
import type { Logger } from '../../src/log';
import { DistributionsProvider } from '../../src/tree/distributionsProvider';
import { FakeCloudFrontService, sampleDistribution } from '../../test/fakes/fakeCloudFrontService';
import { FakeS3Browser } from '../../test/fakes/fakeS3Browser';

/** A distribution as busy accounts have them: aliases, a comment, three origins, six behaviors. */
function realisticDistribution(index: number): DistributionSummary {
  return sampleDistribution(index, {
    aliases: [`media${index}.example.com`, `cdn${index}.example.com`],
    comment: `Customer ${index} downloads and streaming (production)`,
    origins: [
      { id: 'media', domainName: `media-${index}.s3.us-east-1.amazonaws.com`, originPath: '/v2', kind: 's3', originAccessControlId: 'E2QWRUHEXAMPLE' },
      { id: 'thumbs', domainName: `thumbs-${index}.s3.eu-west-1.amazonaws.com`, originPath: '', kind: 's3', originAccessIdentity: 'origin-access-identity/cloudfront/E1EXAMPLE' },
      { id: 'api', domainName: `api${index}.example.com`, originPath: '/prod', kind: 'custom' },
    ],
    behaviors: [
      { pathPattern: '/paid/*', targetOriginId: 'media', trustedKeyGroupIds: ['KG1', 'KG2'], trustedSigners: [] },
      { pathPattern: '/hls/*.m3u8', targetOriginId: 'media', trustedKeyGroupIds: ['KG1'], trustedSigners: [] },
      { pathPattern: '/hls/*', targetOriginId: 'media', trustedKeyGroupIds: ['KG1'], trustedSigners: [] },
      { pathPattern: '/thumbs/*', targetOriginId: 'thumbs', trustedKeyGroupIds: [], trustedSigners: [] },
      { pathPattern: '/api/*', targetOriginId: 'api', trustedKeyGroupIds: [], trustedSigners: [] },
      { targetOriginId: 'media', trustedKeyGroupIds: [], trustedSigners: [] },
    ],
  });
}

const quietLog: Logger = { info() {}, warn() {}, error() {}, debug() {}, show() {} };

export function createTree(count: number) {
  const service = new FakeCloudFrontService(Array.from({ length: count }, (_, i) => realisticDistribution(i)));
  const s3 = new FakeS3Browser();
  const source: CloudFrontSource = {
    cloudFront: () => Promise.resolve(service),
    s3: () => Promise.resolve(s3),
    profile: undefined,
    onDidChange: () => ({ dispose() {} }),
    onDidWrite: () => ({ dispose() {} }),
  };
  const provider = new DistributionsProvider(source, new KeyGroupDirectory(() => source.cloudFront()), quietLog);
  return {
    provider,
    /** Renders the root as the view does: children, then each row's TreeItem. */
    async renderRoot(): Promise<number> {
      const rows = await provider.getChildren();
      for (const row of rows) provider.getTreeItem(row);
      return rows.length;
    },
  };
}
