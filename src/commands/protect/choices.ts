// What a person chooses when running "Protect S3 Bucket with CloudFront" from the palette or a bucket
// row: a new distribution or an existing one, the behavior to restrict, and a new key pair or an
// existing key / key group. Each question starts on the default (new distribution, default behavior,
// new key pair in a new key group), so Enter takes it, and a question with nothing to choose from is
// not asked (no distributions, no key groups and no local keys: only the defaults remain).
import * as vscode from 'vscode';
import { bucketOfOrigin } from '../../aws/bucketPolicy';
import type { DistributionSummary, KeyGroupSummary } from '../../aws/cloudFrontService';
import type { CloudFrontService } from '../../aws/cloudFrontService';
import { readAllPages } from '../../aws/readAllPages';
import { KEYS_PER_KEY_GROUP } from '../../cloudfront/rules';
import type { KeyStore, MutableKeyStore } from '../../keys/keyStore';
import { privateKeyPlaces } from '../../ui/privateKeyPlace';
import type { PickItem, StepPosition, Ui } from '../../ui/ui';
import { runPrompts, type PromptStep } from '../../wizard/wizard';
import { readKeyGroups } from '../../aws/keyGroupDirectory';
import { distributionItem, distributionsToShow } from '../distributionPick';

/** The answers, in the shape of Protect's options. */
export interface ProtectChoices {
  bucket: string;
  distributionId?: string;
  pathPattern?: string;
  keyPairId?: string;
  keyGroupId?: string;
}

interface ChoiceState extends ProtectChoices {
  distributions: DistributionSummary[];
  keyItems: PickItem<{ keyPairId?: string; keyGroupId?: string }>[];
  /** The chosen existing distribution, read whole (origins and behaviors). */
  distribution?: DistributionSummary;
}

const DEFAULT_PATTERN = undefined;

/** Asks what the options leave open; the answers become options for readOptions. */
export async function askProtectChoices(bucket: string, service: CloudFrontService, keyStore: KeyStore & Pick<MutableKeyStore, 'hasPrivateKey'>, ui: Ui): Promise<ProtectChoices> {
  const [distributions, groups, publicKeys] = await Promise.all([distributionsToShow(service), readKeyGroups(service), readAllPages((marker) => service.listPublicKeys(marker))]);
  const state: ChoiceState = { bucket, distributions, keyItems: await keyItems(groups, new Set(publicKeys.map((k) => k.id)), keyStore) };
  await runPrompts(state, [distributionStep(service), patternStep(), keyStep()], ui);
  return {
    bucket,
    ...(state.distributionId ? { distributionId: state.distributionId } : {}),
    ...(state.pathPattern !== undefined ? { pathPattern: state.pathPattern } : {}),
    ...(state.keyPairId ? { keyPairId: state.keyPairId } : {}),
    ...(state.keyGroupId ? { keyGroupId: state.keyGroupId } : {}),
  };
}

const title = () => vscode.l10n.t('Protect S3 Bucket with CloudFront');

function distributionStep(service: CloudFrontService): PromptStep<ChoiceState> {
  return {
    shouldPrompt: (s) => s.distributions.length > 0,
    prompt: async (s, ui, position) => {
      const chosen = await ui.pick<string | undefined>({
        title: title(),
        placeholder: vscode.l10n.t('Which distribution is to serve bucket {0}?', s.bucket),
        items: [
          { label: vscode.l10n.t('$(add) New distribution'), description: vscode.l10n.t('for bucket {0} only', s.bucket), value: undefined, picked: !s.distributionId },
          ...s.distributions.map((d) => distributionItem<string | undefined>(d, d.id, d.id === s.distributionId)),
        ],
        position,
      });
      if (chosen !== s.distributionId) s.pathPattern = DEFAULT_PATTERN;
      s.distributionId = chosen;
      s.distribution = chosen ? await service.getDistribution(chosen) : undefined;
    },
  };
}

/** The behaviors of the chosen distribution that serve the bucket (the default first), when it serves it. */
function bucketBehaviors(s: ChoiceState): Array<string | undefined> {
  const origin = s.distribution?.origins.find((o) => o.kind === 's3' && bucketOfOrigin(o) === s.bucket);
  if (!s.distribution || !origin) return [];
  const serving = s.distribution.behaviors.filter((b) => b.targetOriginId === origin.id);
  return [...serving.filter((b) => b.pathPattern === undefined), ...serving.filter((b) => b.pathPattern !== undefined)].map((b) => b.pathPattern);
}

