// The questions of "Link Key Kept in AWS": which CloudFront public key (or a new one), where the
// private key is kept (KMS, Secrets Manager, SSM), which key, secret or parameter from the account's
// lists, and the new public key's name when uploading. Back keeps every answer.
import * as vscode from 'vscode';
import { readAllPages } from '../../aws/readAllPages';
import { UserError } from '../../errors';
import { isAwsManagedAlias, PUBLIC_KEY_ID_TAG } from '../../keys/keyStorage';
import { recorded, type WizardState, type PromptStep } from '../../wizard/wizard';
import { nameProblem } from './createKeyPair/prompts';
import type { KeyCommandContext } from './keyCommandContext';
import { whenShown } from './whenShown';
import { defaultPublicKeyName, exactlyOneSource, readLinkSource, type LinkedKey, type LinkSource } from './linkSource';

export interface LinkKeyState extends WizardState {
  /** The public key the private key signs as, or a new one made from its public half. */
  target?: { kind: 'existing'; publicKeyId: string } | { kind: 'upload' };
  sourceKind?: LinkSource['kind'];
  linked?: LinkedKey;
  /** The public key's name (uploaded, or CloudFront's name of the existing one). */
  name?: string;
  publicKeyId?: string;
  /** Called on a public key (row, id or publicKeyId): no question which. */
  readonly publicKeyGiven: boolean;
  /** The call named the key in AWS (kmsKeyId, secretId or parameterName): no question where. */
  readonly sourceGiven: boolean;
  /** The call named the new public key (`name`): kept whichever key is picked, and not asked. */
  readonly nameGiven: boolean;
}

/** The answers the execute steps take as given: the key to link and the public key's name. */
export type LinkKeyRun = LinkKeyState & { linked: LinkedKey; name: string };

const ENTER_ID = '\u0000enter';

export function linkKeyPrompts(context: KeyCommandContext): PromptStep<LinkKeyState>[] {
  const title = vscode.l10n.t('Link Key Kept in AWS');
  const services = () => context.source.keyServices();
  return [
    {
      shouldPrompt: (s) => !s.publicKeyGiven,
      prompt: async (s, ui, position) => {
        const keys = whenShown(async () => {
          const service = await context.source.cloudFront();
          return readAllPages((marker) => service.listPublicKeys(marker));
        });
        s.target = await ui.pick<NonNullable<LinkKeyState['target']>>({
          title,
          position,
          placeholder: vscode.l10n.t('Which CloudFront public key does the key in AWS sign for?'),
          // Nobody to ask: without publicKeyId, its public half is uploaded as a new public key.
          unattended: { answer: { kind: 'upload' } },
          items: keys.then((list) => [
            { label: vscode.l10n.t('$(cloud-upload) Upload its public half as a new public key'), value: { kind: 'upload' as const } },
            ...list.map((k) => ({
              label: k.name,
              description: [k.id, context.keyStore.find(k.id) ? vscode.l10n.t('already has a private key listed') : ''].filter(Boolean).join(' · '),
              value: { kind: 'existing' as const, publicKeyId: k.id },
            })),
          ]),
        });
      },
    },
    {
      shouldPrompt: (s) => !s.sourceGiven,
      prompt: async (s, ui, position) => {
        s.sourceKind = await ui.pick<LinkSource['kind']>({
          title,
          position,
          placeholder: vscode.l10n.t('Where does AWS keep the private key?'),
          unattended: { missing: 'kmsKeyId', message: exactlyOneSource() },
          items: [
            { label: vscode.l10n.t('AWS KMS key'), detail: vscode.l10n.t('Signs with kms:Sign; the private key never leaves KMS.'), value: 'kms' },
            { label: vscode.l10n.t('Secrets Manager secret'), detail: vscode.l10n.t('A secret holding the private key PEM, read into memory to sign.'), value: 'secretsManager' },
            { label: vscode.l10n.t('SSM Parameter Store SecureString'), detail: vscode.l10n.t('A SecureString parameter holding the private key PEM.'), value: 'ssm' },
          ],
        });
      },
    },
    {
      shouldPrompt: (s) => !s.sourceGiven,
      prompt: async (s, ui, position) => {
        // A key, secret or parameter that cannot be linked (disabled, no PEM, not a SecureString…) is
        // said, and the list asked again: the person picks another instead of starting over.
        for (;;) {
          const source = await pickSource(recorded(s, 'sourceKind', 'where AWS keeps the key'), ui, position, title, services);
          try {
            s.linked = await readLinkSource(await services(), source, context.source.profile);
            break;
          } catch (error) {
            if (!(error instanceof UserError)) throw error;
            void ui.notify('warning', error.message);
          }
        }
        if (s.target?.kind === 'upload' && !s.nameGiven) s.name = undefined;
      },
    },
    {
      // A follow-up of the key picked: the new public key's name, only when uploading. A call that named
      // the key in AWS gets a free name made from its alias, secret or parameter (linkKey.ts).
      shouldPrompt: (s) => !s.sourceGiven && !s.nameGiven && s.target?.kind === 'upload',
      mayPrompt: (s) => !s.sourceGiven && !s.nameGiven && !s.publicKeyGiven,
      followsUp: true,
      prompt: async (s, ui, position) => {
        s.name = await ui.input({
          title,
          position,
          prompt: vscode.l10n.t('Name of the new public key in CloudFront'),
          value: s.name ?? defaultPublicKeyName(recorded(s, 'linked', 'which key')),
          validate: (text) => nameProblem(text, vscode.l10n.t('public key')),
        });
      },
    },
  ];
}

