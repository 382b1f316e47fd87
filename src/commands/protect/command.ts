// "CloudFront: Protect S3 Bucket with CloudFront": from a private bucket to a distribution that serves
// it only through an origin access control and only with URLs signed by a key group's keys. With
// ProtectBucketOptions it asks nothing and checks every option, and what the account says about them,
// before it changes anything. A person's call from the palette or a bucket row asks for the bucket when
// it was not given, then for the distribution, the behavior and the key (choices.ts), each starting on
// the default (a new distribution, the default behavior, a key the behavior trusts already or a new RSA
// key pair and key group named after the bucket); from an origin row it takes that origin's
// distribution and behavior. A person then confirms one summary of every change (changeSummary.ts).
// Failures report what was done, with Retry and Undo (src/wizard/recovery.ts). With `wait: true` it waits for the
// deployment and then verifies the protection (verifyCommand.ts); a person is offered "Copy Signed URL"
// and "Verify Protection" at once, and what still lets anyone read the bucket comes as its own warning,
// whose "Close Public Access" is confirmed and logged.
import * as v from 'valibot';
import * as vscode from 'vscode';
import type { CloudFrontService, RawDistributionConfig } from '../../aws/cloudFrontService';
import { bucketOfOrigin } from '../../aws/bucketPolicy';
import { bucketOriginOf, protectProblem } from '../../aws/protectConfig';
import { readAllPages } from '../../aws/readAllPages';
import { mergeOacStatement } from '../../iam/bucketPolicyMerge';
import type { S3Buckets } from '../../aws/s3Buckets';
import { Commands } from '../../constants';
import { CancellationError, UserError } from '../../errors';
import type { ExtensionEvents } from '../../events';
import { BucketNode } from '../../tree/bucketNode';
import { OriginNode } from '../../tree/originNode';
import { runPrompts, type PromptStep } from '../../wizard/wizard';
import { keyGroupById } from '../keys/chooseKey';
import { keyRecovery, type KeyCommandContext } from '../keys/keyCommandContext';
import { keyGroupFullProblem } from '../keys/keyGroupChanges';
import { algorithmOption, nameOption } from '../keys/keyOptions';
import { keyStorageEntries, readKeyStorageOptions } from '../keys/keyStorageOptions';
import { executeWithRecovery } from '../../wizard/recovery';
import { defineCommandIn, mustBeString, optionalFlag, optionalText, optionsObject, parseOptions, positionalText, required, requiredText } from '../options';
import { bucketPartition, checkBucketPolicy, publicPolicyProblem } from './bucketPolicyStep';
import { changeLines, keyGroupNamed } from './changeSummary';
import { askProtectChoices } from './choices';
import { pathPatternRefusal } from './pathPatternText';
import { copySignedUrl } from './copySignedUrl';
import { protectBucketExecutes } from './executes';
import type { ProtectBucketResult, ProtectBucketState } from './state';
import type { Requester } from './verify';
import { describeChecks, verifyBehavior } from './verifyCommand';
import { awsStatus, isAwsError } from '../../aws/awsError';
import { keyGroupsHolding, readKeyGroups } from '../../aws/keyGroupDirectory';
import { resourceNameFrom } from '../../cloudfront/rules';
import { s3RegionalDomain, type Partition } from '../../cloudfront/partitions';

/** The key commands' context, with a source that also reaches S3 buckets (AwsSession). */
export interface ProtectBucketContext extends KeyCommandContext {
  readonly source: KeyCommandContext['source'] & { buckets(): Promise<S3Buckets> };
  readonly events?: Pick<ExtensionEvents, 'didChangeKeys' | 'didRestrictBehaviors'> & Partial<Pick<ExtensionEvents, 'didSign'>>;
  /** How the verification's requests are sent (verify.ts); the network unless a test routes them. */
  readonly request?: Requester;
}

const NewKeyOption = v.strictObject(
  {
    name: required(
      nameOption('newKey.name', () => vscode.l10n.t('public key')),
      () => vscode.l10n.t('newKey.name is required.'),
    ),
    algorithm: required(algorithmOption, () => vscode.l10n.t('algorithm must be RSA_2048 or ECDSA_P256.')),
    /** Where the private key lives (default 'local'), as Create Key Pair takes it. */
    ...keyStorageEntries,
  },
  () => vscode.l10n.t('newKey must be an object { name, algorithm, keyStorage?, kmsKeyId?, secretName?, secretKmsKeyId? }.'),
);

