// Which distribution serves a URL when the list summaries lack the aliases (moto 5.2.1's carry only
// id, ARN, domain name and status): the finder completes them with GetDistribution before it says
// that no distribution has the host, once per distribution however many URLs ask.
import assert from 'node:assert/strict';
import { DistributionFinder } from '../../../src/aws/distributionFinder';
import { awsError, FakeCloudFrontService, listedByMoto, sampleDistribution } from '../../fakes/fakeCloudFrontService';

/** Three distributions listed as moto lists them; GetDistribution has the whole of each. */
function motoLikeAccount(): FakeCloudFrontService {
  const full = [
    sampleDistribution(1),
    sampleDistribution(2, {
      aliases: ['media.example.com'],
      behaviors: [
        { pathPattern: '/paid/*', targetOriginId: 'media', trustedKeyGroupIds: ['KG1'], trustedSigners: [] },
        { targetOriginId: 'media', trustedKeyGroupIds: [], trustedSigners: [] },
      ],
    }),
    sampleDistribution(3, { aliases: ['*.cdn.example.com'] }),
  ];
  const service = new FakeCloudFrontService(full.map(listedByMoto));
  for (const d of full) service.details.set(d.id, d);
  return service;
}

const finderOver = (service: FakeCloudFrontService) => new DistributionFinder(() => Promise.resolve(service));
const count = (service: FakeCloudFrontService, operation: string) => service.calls.filter((c) => c === operation).length;

describe('DistributionFinder over summaries without aliases', () => {
  it('finds a URL on an alias (exact and wildcard) and its behavior, reading each distribution once', async () => {
    const service = motoLikeAccount();
    const finder = finderOver(service);
    const target = await finder.target('https://media.example.com/paid/a.mp4');
    assert.equal(target?.distribution.id, 'E000000000002');
    assert.deepEqual(target.behavior?.trustedKeyGroupIds, ['KG1']);
    assert.equal((await finder.byHost('img.cdn.example.com'))?.id, 'E000000000003');
    assert.equal(await finder.byHost('nobody.example.org'), undefined);
    assert.equal((await finder.byHost('d1abcdef.cloudfront.net'))?.id, 'E000000000001');
    assert.deepEqual([count(service, 'ListDistributions'), count(service, 'GetDistribution')], [1, 3]);
  });

  it('after readAll(), knows() answers for aliases without another call', async () => {
    const service = motoLikeAccount();
    const finder = finderOver(service);
    await finder.readAll();
    assert.deepEqual([finder.knows('media.example.com'), finder.knows('a.cdn.example.com'), finder.knows('other.example.com')], [true, true, false]);
    assert.equal(count(service, 'GetDistribution'), 3);
  });

  it("complete summaries (CloudFront's) need no GetDistribution, not even for an unknown host", async () => {
    const service = new FakeCloudFrontService([sampleDistribution(1, { aliases: ['media.example.com'] }), sampleDistribution(2)]);
    const finder = finderOver(service);
    assert.equal((await finder.byHost('media.example.com'))?.id, 'E000000000001');
    assert.equal(await finder.byHost('nobody.example.org'), undefined);
    assert.equal(count(service, 'GetDistribution'), 0);
  });

  it('a failed completion fails the lookup instead of saying that no distribution has the host', async () => {
    const service = motoLikeAccount();
    service.operationFailures.set('GetDistribution', [awsError('AccessDenied', 'not authorized', 403)]);
    const finder = finderOver(service);
    await assert.rejects(finder.byHost('nobody.example.org'), /not authorized/);
    assert.equal((await finder.byHost('media.example.com'))?.id, 'E000000000002', 'the failed read is tried again');
  });
});
