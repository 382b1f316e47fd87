// The signer for a key, wherever its private half lives: this machine's secret storage, AWS KMS
// (kms:Sign; the key never leaves KMS), or a Secrets Manager secret / SSM parameter read into memory.
// A PEM read from AWS is kept parsed for a few minutes only (signing many URLs reads it once), then
// forgotten; a KMS key is checked (usage, spec, state) once per few minutes.
import * as vscode from 'vscode';
import { UserError } from '../errors';
import type { KeyStore, LocalKey } from '../keys/keyStore';
import { LOCAL_STORAGE, regionOfStorage, remoteReference, type RemoteKeyStorage } from '../keys/keyStorage';
import { localSigner, type PolicySigner } from '../signing';
import type { KeyServicesSource } from './awsSession';
import { kmsSigner } from './kmsSigner';
import { readRemotePrivateKey } from './remotePem';

/** How long a signer over a key read from AWS is kept: long enough for a document, short for a PEM in memory. */
export const REMOTE_SIGNER_MAX_AGE_MS = 5 * 60_000;

export class KeySigners {
  private readonly remote = new Map<string, { signer: Promise<PolicySigner>; until: number }>();

  constructor(
    private readonly keyStore: Pick<KeyStore, 'getPrivateKey'>,
    private readonly aws: KeyServicesSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** The signer for a listed key with a CloudFront public key id; errors name `input` (keyPairId). */
  async signerFor(key: LocalKey, input = 'keyPairId'): Promise<PolicySigner> {
    const storage = key.storage ?? LOCAL_STORAGE;
    if (storage.kind === 'local') {
      const privateKey = key.publicKeyId ? await this.keyStore.getPrivateKey(key.publicKeyId) : undefined;
      if (!privateKey) {
        throw new UserError(vscode.l10n.t("The private key of {0} is missing from this machine's secret storage: import it again.", key.publicKeyId ?? key.name), input);
      }
      return localSigner(privateKey);
    }
    const cacheKey = `${key.fingerprint} ${JSON.stringify(storage)}`;
    const cached = this.remote.get(cacheKey);
    if (cached && cached.until > this.now()) return cached.signer;
    const signer = this.remoteSigner(key, storage, input);
    this.remote.set(cacheKey, { signer, until: this.now() + REMOTE_SIGNER_MAX_AGE_MS });
    signer.catch(() => this.remote.delete(cacheKey));
    return signer;
  }

  /** Forgets every key read from AWS (the profile changed, a key was deleted or relinked). */
  forget(): void {
    this.remote.clear();
  }

  private async remoteSigner(key: LocalKey, storage: RemoteKeyStorage, input: string): Promise<PolicySigner> {
    const services = await this.aws.keyServices(regionOfStorage(storage));
    const reference = remoteReference(storage);
    switch (storage.kind) {
      case 'kms':
        return kmsSigner(services.kms, storage.keyArn, reference, input, this.aws.profile);
      case 'secretsManager':
      case 'ssm': {
        const source = storage.kind === 'secretsManager' ? { kind: storage.kind, secretId: storage.secretArn } : { kind: storage.kind, parameterName: storage.parameterName };
        const { key: loaded } = await readRemotePrivateKey(services.secrets, source, input, this.aws.profile, key.fingerprint);
        return localSigner(loaded.keyObject);
      }
    }
  }
}
