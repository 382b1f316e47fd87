// Browsing the bucket behind an S3 origin: one level (delimiter `/`) at a time, page by page.
import type { S3Client, ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import { PAGE_SIZE } from '../constants';
import type { Page } from './cloudFrontService';
import { loadS3Sdk } from './loadSdk';

export type S3Entry = { kind: 'folder'; prefix: string } | { kind: 'object'; key: string; size: number; lastModified?: Date };

export interface S3Browser {
  /** Folders (common prefixes) then objects directly under `prefix`; `marker` is S3's continuation token. */
  list(bucket: string, prefix: string, marker?: string): Promise<Page<S3Entry>>;
}

export function entriesOf(answer: Pick<ListObjectsV2CommandOutput, 'CommonPrefixes' | 'Contents' | 'NextContinuationToken' | 'IsTruncated'>, prefix: string): Page<S3Entry> {
  const folders: S3Entry[] = (answer.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [{ kind: 'folder' as const, prefix: p.Prefix }] : []));
  const objects: S3Entry[] = (answer.Contents ?? [])
    // A zero-byte `folder/` marker object is the folder itself, not an entry in it.
    .flatMap((o) => (o.Key && o.Key !== prefix ? [{ kind: 'object' as const, key: o.Key, size: o.Size ?? 0, ...(o.LastModified ? { lastModified: o.LastModified } : {}) }] : []));
  const items = [...folders, ...objects];
  return answer.IsTruncated && answer.NextContinuationToken ? { items, nextMarker: answer.NextContinuationToken } : { items };
}

export class SdkS3Browser implements S3Browser {
  constructor(private readonly client: S3Client) {}

  async list(bucket: string, prefix: string, marker?: string): Promise<Page<S3Entry>> {
    const sdk = await loadS3Sdk();
    const answer = await this.client.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: '/', MaxKeys: PAGE_SIZE, ...(marker ? { ContinuationToken: marker } : {}) }));
    return entriesOf(answer, prefix);
  }
}
