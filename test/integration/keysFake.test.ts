// The Keys view against a typed fake at the service seam (moto 5.2.1 does not page lists and cannot
// fail on demand): structure, quota display, missing keys, and the error row.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, ContextValues } from '../../src/constants';
import { KeysProvider } from '../../src/tree/keysProvider';
import { awsError, FakeCloudFrontService } from '../fakes/fakeCloudFrontService';
import { argumentsOf, labelOf, renderChildren } from './support/extension';
import { fakeSource, keyGroupsOf, testLog } from './support/fakeSource';

function keysOver(service: FakeCloudFrontService, profile?: string): KeysProvider {
  const source = fakeSource(service, profile ? { profile } : {});
  return new KeysProvider(source, keyGroupsOf(source), testLog());
}

const created = new Date('2026-03-04T05:06:07Z');
const key = (id: string, name: string) => ({ id, name, comment: '', created, encodedKey: '-----BEGIN PUBLIC KEY-----' });

describe('Keys view (typed fake)', () => {
  it('lists key groups with their keys and slot use, then public keys in no group, reading every page', async () => {
    const service = new FakeCloudFrontService();
    service.publicKeys = [key('K1', 'media-2026'), key('K2', 'media-2027'), ...Array.from({ length: 120 }, (_, i) => key(`KU${i}`, `spare-${i}`))];
    service.keyGroups = [{ id: 'KG1', name: 'media-signers', comment: 'prod', publicKeyIds: ['K1', 'K2', 'KGONE'] }];
    const provider = keysOver(service);
    const rows = await renderChildren(provider);
    assert.deepEqual(
      rows.map((r) => [labelOf(r.item), r.item.description, r.item.contextValue]),
      [
        ['media-signers', 'KG1 · 3 of 5 keys', ContextValues.keyGroup],
        ['Public keys in no key group', '120', undefined],
      ],
    );
    const groupKeys = await renderChildren(provider, rows[0].node);
    assert.deepEqual(
      groupKeys.map((r) => [labelOf(r.item), r.item.description]),
      [
        ['media-2026', 'K1 · 2026-03-04'],
        ['media-2027', 'K2 · 2026-03-04'],
        ['KGONE', 'not found among the public keys'],
      ],
    );
    assert.equal((await renderChildren(provider, rows[1].node)).length, 120);
    assert.deepEqual(service.calls.sort(), ['ListKeyGroups', 'ListPublicKeys', 'ListPublicKeys'], 'two pages of public keys');
  });

  it('AccessDenied names the IAM action and profile, and the row retries', async () => {
    const service = new FakeCloudFrontService();
    service.keyGroups = [{ id: 'KG1', name: 'g', comment: '', publicKeyIds: [] }];
    service.failures.push(awsError('AccessDenied', 'not authorized', 403));
    const provider = keysOver(service, 'readonly');
    const rows = await renderChildren(provider);
    assert.equal(rows.length, 1);
    assert.match(labelOf(rows[0].item), /^Access denied: readonly may not call cloudfront:List(KeyGroups|PublicKeys)$/);
    assert.equal(rows[0].item.command?.command, Commands.loadMore);
    await vscode.commands.executeCommand(Commands.loadMore, ...argumentsOf(rows[0].item.command));
    assert.deepEqual(
      (await renderChildren(provider)).map((r) => labelOf(r.item)),
      ['g'],
    );
  });

  it('an account without key groups or public keys has no rows, so the welcome view shows', async () => {
    assert.deepEqual(await renderChildren(keysOver(new FakeCloudFrontService())), []);
  });
});
