// Which distribution serves a URL, and which of its cache behaviors: the distribution whose domain
// name or alternate domain name is the URL's host, then CloudFront's path-pattern precedence.
// Distributions are read page by page until one matches, and the pages read are kept for the next
// URL (signing a whole document asks for many hosts). What was read is forgotten after `maxAgeMs`
// (a change made in the console shows up without Refresh), when the extension changes a distribution
// (`forget(id)`), and on Refresh (`reset()`).
import { findDistribution, matchBehavior, requestPath } from '../signing/diagnose';
import type { BehaviorSummary, CloudFrontService, DistributionSummary } from './cloudFrontService';
import { Lazy } from '../lazy';

export interface UrlTarget {
  distribution: DistributionSummary;
  behavior: BehaviorSummary | undefined;
}

/** How long signing checks trust what they read: long enough for one document, short enough for a console edit. */
export const SIGNING_READ_MAX_AGE_MS = 60_000;

interface Details {
  readonly value: Lazy<DistributionSummary>;
  readonly readAt: number;
}

export class DistributionFinder {
  private read: DistributionSummary[] = [];
  private nextMarker: string | undefined;
  private complete = false;
  /** When the first page of `read` was asked for; undefined while nothing is read. */
  private readAt: number | undefined;
  private readonly details = new Map<string, Details>();

  constructor(
    private readonly service: () => Promise<CloudFrontService>,
    private readonly maxAgeMs = SIGNING_READ_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The distribution with `host` (case-insensitive), undefined when no distribution of the account has it. */
  async byHost(host: string): Promise<DistributionSummary | undefined> {
    if (this.readAt !== undefined && this.now() - this.readAt > this.maxAgeMs) this.forgetPages();
    this.readAt ??= this.now();
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
    await this.byHost('\u0000'); // no host is NUL: reads on to the last page
  }

  /** The distribution and behavior that serve `url`; undefined when the host is no distribution's. */
  async target(url: string): Promise<UrlTarget | undefined> {
    const distribution = await this.byHost(new URL(url).hostname);
    if (!distribution) return undefined;
    const complete = await this.withBehaviors(distribution);
    return { distribution: complete, behavior: matchBehavior(complete.behaviors, requestPath(url)) };
  }

  /** The extension changed distribution `id`: its summary and details are read again next time. */
  forget(id: string): void {
    this.details.delete(id);
    if (this.read.some((d) => d.id === id)) this.forgetPages();
  }

  reset(): void {
    this.forgetPages();
    this.details.clear();
  }

  private forgetPages(): void {
    this.read = [];
    this.nextMarker = undefined;
    this.complete = false;
    this.readAt = undefined;
  }

  /** A summary without behaviors (moto's) is completed with GetDistribution, once per distribution and age. */
  private withBehaviors(distribution: DistributionSummary): Promise<DistributionSummary> {
    if (distribution.behaviors.length > 0) return Promise.resolve(distribution);
    let details = this.details.get(distribution.id);
    if (!details || this.now() - details.readAt > this.maxAgeMs) {
      details = { value: new Lazy(async () => (await this.service()).getDistribution(distribution.id)), readAt: this.now() };
      this.details.set(distribution.id, details);
    }
    return details.value.get();
  }
}