const ProtectBucketEntries = optionsObject({
  bucket: requiredText('bucket', () => vscode.l10n.t('bucket is required: the name of the S3 bucket to protect.')),
  distributionId: optionalText('distributionId'),
  /** The behavior to restrict; absent: the default behavior. Checked by CloudFront's rule before anything is read. */
  pathPattern: v.optional(
    v.pipe(
      v.string(mustBeString('pathPattern')),
      v.check(
        (pattern) => !pathPatternRefusal(pattern),
        (issue) => `pathPattern: ${pathPatternRefusal(String(issue.input)) ?? ''}`,
      ),
    ),
  ),
  /** An existing public key… */
  keyPairId: optionalText('keyPairId'),
  /** …or a new key pair. */
  newKey: v.optional(NewKeyOption),
  keyGroupId: optionalText('keyGroupId'),
  keyGroupName: v.optional(nameOption('keyGroupName', () => vscode.l10n.t('key group'))),
  wait: optionalFlag('wait'),
});

export const ProtectBucketOptions = v.pipe(
  ProtectBucketEntries,
  v.forward(
    v.check(
      (o) => (o.keyPairId === undefined) !== (o.newKey === undefined),
      () => vscode.l10n.t('Pass either keyPairId (an existing public key) or newKey (a new key pair).'),
    ),
    ['keyPairId'],
  ),
  v.forward(
    v.check(
      (o) => o.keyGroupId === undefined || o.keyGroupName === undefined,
      () => vscode.l10n.t('Pass keyGroupId (an existing key group) or keyGroupName (a new one), not both.'),
    ),
    ['keyGroupName'],
  ),
);
type ProtectBucketOptions = v.InferOutput<typeof ProtectBucketOptions>;

/** `base`, or `base-2`, `base-3`… : the first that `taken` does not hold. */
function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const protectBucket = defineCommandIn(ProtectBucketOptions, async (context: ProtectBucketContext, call): Promise<ProtectBucketResult> => {
  const interactive = call.kind === 'interactive';
  const state: ProtectBucketState = { interactive, done: [], ...(context.source.profile ? { profile: context.source.profile } : {}) };
  let options: Partial<ProtectBucketOptions> = {};
  /** A person's run from the palette or a bucket row: the distribution, behavior and key are asked. */
  let ask = false;
  if (call.kind === 'automation') options = call.options;
  else if (call.given) {
    // `{ interactive: true, …options }`: a person's run (Retry/Undo asked) with answers given. Without
    // a key (Diagnose's "Protect Bucket"), the questions are asked, starting on the answers given;
    // with one, the answers must be complete (the whole schema).
    ask = call.given.keyPairId === undefined && call.given.newKey === undefined;
    options = parseOptions(ask ? ProtectBucketEntries : ProtectBucketOptions, call.given);
  } else if (call.context instanceof OriginNode) {
    options = fromOriginRow(call.context);
  } else {
    const bucket = call.context instanceof BucketNode ? call.context.bucket.name : positionalText(call.context);
    if (bucket) options = { bucket };
    ask = true;
  }
  state.bucket = options.bucket;
  await runPrompts(state, bucketPrompt(), context.ui);
  const service = await context.source.cloudFront();
  const buckets = await context.source.buckets();
  await readBucket(state, buckets);
  if (ask) options = { ...options, ...(await askProtectChoices(state.bucket!, service, context.keyStore, context.ui, options)) };
  const keys = (region?: string) => context.source.keyServices(region);
  const existingConfig = await readOptions(state, options, service);
  if (state.newKey) await readKeyStorageOptions(state, options.newKey ?? {}, keys, context.source.profile, 'newKey.');
  await checkBucketPolicy(state, buckets, service);
  // A person sees every change at once and says yes before anything is created or changed.
  if (interactive) await confirmChanges(context, state, existingConfig, service, buckets);

  await executeWithRecovery(
    keyRecovery(context, 'protect'),
    vscode.l10n.t('Protecting bucket {0}', state.bucket!),
    state,
    protectBucketExecutes(
      () => context.source.cloudFront(),
      () => context.source.buckets(),
      context.keyStore,
      keys,
    ),
    interactive,
  );
  state.key = undefined; // the private key now lives in SecretStorage, KMS or its secret only
  if (state.newKey) context.events?.didChangeKeys.fire();
  context.events?.didRestrictBehaviors.fire();
  const result: ProtectBucketResult = {
    distributionId: state.distributionId!,
    domainName: state.domainName!,
    originAccessControlId: state.originAccessControlId!,
    keyGroupId: state.keyGroupId!,
    publicKeyId: state.publicKeyId!,
    bucketPolicy: state.bucketPolicy!,
    ...(state.bucketPolicyWarnings?.length ? { bucketPolicyWarnings: state.bucketPolicyWarnings } : {}),
    publicAccess: await publicAccessProblems(await context.source.buckets(), state.bucket!, bucketPartition(state)),
  };
  if (result.bucketPolicyWarnings) {
    context.log.warn(`[protect] bucket ${state.bucket!}: ${result.bucketPolicyWarnings.join(' ')}`);
    if (interactive) void context.ui.notify('warning', result.bucketPolicyWarnings.join(' '));
  }
  // Deployed: prove it. What cannot be checked (no object in the bucket, no key of the group here) is said, not failed.
  if (state.wait) {
    try {
      result.verification = await verifyBehavior(context, nextStepRequest(state));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      result.verification = { skipped: error.message };
    }
    if (interactive) {
      const verification = result.verification;
      void context.ui.notify('passed' in verification && verification.passed ? 'info' : 'warning', 'skipped' in verification ? verification.skipped : describeChecks(verification));
    }
  }
  context.log.info(`[protect] bucket ${state.bucket!}: distribution ${result.distributionId}, OAC ${result.originAccessControlId}, key group ${result.keyGroupId}, policy ${result.bucketPolicy}`);
  // The success at once; what still lets anyone read the bucket is its own warning, never in the way.
  if (interactive) void offerNextSteps(context, state, result);
  if (result.publicAccess.length) {
    context.log.warn(`[protect] bucket ${state.bucket!} is still readable by anyone: ${result.publicAccess.join(' ')}`);
    if (interactive) void offerToClosePublicAccess(context, state.bucket!, result.publicAccess);
  }
  return result;
});

