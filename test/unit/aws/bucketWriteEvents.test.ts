// Each write to a bucket's settings through the S3 seam is announced once it has settled (success or
// failure, since a failed call may still have changed the bucket); reads announce nothing.
import assert from 'node:assert/strict';
import { withBucketWriteEvents, type BucketWrite } from '../../../src/aws/bucketWriteEvents';
import type { S3Buckets } from '../../../src/aws/s3Buckets';

function recordingBuckets(failOn?: string): { buckets: S3Buckets; calls: string[] } {
  const calls: string[] = [];
  const call = <T>(name: string, value: T) => {
    calls.push(name);
    return name === failOn ? Promise.reject(new Error(`${name} failed`)) : Promise.resolve(value);
  };
  return {
    calls,
    buckets: {
      listBuckets: () => call('listBuckets', []),
      objectKeys: () => call('objectKeys', []),
      region: () => call('region', 'us-east-1'),
      getPolicy: () => call('getPolicy', undefined),
      putPolicy: () => call('putPolicy', undefined),
      deletePolicy: () => call('deletePolicy', undefined),
      publicAccessBlock: () => call('publicAccessBlock', undefined),
      blockPublicAccess: () => call('blockPublicAccess', undefined),
      objectText: () => call('objectText', ''),
    },
  };
}

describe('bucket write events', () => {
  it('announces policy and Block Public Access writes, after the call, and nothing for reads', async () => {
    const { buckets, calls } = recordingBuckets();
    const writes: Array<BucketWrite & { after: number }> = [];
    const announced = withBucketWriteEvents(buckets, (write) => writes.push({ ...write, after: calls.length }));
    await announced.getPolicy('media');
    await announced.publicAccessBlock('media');
    await announced.listBuckets();
    await announced.region('media');
    assert.deepEqual(writes, []);
    await announced.putPolicy('media', '{}');
    await announced.deletePolicy('logs');
    await announced.blockPublicAccess('media');
    assert.deepEqual(writes, [
      { bucket: 'media', what: 'policy', after: 5 },
      { bucket: 'logs', what: 'policy', after: 6 },
      { bucket: 'media', what: 'publicAccessBlock', after: 7 },
    ]);
  });

  it('announces a write that failed, and passes the failure on', async () => {
    const { buckets } = recordingBuckets('putPolicy');
    const writes: BucketWrite[] = [];
    const announced = withBucketWriteEvents(buckets, (write) => writes.push(write));
    await assert.rejects(announced.putPolicy('media', '{}'), /putPolicy failed/);
    assert.deepEqual(writes, [{ bucket: 'media', what: 'policy' }]);
  });
});
