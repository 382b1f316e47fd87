// "CloudFront: Import Private Key": a private key from a file or pasted (PKCS#1, PKCS#8, SEC1, or
// encrypted PEM with its passphrase) goes into SecretStorage, linked to a public key CloudFront holds
// only when that key is exactly this private key's public half, or uploaded as a new public key.
// 1024-bit RSA keys are taken only for legacy key pair ids (APKA…): key groups refuse them.
// With ImportPrivateKeyOptions `{ pem, passphrase?, publicKeyId?, name? }` it asks nothing and returns `{ publicKeyId }`. With a
// public key id it asks only for the key (and passphrase), and links it to that public key.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { readAllPages } from '../../aws/readAllPages';
import { UserError } from '../../errors';
import { isLegacyKeyPairId } from '../../cloudfront/rules';
import { keyGroupProblem } from '../../keys/algorithms';
import { samePublicKey } from '../../keys/fingerprint';
import { isEncryptedPem, normalizePem } from '../../keys/pem';
import { readPrivateKey, type ReadPrivateKey } from '../../keys/readPrivateKey';
import { SigningError } from '../../signing';
import { GoBack } from '../../ui/ui';
import { recorded, runPrompts } from '../../wizard/wizard';
import { nameProblem } from './createKeyPair/prompts';
import { defineAskingCommandIn, optionalText, optionsObject, positionalText, requiredText } from '../options';
import { publicKeyById } from './chooseKey';
import { keyRecovery, type KeyCommandContext } from './keyCommandContext';
import { keyMaterialSteps, type KeyMaterialAnswers, type KeyMaterialState } from './keyMaterialSteps';
import { hasKeyMaterialAnswers } from './keyMaterialState';
import { executeWithRecovery } from '../../wizard/recovery';

const uploadNameProblem = (name: string | undefined) => nameProblem(name ?? '', vscode.l10n.t('public key'));

export const ImportPrivateKeyOptions = v.pipe(
  optionsObject({
    pem: requiredText('pem', () => vscode.l10n.t('pem is required: the private key as PEM text.')),
    passphrase: optionalText('passphrase'),
    /** Link to this public key (its public half, or a legacy key pair id) instead of uploading. */
    publicKeyId: optionalText('publicKeyId'),
    /** The new public key's name (required when uploading). */
    name: optionalText('name'),
  }),
  v.forward(
    v.check(
      (o) => !!o.publicKeyId || !uploadNameProblem(o.name),
      (issue) => `name: ${uploadNameProblem((issue.input as { name?: string }).name)}`,
    ),
    ['name'],
  ),
);
type ImportPrivateKeyOptions = v.InferOutput<typeof ImportPrivateKeyOptions>;

interface ImportState extends KeyMaterialState {
  /**
   * The answers the call brought (a positional public key id among them): a step asks only for what
   * is missing here. With publicKeyId the private key is linked to it, no question which.
   */
  readonly given: Partial<ImportPrivateKeyOptions>;
  pem?: string;
  passphrase?: string;
  read?: ReadPrivateKey;
  target?: { kind: 'link'; publicKeyId: string; name: string } | { kind: 'upload' } | { kind: 'legacy'; publicKeyId?: string };
}

/** The signing core's refusal as a UserError naming our argument (pem or passphrase). */
function readOrRefuse(pem: string, passphrase: string | undefined): ReadPrivateKey {
  try {
    return readPrivateKey(normalizePem(pem), passphrase);
  } catch (error) {
    if (error instanceof SigningError) throw new UserError(error.message, error.input === 'passphrase' ? 'passphrase' : 'pem');
    throw error;
  }
}

/** CloudFront's rule for keys in key groups, in the user's words, when `read` breaks it. */
const problemInKeyGroups = (read: ReadPrivateKey): string | undefined =>
  keyGroupProblem(read.loaded, (bits) =>
    vscode.l10n.t(
      'This is an RSA {0}-bit key. CloudFront key groups accept only RSA 2048-bit and ECDSA P-256 (prime256v1) public keys; a {0}-bit key can only be used with a legacy key pair ID (APKA…).',
      bits,
    ),
  );

