// What a person chooses when running "Protect S3 Bucket with CloudFront" from the palette or a bucket
// row: a new distribution or an existing one, the behavior to restrict, and a new key pair or an
// existing key / key group. Each question starts on the default (new distribution, default behavior,
// and a key the chosen behavior already trusts when this window can sign with it, else a new key pair
// in a new key group), so Enter takes it, and a question with nothing to choose from is not asked (no
// distributions, no key groups and no local keys: only the defaults remain). Typed path patterns are
// checked by CloudFront's rule as the person types; key groups are named by name and id.
import * as vscode from 'vscode';
import { bucketOfOrigin } from '../../aws/bucketPolicy';
import type { DistributionSummary, KeyGroupSummary } from '../../aws/cloudFrontService';
import type { CloudFrontService } from '../../aws/cloudFrontService';
import { readAllPages } from '../../aws/readAllPages';
import { KEYS_PER_KEY_GROUP } from '../../cloudfront/rules';
import type { KeyStore, LocalKey, MutableKeyStore } from '../../keys/keyStore';
import { privateKeyPlaces, type PrivateKeyPlace } from '../../ui/privateKeyPlace';
import type { PickItem, StepPosition, Ui } from '../../ui/ui';
import { runPrompts, type PromptStep } from '../../wizard/wizard';
import { readKeyGroups } from '../../aws/keyGroupDirectory';
import { distributionItem, distributionsToShow } from '../distributionPick';
import { pathPatternRefusal } from './pathPatternText';
import { isDefaultPattern } from './protectedBehavior';

/** The answers, in the shape of Protect's options. */
export interface ProtectChoices {
  bucket: string;
  distributionId?: string;
  pathPattern?: string;
  keyPairId?: string;
  keyGroupId?: string;
}

type KeyChoice = { keyPairId?: string; keyGroupId?: string };

/** A key of this window that CloudFront lists: its public key id is known. */
type ListedKey = LocalKey & { publicKeyId: string };

interface ChoiceState extends ProtectChoices {
  distributions: DistributionSummary[];
  groups: KeyGroupSummary[];
  /** Listed keys that CloudFront knows and this window can sign with (a PEM here, or a key kept in AWS). */
  signable: ListedKey[];
  /** Where each listed key's private key lives, by fingerprint. */
  places: ReadonlyMap<string, PrivateKeyPlace>;
  /** The chosen existing distribution, read whole (origins and behaviors). */
  distribution?: DistributionSummary;
  /** The key question was answered (Back shows that answer, not the default again). */
  keyChosen?: boolean;
}

/** "media-signers (0a1b2c3d-…)": a key group as pickers and messages name it. */
export const keyGroupLabel = (group: Pick<KeyGroupSummary, 'id' | 'name'>): string => (group.name && group.name !== group.id ? `${group.name} (${group.id})` : group.id);

const DEFAULT_PATTERN = undefined;

/** Asks what the options leave open; the answers become options for readOptions. */
/** `preset`: answers to start on (Diagnose's "Protect Bucket" names the distribution and behavior); each is still asked. */
export async function askProtectChoices(
  bucket: string,
  service: CloudFrontService,
  keyStore: KeyStore & Pick<MutableKeyStore, 'hasPrivateKey'>,
  ui: Ui,
  preset: Pick<ProtectChoices, 'distributionId' | 'pathPattern'> = {},
): Promise<ProtectChoices> {
  const [distributions, groups, publicKeys] = await Promise.all([distributionsToShow(service), readKeyGroups(service), readAllPages((marker) => service.listPublicKeys(marker))]);
  const inCloudFront = new Set(publicKeys.map((k) => k.id));
  const listed = keyStore.list().filter((k): k is ListedKey => k.publicKeyId !== undefined && inCloudFront.has(k.publicKeyId));
  // Where each private key lives, in the Keys view's words; one this window cannot use (another window's PEM) cannot sign.
  const places = await privateKeyPlaces(keyStore, listed);
  const signable = listed.filter((k) => places.get(k.fingerprint)?.kind !== 'unavailable');
  const state: ChoiceState = {
    bucket,
    distributions,
    groups,
    signable,
    places,
    ...(preset.distributionId !== undefined ? { distributionId: preset.distributionId } : {}),
    ...(preset.pathPattern !== undefined ? { pathPattern: preset.pathPattern } : {}),
  };
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
      // `*` alone is the default behavior, offered as its own row.
      validate: (value) => (value.trim() === '*' ? vscode.l10n.t('Enter a path pattern such as /private/*.') : pathPatternRefusal(value.trim())),
      position,
    })
  ).trim();
}