async function pickSource(
  kind: LinkSource['kind'],
  ui: KeyCommandContext['ui'],
  position: Parameters<KeyCommandContext['ui']['pick']>[0]['position'],
  title: string,
  services: KeyCommandContext['source']['keyServices'],
): Promise<LinkSource> {
  if (kind === 'kms') {
    const aliases = services().then((s) => s.kms.aliases());
    const chosen = await ui.pick<string>({
      title,
      position,
      placeholder: vscode.l10n.t('Which KMS key? (asymmetric, SIGN_VERIFY, RSA_2048 or ECC_NIST_P256)'),
      items: aliases.then((list) => [
        ...list.filter((a) => !isAwsManagedAlias(a.name) && a.targetKeyId).map((a) => ({ label: a.name, ...(a.targetKeyId ? { description: a.targetKeyId } : {}), value: a.name })),
        { label: vscode.l10n.t('$(edit) Enter a key id or ARN…'), value: ENTER_ID },
      ]),
    });
    const kmsKeyId =
      chosen === ENTER_ID
        ? await ui.input({
            title,
            position,
            prompt: vscode.l10n.t('KMS key id, key ARN, alias name (alias/…) or alias ARN'),
            validate: (text) => (text.trim() ? undefined : vscode.l10n.t('Enter a key id.')),
          })
        : chosen;
    return { kind: 'kms', kmsKeyId: kmsKeyId.trim() };
  }
  if (kind === 'secretsManager') {
    const secrets = services().then((s) => s.secrets.secrets());
    const secretId = await ui.pick<string>({
      title,
      position,
      placeholder: vscode.l10n.t('Which Secrets Manager secret holds the private key PEM?'),
      items: secrets.then((list) => list.map((secret) => ({ label: secret.name, description: secret.tags[PUBLIC_KEY_ID_TAG] ?? '', value: secret.arn }))),
    });
    return { kind: 'secretsManager', secretId };
  }
  const parameters = services().then((s) => s.secrets.parameters());
  const parameterName = await ui.pick<string>({
    title,
    position,
    placeholder: vscode.l10n.t('Which SecureString parameter holds the private key PEM?'),
    items: parameters.then((list) => list.filter((p) => p.type === 'SecureString').map((p) => ({ label: p.name, value: p.name }))),
  });
  return { kind: 'ssm', parameterName };
}
