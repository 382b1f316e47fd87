// The views read CloudFront again after the extension writes to it: every write through the source is
// announced (AwsSession.onDidWrite, the same decorator here over the typed fake), and each view
// refreshes for the resources it shows, with no command refreshing it by hand.
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { DistributionsProvider } from '../../src/tree/distributionsProvider';
import { KeysProvider } from '../../src/tree/keysProvider';
import { FakeCloudFrontService } from '../fakes/fakeCloudFrontService';
import { labelOf, renderChildren } from './support/extension';
import { fakeSource, keyGroupsOf, testLog } from './support/fakeSource';

/** Resolves on the provider's next change event. */
const nextChange = (provider: { onDidChangeTreeData: vscode.Event<unknown> }) =>
  new Promise<void>((resolve) => {
    const listener = provider.onDidChangeTreeData(() => {
      listener.dispose();
      resolve();
    });
  });

describe('views follow the writes of the extension (typed fake)', () => {
  it('the Keys and Distributions views show a key group created through the source', async () => {
    const service = new FakeCloudFrontService();
    const source = fakeSource(service);
    const keys = new KeysProvider(source, keyGroupsOf(source), testLog());
    const distributions = new DistributionsProvider(source, keyGroupsOf(source), testLog());
    try {
      assert.deepEqual(await renderChildren(keys), []);
      const keysChanged = nextChange(keys);
      const distributionsChanged = nextChange(distributions);
      await (await source.cloudFront()).createKeyGroup({ name: 'media-signers', publicKeyIds: [] });
      await Promise.all([keysChanged, distributionsChanged]);
      assert.deepEqual(
        (await renderChildren(keys)).map((r) => labelOf(r.item)),
        ['media-signers'],
      );
    } finally {
      keys.dispose();
      distributions.dispose();
    }
  });

  it('a public key written changes the Keys view only', async () => {
    const service = new FakeCloudFrontService();
    const source = fakeSource(service);
    const keys = new KeysProvider(source, keyGroupsOf(source), testLog());
    const distributions = new DistributionsProvider(source, keyGroupsOf(source), testLog());
    let distributionChanges = 0;
    const counting = distributions.onDidChangeTreeData(() => distributionChanges++);
    try {
      const keysChanged = nextChange(keys);
      await (await source.cloudFront()).createPublicKey({ name: 'media-2026', encodedKey: '-----BEGIN PUBLIC KEY-----' });
      await keysChanged;
      assert.equal(distributionChanges, 0);
    } finally {
      counting.dispose();
      keys.dispose();
      distributions.dispose();
    }
  });
});
