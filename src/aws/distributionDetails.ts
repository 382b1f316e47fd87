// Completes ListDistributions summaries that lack what CloudFront's own always carry. CloudFront's
// summaries hold the aliases, comment, enabled state, origins and behaviors; moto's (5.2.1) only the
// id, ARN, domain name and status. Such a summary is completed with GetDistribution, at most once per
// distribution until it is forgotten or older than `maxAgeMs`; a complete one costs no call.
import type { CloudFrontService, DistributionSummary } from './cloudFrontService';
import { Lazy } from '../lazy';

/** Every distribution has a default cache behavior: a summary without behaviors lacks the rest too. */
export function isPartialSummary(distribution: DistributionSummary): boolean {
  return distribution.behaviors.length === 0;
}

/** How many GetDistribution calls run at once while a list is completed. */
const PARALLEL_READS = 4;

interface Read {
  readonly value: Lazy<DistributionSummary>;
  readonly readAt: number;
}

export class DistributionDetails {
  private readonly read = new Map<string, Read>();

  constructor(
    private readonly service: () => Promise<CloudFrontService>,
    private readonly maxAgeMs = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  /** The distribution as GetDistribution reads it, once per age (a failed read is tried again next time). */
  get(id: string): Promise<DistributionSummary> {
    let read = this.read.get(id);
    if (!read || this.now() - read.readAt > this.maxAgeMs) {
      read = { value: new Lazy(async () => (await this.service()).getDistribution(id)), readAt: this.now() };
      this.read.set(id, read);
    }
    return read.value.get();
  }

  /** `summary` itself when it is complete, else the distribution read with GetDistribution. */
  complete(summary: DistributionSummary): Promise<DistributionSummary> {
    return isPartialSummary(summary) ? this.get(summary.id) : Promise.resolve(summary);
  }

  /**
   * Every summary completed, a few reads at a time, in the same order. One that cannot be read stays
   * as listed, and `failed` hears why.
   */
  async completeAll(summaries: readonly DistributionSummary[], failed?: (summary: DistributionSummary, error: unknown) => void): Promise<DistributionSummary[]> {
    const result = [...summaries];
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < result.length; index = next++) {
        try {
          result[index] = await this.complete(result[index]);
        } catch (error) {
          failed?.(result[index], error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, result.length) }, worker));
    return result;
  }

  forget(id: string): void {
    this.read.delete(id);
  }

  reset(): void {
    this.read.clear();
  }
}
