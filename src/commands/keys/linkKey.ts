// "CloudFront: Link Key Kept in AWS": lists a key whose private half AWS keeps (a KMS key, a Secrets
// Manager secret or an SSM SecureString parameter) as the signer of a CloudFront public key, once
// their public halves match; or uploads its public half as a new public key. Only the reference is
// kept on this machine; a PEM read to check it is dropped at once.
// With LinkKeyOptions `{ publicKeyId?, kmsKeyId? | secretId? | parameterName?, name? }` it asks nothing
// and returns `{ publicKeyId, keyStorage }`. With a public key row or id it asks only where the key is.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { readAllPages } from '../../aws/readAllPages';
import { UserError } from '../../errors';
import { samePublicKey } from '../../keys/fingerprint';
import type { KeyStorage } from '../../keys/keyStorage';
import { recorded, runPrompts, type ExecuteStep } from '../../wizard/wizard';
import { PublicKeyNode } from '../../tree/keyNodes';
import { defineAskingCommandIn, optionalText, optionsObject, positionalText } from '../options';
import { publicKeyById } from './chooseKey';
import { keyRecovery, type KeyCommandContext } from './keyCommandContext';
import { deletePublicKeyIfUnused } from './keyGroupChanges';
import { nameOption } from './keyOptions';
import { linkKeyPrompts, type LinkKeyRun, type LinkKeyState } from './linkKeyPrompts';
import { defaultPublicKeyName, exactlyOneSource, readLinkSource, type LinkedKey, type LinkSource } from './linkSource';
import { executeWithRecovery } from '../../wizard/recovery';
import { RESOURCE_NAME_MAX_LENGTH } from '../../cloudfront/rules';

const SOURCES = ['kmsKeyId', 'secretId', 'parameterName'] as const;

export const LinkKeyOptions = v.pipe(
  optionsObject({
    /** The CloudFront public key it signs as; without it the public half is uploaded as a new public key. */
    publicKeyId: optionalText('publicKeyId'),
    /** An AWS KMS key: id, ARN, alias name (alias/…) or alias ARN. */
    kmsKeyId: optionalText('kmsKeyId'),
    /** A Secrets Manager secret holding the private key PEM: name or ARN. */
    secretId: optionalText('secretId'),
    /** An SSM SecureString parameter holding the private key PEM. */
    parameterName: optionalText('parameterName'),
    /** The new public key's name when uploading (default: from the alias, secret or parameter name). */
    name: v.optional(nameOption('name', () => vscode.l10n.t('public key'))),
  }),
  v.forward(
    v.check((o) => SOURCES.filter((option) => o[option] !== undefined).length === 1, exactlyOneSource),
    ['kmsKeyId'],
  ),
);
type LinkKeyOptions = v.InferOutput<typeof LinkKeyOptions>;

export interface LinkKeyResult {
  readonly publicKeyId: string;
  readonly keyStorage: KeyStorage;
}

/** The place the call named (kmsKeyId, secretId or parameterName), or none: then it is asked. */
function sourceOf(options: Partial<LinkKeyOptions>): LinkSource | undefined {
  if (options.kmsKeyId !== undefined) return { kind: 'kms', kmsKeyId: options.kmsKeyId };
  if (options.secretId !== undefined) return { kind: 'secretsManager', secretId: options.secretId };
  if (options.parameterName !== undefined) return { kind: 'ssm', parameterName: options.parameterName };
  return undefined;
}