function refuseForKeyGroups(read: ReadPrivateKey): void {
  const problem = problemInKeyGroups(read);
  if (problem) throw new UserError(problem, 'pem');
}

export const importPrivateKey = defineAskingCommandIn(ImportPrivateKeyOptions, async (context: KeyCommandContext, call): Promise<{ publicKeyId: string }> => {
  const service = () => context.source.cloudFront();
  // Called with a public key id: the key asked for is linked to it, with no question which.
  const positional = positionalText(call.context);
  const given: Partial<ImportPrivateKeyOptions> = { ...call.answers, ...(positional ? { publicKeyId: positional } : {}) };
  const state: ImportState = { given, done: [], ...(context.source.profile ? { profile: context.source.profile } : {}) };
  if (given.pem !== undefined) {
    state.pem = given.pem;
    state.read = readOrRefuse(given.pem, given.passphrase);
  }
  await askImport(context, state);
  const read = recorded(state, 'read', 'Import Private Key: the key asked for or passed as pem');
  if (given.publicKeyId) await linkTo(context, state, read, given.publicKeyId, given.name);
  else if (given.name !== undefined) {
    refuseForKeyGroups(read);
    state.name = given.name;
  }

  state.key = read;
  state.algorithm = read.algorithm;
  if (!hasKeyMaterialAnswers(state)) throw new Error('Import Private Key reached its execute steps without a name');
  await executeWithRecovery(
    keyRecovery(context),
    vscode.l10n.t('Importing private key {0}', state.name),
    state,
    keyMaterialSteps<ImportState & KeyMaterialAnswers>(service, context.keyStore, (region) => context.source.keyServices(region)),
  );
  state.key = undefined;
  context.events?.didChangeKeys.fire();
  context.log.info(`[keys] imported a private key for ${state.publicKeyId}`);
  const publicKeyId = recorded(state, 'publicKeyId', 'upload');
  void context.ui.notify('info', vscode.l10n.t("Imported the private key of {0} into VS Code's secret storage.", publicKeyId));
  return { publicKeyId };
});

/** Links the read key to `publicKeyId`: a legacy key pair id as it is, else only to its own public half. */
async function linkTo(context: KeyCommandContext, state: ImportState, read: ReadPrivateKey, publicKeyId: string, name: string | undefined): Promise<void> {
  if (isLegacyKeyPairId(publicKeyId)) {
    state.publicKeyId = publicKeyId;
    state.name = name || publicKeyId;
    return;
  }
  refuseForKeyGroups(read);
  state.name = name || (await linkable(context, read, publicKeyId));
  state.publicKeyId = publicKeyId;
}

/** The CloudFront name of `publicKeyId` when it holds exactly this private key's public half. */
async function linkable(context: KeyCommandContext, read: ReadPrivateKey, publicKeyId: string): Promise<string> {
  const held = await publicKeyById(context, publicKeyId);
  if (!samePublicKey(held.encodedKey, read.loaded.keyObject)) {
    throw new UserError(vscode.l10n.t('publicKeyId: public key {0} in CloudFront is not the public half of this private key.', publicKeyId), 'publicKeyId');
  }
  return held.name || publicKeyId;
}

/** The call said which public key (publicKeyId) or the new one's name: no question which. */
const targetGiven = (given: Partial<ImportPrivateKeyOptions>): boolean => !!given.publicKeyId || given.name !== undefined;

