// Key groups by id, read once (all pages) and shared by every row that names a key group. Accounts
// hold few key groups (CloudFront's default quota is 10), so reading them all is one or two calls.
// Signing checks trust them for `maxAgeMs` (a console change shows up without Refresh); the
// extension's own writes and Refresh forget them at once (`reset()`). Commands that must see the
// account as it is now (a wizard's lists, a check before a write) read it afresh with `readKeyGroups`:
// the one reading of ListKeyGroups.
import type { CloudFrontService, KeyGroupSummary } from './cloudFrontService';
import { SIGNING_READ_MAX_AGE_MS } from './distributionFinder';
import { Lazy } from '../lazy';
import { readAllPages } from './readAllPages';

/** Every key group of the account, all pages read. */
export function readKeyGroups(service: Pick<CloudFrontService, 'listKeyGroups'>): Promise<KeyGroupSummary[]> {
  return readAllPages((marker) => service.listKeyGroups(marker));
}

/** The key groups that hold a public key (CloudFront refuses to delete a key while one does). */
export async function keyGroupsHolding(service: Pick<CloudFrontService, 'listKeyGroups'>, publicKeyId: string): Promise<KeyGroupSummary[]> {
  return groupsHolding(await readKeyGroups(service), publicKeyId);
}

/** Of key groups already read, those that hold `publicKeyId`. */
export function groupsHolding(groups: readonly KeyGroupSummary[], publicKeyId: string): KeyGroupSummary[] {
  return groups.filter((group) => group.publicKeyIds.includes(publicKeyId));
}

export class KeyGroupDirectory {
  private readonly groups: Lazy<Map<string, KeyGroupSummary>>;
  private readAt: number | undefined;

  constructor(
    service: () => Promise<CloudFrontService>,
    private readonly maxAgeMs = SIGNING_READ_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.groups = new Lazy(async () => {
      const groups = await readKeyGroups(await service());
      return new Map(groups.map((group) => [group.id, group]));
    });
  }

  byId(): Promise<Map<string, KeyGroupSummary>> {
    const now = this.now();
    if (this.readAt === undefined || now - this.readAt > this.maxAgeMs) {
      this.groups.reset();
      this.readAt = now;
    }
    return this.groups.get();
  }

  reset(): void {
    this.groups.reset();
    this.readAt = undefined;
  }
}
