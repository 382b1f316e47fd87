// A typed fake of CloudFrontService for what moto 5.2.1 cannot do: pagination (it returns every item
// in one page), full ListDistributions summaries (it omits Comment, Enabled, Aliases, Origins and
// behaviors), and failures on demand (AccessDenied, expired SSO, network errors).
import type { CloudFrontService, DistributionSummary, KeyGroupSummary, Page, PublicKeySummary } from '../../src/aws/cloudFrontService';

export class FakeCloudFrontService implements CloudFrontService {
  /** Markers of every listDistributions call, in order. */
  readonly distributionCalls: Array<string | undefined> = [];
  /** Every call by operation name, in order. */
  readonly calls: string[] = [];
  /** Errors to throw, one per call of any operation, before answering normally again. */
  readonly failures: Error[] = [];
  /** Errors to throw on the next calls of one operation, e.g. `ListKeyGroups`. */
  readonly operationFailures = new Map<string, Error[]>();
  keyGroups: KeyGroupSummary[] = [];
  publicKeys: PublicKeySummary[] = [];
  /** Full distributions for getDistribution, when they differ from the list summaries. */
  readonly details = new Map<string, DistributionSummary>();

  constructor(public distributions: DistributionSummary[] = []) {}

  async listDistributions(marker?: string, pageSize = 100): Promise<Page<DistributionSummary>> {
    this.distributionCalls.push(marker);
    return this.answer('ListDistributions', () => pageOf(this.distributions, marker, pageSize));
  }

  async getDistribution(id: string): Promise<DistributionSummary> {
    return this.answer('GetDistribution', () => {
      const found = this.details.get(id) ?? this.distributions.find((d) => d.id === id);
      if (!found) throw awsError('NoSuchDistribution', `The specified distribution does not exist: ${id}`, 404);
      return found;
    });
  }

  async listKeyGroups(marker?: string, pageSize = 100): Promise<Page<KeyGroupSummary>> {
    return this.answer('ListKeyGroups', () => pageOf(this.keyGroups, marker, pageSize));
  }

  async listPublicKeys(marker?: string, pageSize = 100): Promise<Page<PublicKeySummary>> {
    return this.answer('ListPublicKeys', () => pageOf(this.publicKeys, marker, pageSize));
  }

  private answer<T>(operation: string, result: () => T): T {
    this.calls.push(operation);
    const failure = this.operationFailures.get(operation)?.shift() ?? this.failures.shift();
    if (failure) throw failure;
    return result();
  }
}

/** CloudFront-style paging over an array: the marker is the index of the page's first item. */
function pageOf<T>(all: T[], marker: string | undefined, pageSize: number): Page<T> {
  const start = marker ? Number(marker) : 0;
  const items = all.slice(start, start + pageSize);
  const next = start + pageSize;
  return next < all.length ? { items, nextMarker: String(next) } : { items };
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