function patternStep(): PromptStep<ChoiceState> {
  return {
    shouldPrompt: () => true,
    prompt: async (s, ui, position) => {
      // An existing distribution that does not serve the bucket yet: only a new path pattern can.
      if (s.distributionId && bucketBehaviors(s).length === 0) {
        s.pathPattern = await askPattern(s, ui, position, vscode.l10n.t('Bucket {0} becomes a new origin of {1}, served under this path pattern', s.bucket, s.distributionId));
        return;
      }
      const behaviors: Array<string | undefined> = s.distributionId ? bucketBehaviors(s) : [DEFAULT_PATTERN];
      const typed = Symbol('typed');
      const chosen = await ui.pick<string | undefined | typeof typed>({
        title: title(),
        placeholder: vscode.l10n.t('Which requests need a signed URL?'),
        items: [
          ...behaviors.map((pattern, index) => ({
            label: pattern ?? vscode.l10n.t('Default (*)'),
            description: pattern === undefined ? vscode.l10n.t('every file of bucket {0}', s.bucket) : vscode.l10n.t('files whose path matches {0}', pattern),
            value: pattern,
            picked: s.pathPattern === undefined ? index === 0 : pattern === s.pathPattern,
          })),
          { label: vscode.l10n.t('$(edit) A path pattern…'), description: vscode.l10n.t('for example /private/*; other paths stay as they are'), value: typed },
        ],
        position,
      });
      s.pathPattern = chosen === typed ? await askPattern(s, ui, position, vscode.l10n.t('The path pattern to restrict')) : chosen;
    },
  };
}

async function askPattern(s: ChoiceState, ui: Ui, position: StepPosition, prompt: string): Promise<string> {
  return (
    await ui.input({
      title: title(),
      prompt,
      placeholder: '/private/*',
      ...(s.pathPattern ? { value: s.pathPattern } : {}),
      validate: (value) => (value.trim() && value.trim() !== '*' ? undefined : vscode.l10n.t('Enter a path pattern such as /private/*.')),
      position,
    })
  ).trim();
}

/** The listed keys CloudFront holds, each with where its private key lives (the Keys view's words), then a new key pair in each key group with room. */
async function keyItems(
  groups: KeyGroupSummary[],
  inCloudFront: ReadonlySet<string>,
  keyStore: KeyStore & Pick<MutableKeyStore, 'hasPrivateKey'>,
): Promise<PickItem<{ keyPairId?: string; keyGroupId?: string }>[]> {
  const local = keyStore.list().filter((k) => k.publicKeyId && inCloudFront.has(k.publicKeyId));
  const places = await privateKeyPlaces(keyStore, local);
  return [
    ...local.map((k) => ({
      label: `$(key) ${k.name}`,
      description: vscode.l10n.t('{0} · existing key, {1}', k.publicKeyId!, places.get(k.fingerprint)!.description),
      value: { keyPairId: k.publicKeyId! },
    })),
    ...groups
      .filter((g) => g.publicKeyIds.length < KEYS_PER_KEY_GROUP)
      .map((g) => ({
        label: vscode.l10n.t('$(add) New key pair in key group {0}', g.name),
        description: vscode.l10n.t('{0} of {1} keys', g.publicKeyIds.length, KEYS_PER_KEY_GROUP),
        value: { keyGroupId: g.id },
      })),
  ];
}

function keyStep(): PromptStep<ChoiceState> {
  return {
    shouldPrompt: (s) => s.keyItems.length > 0,
    prompt: async (s, ui, position) => {
      const chosen = await ui.pick({
        title: title(),
        placeholder: vscode.l10n.t('Which key signs the URLs?'),
        items: [
          {
            label: vscode.l10n.t('$(add) New key pair in a new key group'),
            description: vscode.l10n.t('RSA 2048, private key in VS Code secret storage'),
            value: {},
            picked: !s.keyPairId && !s.keyGroupId,
          },
          ...s.keyItems.map((item) => ({ ...item, picked: (!!item.value.keyPairId && item.value.keyPairId === s.keyPairId) || (!!item.value.keyGroupId && item.value.keyGroupId === s.keyGroupId) })),
        ],
        position,
      });
      s.keyPairId = chosen.keyPairId;
      s.keyGroupId = chosen.keyGroupId;
    },
  };
}
