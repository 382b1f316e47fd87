// "Generate Signing Code": a small module for the user's backend that signs with one CloudFront public
// key, in the language of the workspace. The command only gathers the choices (and the key's
// algorithm, from CloudFront's copy of the public key); src/codegen/signing writes the code.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { showText } from '../../ui/workbench';
import {
  defaultExample,
  DEFAULT_KEY_VARIABLE,
  exampleForBehavior,
  generateSigningCode,
  languageOfWorkspace,
  SIGNING_LANGUAGES,
  CodegenInputError,
  type GeneratedCode,
  type SigningCodeOptions,
  type KeySource,
  type SigningKind,
  type SigningLanguage,
} from '../../codegen/signing';
import { readAllPages } from '../../aws/readAllPages';
import { UserError } from '../../errors';
import type { KeyAlgorithm } from '../../keys/algorithms';
import type { KeyStorage } from '../../keys/keyStorage';
import { loadPublicKey } from '../../signing';
import { BehaviorNode } from '../../tree/behaviorNode';
import { choosePublicKey, placesOfPublicKeys } from '../keys/chooseKey';
import type { KeyCommandContext } from '../keys/keyCommandContext';
import { defineAskingCommandIn, optionsObject, publicKeyIdEntry, required } from '../options';
import { hasPerson } from '../../ui/unattendedUi';
import { isAwsError } from '../../aws/awsError';
import { readKeyGroups } from '../../aws/keyGroupDirectory';
import { keyGroupTakes } from '../../cloudfront/rules';

/** One line of text: no name of a variable, file, key, secret or parameter holds a line break, so one is a mistake (the writers of literals.ts could carry it). */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;

const text = (name: string) =>
  v.pipe(
    v.string(() => vscode.l10n.t('{0} must be a string.', name)),
    v.trim(),
    v.nonEmpty(() => vscode.l10n.t('{0} must not be empty.', name)),
    v.regex(ONE_LINE, () => vscode.l10n.t('{0} must be one line of text, without control characters.', name)),
  );

const KeySourceOption = v.variant(
  'kind',
  [
    v.strictObject({
      kind: v.literal('env'),
      variable: v.pipe(
        text('keySource.variable'),
        v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, () => vscode.l10n.t('keySource.variable must be an environment variable name.')),
      ),
    }),
    v.strictObject({ kind: v.literal('file'), path: text('keySource.path') }),
    v.strictObject({ kind: v.literal('kms'), keyId: text('keySource.keyId') }),
    v.strictObject({ kind: v.literal('secretsManager'), secretId: text('keySource.secretId') }),
    v.strictObject({ kind: v.literal('ssm'), parameterName: text('keySource.parameterName') }),
  ],
  () => vscode.l10n.t("keySource must be { kind: 'env', variable } | { kind: 'file', path } | { kind: 'kms', keyId } | { kind: 'secretsManager', secretId } | { kind: 'ssm', parameterName }."),
);

export const GenerateSigningCodeOptions = optionsObject({
  ...publicKeyIdEntry,
  language: required(
    v.picklist(SIGNING_LANGUAGES, () => vscode.l10n.t('language must be one of {0}.', SIGNING_LANGUAGES.join(', '))),
    () => vscode.l10n.t('language is required: one of {0}.', SIGNING_LANGUAGES.join(', ')),
  ),
  kind: v.optional(
    v.picklist(['url', 'cookies'], () => vscode.l10n.t("kind must be 'url' or 'cookies'.")),
    'url',
  ),
  /** Default: where the key lives when it is kept in AWS (KMS, Secrets Manager, SSM), else the CLOUDFRONT_PRIVATE_KEY variable. */
  keySource: v.optional(KeySourceOption),
  /** The URL (or, for cookies, the resource pattern) the usage comment shows. */
  example: v.optional(text('example')),
});

/** The key's algorithm, from CloudFront's copy of the public key. */
async function algorithmOfPublicKey(context: KeyCommandContext, publicKeyId: string): Promise<KeyAlgorithm> {
  const service = await context.source.cloudFront();
  const publicKey = (
    await service.getPublicKey(publicKeyId).catch((error: unknown) => {
      if (isAwsError(error, 'NoSuchPublicKey')) throw new UserError(vscode.l10n.t('publicKeyId: no public key {0} in this account.', publicKeyId), 'publicKeyId');
      throw error;
    })
  ).value;
  const key = loadPublicKey(publicKey.encodedKey);
  if (!keyGroupTakes(key)) throw new UserError(vscode.l10n.t('{0} is an RSA {1}-bit key; signing code is generated for RSA 2048 and ECDSA P-256 keys.', publicKeyId, String(key.bits)), 'publicKeyId');
  return key.type === 'ec' ? 'ECDSA_P256' : 'RSA_2048';
}

