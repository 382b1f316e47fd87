// Private keys on this machine: one SecretStorage entry per key, named by the key's fingerprint, and a
// non-secret index (globalState) of what each key is and which key group it signs for by default.
// Private keys live only in SecretStorage (and, parsed, in the signing core's key cache); nothing here logs,
// writes to disk or echoes them.
//
// Two windows may change keys at once, and each window reads globalState from its own copy, which
// another window's write reaches a moment later: a write made from a stale copy can bring back a key
// another window deleted, or leave out one it added. So every write of the index is checked against
// what this window knows: a key it saw deleted (its own Delete, or SecretStorage reporting the secret
// gone) stays out unless its secret is back, and a key it has seen whose secret it can read comes back
// (each secret carries its own index entry). `secrets.onDidChange` (a change from any window) and a
// check a moment after each change, once other windows' writes have landed, make every window apply
// what it knows. A key is never dropped only because this window cannot read its secret: in VS Code
// for the Web each window holds its own copy of SecretStorage. Writes touch the secret first when
// adding (a key is never listed without its private key) and last when removing.
// https://code.visualstudio.com/api/references/vscode-api#SecretStorage
import type { KeyObject } from 'node:crypto';
import { loadPrivateKey } from '../signing';
import type { LocalKeyAlgorithm } from './algorithms';
import { Emitter, type Disposable, type Event } from './emitter';
import type { KeyStorage } from './keyStorage';

export interface LocalKey {
  /** SHA-256 of the public key's SubjectPublicKeyInfo (base64url): names the secret, safe to show. */
  readonly fingerprint: string;
  /** The CloudFront public key id (or legacy key pair id, APKA…) it signs as; absent until uploaded. */
  readonly publicKeyId?: string;
  readonly name: string;
  readonly algorithm: LocalKeyAlgorithm;
  /** ISO 8601. */
  readonly created: string;
  /** The AWS profile in use when the key was created or imported (undefined: default chain). */
  readonly profile?: string;
  /** Key group ids for which this key is the default signer. */
  readonly defaultSignerFor: readonly string[];
  /** Where the private half lives; absent means this machine's secret storage (keys made before storage choices). */
  readonly storage?: KeyStorage;
}

/** What other commands (signing) read. */
export interface KeyStore {
  list(): LocalKey[];
  find(publicKeyId: string): LocalKey | undefined;
  getPrivateKey(publicKeyId: string): Promise<KeyObject | undefined>;
  /** The local key that signs for `keyGroupId` by default, if one does. */
  defaultSigner(keyGroupId: string): LocalKey | undefined;
  readonly onDidChange: Event<void>;
}

/** What key commands change. */
export interface MutableKeyStore extends KeyStore {
  /** Stores the private key, then lists it. */
  add(key: Omit<LocalKey, 'defaultSignerFor'>, privateKeyPem: string): Promise<LocalKey>;
  /**
   * Lists a key whose private half lives in AWS (KMS, Secrets Manager, SSM): its secret-storage entry
   * holds only the reference (so other windows and the index checks see it), never a private key.
   */
  addRemote(key: Omit<LocalKey, 'defaultSignerFor'> & { storage: KeyStorage }): Promise<LocalKey>;
  /** Records the CloudFront public key id of a stored key. */
  link(fingerprint: string, publicKeyId: string): Promise<void>;
  setDefaultSigner(keyGroupId: string, fingerprint: string): Promise<void>;
  /** Unlists the key, then deletes its private key. */
  remove(fingerprint: string): Promise<void>;
  /** Whether this window can read the key's PEM (a key kept in AWS has none here). */
  hasPrivateKey(fingerprint: string): Promise<boolean>;
  /** The stored PEM, for an explicit export only. */
  privateKeyPem(fingerprint: string): Promise<string | undefined>;
}

