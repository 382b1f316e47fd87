// CloudFrontService over the AWS SDK v3. Lists go through the SDK's paginators, one page per call,
// carrying CloudFront's Marker/NextMarker so the tree can show a "Load more" row.
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { PAGE_SIZE } from '../constants';
import type { CloudFrontService, DistributionSummary, Page } from './cloudFrontService';
import { toDistributionSummary } from './mapDistribution';
import { loadSdk } from './loadSdk';

export class SdkCloudFrontService implements CloudFrontService {
  constructor(private readonly client: CloudFrontClient) {}

  async listDistributions(marker?: string, pageSize = PAGE_SIZE): Promise<Page<DistributionSummary>> {
    const sdk = await loadSdk();
    const pages = sdk.paginateListDistributions(
      { client: this.client, pageSize, ...(marker ? { startingToken: marker } : {}) },
      {},
    );
    for await (const page of pages) {
      const list = page.DistributionList;
      return {
        items: (list?.Items ?? []).map(toDistributionSummary),
        ...(list?.IsTruncated && list.NextMarker ? { nextMarker: list.NextMarker } : {}),
      };
    }
    return { items: [] };
  }
}
