// Key groups by id, read once (all pages) and shared by every row that names a key group. Accounts
// hold few key groups (CloudFront's default quota is 10), so reading them all is one or two calls.
import type { CloudFrontService, KeyGroupSummary } from './cloudFrontService';
import { readAllPages } from './readAllPages';

export class KeyGroupDirectory {
  private loading: Promise<Map<string, KeyGroupSummary>> | undefined;

  constructor(private readonly service: () => Promise<CloudFrontService>) {}

  byId(): Promise<Map<string, KeyGroupSummary>> {
    if (!this.loading) {
      const loading = this.readAll();
      this.loading = loading;
      // A failed read must not stick: the next caller tries again.
      loading.catch(() => {
        if (this.loading === loading) this.loading = undefined;
      });
    }
    return this.loading;
  }

  reset(): void {
    this.loading = undefined;
  }

  private async readAll(): Promise<Map<string, KeyGroupSummary>> {
    const service = await this.service();
    const groups = await readAllPages((marker) => service.listKeyGroups(marker));
    return new Map(groups.map((group) => [group.id, group]));
  }
}
