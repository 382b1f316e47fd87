// CloudFrontService over the AWS SDK v3. Lists are read one page per call, carrying CloudFront's
// Marker/NextMarker so the tree can show a "Load more" row; where the SDK has a paginator for the
// operation we go through it.
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { PAGE_SIZE } from '../constants';
import type { CloudFrontService, DistributionSummary, KeyGroupSummary, Page, PublicKeySummary } from './cloudFrontService';
import { loadSdk } from './loadSdk';
import { fromDistribution, toDistributionSummary, toKeyGroupSummary, toPublicKeySummary } from './toDomain';

interface CloudFrontList<T> {
  Items?: T[];
  IsTruncated?: boolean;
  NextMarker?: string;
}

/** One page out of a CloudFront list answer; `nextMarker` only when CloudFront says there is more. */
function pageOf<S, T>(list: CloudFrontList<S> | undefined, map: (item: S) => T): Page<T> {
  const items = (list?.Items ?? []).map(map);
  return list?.NextMarker && list.IsTruncated !== false ? { items, nextMarker: list.NextMarker } : { items };
}

/** The first page an SDK paginator yields (the paginator starts at `startingToken`). */
async function firstPage<P>(pages: AsyncIterable<P>): Promise<P | undefined> {
  for await (const page of pages) return page;
  return undefined;
}

export class SdkCloudFrontService implements CloudFrontService {
  constructor(private readonly client: CloudFrontClient) {}

  async listDistributions(marker?: string, pageSize = PAGE_SIZE): Promise<Page<DistributionSummary>> {
    const sdk = await loadSdk();
    const page = await firstPage(sdk.paginateListDistributions(this.paging(marker, pageSize), {}));
    return pageOf(page?.DistributionList, toDistributionSummary);
  }

  async getDistribution(id: string): Promise<DistributionSummary> {
    const sdk = await loadSdk();
    const answer = await this.client.send(new sdk.GetDistributionCommand({ Id: id }));
    if (!answer.Distribution) throw new Error(`GetDistribution returned no distribution for ${id}`);
    return fromDistribution(answer.Distribution);
  }

  async listKeyGroups(marker?: string, pageSize = PAGE_SIZE): Promise<Page<KeyGroupSummary>> {
    // The SDK has no paginator for ListKeyGroups: Marker and MaxItems by hand.
    const sdk = await loadSdk();
    const answer = await this.client.send(new sdk.ListKeyGroupsCommand({ MaxItems: pageSize, ...(marker ? { Marker: marker } : {}) }));
    return pageOf(answer.KeyGroupList, toKeyGroupSummary);
  }

  async listPublicKeys(marker?: string, pageSize = PAGE_SIZE): Promise<Page<PublicKeySummary>> {
    const sdk = await loadSdk();
    const page = await firstPage(sdk.paginateListPublicKeys(this.paging(marker, pageSize), {}));
    return pageOf(page?.PublicKeyList, toPublicKeySummary);
  }

  private paging(marker: string | undefined, pageSize: number) {
    return { client: this.client, pageSize, ...(marker ? { startingToken: marker } : {}) };
  }
}
