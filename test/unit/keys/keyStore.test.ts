// The key store over in-memory SecretStorage and globalState: what is stored where, the session
// cache, and two windows changing keys at once.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { fingerprintOf } from '../../../src/keys/fingerprint';
import { INDEX_KEY, SECRET_PREFIX, SecretKeyStore } from '../../../src/keys/keyStore';
import { privateKeyPem } from '../../../src/keys/pem';
import { SharedMemento, SharedSecrets } from '../../fakes/memoryKeyBackends';

function newKey(name: string) {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const fingerprint = fingerprintOf(privateKey);
  return { pem: privateKeyPem(privateKey), entry: { fingerprint, name, algorithm: 'ECDSA_P256' as const, created: '2026-01-02T03:04:05.000Z' } };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * Two windows over one globalState; each window's index writes can be made from what it read earlier.
 * `ownSecrets`: each window has its own SecretStorage, as in VS Code for the Web.
 */
function twoWindows({ ownSecrets = false, recheckAfterMs }: { ownSecrets?: boolean; recheckAfterMs?: number } = {}) {
  const secrets = new SharedSecrets();
  const secretsB = ownSecrets ? new SharedSecrets() : secrets;
  const [mementoA, mementoB] = [new SharedMemento(), new SharedMemento()];
  Object.defineProperty(mementoB, 'values', { value: mementoA.values });
  const windowA = new SecretKeyStore(secrets.window(), mementoA, recheckAfterMs);
  const windowB = new SecretKeyStore(secretsB.window(), mementoB, recheckAfterMs);
  return { secrets, secretsB, mementoB, windowA, windowB };
}

describe('key store', () => {
  it('lists a key kept in AWS with its storage, and keeps no private key for it', async () => {
    const secrets = new SharedSecrets();
    const store = new SecretKeyStore(secrets.window(), new SharedMemento());
    const key = newKey('team');
    const storage = { kind: 'kms' as const, keyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', alias: 'alias/cloudfront/team' };
    await store.addRemote({ ...key.entry, publicKeyId: 'KTEAM', storage });
    assert.deepEqual(store.find('KTEAM')?.storage, storage);
    assert.equal(await store.getPrivateKey('KTEAM'), undefined);
    assert.equal(await store.privateKeyPem(key.entry.fingerprint), undefined);
    const stored = JSON.parse((await secrets.window().get(SECRET_PREFIX + key.entry.fingerprint))!) as { pem?: string; key: { storage?: unknown } };
    assert.equal(stored.pem, undefined, 'the secret-storage entry holds the reference only');
    assert.deepEqual(stored.key.storage, storage);
  });

  it('keeps the private key only in SecretStorage and the non-secret index in globalState', async () => {
    const secrets = new SharedSecrets();
    const memento = new SharedMemento();
    const store = new SecretKeyStore(secrets.window(), memento);
    const key = newKey('media');
    await store.add(key.entry, key.pem);
    await store.link(key.entry.fingerprint, 'K123');
    await store.setDefaultSigner('KG1', key.entry.fingerprint);

    const body = key.pem.split('\n').slice(1, -2).join('');
    assert.ok(!JSON.stringify([...memento.values]).includes(body.slice(0, 40)), 'no key material in the index');
    assert.deepEqual(memento.get(INDEX_KEY), [{ ...key.entry, publicKeyId: 'K123', defaultSignerFor: ['KG1'] }]);
    assert.deepEqual([...secrets.values.keys()], [SECRET_PREFIX + key.entry.fingerprint]);
    const keyObject = await store.getPrivateKey('K123');
    assert.equal(fingerprintOf(keyObject!), key.entry.fingerprint);
    assert.equal(await store.getPrivateKey('K123'), keyObject, 'parsed once per session');
    assert.equal(store.defaultSigner('KG1')?.publicKeyId, 'K123');
    assert.equal(await store.getPrivateKey('KNONE'), undefined);
  });

  it('moves the default-signer flag of a group from one key to another', async () => {
    const store = new SecretKeyStore(new SharedSecrets().window(), new SharedMemento());
    const [a, b] = [newKey('a'), newKey('b')];
    await store.add(a.entry, a.pem);
    await store.add(b.entry, b.pem);
    await store.setDefaultSigner('KG1', a.entry.fingerprint);
    await store.setDefaultSigner('KG2', a.entry.fingerprint);
    await store.setDefaultSigner('KG1', b.entry.fingerprint);
    assert.deepEqual(
      store.list().map((k) => [k.name, k.defaultSignerFor]),
      [
        ['a', ['KG2']],
        ['b', ['KG1']],
      ],
    );
  });

  it('stays consistent when two windows add and remove keys at the same time', async () => {
    const secrets = new SharedSecrets();
    // Each window caches globalState, so one window's index write can overwrite the other's.
    const [mementoA, mementoB] = [new SharedMemento(), new SharedMemento()];
    const shared = mementoA.values;
    Object.defineProperty(mementoB, 'values', { value: shared });
    const windowA = new SecretKeyStore(secrets.window(), mementoA);
    const windowB = new SecretKeyStore(secrets.window(), mementoB);
    let changes = 0;
    windowB.onDidChange(() => changes++);
    const [a, b, c] = [newKey('a'), newKey('b'), newKey('c')];
    await windowA.add(c.entry, c.pem);
    // Both read the index before either writes it: without repair, one of the two keys would vanish.
    const readA = windowA.list();
    const readB = windowB.list();
    await secrets.window().store(SECRET_PREFIX + a.entry.fingerprint, JSON.stringify({ pem: a.pem, key: a.entry }));
    await mementoA.update(INDEX_KEY, [...readA, { ...a.entry, defaultSignerFor: [] }]);
    await secrets.window().store(SECRET_PREFIX + b.entry.fingerprint, JSON.stringify({ pem: b.pem, key: b.entry }));
    await mementoB.update(INDEX_KEY, [...readB, { ...b.entry, defaultSignerFor: [] }]);
    await windowB.remove(c.entry.fingerprint);
    await settle();
    const names = (store: SecretKeyStore) =>
      store
        .list()
        .map((k) => k.name)
        .sort();
    assert.deepEqual(names(windowA), ['a', 'b']);
    assert.deepEqual(names(windowB), ['a', 'b']);
    assert.deepEqual([...secrets.values.keys()].sort(), [a, b].map((k) => SECRET_PREFIX + k.entry.fingerprint).sort());
    assert.ok(changes > 0, 'the other window hears about it');
  });

  it('drops a key from the index when a window writes a stale index after another deleted the key (two windows deleting at once)', async () => {
    const { secrets, mementoB, windowA, windowB } = twoWindows();
    const [a, b] = [newKey('a'), newKey('b')];
    await windowA.add(a.entry, a.pem);
    await windowA.add(b.entry, b.pem);
    await settle();
    // Window B read the index before window A deleted b, and writes it after (its own delete of a):
    // the write lands once every event of b's deletion has been handled.
    const staleB = windowB.list();
    await windowA.remove(b.entry.fingerprint);
    await settle();
    await mementoB.update(
      INDEX_KEY,
      staleB.filter((k) => k.fingerprint !== a.entry.fingerprint),
    );
    await secrets.window().delete(SECRET_PREFIX + a.entry.fingerprint);
    await settle();
    assert.deepEqual(windowA.list(), [], 'b, whose private key is gone, is not listed again');
    assert.deepEqual(windowB.list(), []);
  });

  it('keeps a key another window added when a write from a stale index leaves it out, and no secret changes after', async () => {
    const { mementoB, windowA, windowB } = twoWindows();
    const [a, c] = [newKey('a'), newKey('c')];
    await windowA.add(a.entry, a.pem);
    await settle();
    const staleB = windowB.list();
    await windowA.add(c.entry, c.pem);
    await settle();
    // Window B changes the default signer on what it read before c was added: no secret changes.
    await mementoB.update(INDEX_KEY, staleB);
    await windowB.setDefaultSigner('KG1', a.entry.fingerprint);
    await settle();
    assert.deepEqual(
      windowB.list().map((k) => [k.name, k.defaultSignerFor]),
      [
        ['a', ['KG1']],
        ['c', []],
      ],
    );
  });

  it('converges when each window has its own SecretStorage (VS Code for the Web) and writes from a stale index', async () => {
    const { secretsB, mementoB, windowA, windowB } = twoWindows({ ownSecrets: true, recheckAfterMs: 30 });
    const [a, b] = [newKey('a'), newKey('b')];
    const before = windowB.list();
    await windowA.add(a.entry, a.pem);
    await windowB.add(b.entry, b.pem);
    await mementoB.update(INDEX_KEY, [...before, { ...b.entry, defaultSignerFor: [] }]); // b's write landed last, without a
    await new Promise((resolve) => setTimeout(resolve, 80)); // the check a moment later
    const names = (store: SecretKeyStore) =>
      store
        .list()
        .map((k) => k.name)
        .sort();
    assert.deepEqual(
      [names(windowA), names(windowB)],
      [
        ['a', 'b'],
        ['a', 'b'],
      ],
      'a key is kept although the other window cannot read its secret',
    );

    const stale = windowB.list();
    await windowA.remove(a.entry.fingerprint);
    await mementoB.update(
      INDEX_KEY,
      stale.filter((k) => k.fingerprint !== b.entry.fingerprint),
    ); // window B deleting b, from before a went
    await secretsB.window().delete(SECRET_PREFIX + b.entry.fingerprint);
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.deepEqual([names(windowA), names(windowB)], [[], []]);
  });

  it('forgets the cached key when another window deletes the secret', async () => {
    const secrets = new SharedSecrets();
    const memento = new SharedMemento();
    const store = new SecretKeyStore(secrets.window(), memento);
    const key = newKey('gone');
    await store.add({ ...key.entry, publicKeyId: 'K9' }, key.pem);
    assert.ok(await store.getPrivateKey('K9'));
    await secrets.window().delete(SECRET_PREFIX + key.entry.fingerprint);
    await settle();
    assert.equal(store.find('K9'), undefined);
    assert.equal(await store.getPrivateKey('K9'), undefined);
  });
});
