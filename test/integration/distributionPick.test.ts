// The one "which distribution?" list (src/commands/distributionPick.ts), which Export as Infrastructure
// Code and Verify Protection ask with: each row as the Distributions view shows it (id; alias or
// domain · comment), also when the list summaries lack aliases and comment (moto's), never ids only.
import assert from 'node:assert/strict';
import { pickDistribution } from '../../src/commands/distributionPick';
import { FakeCloudFrontService, listedByMoto, sampleDistribution } from '../fakes/fakeCloudFrontService';
import { pick, ScriptedUi } from '../fakes/scriptedUi';

describe('the distribution pick (typed fake)', () => {
  it("shows alias or domain and comment for each distribution, completing moto's bare summaries, and resolves with the id", async () => {
    const full = [sampleDistribution(1, { aliases: ['downloads.example.com'], comment: 'paid downloads' }), sampleDistribution(2, { comment: 'staging' })];
    const service = new FakeCloudFrontService(full.map(listedByMoto));
    for (const d of full) service.details.set(d.id, d);
    const ui = new ScriptedUi([pick('E000000000002')]);
    assert.equal(await pickDistribution(ui, service, { title: 'Export as Infrastructure Code', placeholder: 'The distribution to export' }), 'E000000000002');
    ui.assertAllUsed();
    assert.deepEqual(ui.shownPicks[0]?.items, [
      { label: 'E000000000001', description: 'downloads.example.com · paid downloads' },
      { label: 'E000000000002', description: 'd2abcdef.cloudfront.net · staging' },
    ]);
  });
});