export const linkKey = defineAskingCommandIn(LinkKeyOptions, async (context: KeyCommandContext, call): Promise<LinkKeyResult> => {
  const row = call.context instanceof PublicKeyNode ? call.context.publicKey.id : positionalText(call.context);
  const given = { ...call.answers, ...(row ? { publicKeyId: (await publicKeyById(context, row)).id } : {}) };
  const source = sourceOf(given);
  const state: LinkKeyState = { done: [], publicKeyGiven: given.publicKeyId !== undefined, sourceGiven: source !== undefined, nameGiven: given.name !== undefined };
  if (given.publicKeyId !== undefined) state.target = { kind: 'existing', publicKeyId: given.publicKeyId };
  if (given.name !== undefined) state.name = given.name;
  if (source) state.linked = await readLinkSource(await context.source.keyServices(), source, context.source.profile);
  await runPrompts(state, linkKeyPrompts(context), context.ui);
  const linked = state.linked;
  if (!linked) throw new Error('Link Key reached its execute steps without a key to link');
  refuseLocalCopy(context, linked);
  let name = state.name;
  if (state.target?.kind === 'existing') {
    await refuseMismatch(context, state.target.publicKeyId, linked);
    state.publicKeyId = state.target.publicKeyId;
    name ??= (await publicKeyById(context, state.publicKeyId)).name || state.publicKeyId;
  } else {
    name ??= await freeName(context, defaultPublicKeyName(linked));
  }
  const run: LinkKeyRun = Object.assign(state, { linked, name });

  await executeWithRecovery(keyRecovery(context), vscode.l10n.t('Linking {0}', linked.reference), run, linkSteps(context));
  context.events?.didChangeKeys.fire();
  const result: LinkKeyResult = { publicKeyId: recorded(state, 'publicKeyId', 'upload'), keyStorage: linked.storage };
  context.log.info(`[keys] linked public key ${result.publicKeyId} to its private key in ${linked.storage.kind}`);
  void context.ui.notify('info', vscode.l10n.t('Public key {0} now signs with its private key in {1}.', result.publicKeyId, linked.reference));
  return result;
});

/** A key whose PEM is in this machine's secret storage is moved with Export Private Key, never relisted over its PEM. */
function refuseLocalCopy(context: KeyCommandContext, linked: LinkedKey): void {
  const listed = context.keyStore.list().find((key) => key.fingerprint === linked.fingerprint);
  if (listed && (listed.storage ?? { kind: 'local' }).kind === 'local') {
    throw new UserError(
      vscode.l10n.t(
        '{0}: the private key of {1} is already on this machine; move it to Secrets Manager with Export Private Key (secretName) instead of linking.',
        linked.input,
        listed.publicKeyId ?? listed.name,
      ),
      linked.input,
    );
  }
}

async function refuseMismatch(context: KeyCommandContext, publicKeyId: string, linked: LinkedKey): Promise<void> {
  const held = await publicKeyById(context, publicKeyId);
  if (!samePublicKey(held.encodedKey, linked.publicKey)) {
    throw new UserError(vscode.l10n.t('publicKeyId: public key {0} in CloudFront is not the public half of the key in {1}.', publicKeyId, linked.reference), 'publicKeyId');
  }
}

/** `name`, or `name-2`, `name-3`, … when the account already has a public key of that name. */
async function freeName(context: KeyCommandContext, name: string): Promise<string> {
  const service = await context.source.cloudFront();
  const taken = new Set((await readAllPages((marker) => service.listPublicKeys(marker))).map((k) => k.name));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name.slice(0, RESOURCE_NAME_MAX_LENGTH - String(n).length - 1)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function linkSteps(context: KeyCommandContext): ExecuteStep<LinkKeyRun>[] {
  return [
    {
      id: 'upload',
      title: (s) => vscode.l10n.t('Upload public key {0}', s.name),
      shouldExecute: (s) => !s.publicKeyId,
      execute: async (s) => {
        const encodedKey = s.linked.publicKey.export({ type: 'spki', format: 'pem' }).toString();
        s.publicKeyId = (await (await context.source.cloudFront()).createPublicKey({ name: s.name, encodedKey })).value.id;
      },
      undo: async (s) => {
        if (!s.publicKeyId) return;
        await deletePublicKeyIfUnused(await context.source.cloudFront(), s.publicKeyId);
        s.publicKeyId = undefined;
      },
    },
    {
      id: 'list',
      title: (s) => vscode.l10n.t('List {0} as the private key of {1}', s.linked.reference, s.publicKeyId ?? ''),
      shouldExecute: () => true,
      execute: async (s) => {
        const { linked } = s;
        await context.keyStore.addRemote({
          fingerprint: linked.fingerprint,
          name: s.name,
          algorithm: linked.algorithm,
          created: new Date().toISOString(),
          publicKeyId: recorded(s, 'publicKeyId', 'upload'),
          ...(context.source.profile ? { profile: context.source.profile } : {}),
          storage: linked.storage,
        });
      },
      undo: (s) => context.keyStore.remove(s.linked.fingerprint),
    },
  ];
}
