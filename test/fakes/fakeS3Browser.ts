// A typed fake of S3Browser: ListObjectsV2 with delimiter `/`, pages of a chosen size, and failures
// on demand (moto cannot deny a permission).
import type { Page } from '../../src/aws/cloudFrontService';
import type { S3Browser, S3Entry } from '../../src/aws/s3Browser';
import { settle } from './settle';

export class FakeS3Browser implements S3Browser {
  readonly calls: Array<{ bucket: string; prefix: string; marker?: string }> = [];
  readonly failures: Error[] = [];

  constructor(
    /** Object keys by bucket, with their sizes. */
    readonly buckets: Record<string, Record<string, number>> = {},
    private readonly pageSize = 100,
  ) {}

  list(bucket: string, prefix: string, marker?: string): Promise<Page<S3Entry>> {
    return settle(() => {
      this.calls.push({ bucket, prefix, ...(marker ? { marker } : {}) });
      const failure = this.failures.shift();
      if (failure) throw failure;
      const keys = Object.keys(this.buckets[bucket] ?? {})
        .filter((k) => k.startsWith(prefix))
        .sort();
      const entries: S3Entry[] = [];
      const folders = new Set<string>();
      for (const key of keys) {
        const slash = key.indexOf('/', prefix.length);
        if (slash >= 0) folders.add(key.slice(0, slash + 1));
        else entries.push({ kind: 'object', key, size: this.buckets[bucket][key], lastModified: new Date('2026-05-06T07:08:00Z') });
      }
      const all: S3Entry[] = [...[...folders].map((p) => ({ kind: 'folder' as const, prefix: p })), ...entries];
      const start = marker ? Number(marker) : 0;
      const items = all.slice(start, start + this.pageSize);
      return start + this.pageSize < all.length ? { items, nextMarker: String(start + this.pageSize) } : { items };
    });
  }
}
