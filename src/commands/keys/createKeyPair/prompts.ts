// The questions of "CloudFront: Create Key Pair", each a step that keeps its answer in the state so
// Back shows it again. Lists come from CloudFront once per wizard. With arguments nothing is asked
// (command.ts checks them instead), so whether a step asks depends only on earlier answers.
import * as vscode from 'vscode';
import type { CloudFrontService, DistributionSummary, KeyGroupSummary } from '../../../aws/cloudFrontService';
import { DistributionDetails } from '../../../aws/distributionDetails';
import { Lazy } from '../../../lazy';
import { readAllPages } from '../../../aws/readAllPages';
import { DEFAULT_BEHAVIOR_PATTERN } from '../../../aws/trustedKeyGroups';
import { CancellationError } from '../../../errors';
import { KEY_ALGORITHMS, type KeyAlgorithm } from '../../../keys/algorithms';
import { KEYS_PER_KEY_GROUP, RESOURCE_NAME, RESOURCE_NAME_MAX_LENGTH } from '../../../cloudfront/rules';
import type { PickItem } from '../../../ui/ui';
import { recorded, type PromptStep } from '../../../wizard/wizard';
import { keyGroupFullProblem } from '../keyGroupChanges';
import type { KeyServicesOf } from '../keyMaterialState';
import { keyStoragePrompts } from '../keyStoragePrompts';
import { kmsAliasFor } from '../../../keys/keyStorage';
import type { KeyMaterialState } from '../keyMaterialState';
import type { CreateKeyPairGiven, CreateKeyPairState, KeyGroupChoice } from './state';
import { whenShown } from '../whenShown';
import { readKeyGroups } from '../../../aws/keyGroupDirectory';
import { distributionItem } from '../../distributionPick';

/**
 * What the prompts read from CloudFront, each list loaded once per wizard (a failed read is tried
 * again when a prompt next asks).
 */
export class WizardLookups {
  private readonly publicKeyNames = new Lazy(async () => {
    const service = await this.service();
    return new Set((await readAllPages((m) => service.listPublicKeys(m))).map((k) => k.name));
  });
  private readonly keyGroups = new Lazy(async () => {
    return readKeyGroups(await this.service());
  });
  private readonly details: DistributionDetails;
  /** Summaries that lack aliases and comment (moto's) completed, so the pick can tell them apart. */
  private readonly distributions = new Lazy(async () => this.details.completeAll((await (await this.service()).listDistributions()).items));

  constructor(readonly service: () => Promise<CloudFrontService>) {
    this.details = new DistributionDetails(service);
  }

  existingPublicKeyNames(): Promise<Set<string>> {
    return this.publicKeyNames.get();
  }

  allKeyGroups(): Promise<KeyGroupSummary[]> {
    return this.keyGroups.get();
  }

  /** The first page of distributions (100), which is what a pick can sensibly show. */
  someDistributions(): Promise<DistributionSummary[]> {
    return this.distributions.get();
  }

  /** The distribution with its behaviors, read once per wizard (not again when the pick completed it). */
  distribution(id: string): Promise<DistributionSummary> {
    return this.details.get(id);
  }
}

export function nameProblem(value: string, what: string): string | undefined {
  if (!value) return vscode.l10n.t('Enter a name for the {0}.', what);
  if (!RESOURCE_NAME.test(value)) return vscode.l10n.t('Use up to {0} letters, digits, hyphens and underscores: {1}', RESOURCE_NAME_MAX_LENGTH, value);
  return undefined;
}

export const ALGORITHM_LABELS: Record<KeyAlgorithm, string> = { RSA_2048: 'RSA 2048', ECDSA_P256: 'ECDSA P-256' };

