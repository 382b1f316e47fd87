// What "Link Key in AWS" links: an AWS KMS key, a Secrets Manager secret or an SSM SecureString
// parameter, read far enough to know its public half. A KMS key is checked (usage, spec, state) and
// its public half read with kms:GetPublicKey; a secret or parameter is read into memory, its PEM
// checked and the public half derived, then dropped: only the reference is ever kept.
import { createPublicKey, type KeyObject } from 'node:crypto';
import * as vscode from 'vscode';
import type { KeyServices } from '../../aws/awsSession';
import { algorithmOfSigningKey } from '../../aws/kmsKeys';
import { describeSigningKey, kmsFailure } from '../../aws/kmsSigner';
import { readRemotePrivateKey } from '../../aws/remotePem';
import { keyGroupTakes, resourceNameFrom } from '../../cloudfront/rules';
import { UserError } from '../../errors';
import { algorithmOf, type LocalKeyAlgorithm } from '../../keys/algorithms';
import { fingerprintOf } from '../../keys/fingerprint';
import { remoteReference, type KeyStorage, type RemoteKeyStorage } from '../../keys/keyStorage';

/** Which kind of place, and the option that names it. */
export type LinkSource =
  { readonly kind: 'kms'; readonly kmsKeyId: string } | { readonly kind: 'secretsManager'; readonly secretId: string } | { readonly kind: 'ssm'; readonly parameterName: string };

export interface LinkedKey {
  readonly storage: KeyStorage;
  /** The public half only. */
  readonly publicKey: KeyObject;
  readonly fingerprint: string;
  readonly algorithm: LocalKeyAlgorithm;
  /** The option errors name: kmsKeyId, secretId or parameterName. */
  readonly input: string;
  /** How messages name it: the alias, secret or parameter name. */
  readonly reference: string;
}

/** What a call must name: one place the key is kept. */
export const exactlyOneSource = () => vscode.l10n.t('Pass exactly one of kmsKeyId (an AWS KMS key), secretId (a Secrets Manager secret) or parameterName (an SSM SecureString parameter).');

export const linkSourceInput = (source: LinkSource): string => (source.kind === 'kms' ? 'kmsKeyId' : source.kind === 'secretsManager' ? 'secretId' : 'parameterName');
export const linkSourceReference = (source: LinkSource): string => (source.kind === 'kms' ? source.kmsKeyId : source.kind === 'secretsManager' ? source.secretId : source.parameterName);

/** A public key name CloudFront takes, from the alias, secret or parameter name. */
export const defaultPublicKeyName = (linked: LinkedKey): string => resourceNameFrom(linked.reference);

export async function readLinkSource(services: KeyServices, source: LinkSource, profile: string | undefined): Promise<LinkedKey> {
  const input = linkSourceInput(source);
  const reference = linkSourceReference(source);
  if (source.kind === 'kms') {
    const { kms } = services;
    const described = await describeSigningKey(kms, source.kmsKeyId, reference, input, profile);
    const der = await kms.publicKey(described.arn).catch((error: unknown) => {
      throw kmsFailure(error, 'kms:GetPublicKey', reference, input, profile);
    });
    const publicKey = createPublicKey({ key: der, format: 'der', type: 'spki' });
    const alias = source.kmsKeyId.startsWith('alias/') ? source.kmsKeyId : await aliasOf(services, described.keyId);
    return {
      storage: { kind: 'kms', keyArn: described.arn, ...(alias ? { alias } : {}) },
      publicKey,
      fingerprint: fingerprintOf(publicKey),
      algorithm: algorithmOfSigningKey(described),
      input,
      reference: alias ?? reference,
    };
  }
  const remote = source.kind === 'secretsManager' ? { kind: source.kind, secretId: source.secretId } : { kind: source.kind, parameterName: source.parameterName };
  const { key } = await readRemotePrivateKey(services.secrets, remote, input, profile);
  const publicKey = createPublicKey(key.keyObject);
  const algorithm = algorithmOf(key);
  if (!keyGroupTakes(key)) {
    throw new UserError(vscode.l10n.t('{0}: {1} holds an RSA {2}-bit key; CloudFront key groups take only RSA 2048-bit and ECDSA P-256 keys.', input, reference, String(key.bits)), input);
  }
  let storage: RemoteKeyStorage;
  if (source.kind === 'secretsManager') {
    // The ARN, so a renamed or same-named secret elsewhere is never read by mistake; the name for people.
    const described = await services.secrets.describeSecret(source.secretId);
    storage = { kind: 'secretsManager', secretArn: described.arn, secretName: described.name };
  } else {
    storage = { kind: 'ssm', parameterName: source.parameterName, region: await services.kms.region };
  }
  return { storage, publicKey, fingerprint: fingerprintOf(publicKey), algorithm, input, reference: remoteReference(storage) };
}

/** The alias that names a key (for the Keys view), when the caller may list aliases; else none. */
async function aliasOf(services: KeyServices, keyId: string): Promise<string | undefined> {
  try {
    return (await services.kms.aliases()).find((alias) => alias.targetKeyId === keyId)?.name;
  } catch {
    return undefined; // kms:ListAliases is optional: the key is then shown by its ARN
  }
}