/** The summary of every change, as one modal; Cancel changes nothing. */
async function confirmChanges(context: ProtectBucketContext, state: ProtectBucketState, config: RawDistributionConfig | undefined, service: CloudFrontService, buckets: S3Buckets): Promise<void> {
  let policyChanges = true;
  if (state.existingDistribution) {
    // An existing distribution's ARN may be in the policy already (a second run): then the policy stays.
    const arn = (await service.getDistribution(state.distributionId!)).arn;
    policyChanges = mergeOacStatement(await buckets.getPolicy(state.bucket!), state.bucket!, arn).outcome === 'added';
  }
  const lines = changeLines(state, config, policyChanges);
  const go = vscode.l10n.t('Protect');
  const confirmed = await context.ui.confirm(vscode.l10n.t('Protect bucket {0} with CloudFront? This makes these changes:', state.bucket!), lines.map((line) => `• ${line}`).join('\n'), go);
  if (!confirmed) throw new CancellationError();
}

/**
 * The warning that the bucket is still readable straight from S3, with "Close Public Access": that runs
 * the command, which asks again in a modal naming what it removes, then does it, logs it and refreshes
 * the S3 Buckets view.
 */
async function offerToClosePublicAccess(context: ProtectBucketContext, bucket: string, problems: string[]): Promise<void> {
  const close = vscode.l10n.t('Close Public Access');
  try {
    const choice = await context.ui.notify('warning', `${problems.join(' ')} ${vscode.l10n.t('Signed URLs protect nothing while anyone can read the bucket straight from S3.')}`, close);
    // Through the command: its wrapper shows a failure, and the view shows the bucket closed.
    if (choice === close) await vscode.commands.executeCommand(Commands.closePublicAccess, bucket);
  } catch (error) {
    // Cancelled in the modal, or failed: the command said so already; the log keeps the reason.
    context.log.debug(`[protect] Close Public Access for bucket ${bucket} did not complete: ${messageOf(error)}`);
  }
}

/** The distribution, behavior and key that Copy Signed URL and Verify Protection use after a run. */
function nextStepRequest(state: ProtectBucketState) {
  return { distributionId: state.distributionId!, ...(state.pathPattern !== undefined ? { pathPattern: state.pathPattern } : {}), preferredKeyPairId: state.publicKeyId! };
}

