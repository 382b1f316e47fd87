// A typed fake of CloudFrontService for what moto 5.2.1 cannot do: pagination (it returns every item
// in one page), full ListDistributions summaries (it omits Comment, Enabled, Aliases, Origins and
// behaviors), and failures on demand (AccessDenied, expired SSO, network errors).
import type { CloudFrontService, DistributionSummary, Page } from '../../src/aws/cloudFrontService';

export class FakeCloudFrontService implements CloudFrontService {
  /** Markers of every listDistributions call, in order. */
  readonly distributionCalls: Array<string | undefined> = [];
  /** Errors to throw, one per call, before answering normally again. */
  readonly failures: Error[] = [];

  constructor(public distributions: DistributionSummary[] = []) {}

  async listDistributions(marker?: string, pageSize = 100): Promise<Page<DistributionSummary>> {
    this.distributionCalls.push(marker);
    const failure = this.failures.shift();
    if (failure) throw failure;
    const start = marker ? Number(marker) : 0;
    const items = this.distributions.slice(start, start + pageSize);
    const next = start + pageSize;
    return next < this.distributions.length ? { items, nextMarker: String(next) } : { items };
  }
}

/** An error shaped like the SDK's service exceptions (name, message, $metadata). */
export function awsError(name: string, message: string, httpStatusCode: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
}

export function sampleDistribution(index: number, overrides: Partial<DistributionSummary> = {}): DistributionSummary {
  const id = `E${String(index).padStart(12, '0')}`;
  return {
    id,
    arn: `arn:aws:cloudfront::123456789012:distribution/${id}`,
    domainName: `d${index}abcdef.cloudfront.net`,
    aliases: [],
    comment: '',
    status: 'Deployed',
    enabled: true,
    origins: [{ id: 'media', domainName: 'media.s3.us-east-1.amazonaws.com', originPath: '', kind: 's3', originAccessControlId: 'E2OAC' }],
    behaviors: [{ targetOriginId: 'media', trustedKeyGroupIds: [], trustedSigners: [] }],
    ...overrides,
  };
}
