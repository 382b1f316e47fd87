import assert from 'node:assert/strict';
import type { Page } from '../../../src/aws/cloudFrontService';
import { PagedList } from '../../../src/tree/pagedList';

/** A page source that answers each call from a script, and records the markers it was asked for. */
function scriptedPages(script: Array<Page<number> | Error>) {
  const markers: Array<string | undefined> = [];
  const fetchPage = (marker?: string): Promise<Page<number>> => {
    markers.push(marker);
    const next = script.shift();
    if (!next) return Promise.reject(new Error('no more scripted pages'));
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { markers, fetchPage };
}

describe('PagedList', () => {
  it('loads the first page once and appends later pages by marker', async () => {
    const source = scriptedPages([{ items: [1, 2], nextMarker: 'm1' }, { items: [3] }]);
    const list = new PagedList(source.fetchPage);
    assert.deepEqual(await list.ensureLoaded(), { kind: 'loaded', items: [1, 2], nextMarker: 'm1' });
    await list.ensureLoaded();
    await list.loadMore();
    assert.deepEqual(await list.ensureLoaded(), { kind: 'loaded', items: [1, 2, 3] });
    assert.deepEqual(source.markers, [undefined, 'm1']);
    await list.loadMore(); // last page reached: nothing is fetched
    assert.deepEqual(source.markers, [undefined, 'm1']);
  });

  it('guards concurrent loads: two clicks on "Load more" fetch the page once', async () => {
    const source = scriptedPages([{ items: [1], nextMarker: 'm1' }, { items: [2], nextMarker: 'm2' }, { items: [3] }]);
    const list = new PagedList(source.fetchPage);
    await list.ensureLoaded();
    await Promise.all([list.loadMore(), list.loadMore()]);
    assert.deepEqual(source.markers, [undefined, 'm1']);
    assert.deepEqual(await list.ensureLoaded(), { kind: 'loaded', items: [1, 2], nextMarker: 'm2' });
  });

  it('keeps loaded items and the marker next to an error, and resumes from that marker', async () => {
    const failure = new Error('throttled');
    const source = scriptedPages([{ items: [1], nextMarker: 'm1' }, failure, { items: [2] }]);
    const list = new PagedList(source.fetchPage);
    await list.ensureLoaded();
    await list.loadMore();
    assert.deepEqual(await list.ensureLoaded(), { kind: 'loaded', items: [1], nextMarker: 'm1', error: failure });
    await list.loadMore();
    assert.deepEqual(await list.ensureLoaded(), { kind: 'loaded', items: [1, 2] });
    assert.deepEqual(source.markers, [undefined, 'm1', 'm1']);
  });

  it('retries the first page after a failed first load', async () => {
    const failure = new Error('offline');
    const source = scriptedPages([failure, { items: [7] }]);
    const list = new PagedList(source.fetchPage);
    assert.deepEqual(await list.ensureLoaded(), { kind: 'loaded', items: [], error: failure });
    await list.loadMore();
    assert.deepEqual(await list.ensureLoaded(), { kind: 'loaded', items: [7] });
  });

  it('discards a load that a refresh overtook, so stale pages never show as fresh', async () => {
    let release: (page: Page<number>) => void = () => undefined;
    const calls: string[] = [];
    const list = new PagedList<number>((marker) => {
      calls.push(marker ?? 'first');
      if (calls.length === 1) return new Promise((resolve) => (release = resolve));
      return Promise.resolve({ items: [2] });
    });
    const stale = list.ensureLoaded();
    list.reset();
    const fresh = await list.ensureLoaded();
    release({ items: [1] });
    await stale;
    assert.deepEqual(fresh, { kind: 'loaded', items: [2] });
    assert.deepEqual(await list.ensureLoaded(), { kind: 'loaded', items: [2] });
  });
});