const LANGUAGE_LABELS: Record<SigningLanguage, string> = { typescript: 'TypeScript', javascript: 'JavaScript', python: 'Python', go: 'Go', csharp: 'C#', java: 'Java' };

async function workspaceLanguage(): Promise<SigningLanguage | undefined> {
  const files = await vscode.workspace.findFiles(
    '{*,*/*}/{go.mod,*.csproj,*.sln,pom.xml,build.gradle,build.gradle.kts,pyproject.toml,requirements.txt,setup.py,tsconfig.json,package.json}',
    '**/node_modules/**',
    200,
  );
  const rootFiles = await vscode.workspace.findFiles(
    '{go.mod,*.csproj,*.sln,pom.xml,build.gradle,build.gradle.kts,pyproject.toml,requirements.txt,setup.py,tsconfig.json,package.json}',
    undefined,
    50,
  );
  return languageOfWorkspace([...rootFiles, ...files].map((uri) => uri.path));
}

/** From a behavior row: a key of the key groups it trusts (the only keys it accepts); one such key is taken without asking. */
async function keyOfBehavior(context: KeyCommandContext, behavior: BehaviorNode, title: string): Promise<string> {
  const service = await context.source.cloudFront();
  const trusted = new Set(behavior.behavior.trustedKeyGroupIds);
  const ids = new Set((await readKeyGroups(service)).filter((group) => trusted.has(group.id)).flatMap((group) => group.publicKeyIds));
  const keys = (await readAllPages((marker) => service.listPublicKeys(marker))).filter((key) => ids.has(key.id));
  if (keys.length === 0) return choosePublicKey(context, undefined, title);
  if (keys.length === 1) return keys[0].id;
  const places = await placesOfPublicKeys(
    context,
    keys.map((key) => key.id),
  );
  return context.ui.pick({
    title,
    placeholder: title,
    items: keys.map((key) => ({ label: key.name, description: [key.id, places.get(key.id)?.description ?? ''].filter(Boolean).join(' · '), value: key.id })),
  });
}

/** Where the backend finds a key the extension knows to be kept in AWS: the same KMS key, secret or parameter. */
export function keySourceOfStorage(storage: KeyStorage | undefined): KeySource | undefined {
  switch (storage?.kind) {
    case 'kms':
      return { kind: 'kms', keyId: storage.alias ?? storage.keyArn };
    case 'secretsManager':
      return { kind: 'secretsManager', secretId: storage.secretName };
    case 'ssm':
      return { kind: 'ssm', parameterName: storage.parameterName };
    default:
      return undefined;
  }
}

function referenceOf(source: KeySource): string {
  switch (source.kind) {
    case 'env':
      return source.variable;
    case 'file':
      return source.path;
    case 'kms':
      return source.keyId;
    case 'secretsManager':
      return source.secretId;
    case 'ssm':
      return source.parameterName;
  }
}

const DEFAULT_KEY_SOURCE: KeySource = { kind: 'env', variable: DEFAULT_KEY_VARIABLE };

