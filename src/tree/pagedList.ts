// Items of one tree level that CloudFront returns page by page. Holds what was loaded, the marker of
// the next page and the last error; one load at a time, so a double click on "Load more" or a refresh
// racing a load cannot fetch a page twice or interleave pages.
import type { Page } from '../aws/cloudFrontService';

export type PagedListState<T> = { kind: 'idle' } | { kind: 'loaded'; items: T[]; nextMarker?: string; error?: unknown };

export class PagedList<T> {
  private state: PagedListState<T> = { kind: 'idle' };
  private inFlight: Promise<void> | undefined;
  private generation = 0;

  constructor(private readonly fetchPage: (marker?: string) => Promise<Page<T>>) {}

  /** Loads the first page unless one was loaded since the last reset. */
  async ensureLoaded(): Promise<PagedListState<T>> {
    if (this.state.kind === 'idle') await this.load(undefined);
    return this.state;
  }

  /** Loads the page after the last one loaded (or retries the first after an error). */
  async loadMore(): Promise<void> {
    const marker = this.state.kind === 'loaded' ? this.state.nextMarker : undefined;
    if (this.state.kind === 'loaded' && !marker && !this.state.error) return;
    await this.load(marker);
  }

  /** Forgets everything; the next ensureLoaded fetches afresh, and a load under way is discarded. */
  reset(): void {
    this.generation++;
    this.inFlight = undefined;
    this.state = { kind: 'idle' };
  }

  private load(marker: string | undefined): Promise<void> {
    if (!this.inFlight) {
      const loading = this.fetchAndAppend(marker).finally(() => {
        if (this.inFlight === loading) this.inFlight = undefined;
      });
      this.inFlight = loading;
    }
    return this.inFlight;
  }

  private async fetchAndAppend(marker: string | undefined): Promise<void> {
    const generation = this.generation;
    const previous = this.state.kind === 'loaded' ? this.state.items : [];
    try {
      const page = await this.fetchPage(marker);
      if (generation !== this.generation) return;
      this.state = { kind: 'loaded', items: [...previous, ...page.items], ...(page.nextMarker ? { nextMarker: page.nextMarker } : {}) };
    } catch (error) {
      if (generation !== this.generation) return;
      // Keep what was shown, and the marker to resume from, next to the error.
      this.state = { kind: 'loaded', items: previous, ...(marker ? { nextMarker: marker } : {}), error };
    }
  }
}
