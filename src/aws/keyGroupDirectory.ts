// Key groups by id, read once (all pages) and shared by every row that names a key group. Accounts
// hold few key groups (CloudFront's default quota is 10), so reading them all is one or two calls.
import type { CloudFrontService, KeyGroupSummary } from './cloudFrontService';
import { Lazy } from './lazy';
import { readAllPages } from './readAllPages';

export class KeyGroupDirectory {
  private readonly groups: Lazy<Map<string, KeyGroupSummary>>;

  constructor(service: () => Promise<CloudFrontService>) {
    this.groups = new Lazy(async () => {
      const cloudFront = await service();
      const groups = await readAllPages((marker) => cloudFront.listKeyGroups(marker));
      return new Map(groups.map((group) => [group.id, group]));
    });
  }

  byId(): Promise<Map<string, KeyGroupSummary>> {
    return this.groups.get();
  }

  reset(): void {
    this.groups.reset();
  }
}