async function askKeySource(context: KeyCommandContext, known: KeySource | undefined): Promise<KeySource> {
  const kind = await context.ui.pick<KeySource['kind']>({
    title: vscode.l10n.t('Where does your backend keep the private key?'),
    items: (
      [
        { label: vscode.l10n.t('Environment variable'), description: vscode.l10n.t('the PEM text, e.g. from your deployment secrets'), value: 'env' },
        { label: vscode.l10n.t('File'), description: vscode.l10n.t('a PEM file you exported'), value: 'file' },
        { label: vscode.l10n.t('AWS KMS'), description: vscode.l10n.t('the key never leaves KMS (Sign)'), value: 'kms' },
        { label: vscode.l10n.t('AWS Secrets Manager'), description: vscode.l10n.t('GetSecretValue'), value: 'secretsManager' },
        { label: vscode.l10n.t('AWS Systems Manager Parameter Store'), description: vscode.l10n.t('a SecureString, GetParameter with decryption'), value: 'ssm' },
      ] as const
    ).map((item) => ({ ...item, picked: item.value === known?.kind, ...(item.value === known?.kind && { detail: vscode.l10n.t('where this key is kept') }) })),
    // Without a person: where the key is kept when the extension knows it, else an environment variable.
    unattended: { answer: (known ?? DEFAULT_KEY_SOURCE).kind },
  });
  // Without a person: the value offered (the key's own place, else the default variable).
  const ask = (title: string, value: string) =>
    context.ui.input({ title, value, validate: (answer) => (answer.trim() ? undefined : vscode.l10n.t('Enter a value.')), unattended: { answer: value } }).then((answer) => answer.trim());
  // The value offered first: the key's own KMS key, secret or parameter when the extension knows it.
  const offered = (fallback: string) => (known?.kind === kind ? referenceOf(known) : fallback);
  switch (kind) {
    case 'env':
      return { kind, variable: await ask(vscode.l10n.t('Environment variable that holds the PEM private key'), DEFAULT_KEY_VARIABLE) };
    case 'file':
      return { kind, path: await ask(vscode.l10n.t('Path of the PEM private key file'), 'cloudfront-private-key.pem') };
    case 'kms':
      return { kind, keyId: await ask(vscode.l10n.t('KMS key ID, ARN or alias'), offered('alias/cloudfront-signing')) };
    case 'secretsManager':
      return { kind, secretId: await ask(vscode.l10n.t('Secret name or ARN'), offered('cloudfront/signing-key')) };
    case 'ssm':
      return { kind, parameterName: await ask(vscode.l10n.t('Parameter name'), offered('/cloudfront/signing-key')) };
  }
}

/** The code, or the generator's refusal of a value it cannot write safely, as a message naming the input. */
function generatedOrRefused(options: SigningCodeOptions): GeneratedCode {
  try {
    return generateSigningCode(options);
  } catch (error) {
    if (error instanceof CodegenInputError) throw new UserError(error.message, error.input);
    throw error;
  }
}

/** Asks through `context.ui` only for what the call's answers lack: automation's options give all of it. */
export const generateSigningCodeCommand = defineAskingCommandIn(GenerateSigningCodeOptions, async (context: KeyCommandContext, call): Promise<string> => {
  const { answers } = call;
  const behavior = call.context instanceof BehaviorNode ? call.context : undefined;
  const keyTitle = vscode.l10n.t('Public key the backend signs with');
  const publicKeyId = answers.publicKeyId ?? (behavior ? await keyOfBehavior(context, behavior, keyTitle) : await choosePublicKey(context, call.context, keyTitle));
  const algorithm = await algorithmOfPublicKey(context, publicKeyId);
  const language = answers.language ?? (await askLanguage(context));
  const kind = answers.kind ?? (await askKind(context));
  const keySource = answers.keySource ?? (await askKeySource(context, keySourceOfStorage(context.keyStore.find(publicKeyId)?.storage)));
  const distribution = behavior?.distribution;
  const example = answers.example ?? (distribution ? exampleForBehavior(distribution.aliases[0] ?? distribution.domainName, behavior.behavior.pathPattern, kind) : defaultExample(kind));
  const generated = generatedOrRefused({ publicKeyId, algorithm, language, kind, keySource, example });
  // A person reads the code in an editor; automation's caller gets it as the result.
  if (hasPerson(context.ui)) await showText(generated.code, generated.languageId);
  return generated.code;
});

async function askLanguage(context: KeyCommandContext): Promise<SigningLanguage> {
  const detected = await workspaceLanguage();
  return context.ui.pick<SigningLanguage>({
    title: vscode.l10n.t('Language of the signing code'),
    items: SIGNING_LANGUAGES.map((id) => ({ label: LANGUAGE_LABELS[id], value: id, picked: id === detected, ...(id === detected && { description: vscode.l10n.t('this workspace') }) })),
    unattended: { missing: 'language' },
  });
}

function askKind(context: KeyCommandContext): Promise<SigningKind> {
  return context.ui.pick<SigningKind>({
    title: vscode.l10n.t('What the backend signs'),
    items: [
      { label: vscode.l10n.t('Signed URLs'), value: 'url' },
      { label: vscode.l10n.t('Signed cookies'), description: vscode.l10n.t('one policy for a path pattern'), value: 'cookies' },
    ],
    unattended: { answer: 'url' },
  });
}
