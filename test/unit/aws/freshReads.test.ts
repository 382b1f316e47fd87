// What signing checks read from CloudFront is trusted for a bounded age, forgotten at once when the
// extension itself writes, and read once per age however many URLs ask. The clock is injected: no
// verdict depends on the wall clock.
import assert from 'node:assert/strict';
import { DistributionFinder, SIGNING_READ_MAX_AGE_MS } from '../../../src/aws/distributionFinder';
import { KeyGroupDirectory } from '../../../src/aws/keyGroupDirectory';
import { withWriteEvents, type CloudFrontWrite } from '../../../src/aws/writeEvents';
import { FakeCloudFrontService, awsError, sampleDistribution } from '../../fakes/fakeCloudFrontService';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let at = Date.UTC(2026, 0, 1);
  return { now: () => at, advance: (ms) => (at += ms) };
}

/** moto's list answers carry no behaviors: the finder completes them with GetDistribution. */
function listWithoutBehaviors(service: FakeCloudFrontService, trusted: string[]): void {
  const full = sampleDistribution(1, { behaviors: [{ targetOriginId: 'media', trustedKeyGroupIds: trusted, trustedSigners: [] }] });
  service.distributions = [{ ...full, behaviors: [] }];
  service.details.set(full.id, full);
}

const url = 'https://d1abcdef.cloudfront.net/paid/movie.mp4';
const count = (service: FakeCloudFrontService, operation: string) => service.calls.filter((c) => c === operation).length;

describe('fresh reads for signing checks', () => {
  it('reads each distribution once for many URLs within the age', async () => {
    const service = new FakeCloudFrontService();
    listWithoutBehaviors(service, ['KG-A']);
    const time = clock();
    const finder = new DistributionFinder(() => Promise.resolve(service), SIGNING_READ_MAX_AGE_MS, time.now);
    for (let i = 0; i < 50; i++) await finder.target(`https://d1abcdef.cloudfront.net/paid/${i}.mp4`);
    assert.deepEqual([count(service, 'ListDistributions'), count(service, 'GetDistribution')], [1, 1]);
  });

  it('sees a console change once the age has passed, without a Refresh', async () => {
    const service = new FakeCloudFrontService();
    listWithoutBehaviors(service, ['KG-A']);
    const time = clock();
    const finder = new DistributionFinder(() => Promise.resolve(service), SIGNING_READ_MAX_AGE_MS, time.now);
    assert.deepEqual((await finder.target(url))?.behavior?.trustedKeyGroupIds, ['KG-A']);
    listWithoutBehaviors(service, ['KG-A', 'KG-B']); // changed elsewhere
    time.advance(SIGNING_READ_MAX_AGE_MS);
    assert.deepEqual((await finder.target(url))?.behavior?.trustedKeyGroupIds, ['KG-A'], 'still within the age');
    time.advance(1);
    assert.deepEqual((await finder.target(url))?.behavior?.trustedKeyGroupIds, ['KG-A', 'KG-B']);
    assert.deepEqual([count(service, 'ListDistributions'), count(service, 'GetDistribution')], [2, 2]);
  });

  it('forgets a distribution the extension changed, and only that one', async () => {
    const service = new FakeCloudFrontService();
    listWithoutBehaviors(service, ['KG-A']);
    const finder = new DistributionFinder(() => Promise.resolve(service), SIGNING_READ_MAX_AGE_MS, clock().now);
    await finder.target(url);
    listWithoutBehaviors(service, ['KG-B']);
    finder.forget('EOTHER0000000');
    assert.deepEqual((await finder.target(url))?.behavior?.trustedKeyGroupIds, ['KG-A'], 'another id changes nothing');
    finder.forget(sampleDistribution(1).id);
    assert.deepEqual((await finder.target(url))?.behavior?.trustedKeyGroupIds, ['KG-B']);
  });

  it('reads the list again after the extension created a distribution, so its host is found at once', async () => {
    const service = new FakeCloudFrontService();
    listWithoutBehaviors(service, ['KG-A']);
    const finder = new DistributionFinder(() => Promise.resolve(service), SIGNING_READ_MAX_AGE_MS, clock().now);
    await finder.readAll();
    const created = sampleDistribution(2);
    service.distributions.push(created);
    assert.equal(await finder.target(`https://${created.domainName}/a.mp4`), undefined, 'not read yet');
    finder.forgetList();
    assert.equal((await finder.target(`https://${created.domainName}/a.mp4`))?.distribution.id, created.id);
  });

  it('key groups: kept within the age, read again after it and after reset()', async () => {
    const service = new FakeCloudFrontService();
    service.keyGroups = [{ id: 'KG-A', name: 'a', comment: '', publicKeyIds: ['K1'] }];
    const time = clock();
    const directory = new KeyGroupDirectory(() => Promise.resolve(service), SIGNING_READ_MAX_AGE_MS, time.now);
    await directory.byId();
    service.keyGroups = [{ id: 'KG-A', name: 'a', comment: '', publicKeyIds: ['K1', 'K2'] }];
    assert.deepEqual((await directory.byId()).get('KG-A')?.publicKeyIds, ['K1']);
    time.advance(SIGNING_READ_MAX_AGE_MS + 1);
    assert.deepEqual((await directory.byId()).get('KG-A')?.publicKeyIds, ['K1', 'K2']);
    service.keyGroups = [{ id: 'KG-A', name: 'a', comment: '', publicKeyIds: ['K2'] }];
    directory.reset();
    assert.deepEqual((await directory.byId()).get('KG-A')?.publicKeyIds, ['K2']);
    assert.equal(count(service, 'ListKeyGroups'), 3);
  });

  it('every write through the service seam is announced with its resource and id, also when it fails', async () => {
    const service = new FakeCloudFrontService([sampleDistribution(1)]);
    const writes: CloudFrontWrite[] = [];
    const seam = withWriteEvents(service, (write) => writes.push(write));
    await seam.listDistributions();
    await seam.listKeyGroups();
    assert.deepEqual(writes, [], 'reads announce nothing');
    const key = await seam.createPublicKey({ name: 'k', encodedKey: 'PEM' });
    const group = await seam.createKeyGroup({ name: 'g', publicKeyIds: [key.value.id] });
    await seam.updateKeyGroup(group.value.id, { name: 'g', publicKeyIds: [key.value.id] }, group.etag);
    service.failures.push(awsError('PreconditionFailed', 'The If-Match version is missing or not valid', 412));
    await assert.rejects(seam.updateDistributionConfig('E000000000001', {} as never, 'stale'), /If-Match/);
    service.failures.push(awsError('PublicKeyAlreadyExists', 'exists', 409));
    await assert.rejects(seam.createPublicKey({ name: 'k', encodedKey: 'PEM' }));
    assert.deepEqual(writes, [
      { resource: 'publicKey', id: key.value.id, created: true },
      { resource: 'keyGroup', id: group.value.id, created: true },
      { resource: 'keyGroup', id: group.value.id, created: false },
      { resource: 'distribution', id: 'E000000000001', created: false },
      { resource: 'publicKey', id: undefined, created: true },
    ]);
  });
});