/** The parts of vscode.SecretStorage and vscode.Memento the store uses. */
export interface SecretBackend {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
  readonly onDidChange: Event<{ readonly key: string }>;
}
export interface IndexBackend {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export const INDEX_KEY = 'cloudfront.localKeys';
export const SECRET_PREFIX = 'cloudfront.privateKey/';

interface StoredSecret {
  /** Absent for a key whose private half lives in AWS. */
  pem?: string;
  key: Omit<LocalKey, 'defaultSignerFor'>;
}

export class SecretKeyStore implements MutableKeyStore, Disposable {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  /** Parsed private keys by fingerprint, for this session only. */
  /** Keys this window has listed, stored or heard of: listed again when their secret can be read. */
  private readonly seen = new Set<string>();
  /** Keys this window deleted or heard were deleted: listed again only if their secret is back. */
  private readonly deleted = new Set<string>();
  /** Index writes of this window, one at a time. */
  private writes: Promise<void> = Promise.resolve();
  private recheck: ReturnType<typeof setTimeout> | undefined;
  private readonly listener: Disposable;

  constructor(
    private readonly secrets: SecretBackend,
    private readonly index: IndexBackend,
    /** How long after a change the index is checked again, once other windows' writes have landed. */
    private readonly recheckAfterMs = 1000,
  ) {
    for (const key of this.list()) this.seen.add(key.fingerprint);
    this.listener = secrets.onDidChange(({ key }) => {
      if (key.startsWith(SECRET_PREFIX)) void this.reconcile(key.slice(SECRET_PREFIX.length));
    });
  }

  list(): LocalKey[] {
    return [...(this.index.get<LocalKey[]>(INDEX_KEY) ?? [])];
  }

  find(publicKeyId: string): LocalKey | undefined {
    return this.list().find((key) => key.publicKeyId === publicKeyId);
  }

  byFingerprint(fingerprint: string): LocalKey | undefined {
    return this.list().find((key) => key.fingerprint === fingerprint);
  }

  defaultSigner(keyGroupId: string): LocalKey | undefined {
    return this.list().find((key) => key.defaultSignerFor.includes(keyGroupId));
  }

  async getPrivateKey(publicKeyId: string): Promise<KeyObject | undefined> {
    const key = this.find(publicKeyId);
    if (!key) return undefined;
    // Read each time, so a key deleted or replaced in another window is never used; the signing core
    // parses each PEM once (its cache, keyed by the PEM's SHA-256, is the only parsed-key cache).
    const pem = await this.privateKeyPem(key.fingerprint);
    return pem === undefined ? undefined : loadPrivateKey(pem).keyObject;
  }

  async hasPrivateKey(fingerprint: string): Promise<boolean> {
    return (await this.privateKeyPem(fingerprint)) !== undefined;
  }

  async privateKeyPem(fingerprint: string): Promise<string | undefined> {
    return (await this.readSecret(fingerprint))?.pem;
  }

  add(key: Omit<LocalKey, 'defaultSignerFor'>, privateKeyPem: string): Promise<LocalKey> {
    return this.store(key, privateKeyPem);
  }

  addRemote(key: Omit<LocalKey, 'defaultSignerFor'> & { storage: KeyStorage }): Promise<LocalKey> {
    return this.store(key, undefined);
  }

  private async store(key: Omit<LocalKey, 'defaultSignerFor'>, privateKeyPem: string | undefined): Promise<LocalKey> {
    this.seen.add(key.fingerprint);
    this.deleted.delete(key.fingerprint);
    await this.writeSecret({ ...(privateKeyPem === undefined ? {} : { pem: privateKeyPem }), key: withoutDefaults(key) });
    const entry: LocalKey = { ...withoutDefaults(key), defaultSignerFor: this.byFingerprint(key.fingerprint)?.defaultSignerFor ?? [] };
    await this.updateIndex((keys) => [...keys.filter((k) => k.fingerprint !== key.fingerprint), entry]);
    return entry;
  }

  async link(fingerprint: string, publicKeyId: string): Promise<void> {
    const secret = await this.readSecret(fingerprint);
    if (!secret) throw new Error(`No private key is stored for fingerprint ${fingerprint}`);
    await this.writeSecret({ ...secret, key: { ...secret.key, publicKeyId } });
    await this.updateIndex((keys) => keys.map((k) => (k.fingerprint === fingerprint ? { ...k, publicKeyId } : k)));
  }

