// The Keys view against a typed fake at the service seam (moto 5.2.1 does not page lists and cannot
// fail on demand): structure, quota display, missing keys, where each private key lives, and the error row.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, ContextValues } from '../../src/constants';
import { INDEX_KEY, SecretKeyStore } from '../../src/keys/keyStore';
import { KeysProvider } from '../../src/tree/keysProvider';
import { SharedMemento, SharedSecrets } from '../fakes/memoryKeyBackends';
import { awsError, FakeCloudFrontService } from '../fakes/fakeCloudFrontService';
import { argumentsOf, labelOf, renderChildren } from './support/extension';
import { fakeSource, keyGroupsOf, testLog } from './support/fakeSource';

function keysOver(service: FakeCloudFrontService, profile?: string): KeysProvider {
  const source = fakeSource(service, profile ? { profile } : {});
  return new KeysProvider(source, keyGroupsOf(source), testLog());
}

const created = new Date('2026-03-04T05:06:07Z');
const key = (id: string, name: string) => ({ id, name, comment: '', created, encodedKey: '-----BEGIN PUBLIC KEY-----' });

const tooltipOf = (item: vscode.TreeItem): string => (typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''));

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

  it('says where each private key lives (this machine, KMS, Secrets Manager, SSM, not available here), with the context values the menus match', async () => {
    const service = new FakeCloudFrontService();
    const ids = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'];
    service.publicKeys = ids.map((id) => key(id, `key-${id}`));
    service.keyGroups = [{ id: 'KG1', name: 'media-signers', comment: '', publicKeyIds: ids }];
    // K5 was listed by another window (VS Code for the Web keeps secrets per window): its PEM cannot be read here.
    const index = new SharedMemento();
    const listed = (fingerprint: string, publicKeyId: string) => ({ fingerprint, publicKeyId, name: publicKeyId, algorithm: 'RSA_2048' as const, created: created.toISOString() });
    await index.update(INDEX_KEY, [{ ...listed('fp5', 'K5'), defaultSignerFor: [] }]);
    const store = new SecretKeyStore(new SharedSecrets().window(), index);
    await store.add(listed('fp1', 'K1'), 'the PEM (not read by the view)');
    await store.addRemote({ ...listed('fp2', 'K2'), storage: { kind: 'kms', keyArn: 'arn:aws:kms:us-east-1:123456789012:key/k2', alias: 'alias/cloudfront/media' } });
    await store.addRemote({
      ...listed('fp3', 'K3'),
      storage: { kind: 'secretsManager', secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:cloudfront/media-AbCdEf', secretName: 'cloudfront/media' },
    });
    await store.addRemote({ ...listed('fp4', 'K4'), storage: { kind: 'ssm', parameterName: '/cloudfront/media', region: 'us-east-1' } });
    await store.addRemote({ ...listed('fp7', 'KGONE'), storage: { kind: 'kms', keyArn: 'arn:aws:kms:us-east-1:123456789012:key/k7' } });
    const source = fakeSource(service);
    const provider = new KeysProvider(source, keyGroupsOf(source), testLog(), store);
    const [group, unlisted] = await renderChildren(provider);
    assert.deepEqual(
      (await renderChildren(provider, group.node)).map((r) => [r.item.description, r.item.contextValue, tooltipOf(r.item).split('  \n').at(-1)]),
      [
        // Where the private key lives first and short (never cut off); the tooltip says it whole.
        ['this machine · K1', ContextValues.publicKeyWithPrivateKey, 'Private key: this machine'],
        ['KMS · K2', ContextValues.publicKeyInKms, 'Private key: AWS KMS alias/cloudfront/media'],
        ['Secrets Manager · K3', ContextValues.publicKeyInSecretsManager, 'Private key: Secrets Manager cloudfront/media'],
        ['SSM · K4', ContextValues.publicKeyInSsm, 'Private key: SSM /cloudfront/media'],
        ['not here · K5', ContextValues.publicKeyUnavailable, 'Private key: not available here'],
        ['K6 · 2026-03-04', ContextValues.publicKey, 'Created: 2026-03-04T05:06:07.000Z'],
      ],
    );
    const [gone] = await renderChildren(provider, unlisted.node);
    assert.deepEqual([gone.item.description, gone.item.contextValue], ['KMS · KGONE · public key no longer exists in CloudFront', ContextValues.localKeyInAws]);
    assert.match(tooltipOf(gone.item), /Private key: AWS KMS arn:aws:kms:us-east-1:123456789012:key\/k7/);
    store.dispose();
  });

  it('an account without key groups or public keys has no rows, so the welcome view shows', async () => {
    assert.deepEqual(await renderChildren(keysOver(new FakeCloudFrontService())), []);
  });
});
