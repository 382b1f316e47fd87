import assert from 'node:assert/strict';
import { Lazy } from '../../src/lazy';

describe('Lazy', () => {
  it('builds once and shares the value until reset', async () => {
    let builds = 0;
    const lazy = new Lazy(() => Promise.resolve(++builds));
    assert.deepEqual(await Promise.all([lazy.get(), lazy.get()]), [1, 1]);
    lazy.reset();
    assert.equal(await lazy.get(), 2);
  });

  it('builds again after a failure, and a stale failure never clears a newer value', async () => {
    let builds = 0;
    let fail = true;
    const lazy = new Lazy(() => {
      builds++;
      return fail ? Promise.reject(new Error('no credentials')) : Promise.resolve(builds);
    });
    const failed = lazy.get();
    lazy.reset();
    fail = false;
    const fresh = lazy.get();
    await assert.rejects(failed, /no credentials/);
    assert.equal(await fresh, 2);
    assert.equal(await lazy.get(), 2, 'the earlier failure did not drop the newer value');
  });
});
