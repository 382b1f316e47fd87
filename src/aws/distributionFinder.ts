// Which distribution serves a URL, and which of its cache behaviors: the distribution whose domain
// name or alternate domain name is the URL's host, then CloudFront's path-pattern precedence.
// Distributions are read page by page until one matches, and the pages read are kept for the next
// URL (signing a whole document asks for many hosts). Summaries that lack their aliases (moto's) are
// completed with GetDistribution before a page is said not to have the host, once per distribution. What was read is forgotten after `maxAgeMs`
// (a change made in the console shows up without Refresh), when the extension changes a distribution
// (`forget(id)`), and on Refresh (`reset()`).
import { findDistribution, matchBehavior, requestPath } from '../cloudfront/routing';
import type { BehaviorSummary, CloudFrontService, DistributionSummary } from './cloudFrontService';
import { DistributionDetails, isPartialSummary } from './distributionDetails';

export interface UrlTarget {
  distribution: DistributionSummary;
  behavior: BehaviorSummary | undefined;
}

/** How long signing checks trust what they read: long enough for one document, short enough for a console edit. */
export const SIGNING_READ_MAX_AGE_MS = 60_000;

export class DistributionFinder {
  private read: DistributionSummary[] = [];
  private nextMarker: string | undefined;
  private complete = false;
  /** When the first page of `read` was asked for; undefined while nothing is read. */
  private readAt: number | undefined;
  private readonly details: DistributionDetails;

  constructor(
    private readonly service: () => Promise<CloudFrontService>,
    private readonly maxAgeMs = SIGNING_READ_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.details = new DistributionDetails(service, maxAgeMs, now);
  }

  /** The distribution with `host` (case-insensitive), undefined when no distribution of the account has it. */
  async byHost(host: string): Promise<DistributionSummary | undefined> {
    if (this.readAt !== undefined && this.now() - this.readAt > this.maxAgeMs) this.forgetPages();
    this.readAt ??= this.now();
    const lower = host.toLowerCase();
    let found = await this.search(this.read, 0, lower);
    while (!found && !this.complete) {
      const page = await (await this.service()).listDistributions(this.nextMarker);
      const start = this.read.length;
      this.read.push(...page.items);
      this.nextMarker = page.nextMarker;
      this.complete = !page.nextMarker;
      found = await this.search(this.read, start, lower);
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
    const complete = await this.details.complete(distribution);
    return { distribution: complete, behavior: matchBehavior(complete.behaviors, requestPath(url)) };
  }

  /** The extension changed distribution `id`: its summary and details are read again next time. */
  forget(id: string): void {
    this.details.forget(id);
    if (this.read.some((d) => d.id === id)) this.forgetPages();
  }

  /** A distribution was created: the list is read again, since the new one may serve a host. */
  forgetList(): void {
    this.forgetPages();
  }

  reset(): void {
    this.forgetPages();
    this.details.reset();
  }

  private forgetPages(): void {
    this.read = [];
    this.nextMarker = undefined;
    this.complete = false;
    this.readAt = undefined;
  }

  /**
   * The distribution with `host` among `read` from `start` on. When none has it by what its summary
   * says, the summaries there that lack aliases are completed (in `read`) and searched again; a
   * failed completion then fails the search rather than say that no distribution has the host.
   */
  private async search(read: DistributionSummary[], start: number, host: string): Promise<DistributionSummary | undefined> {
    const listed = read.slice(start);
    const found = findDistribution(listed, host);
    if (found || !listed.some(isPartialSummary)) return found;
    let failure: Error | undefined;
    const completed = await this.details.completeAll(listed, (_, error) => (failure ??= error instanceof Error ? error : new Error(String(error))));
    read.splice(start, completed.length, ...completed);
    const completedFound = findDistribution(completed, host);
    if (!completedFound && failure) throw failure;
    return completedFound;
  }
}