/** What was done, with the next steps: a signed URL of one of the bucket's files, and the proof that it is protected. */
async function offerNextSteps(context: ProtectBucketContext, state: ProtectBucketState, result: ProtectBucketResult): Promise<void> {
  const copy = vscode.l10n.t('Copy Signed URL');
  const verify = vscode.l10n.t('Verify Protection');
  const choice = await context.ui.notify(
    'info',
    vscode.l10n.t(
      'Bucket {0} is served by distribution {1} ({2}) through origin access control {3}; {4} requires URLs signed with a key of key group {5}.',
      state.bucket!,
      result.distributionId,
      result.domainName,
      result.originAccessControlId,
      state.pathPattern ?? vscode.l10n.t('the default behavior'),
      keyGroupNamed(state),
    ),
    copy,
    verify,
  );
  try {
    if (choice === copy) await copySignedUrl(context, nextStepRequest(state));
    // Through the command: its wrapper shows the outcome and any refusal, and it waits for the deployment first.
    else if (choice === verify)
      await vscode.commands.executeCommand(Commands.verifyProtection, {
        interactive: true,
        distributionId: result.distributionId,
        ...(state.pathPattern !== undefined ? { pathPattern: state.pathPattern } : {}),
      });
  } catch (error) {
    // Outside the command wrapper (the run has resolved): say what went wrong here.
    context.log.error('[protect] next step failed', error);
    void context.ui.notify('error', error instanceof Error ? error.message : String(error));
  }
}

/**
 * "Protect with CloudFront" on an S3 origin row: its bucket and distribution, and the behavior that
 * serves it (the default when it does, else the first behavior whose target it is).
 */
function fromOriginRow(row: OriginNode): Partial<ProtectBucketOptions> {
  const bucket = bucketOfOrigin(row.origin);
  if (!bucket) throw new UserError(vscode.l10n.t('Origin {0} is not an S3 bucket.', row.origin.id), 'bucket');
  const serving = row.distribution.behaviors.filter((b) => b.targetOriginId === row.origin.id);
  const pathPattern = serving.some((b) => b.pathPattern === undefined) ? undefined : serving[0]?.pathPattern;
  return { bucket, distributionId: row.distribution.id, ...(pathPattern !== undefined ? { pathPattern } : {}) };
}

/** What still lets anyone read `bucket`, each as a sentence; empty when nothing does. */
async function publicAccessProblems(buckets: S3Buckets, bucket: string, partition: Partition): Promise<string[]> {
  const problems: string[] = [];
  const open = await publicPolicyProblem(buckets, bucket, partition);
  if (open) problems.push(open);
  const block = await buckets.publicAccessBlock(bucket);
  if (!block || !(block.blockPublicAcls && block.ignorePublicAcls && block.blockPublicPolicy && block.restrictPublicBuckets)) {
    problems.push(vscode.l10n.t('S3 Block Public Access is not fully on for bucket {0}.', bucket));
  }
  return problems;
}

function bucketPrompt(): PromptStep<ProtectBucketState>[] {
  return [
    {
      shouldPrompt: (s) => !s.bucket,
      prompt: async (s, ui, position) => {
        s.bucket = (
          await ui.input({
            title: vscode.l10n.t('Protect S3 Bucket with CloudFront'),
            prompt: vscode.l10n.t('The S3 bucket to serve through CloudFront, with signed URLs only'),
            placeholder: 'my-private-media',
            ...(s.bucket ? { value: s.bucket } : {}),
            validate: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter the name of an S3 bucket.')),
            position,
          })
        ).trim();
      },
    },
  ];
}

/** The bucket's regional domain; a bucket that does not exist or is another account's is refused. */
async function readBucket(state: ProtectBucketState, buckets: S3Buckets): Promise<void> {
  const bucket = state.bucket!;
  let region: string;
  try {
    region = await buckets.region(bucket);
  } catch (error) {
    const status = awsStatus(error);
    if (status === 404 || isAwsError(error, 'NotFound', 'NoSuchBucket')) {
      throw new UserError(vscode.l10n.t('bucket: there is no S3 bucket {0}.', bucket), 'bucket');
    }
    if (status === 403 || isAwsError(error, 'Forbidden', 'AccessDenied')) {
      throw new UserError(vscode.l10n.t('bucket: bucket {0} belongs to another account, or this account may not read it.', bucket), 'bucket');
    }
    throw error;
  }
  state.bucketDomain = s3RegionalDomain(bucket, region);
}