async function askImport(context: KeyCommandContext, state: ImportState): Promise<void> {
  const title = vscode.l10n.t('Import Private Key');
  await runPrompts<ImportState>(
    state,
    [
      {
        shouldPrompt: (s) => s.given.pem === undefined,
        prompt: async (s, ui, position) => {
          const source = await ui.pick({
            title,
            position,
            unattended: { missing: 'pem', message: vscode.l10n.t('pem is required: the private key as PEM text.') },
            placeholder: vscode.l10n.t('Where is the private key?'),
            items: [
              { label: vscode.l10n.t('$(file) From a PEM file…'), value: 'file' as const },
              { label: vscode.l10n.t('$(clippy) Paste the PEM text'), value: 'paste' as const },
            ],
          });
          if (source === 'file') {
            const uri = await ui.chooseFile({ title, save: false, filters: { [vscode.l10n.t('PEM files')]: ['pem', 'key'], [vscode.l10n.t('All files')]: ['*'] } });
            if (!uri) throw new GoBack(); // ask where the key is again
            s.pem = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          } else {
            s.pem = await ui.input({
              title,
              position,
              password: true,
              prompt: vscode.l10n.t('Paste the private key PEM (PKCS#1, PKCS#8, SEC1 or encrypted)'),
              validate: (value) => (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value) ? undefined : vscode.l10n.t('Paste a PEM that starts with -----BEGIN … PRIVATE KEY-----.')),
            });
          }
          s.passphrase = undefined;
          if (!isEncryptedPem(s.pem)) s.read = readOrRefuse(s.pem, undefined);
        },
      },
      {
        // A follow-up of where the key is: asked only for an encrypted PEM, on that step's number.
        shouldPrompt: (s) => s.given.pem === undefined && isEncryptedPem(s.pem ?? ''),
        mayPrompt: (s) => s.given.pem === undefined,
        followsUp: true,
        prompt: async (s, ui, position) => {
          const pem = recorded(s, 'pem', 'where the key is');
          s.passphrase = await ui.input({
            title,
            position,
            password: true,
            prompt: vscode.l10n.t('Passphrase of the encrypted private key'),
            validate: (value) => {
              try {
                readPrivateKey(normalizePem(pem), value);
                return undefined;
              } catch (error) {
                return error instanceof Error ? error.message : String(error);
              }
            },
          });
          s.read = readOrRefuse(pem, s.passphrase);
        },
      },
      {
        shouldPrompt: (s) => !targetGiven(s.given),
        prompt: async (s, ui, position) => {
          const read = recorded(s, 'read', 'where the key is');
          const problem = problemInKeyGroups(read);
          const matching = context.source
            .cloudFront()
            .then((service) => readAllPages((marker) => service.listPublicKeys(marker)))
            .then((keys) => keys.filter((k) => samePublicKey(k.encodedKey, read.loaded.keyObject)));
          s.target = await ui.pick<NonNullable<ImportState['target']>>({
            title,
            position,
            placeholder: vscode.l10n.t('Which CloudFront public key does this private key sign for?'),
            items: matching.then((keys) => [
              ...keys.map((k) => ({ label: vscode.l10n.t('Link to {0}', k.name), description: k.id, value: { kind: 'link' as const, publicKeyId: k.id, name: k.name } })),
              { label: vscode.l10n.t('$(cloud-upload) Upload as a new public key'), ...(problem ? { detail: problem } : {}), value: { kind: 'upload' as const } },
              { label: vscode.l10n.t('Legacy CloudFront key pair ID (APKA…)'), value: { kind: 'legacy' as const } },
            ]),
            validate: (target) => (target.kind !== 'legacy' ? problem : undefined),
          });
          if (s.target.kind === 'link') {
            s.publicKeyId = s.target.publicKeyId;
            s.name = s.target.name;
          } else {
            s.publicKeyId = undefined;
          }
        },
      },
      {
        // A follow-up of the target: a name to upload under, or the legacy id; none when linking.
        shouldPrompt: (s) => !targetGiven(s.given) && s.target?.kind !== 'link',
        mayPrompt: (s) => !targetGiven(s.given),
        followsUp: true,
        prompt: async (s, ui, position) => {
          const legacy = s.target?.kind === 'legacy';
          const value = await ui.input({
            title,
            position,
            prompt: legacy ? vscode.l10n.t('Legacy key pair ID (starts with APKA)') : vscode.l10n.t('Name of the new public key in CloudFront'),
            value: legacy ? s.publicKeyId : s.name,
            validate: (text) => (legacy ? (isLegacyKeyPairId(text) ? undefined : vscode.l10n.t('Legacy key pair IDs start with APKA: {0}', text)) : nameProblem(text, vscode.l10n.t('public key'))),
          });
          if (legacy) {
            s.publicKeyId = value;
            s.name = value;
          } else {
            s.name = value;
          }
        },
      },
    ],
    context.ui,
  );
}