export function createKeyPairPrompts(lookups: WizardLookups, keys: KeyServicesOf): PromptStep<CreateKeyPairState>[] {
  const title = vscode.l10n.t('Create Key Pair');
  return [
    {
      shouldPrompt: (state) => state.given.name === undefined,
      prompt: async (state, ui, position) => {
        // The default is a name no public key has yet; without the list (no access yet) the validation says so.
        const taken = await lookups.existingPublicKeyNames().catch(() => new Set<string>());
        state.name = await ui.input({
          title,
          position,
          prompt: vscode.l10n.t('Name of the public key in CloudFront (Enter takes the one shown)'),
          value: state.name,
          defaultValue: firstFreeName(DEFAULT_KEY_NAME, taken),
          unattended: { missing: 'name' },
          validate: async (value) => {
            const problem = nameProblem(value, vscode.l10n.t('public key'));
            if (problem) return problem;
            return (await lookups.existingPublicKeyNames()).has(value) ? vscode.l10n.t('A public key named {0} already exists.', value) : undefined;
          },
        });
      },
    },
    {
      shouldPrompt: (state) => state.given.algorithm === undefined,
      prompt: async (state, ui, position) => {
        state.algorithm = await ui.pick({
          title,
          position,
          placeholder: vscode.l10n.t('Key algorithm'),
          unattended: { missing: 'algorithm' },
          items: KEY_ALGORITHMS.map((algorithm) => ({
            label: ALGORITHM_LABELS[algorithm],
            description: algorithm === 'RSA_2048' ? vscode.l10n.t('default · private key kept as PKCS#1 PEM') : vscode.l10n.t('shorter keys and signatures · signs with SHA-256'),
            value: algorithm,
            picked: algorithm === (state.algorithm ?? 'RSA_2048'),
          })),
        });
      },
    },
    ...keyStoragePrompts<CreateKeyPairState>(keys, title),
    {
      shouldPrompt: (state) => !keyGroupGiven(state.given),
      prompt: async (state, ui, position) => {
        const previous = state.keyGroup;
        const chosen = await ui.pick<KeyGroupChoice | KeyGroupSummary>({
          title,
          position,
          placeholder: vscode.l10n.t('Key group to put the public key in'),
          unattended: { missing: 'keyGroupName', message: vscode.l10n.t('Pass either keyGroupName (a new key group) or keyGroupId (an existing one).') },
          items: lookups.allKeyGroups().then((groups) => [
            { label: vscode.l10n.t('$(add) New key group'), value: { kind: 'new' as const }, picked: previous?.kind === 'new' },
            ...groups.map((group) => ({
              label: group.name,
              description: vscode.l10n.t('{0} of {1} keys used', group.publicKeyIds.length, KEYS_PER_KEY_GROUP),
              detail: keyGroupFullProblem(group) ? vscode.l10n.t('full') : group.id,
              value: group,
              picked: previous?.kind === 'existing' && previous.id === group.id,
            })),
          ]),
          validate: (value) => ('kind' in value ? undefined : keyGroupFullProblem(value)),
        });
        state.keyGroup = 'kind' in chosen ? { kind: 'new', ...(previous?.kind === 'new' && previous.name ? { name: previous.name } : {}) } : { kind: 'existing', id: chosen.id, name: chosen.name };
      },
    },
    {
      shouldPrompt: (state) => !keyGroupGiven(state.given) && state.keyGroup?.kind === 'new',
      mayPrompt: (state) => !keyGroupGiven(state.given),
      followsUp: true,
      prompt: async (state, ui, position) => {
        const groups = lookups.allKeyGroups();
        const taken = new Set((await groups.catch(() => [])).map((g) => g.name));
        const name = await ui.input({
          title,
          position,
          prompt: vscode.l10n.t('Name of the new key group (Enter takes the one shown)'),
          value: state.keyGroup?.kind === 'new' ? state.keyGroup.name : undefined,
          defaultValue: firstFreeName(DEFAULT_KEY_GROUP_NAME, taken),
          unattended: { missing: 'keyGroupName' },
          validate: async (value) =>
            nameProblem(value, vscode.l10n.t('key group')) ?? ((await groups).some((g) => g.name === value) ? vscode.l10n.t('A key group named {0} already exists.', value) : undefined),
        });
        state.keyGroup = { kind: 'new', name };
      },
    },
    {
      // Asked with the given distribution chosen; nobody to ask: the given one, or none.
      shouldPrompt: () => true,
      prompt: async (state, ui, position) => {
        const none = { id: null };
        const chosen = await ui.pick<{ id: string | null }>({
          title,
          position,
          placeholder: vscode.l10n.t('Restrict cache behaviors of a distribution with this key group? (optional)'),
          unattended: { answer: { id: state.distributionId ?? null } },
          items: whenShown(() => lookups.someDistributions()).then((list) => [
            {
              label: vscode.l10n.t('Not now'),
              description:
                state.keyGroup?.kind === 'existing' ? vscode.l10n.t('only create the key pair in key group {0}', state.keyGroup.name) : vscode.l10n.t('only create the key pair and key group'),
              value: none,
              picked: !state.distributionId,
            },
            ...list.map((d) => distributionItem<{ id: string | null }>(d, { id: d.id }, d.id === state.distributionId)),
          ]),
        });
        if (chosen.id !== state.distributionId) state.pathPatterns = undefined;
        state.distributionId = chosen.id;
      },
    },
    {
      shouldPrompt: (state) => !!state.distributionId,
      mayPrompt: () => true,
      followsUp: true,
      prompt: async (state, ui, position) => {
        const distributionId = recorded(state, 'distributionId', 'the distribution');
        const distribution = () => lookups.distribution(distributionId);
        const groups = () => lookups.allKeyGroups();
        state.pathPatterns = await ui.pickMany({
          title,
          position,
          // Short enough to show whole in the quick pick at its default width: the rows say the rest.
          placeholder: vscode.l10n.t('Behaviors of {0} that need signed URLs', distributionId),
          unattended: state.pathPatterns ? { answer: [...state.pathPatterns] } : { missing: 'pathPatterns' },
          items: whenShown(() => Promise.all([distribution(), groups()])).then(([d, all]) =>
            d.behaviors.map((b) => {
              const names = b.trustedKeyGroupIds.map((id) => all.find((g) => g.id === id)?.name ?? id);
              const pattern = b.pathPattern ?? DEFAULT_BEHAVIOR_PATTERN;
              return {
                label: behaviorLabel(pattern),
                description: names.length ? vscode.l10n.t('restricted by key groups: {0}', names.join(', ')) : vscode.l10n.t('unrestricted now'),
                value: pattern,
                picked: state.pathPatterns?.includes(pattern) ?? false,
              };
            }),
          ),
          validate: (values) => (values.length ? undefined : vscode.l10n.t('Choose at least one cache behavior, or go Back and choose "Not now".')),
        });
      },
    },
    {
      // A person confirms; a call nobody answers has said what it wants.
      shouldPrompt: () => true,
      prompt: async (state, ui, position) => {
        const choice = await ui.pick<Confirmation>({
          title,
          position,
          placeholder: vscode.l10n.t('Create this key pair? It does what the rows below say.'),
          unattended: { answer: 'create' },
          items: whenShown(() => confirmRows(state, lookups)),
          validate: (value) => (value === 'info' ? vscode.l10n.t('Choose Create to go ahead, or Cancel.') : undefined),
        });
        if (choice !== 'create') throw new CancellationError();
        state.confirmed = true;
      },
    },
  ];
}