/** Fills the state from the options, refusing what the account contradicts before anything changes. */
async function readOptions(state: ProtectBucketState, options: Partial<ProtectBucketOptions>, service: CloudFrontService): Promise<RawDistributionConfig | undefined> {
  const bucket = state.bucket!;
  if (options.pathPattern !== undefined) state.pathPattern = options.pathPattern;
  state.wait = options.wait ?? false;

  let config: RawDistributionConfig | undefined;
  if (options.distributionId !== undefined) {
    try {
      config = (await service.getDistributionConfig(options.distributionId)).value;
    } catch (error) {
      throw new UserError(vscode.l10n.t('distributionId: cannot read distribution {0}: {1}', options.distributionId, messageOf(error)), 'distributionId');
    }
    const problem = protectProblem(config, { bucket, ...(state.pathPattern !== undefined ? { pathPattern: state.pathPattern } : {}) });
    if (problem) {
      throw new UserError(
        problem === 'noBehaviorForNewOrigin'
          ? vscode.l10n.t('pathPattern: bucket {0} is not an origin of distribution {1}; pass the path pattern of the behavior that is to serve it.', bucket, options.distributionId)
          : vscode.l10n.t(
              "pathPattern: the default behavior of distribution {0} serves another origin, not bucket {1}; pass the path pattern of the bucket's behavior.",
              options.distributionId,
              bucket,
            ),
        'pathPattern',
      );
    }
    // Asked before anything is created: without UpdateDistribution the run could only stop half-way.
    if (!(await service.mayUpdateDistribution(options.distributionId, config))) {
      throw new UserError(
        bucketOriginOf(config, bucket)
          ? vscode.l10n.t(
              'distributionId: this profile may not change distribution {0} (cloudfront:UpdateDistribution is denied), so bucket {1} cannot be put behind an origin access control there.',
              options.distributionId,
              bucket,
            )
          : vscode.l10n.t(
              'distributionId: bucket {0} is not an origin of distribution {1}, and this profile may not add it (cloudfront:UpdateDistribution is denied).',
              bucket,
              options.distributionId,
            ),
        'distributionId',
      );
    }
    state.distributionId = options.distributionId;
    state.existingDistribution = true;
  }

  const keys = await readAllPages((marker) => service.listPublicKeys(marker));
  const groups = await readKeyGroups(service);
  // A bucket name (at most 63 characters) leaves room for the suffixes below within RESOURCE_NAME.
  const base = resourceNameFrom(bucket, 'bucket');
  if (options.keyPairId !== undefined) {
    if (!keys.some((k) => k.id === options.keyPairId)) throw new UserError(vscode.l10n.t('keyPairId: no public key {0} in this account.', options.keyPairId), 'keyPairId');
    state.publicKeyId = options.keyPairId;
  } else {
    const newKey = options.newKey ?? { name: freeName(`${base}-signer`, new Set(keys.map((k) => k.name))), algorithm: 'RSA_2048' as const };
    if (keys.some((k) => k.name === newKey.name)) throw new UserError(vscode.l10n.t('newKey.name: a public key named {0} already exists.', newKey.name), 'newKey.name');
    state.name = newKey.name;
    state.algorithm = newKey.algorithm;
    state.newKey = { algorithm: newKey.algorithm };
  }

  if (options.keyGroupId !== undefined) {
    const group = await keyGroupById(service, options.keyGroupId);
    state.addKeyToGroup = !!state.newKey || !group.publicKeyIds.includes(state.publicKeyId!);
    const full = state.addKeyToGroup ? keyGroupFullProblem(group) : undefined;
    if (full) throw new UserError(full, 'keyGroupId');
    state.keyGroupId = group.id;
    state.existingKeyGroupName = group.name;
    return config;
  }
  if (options.keyGroupName !== undefined) {
    if (groups.some((g) => g.name === options.keyGroupName)) throw new UserError(vscode.l10n.t('keyGroupName: a key group named {0} already exists.', options.keyGroupName), 'keyGroupName');
    state.keyGroupName = options.keyGroupName;
    return config;
  }
  // An existing key already in a key group: trust that group; otherwise a new group named after the bucket.
  const holding = state.publicKeyId ? await keyGroupsHolding(service, state.publicKeyId) : [];
  if (holding.length > 0) {
    state.keyGroupId = holding[0].id;
    state.existingKeyGroupName = holding[0].name;
  } else state.keyGroupName = freeName(`${base}-signers`, new Set(groups.map((g) => g.name)));
  return config;
}
