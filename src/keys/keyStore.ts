// Private keys on this machine: one SecretStorage entry per key, named by the key's fingerprint, and a
// non-secret index (globalState) of what each key is and which key group it signs for by default.
// Private keys live only in SecretStorage and, parsed, in memory for this session; nothing here logs,
// writes to disk or echoes them.
//
// Two windows may change keys at once: each secret also carries its own index entry, so when
// `secrets.onDidChange` reports a change (from any window), the store re-reads that one secret and
// repairs the index: a secret without an entry gains one, an entry without a secret goes. Writes touch
// the secret first when adding (a key is never listed without its private key) and last when removing.
// https://code.visualstudio.com/api/references/vscode-api#SecretStorage
import type { KeyObject } from 'node:crypto';
import { loadPrivateKey } from '../signing';
import type { LocalKeyAlgorithm } from './algorithms';
import { Emitter, type Disposable, type Event } from './emitter';

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
  /** Records the CloudFront public key id of a stored key. */
  link(fingerprint: string, publicKeyId: string): Promise<void>;
  setDefaultSigner(keyGroupId: string, fingerprint: string): Promise<void>;
  /** Unlists the key, then deletes its private key. */
  remove(fingerprint: string): Promise<void>;
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
  pem: string;
  key: Omit<LocalKey, 'defaultSignerFor'>;
}

export class SecretKeyStore implements MutableKeyStore, Disposable {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  /** Parsed private keys by fingerprint, for this session only. */
  private readonly parsed = new Map<string, KeyObject>();
  private readonly listener: Disposable;

  constructor(
    private readonly secrets: SecretBackend,
    private readonly index: IndexBackend,
  ) {
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
    const cached = this.parsed.get(key.fingerprint);
    if (cached) return cached;
    const pem = await this.privateKeyPem(key.fingerprint);
    if (pem === undefined) return undefined;
    const keyObject = loadPrivateKey(pem).keyObject;
    this.parsed.set(key.fingerprint, keyObject);
    return keyObject;
  }

  async privateKeyPem(fingerprint: string): Promise<string | undefined> {
    return (await this.readSecret(fingerprint))?.pem;
  }

  async add(key: Omit<LocalKey, 'defaultSignerFor'>, privateKeyPem: string): Promise<LocalKey> {
    await this.writeSecret({ pem: privateKeyPem, key: withoutDefaults(key) });
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
    await this.updateIndex((keys) => keys.filter((k) => k.fingerprint !== fingerprint));
    this.parsed.delete(fingerprint);
    await this.secrets.delete(SECRET_PREFIX + fingerprint);
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }

  /** Brings the index entry of one key in line with its secret, after a change from any window. */
  private async reconcile(fingerprint: string): Promise<void> {
    this.parsed.delete(fingerprint);
    const secret = await this.readSecret(fingerprint);
    const entry = this.byFingerprint(fingerprint);
    if (!secret && entry) {
      await this.updateIndex((keys) => keys.filter((k) => k.fingerprint !== fingerprint));
    } else if (secret && (!entry || entry.publicKeyId !== secret.key.publicKeyId)) {
      await this.updateIndex((keys) => [
        ...keys.filter((k) => k.fingerprint !== fingerprint),
        { ...secret.key, defaultSignerFor: entry?.defaultSignerFor ?? [] },
      ]);
    } else {
      this.changed.fire();
    }
  }

  private async readSecret(fingerprint: string): Promise<StoredSecret | undefined> {
    const value = await this.secrets.get(SECRET_PREFIX + fingerprint);
    return value === undefined ? undefined : (JSON.parse(value) as StoredSecret);
  }

  private async writeSecret(secret: StoredSecret): Promise<void> {
    this.parsed.delete(secret.key.fingerprint);
    await this.secrets.store(SECRET_PREFIX + secret.key.fingerprint, JSON.stringify(secret));
  }

  /** Read-modify-write on the freshest index, so a window's write loses as little as possible of another's. */
  private async updateIndex(change: (keys: LocalKey[]) => LocalKey[]): Promise<void> {
    await this.index.update(INDEX_KEY, change(this.list()));
    this.changed.fire();
  }
}

function withoutDefaults(key: Omit<LocalKey, 'defaultSignerFor'>): Omit<LocalKey, 'defaultSignerFor'> {
  return {
    fingerprint: key.fingerprint,
    name: key.name,
    algorithm: key.algorithm,
    created: key.created,
    ...(key.publicKeyId ? { publicKeyId: key.publicKeyId } : {}),
    ...(key.profile ? { profile: key.profile } : {}),
  };
}
