// Which distribution serves a URL, and which of its cache behaviors: the distribution whose domain
// name or alternate domain name is the URL's host, then CloudFront's path-pattern precedence.
// Distributions are read page by page until one matches, and the pages read are kept for the next
// URL (signing a whole document asks for many hosts); `reset()` forgets them (Refresh).
import { findDistribution, matchBehavior, requestPath } from '../signing/diagnose';
import type { BehaviorSummary, CloudFrontService, DistributionSummary } from './cloudFrontService';
import { Lazy } from './lazy';

export interface UrlTarget {
  distribution: DistributionSummary;
  behavior: BehaviorSummary | undefined;
}

export class DistributionFinder {
  private read: DistributionSummary[] = [];
  private nextMarker: string | undefined;
  private complete = false;
  private readonly details = new Map<string, Lazy<DistributionSummary>>();

  constructor(private readonly service: () => Promise<CloudFrontService>) {}

  /** The distribution with `host` (case-insensitive), undefined when no distribution of the account has it. */
  async byHost(host: string): Promise<DistributionSummary | undefined> {
    const lower = host.toLowerCase();
    let found = findDistribution(this.read, lower);
    while (!found && !this.complete) {
      const page = await (await this.service()).listDistributions(this.nextMarker);
      this.read.push(...page.items);
      this.nextMarker = page.nextMarker;
      this.complete = !page.nextMarker;
      found = findDistribution(page.items, lower);
    }
    return found;
  }

  /** Whether a distribution read so far serves `host`: a quick check of many URLs after `readAll()`. */
  knows(host: string): boolean {
    return findDistribution(this.read, host) !== undefined;
  }

  /** Reads every page, so that `knows()` answers for the whole account. */
  async readAll(): Promise<void> {
    while (!this.complete) await this.byHost('\u0000');
  }

  /** The distribution and behavior that serve `url`; undefined when the host is no distribution's. */
  async target(url: string): Promise<UrlTarget | undefined> {
    const distribution = await this.byHost(new URL(url).hostname);
    if (!distribution) return undefined;
    const complete = await this.withBehaviors(distribution);
    return { distribution: complete, behavior: matchBehavior(complete.behaviors, requestPath(url)) };
  }

  reset(): void {
    this.read = [];
    this.nextMarker = undefined;
    this.complete = false;
    this.details.clear();
  }

  /** A summary without behaviors (moto's) is completed with GetDistribution, once per distribution. */
  private withBehaviors(distribution: DistributionSummary): Promise<DistributionSummary> {
    if (distribution.behaviors.length > 0) return Promise.resolve(distribution);
    let details = this.details.get(distribution.id);
    if (!details) {
      details = new Lazy(async () => (await this.service()).getDistribution(distribution.id));
      this.details.set(distribution.id, details);
    }
    return details.get();
  }
}