  async setDefaultSigner(keyGroupId: string, fingerprint: string): Promise<void> {
    await this.updateIndex((keys) =>
      keys.map((k) => {
        const others = k.defaultSignerFor.filter((id) => id !== keyGroupId);
        return { ...k, defaultSignerFor: k.fingerprint === fingerprint ? [...others, keyGroupId] : others };
      }),
    );
  }

  async remove(fingerprint: string): Promise<void> {
    this.seen.delete(fingerprint);
    this.deleted.add(fingerprint);
    await this.updateIndex((keys) => keys.filter((k) => k.fingerprint !== fingerprint));
    await this.secrets.delete(SECRET_PREFIX + fingerprint);
  }

  dispose(): void {
    clearTimeout(this.recheck);
    this.listener.dispose();
    this.changed.dispose();
  }

  /** After a change of one key's secret in any window: note what happened to it, and check the index. */
  private async reconcile(fingerprint: string): Promise<void> {
    this.seen.add(fingerprint);
    if (!(await this.readSecret(fingerprint))) this.deleted.add(fingerprint);
    await this.updateIndex((keys) => keys);
  }

  private async readSecret(fingerprint: string): Promise<StoredSecret | undefined> {
    const value = await this.secrets.get(SECRET_PREFIX + fingerprint);
    return value === undefined ? undefined : (JSON.parse(value) as StoredSecret);
  }

  private async writeSecret(secret: StoredSecret): Promise<void> {
    await this.secrets.store(SECRET_PREFIX + secret.key.fingerprint, JSON.stringify(secret));
  }

  /**
   * Read-modify-write on the freshest index this window has, checked (see the top of the file); one
   * write at a time per window, and a check again a moment later.
   */
  private updateIndex(change: (keys: LocalKey[]) => LocalKey[], recheck = true): Promise<void> {
    const write = this.writes.then(async () => {
      const next = await this.checked(change(this.list()));
      const changed = JSON.stringify(next) !== JSON.stringify(this.list());
      if (changed) await this.index.update(INDEX_KEY, next);
      if (changed || recheck) this.changed.fire(); // the check a moment later speaks only when it changed something
    });
    this.writes = write.catch(() => undefined);
    if (recheck) {
      clearTimeout(this.recheck);
      this.recheck = setTimeout(() => void this.updateIndex((keys) => keys, false), this.recheckAfterMs);
      (this.recheck as { unref?: () => void }).unref?.();
    }
    return write;
  }

  /** `keys` without the keys seen deleted whose secret is gone, with the seen keys whose secret is here. */
  private async checked(keys: LocalKey[]): Promise<LocalKey[]> {
    const candidates = [...new Set([...keys.map((k) => k.fingerprint), ...this.seen, ...this.deleted])];
    const secrets = new Map(await Promise.all(candidates.map(async (fingerprint) => [fingerprint, await this.readSecret(fingerprint)] as const)));
    for (const [fingerprint, secret] of secrets) if (secret) this.deleted.delete(fingerprint);
    const kept = keys.filter((k) => !this.deleted.has(k.fingerprint));
    const listed = new Set(kept.map((k) => k.fingerprint));
    const back = candidates.flatMap((fingerprint) => {
      const secret = secrets.get(fingerprint);
      return !listed.has(fingerprint) && this.seen.has(fingerprint) && secret ? [{ ...secret.key, defaultSignerFor: [] }] : [];
    });
    return [...kept.map((k) => withSecretLink(k, secrets.get(k.fingerprint))), ...back];
  }
}

/** The entry, with the public key id its secret records when the two differ (linked in another window). */
function withSecretLink(key: LocalKey, secret: StoredSecret | undefined): LocalKey {
  const publicKeyId = secret?.key.publicKeyId;
  return publicKeyId && publicKeyId !== key.publicKeyId ? { ...key, publicKeyId } : key;
}

function withoutDefaults(key: Omit<LocalKey, 'defaultSignerFor'>): Omit<LocalKey, 'defaultSignerFor'> {
  return {
    fingerprint: key.fingerprint,
    name: key.name,
    algorithm: key.algorithm,
    created: key.created,
    ...(key.publicKeyId ? { publicKeyId: key.publicKeyId } : {}),
    ...(key.profile ? { profile: key.profile } : {}),
    ...(key.storage && key.storage.kind !== 'local' ? { storage: key.storage } : {}),
  };
}
