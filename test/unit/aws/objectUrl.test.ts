import assert from 'node:assert/strict';
import type { OriginSummary } from '../../../src/aws/cloudFrontService';
import { objectUrl, originKeyPrefix } from '../../../src/aws/objectUrl';
import { entriesOf } from '../../../src/aws/s3Browser';
import { sampleDistribution } from '../../fakes/fakeCloudFrontService';

const origin = (originPath: string): OriginSummary => ({ id: 'o', domainName: 'b.s3.amazonaws.com', originPath, kind: 's3' });

describe('objectUrl', () => {
  it('strips the origin path and uses the first alias', () => {
    const distribution = sampleDistribution(1, { aliases: ['media.example.com', 'cdn.example.com'] });
    assert.equal(originKeyPrefix(origin('/v1')), 'v1/');
    assert.equal(objectUrl(distribution, origin('/v1'), 'v1/paid/a.mp4'), 'https://media.example.com/paid/a.mp4');
    assert.equal(objectUrl(distribution, origin('/v1'), 'v2/paid/a.mp4'), undefined, 'outside the origin path');
  });

  it('encodes each key segment as a browser sends it, on the cloudfront.net domain without aliases', () => {
    const distribution = sampleDistribution(2);
    assert.equal(objectUrl(distribution, origin(''), 'my files/réunion #1.pdf'), 'https://d2abcdef.cloudfront.net/my%20files/r%C3%A9union%20%231.pdf');
  });
});

describe('entriesOf (ListObjectsV2 answer)', () => {
  it('lists folders, then objects, without the folder marker, with the continuation token', () => {
    const when = new Date('2026-01-01T00:00:00Z');
    const page = entriesOf(
      {
        CommonPrefixes: [{ Prefix: 'v1/paid/hls/' }],
        Contents: [
          { Key: 'v1/paid/', Size: 0 },
          { Key: 'v1/paid/a.mp4', Size: 1234, LastModified: when },
        ],
        IsTruncated: true,
        NextContinuationToken: 'token-2',
      },
      'v1/paid/',
    );
    assert.deepEqual(page, {
      items: [
        { kind: 'folder', prefix: 'v1/paid/hls/' },
        { kind: 'object', key: 'v1/paid/a.mp4', size: 1234, lastModified: when },
      ],
      nextMarker: 'token-2',
    });
  });
});