/** The call named the key group (by options, or the row or id it was run on): it is not asked. */
const keyGroupGiven = (given: CreateKeyPairGiven): boolean => given.keyGroupId !== undefined || given.keyGroupName !== undefined;

const DEFAULT_KEY_NAME = 'signing-key-1';
const DEFAULT_KEY_GROUP_NAME = 'signing-keys';

/** `base`, or `base` with the first number after it (counting on from its own) that `taken` lacks. */
export function firstFreeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  const [, stem = base, start = ''] = /^(.*?)-?(\d*)$/.exec(base) ?? [];
  for (let n = Number(start || 1) + 1; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** How a cache behavior is named to a person: its path pattern, or "Default (*)". */
export function behaviorLabel(pattern: string): string {
  return pattern === DEFAULT_BEHAVIOR_PATTERN ? vscode.l10n.t('Default (*)') : pattern;
}

type Confirmation = 'create' | 'cancel' | 'info';

/**
 * Where the private key goes, as its own confirm row: the kind in the label, the name in the detail,
 * each short enough for one line of the quick pick (a KMS alias after a sentence was cut off).
 */
export function privateKeyRow(state: KeyMaterialState): PickItem<Confirmation> {
  switch (state.keyStorage ?? 'local') {
    case 'kms':
      return state.kmsKeyId
        ? { label: vscode.l10n.t('$(cloud) Private key in AWS KMS'), detail: vscode.l10n.t('existing key {0} · never leaves KMS', state.kmsKeyId), value: 'info' }
        : { label: vscode.l10n.t('$(cloud) Private key in a new AWS KMS key'), detail: vscode.l10n.t('{0} · never leaves KMS', kmsAliasFor(state.name ?? '')), value: 'info' };
    case 'secretsManager':
      return { label: vscode.l10n.t('$(cloud) Private key in AWS Secrets Manager'), detail: vscode.l10n.t('secret {0} · no copy on this machine', state.secretName ?? ''), value: 'info' };
    default:
      return { label: vscode.l10n.t("$(lock) Private key in VS Code's secret storage"), detail: vscode.l10n.t('on this machine only'), value: 'info' };
  }
}

/**
 * The confirm step: Create, then one short row per thing the wizard will do (a row of a quick pick
 * is one line: a single summary line was cut off), then Cancel.
 */
export async function confirmRows(state: CreateKeyPairState, lookups: WizardLookups): Promise<PickItem<Confirmation>[]> {
  const group = state.keyGroup;
  const groupName = group?.name ?? '';
  const rows: PickItem<Confirmation>[] = [
    { label: vscode.l10n.t('$(check) Create'), value: 'create' },
    {
      label: vscode.l10n.t('$(key) {0} key pair {1}', ALGORITHM_LABELS[state.algorithm ?? 'RSA_2048'], state.name ?? ''),
      detail: vscode.l10n.t('The public key goes to CloudFront.'),
      value: 'info',
    },
    privateKeyRow(state),
    group?.kind === 'existing'
      ? { label: vscode.l10n.t('$(folder) Existing key group {0}', groupName), detail: vscode.l10n.t('The new public key is added to it.'), value: 'info' }
      : { label: vscode.l10n.t('$(new-folder) New key group {0}', groupName), detail: vscode.l10n.t('Created with the new public key in it.'), value: 'info' },
  ];
  if (state.distributionId) {
    const distribution = await lookups.distribution(state.distributionId).catch(() => undefined);
    rows.push({
      label: vscode.l10n.t('$(cloud) Distribution {0}', state.distributionId),
      ...(distribution ? { description: distribution.aliases[0] ?? distribution.domainName } : {}),
      value: 'info',
    });
    for (const pattern of state.pathPatterns ?? []) {
      rows.push({
        label: vscode.l10n.t('$(lock) Restrict {0}', behaviorLabel(pattern)),
        detail: vscode.l10n.t('Requests need a URL or cookies signed with a key of {0}.', groupName),
        value: 'info',
      });
    }
  }
  rows.push({ label: vscode.l10n.t('Cancel'), value: 'cancel' });
  return rows;
}
