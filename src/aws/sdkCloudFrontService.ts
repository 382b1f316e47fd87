// CloudFrontService over the AWS SDK v3. Lists are read one page per call, carrying CloudFront's
// Marker/NextMarker so the tree can show a "Load more" row; where the SDK has a paginator for the
// operation we go through it.
import type { CloudFrontClient, OriginAccessControl } from '@aws-sdk/client-cloudfront';
import { PAGE_SIZE } from '../constants';
import { randomUUID } from 'node:crypto';
import type {
  CloudFrontService,
  DistributionSummary,
  KeyGroupFields,
  KeyGroupSummary,
  NewPublicKey,
  OriginAccessControlSummary,
  Page,
  PublicKeySummary,
  RawDistributionConfig,
  Versioned,
} from './cloudFrontService';
import { loadSdk } from './loadSdk';
import { fromDistribution, fromPublicKey, toDistributionSummary, toKeyGroupSummary, toPublicKeySummary } from './toDomain';
import { isAwsError } from './awsError';

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

  async getPublicKey(id: string): Promise<Versioned<PublicKeySummary>> {
    const sdk = await loadSdk();
    const answer = await this.client.send(new sdk.GetPublicKeyCommand({ Id: id }));
    return versioned(fromPublicKey(answer.PublicKey), answer.ETag);
  }

  async createPublicKey(key: NewPublicKey): Promise<Versioned<PublicKeySummary>> {
    const sdk = await loadSdk();
    const answer = await this.client.send(
      new sdk.CreatePublicKeyCommand({
        // CallerReference makes a retried request idempotent: CloudFront returns the key it created.
        PublicKeyConfig: { CallerReference: randomUUID(), Name: key.name, EncodedKey: key.encodedKey, ...(key.comment ? { Comment: key.comment } : {}) },
      }),
    );
    return versioned(fromPublicKey(answer.PublicKey), answer.ETag);
  }

  async deletePublicKey(id: string, etag: string): Promise<void> {
    const sdk = await loadSdk();
    await this.client.send(new sdk.DeletePublicKeyCommand({ Id: id, IfMatch: etag }));
  }

  async getKeyGroup(id: string): Promise<Versioned<KeyGroupSummary>> {
    const sdk = await loadSdk();
    const answer = await this.client.send(new sdk.GetKeyGroupCommand({ Id: id }));
    return versioned(toKeyGroupSummary({ KeyGroup: answer.KeyGroup }), answer.ETag);
  }

  async createKeyGroup(fields: KeyGroupFields): Promise<Versioned<KeyGroupSummary>> {
    const sdk = await loadSdk();
    const answer = await this.client.send(new sdk.CreateKeyGroupCommand({ KeyGroupConfig: keyGroupConfig(fields) }));
    return versioned(toKeyGroupSummary({ KeyGroup: answer.KeyGroup }), answer.ETag);
  }

  async updateKeyGroup(id: string, fields: KeyGroupFields, etag: string): Promise<Versioned<KeyGroupSummary>> {
    const sdk = await loadSdk();
    const answer = await this.client.send(new sdk.UpdateKeyGroupCommand({ Id: id, IfMatch: etag, KeyGroupConfig: keyGroupConfig(fields) }));
    return versioned(toKeyGroupSummary({ KeyGroup: answer.KeyGroup }), answer.ETag);
  }

  async deleteKeyGroup(id: string, etag: string): Promise<void> {
    const sdk = await loadSdk();
    await this.client.send(new sdk.DeleteKeyGroupCommand({ Id: id, IfMatch: etag }));
  }

  async getDistributionConfig(id: string): Promise<Versioned<RawDistributionConfig>> {
    const sdk = await loadSdk();
    const answer = await this.client.send(new sdk.GetDistributionConfigCommand({ Id: id }));
    if (!answer.DistributionConfig) throw new Error(`GetDistributionConfig returned no configuration for ${id}`);
    return versioned(answer.DistributionConfig, answer.ETag);
  }

  async updateDistributionConfig(id: string, config: RawDistributionConfig, etag: string): Promise<Versioned<DistributionSummary>> {
    const sdk = await loadSdk();
    const answer = await this.client.send(new sdk.UpdateDistributionCommand({ Id: id, IfMatch: etag, DistributionConfig: config }));
    if (!answer.Distribution) throw new Error(`UpdateDistribution returned no distribution for ${id}`);
    return versioned(fromDistribution(answer.Distribution), answer.ETag);
  }

  async mayUpdateDistribution(id: string, config: RawDistributionConfig): Promise<boolean> {
    const sdk = await loadSdk();
    try {
      // No IfMatch: CloudFront authorizes the call, then refuses it for the missing version; nothing changes.
      await this.client.send(new sdk.UpdateDistributionCommand({ Id: id, DistributionConfig: config }));
      return true;
    } catch (error) {
      return !isAwsError(error, 'AccessDenied', 'AccessDeniedException');
    }
  }

  async createDistribution(config: RawDistributionConfig): Promise<Versioned<DistributionSummary>> {
    const sdk = await loadSdk();
    const answer = await this.client.send(new sdk.CreateDistributionCommand({ DistributionConfig: config }));
    if (!answer.Distribution) throw new Error('CreateDistribution returned no distribution');
    return versioned(fromDistribution(answer.Distribution), answer.ETag);
  }

  async deleteDistribution(id: string, etag: string): Promise<void> {
    const sdk = await loadSdk();
    await this.client.send(new sdk.DeleteDistributionCommand({ Id: id, IfMatch: etag }));
  }

  async waitUntilDeployed(id: string, maxWaitSeconds: number, signal?: AbortSignal): Promise<void> {
    const sdk = await loadSdk();
    // The SDK's waiter: GetDistribution until Status is Deployed, backing off between 60 s polls.
    await sdk.waitUntilDistributionDeployed({ client: this.client, maxWaitTime: maxWaitSeconds, ...(signal ? { abortSignal: signal } : {}) }, { Id: id });
  }

  async listOriginAccessControls(): Promise<OriginAccessControlSummary[]> {
    const sdk = await loadSdk();
    const controls: OriginAccessControlSummary[] = [];
    let marker: string | undefined;
    do {
      const answer = await this.client.send(new sdk.ListOriginAccessControlsCommand({ MaxItems: 100, ...(marker ? { Marker: marker } : {}) }));
      const list = answer.OriginAccessControlList;
      for (const item of list?.Items ?? []) {
        controls.push({
          id: item.Id ?? '',
          name: item.Name ?? '',
          description: item.Description ?? '',
          originType: item.OriginAccessControlOriginType ?? '',
          signingBehavior: item.SigningBehavior ?? '',
          signingProtocol: item.SigningProtocol ?? '',
        });
      }
      marker = list?.IsTruncated ? list.NextMarker : undefined;
    } while (marker);
    return controls;
  }

  async createOriginAccessControl(name: string, description?: string): Promise<Versioned<OriginAccessControlSummary>> {
    const sdk = await loadSdk();
    const answer = await this.client.send(
      new sdk.CreateOriginAccessControlCommand({
        OriginAccessControlConfig: {
          Name: name,
          ...(description ? { Description: description } : {}),
          OriginAccessControlOriginType: 's3',
          SigningBehavior: 'always',
          SigningProtocol: 'sigv4',
        },
      }),
    );
    return versioned(fromOriginAccessControl(answer.OriginAccessControl), answer.ETag);
  }

  async getOriginAccessControl(id: string): Promise<Versioned<OriginAccessControlSummary>> {
    const sdk = await loadSdk();
    const answer = await this.client.send(new sdk.GetOriginAccessControlCommand({ Id: id }));
    return versioned(fromOriginAccessControl(answer.OriginAccessControl), answer.ETag);
  }

  async deleteOriginAccessControl(id: string, etag: string): Promise<void> {
    const sdk = await loadSdk();
    await this.client.send(new sdk.DeleteOriginAccessControlCommand({ Id: id, IfMatch: etag }));
  }

  private paging(marker: string | undefined, pageSize: number) {
    return { client: this.client, pageSize, ...(marker ? { startingToken: marker } : {}) };
  }
}

function versioned<T>(value: T, etag: string | undefined): Versioned<T> {
  // CloudFront always sends an ETag with these answers; without one a later If-Match cannot succeed.
  if (!etag) throw new Error('CloudFront answered without an ETag');
  return { value, etag };
}

function fromOriginAccessControl(control: OriginAccessControl | undefined): OriginAccessControlSummary {
  const config = control?.OriginAccessControlConfig;
  return {
    id: control?.Id ?? '',
    name: config?.Name ?? '',
    description: config?.Description ?? '',
    originType: config?.OriginAccessControlOriginType ?? '',
    signingBehavior: config?.SigningBehavior ?? '',
    signingProtocol: config?.SigningProtocol ?? '',
  };
}

function keyGroupConfig(fields: KeyGroupFields) {
  return { Name: fields.name, Items: fields.publicKeyIds, ...(fields.comment ? { Comment: fields.comment } : {}) };
}
