import type { Page } from './cloudFrontService';

/**
 * Every item of a CloudFront list, following NextMarker to the end. Only for lists that quotas keep
 * short (key groups, public keys: 10 per account by default); long lists page in the tree instead.
 */
export async function readAllPages<T>(fetchPage: (marker?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let marker: string | undefined;
  do {
    const page = await fetchPage(marker);
    items.push(...page.items);
    marker = page.nextMarker;
  } while (marker);
  return items;
}
