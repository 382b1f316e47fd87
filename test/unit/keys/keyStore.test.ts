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

describe('key store', () => {
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
    assert.deepEqual(store.list().map((k) => [k.name, k.defaultSignerFor]), [['a', ['KG2']], ['b', ['KG1']]]);
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
    const names = (store: SecretKeyStore) => store.list().map((k) => k.name).sort();
    assert.deepEqual(names(windowA), ['a', 'b']);
    assert.deepEqual(names(windowB), ['a', 'b']);
    assert.deepEqual([...secrets.values.keys()].sort(), [a, b].map((k) => SECRET_PREFIX + k.entry.fingerprint).sort());
    assert.ok(changes > 0, 'the other window hears about it');
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