/** The behavior the answers name: the chosen distribution's, by path pattern (undefined: the default). */
function chosenBehavior(s: ChoiceState) {
  return s.distribution?.behaviors.find((b) => (isDefaultPattern(s.pathPattern) ? b.pathPattern === undefined : b.pathPattern === s.pathPattern));
}

/**
 * The keys to offer: each signable key (with the key group of the chosen behavior that holds it, when
 * one does), then a new key pair in each key group that has room. `trusted`: the first key the behavior
 * already trusts, the default.
 */
function keyItems(s: ChoiceState): { items: PickItem<KeyChoice>[]; trusted?: KeyChoice } {
  const behavior = chosenBehavior(s);
  const trustingGroups = s.groups.filter((g) => behavior?.trustedKeyGroupIds.includes(g.id));
  let trusted: KeyChoice | undefined;
  const keys = s.signable.map((k) => {
    const group = trustingGroups.find((g) => g.publicKeyIds.includes(k.publicKeyId));
    const where = s.places.get(k.fingerprint)?.description ?? '';
    const value: KeyChoice = { keyPairId: k.publicKeyId, ...(group ? { keyGroupId: group.id } : {}) };
    if (group && !trusted) trusted = value;
    return {
      label: `$(key) ${k.name}`,
      description: group
        ? vscode.l10n.t('{0} · trusted already through key group {1}, {2}', k.publicKeyId, keyGroupLabel(group), where)
        : vscode.l10n.t('{0} · existing key, {1}', k.publicKeyId, where),
      value,
    };
  });
  const groups = s.groups
    .filter((g) => g.publicKeyIds.length < KEYS_PER_KEY_GROUP)
    .map((g) => ({
      label: vscode.l10n.t('$(add) New key pair in key group {0}', g.name),
      description: vscode.l10n.t('{0} · {1} of {2} keys', g.id, g.publicKeyIds.length, KEYS_PER_KEY_GROUP),
      value: { keyGroupId: g.id },
    }));
  return { items: [...keys, ...groups], ...(trusted ? { trusted } : {}) };
}

const sameChoice = (a: KeyChoice, b: KeyChoice): boolean => a.keyPairId === b.keyPairId && a.keyGroupId === b.keyGroupId;

function keyStep(): PromptStep<ChoiceState> {
  return {
    shouldPrompt: (s) => keyItems(s).items.length > 0,
    prompt: async (s, ui, position) => {
      const { items, trusted } = keyItems(s);
      // Until the person answers, the default is a key the behavior trusts already: nothing to change in key groups.
      const current: KeyChoice = s.keyChosen ? { ...(s.keyPairId ? { keyPairId: s.keyPairId } : {}), ...(s.keyGroupId ? { keyGroupId: s.keyGroupId } : {}) } : (trusted ?? {});
      const chosen = await ui.pick<KeyChoice>({
        title: title(),
        placeholder: vscode.l10n.t('Which key signs the URLs?'),
        items: [
          {
            label: vscode.l10n.t('$(add) New key pair in a new key group'),
            description: vscode.l10n.t('RSA 2048, private key in VS Code secret storage'),
            value: {},
            picked: sameChoice(current, {}),
          },
          ...items.map((item) => ({ ...item, picked: sameChoice(item.value, current) })),
        ],
        position,
      });
      s.keyPairId = chosen.keyPairId;
      s.keyGroupId = chosen.keyGroupId;
      s.keyChosen = true;
    },
  };
}
