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
import type { CloudFrontService, KeyGroupSummary, RawDistributionConfig } from '../../aws/cloudFrontService';
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
import { recorded } from '../../wizard/wizard';
import type { Ui } from '../../ui/ui';
import { keyGroupById } from '../keys/chooseKey';
import { keyRecovery, type KeyCommandContext } from '../keys/keyCommandContext';
import { keyGroupFullProblem } from '../keys/keyGroupChanges';
import { algorithmOption, nameOption } from '../keys/keyOptions';
import { keyStorageEntries, readKeyStorageOptions } from '../keys/keyStorageOptions';
import { executeWithRecovery } from '../../wizard/recovery';
import { defineAskingCommandIn, mustBeString, type Call, optionalFlag, optionalText, optionsObject, positionalText, required, requiredText } from '../options';
import { bucketPartition, checkBucketPolicy, publicPolicyProblem } from './bucketPolicyStep';
import { changeLines, keyGroupNamed } from './changeSummary';
import { askProtectChoices } from './choices';
import { pathPatternRefusal } from './pathPatternText';
import { copySignedUrl } from './copySignedUrl';
import { reportFailure } from '../runCommand';
import { protectBucketExecutes } from './executes';
import { protectRun, type ProtectAnswers, type ProtectBucketResult, type ProtectDistribution, type ProtectKey, type ProtectKeyGroup, type ProtectRun } from './state';
import type { Requester } from './verify';
import type { VerifyRequest } from './verifyCommand';
import { describeChecks, verifyBehavior, type VerifyProtectionResult } from './verifyCommand';
import { awsStatus, isAwsError } from '../../aws/awsError';
import { groupsHolding, readKeyGroups } from '../../aws/keyGroupDirectory';
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

/** keyPairId (an existing public key) and newKey (a new key pair) answer one question: at most one of them. */
const oneKey = (o: { keyPairId?: unknown; newKey?: unknown }): boolean => o.keyPairId === undefined || o.newKey === undefined;
const oneKeyMessage = () => vscode.l10n.t('Pass either keyPairId (an existing public key) or newKey (a new key pair).');
/** keyGroupId (an existing key group) and keyGroupName (a new one) likewise. */
const oneKeyGroup = (o: { keyGroupId?: unknown; keyGroupName?: unknown }): boolean => o.keyGroupId === undefined || o.keyGroupName === undefined;
const oneKeyGroupMessage = () => vscode.l10n.t('Pass keyGroupId (an existing key group) or keyGroupName (a new one), not both.');

export const ProtectBucketOptions = v.pipe(
  ProtectBucketEntries,
  v.forward(
    v.check((o) => oneKey(o) && (o.keyPairId !== undefined || o.newKey !== undefined), oneKeyMessage),
    ['keyPairId'],
  ),
  v.forward(
    v.check((o) => oneKeyGroup(o), oneKeyGroupMessage),
    ['keyGroupName'],
  ),
);

/**
 * Answers a person's call may bring in advance (`{ interactive: true, … }`): any of the options, by the
 * same rules; without a key (Diagnose's "Protect Bucket" names the bucket, distribution and behavior)
 * the distribution, behavior and key are asked, starting on the answers given.
 */
const ProtectBucketGiven = v.pipe(
  v.partial(ProtectBucketEntries),
  v.forward(
    v.check((o) => oneKey(o), oneKeyMessage),
    ['keyPairId'],
  ),
  v.forward(
    v.check((o) => oneKeyGroup(o), oneKeyGroupMessage),
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

/**
 * The answers a call brings (the options, the answers given in advance, or what its row names), and
 * whether the distribution, behavior and key are to be asked (`ask`): when no key was given, except on
 * an origin row, which names the distribution and behavior and takes the default key.
 */
function startOf(call: Call<ProtectBucketOptions, v.InferOutput<typeof ProtectBucketGiven>>): { options: Partial<ProtectBucketOptions>; ask: boolean } {
  if (call.context instanceof OriginNode) return { options: fromOriginRow(call.context), ask: false };
  const bucket = call.context instanceof BucketNode ? call.context.bucket.name : positionalText(call.context);
  const options = { ...(bucket ? { bucket } : {}), ...call.answers };
  return { options, ask: options.keyPairId === undefined && options.newKey === undefined };
}

export const protectBucket = defineAskingCommandIn(
  ProtectBucketOptions,
  async (context: ProtectBucketContext, call): Promise<ProtectBucketResult> => {
    const start = startOf(call);
    const bucket = start.options.bucket || (await askBucket(context.ui));
    const service = await context.source.cloudFront();
    const buckets = await context.source.buckets();
    const bucketDomain = await readBucket(bucket, buckets);
    let options = start.options;
    if (start.ask) {
      // The answers replace what was given as a start: "New distribution" drops a given distribution.
      const { distributionId, pathPattern, keyPairId, keyGroupId } = await askProtectChoices(bucket, service, context.keyStore, context.ui, options);
      options = { ...options, distributionId, pathPattern, keyPairId, keyGroupId };
    }
    const keys = (region?: string) => context.source.keyServices(region);
    const run = protectRun(await readOptions(bucket, bucketDomain, options, service), context.source.profile);
    if (run.signer.kind === 'new') await readKeyStorageOptions(run, options.newKey ?? {}, keys, context.source.profile, 'newKey.');
    await checkBucketPolicy(run, buckets, service);
    // A person sees every change at once and says yes before anything is created or changed (options given: yes).
    await confirmChanges(context, run, service, buckets);

    await executeWithRecovery(
      keyRecovery(context, 'protect'),
      vscode.l10n.t('Protecting bucket {0}', bucket),
      run,
      protectBucketExecutes(
        () => context.source.cloudFront(),
        () => context.source.buckets(),
        context.keyStore,
        keys,
      ),
    );
    run.key = undefined; // the private key now lives in SecretStorage, KMS or its secret only
    if (run.signer.kind === 'new') context.events?.didChangeKeys.fire();
    context.events?.didRestrictBehaviors.fire();
    const result = resultOf(run, await publicAccessProblems(buckets, bucket, bucketPartition(run)));
    // Notifications reach a person; under automation the result says it all (unattendedUi.ts).
    if (result.bucketPolicyWarnings) {
      context.log.warn(`[protect] bucket ${bucket}: ${result.bucketPolicyWarnings.join(' ')}`);
      void context.ui.notify('warning', result.bucketPolicyWarnings.join(' '));
    }
    const next = nextStepRequest(run, result);
    // Deployed: prove it. What cannot be checked (no object in the bucket, no key of the group here) is said, not failed.
    if (run.wait) {
      const verification = await verifyOrSkip(context, next);
      result.verification = verification;
      void context.ui.notify('passed' in verification && verification.passed ? 'info' : 'warning', 'skipped' in verification ? verification.skipped : describeChecks(verification));
    }
    context.log.info(`[protect] bucket ${bucket}: distribution ${result.distributionId}, OAC ${result.originAccessControlId}, key group ${result.keyGroupId}, policy ${result.bucketPolicy}`);
    // The success at once; what still lets anyone read the bucket is its own warning, never in the way.
    void offerNextSteps(context, run, result, next);
    if (result.publicAccess.length) {
      context.log.warn(`[protect] bucket ${bucket} is still readable by anyone: ${result.publicAccess.join(' ')}`);
      void offerToClosePublicAccess(context, bucket, result.publicAccess);
    }
    return result;
  },
  ProtectBucketGiven,
);

/** The verification after the deployment, or why it could not be made (a UserError's message). */
async function verifyOrSkip(context: ProtectBucketContext, next: VerifyRequest): Promise<VerifyProtectionResult | { skipped: string }> {
  try {
    return await verifyBehavior(context, next);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { skipped: error.message };
  }
}

/** What the run made, read from what its steps recorded (each names the step that records it). */
function resultOf(run: ProtectRun, publicAccess: string[]): ProtectBucketResult {
  return {
    distributionId: recorded(run, 'distributionId', 'Create a distribution'),
    domainName: recorded(run, 'domainName', 'Create a distribution'),
    originAccessControlId: recorded(run, 'originAccessControlId', 'Create or reuse origin access control'),
    keyGroupId: recorded(run, 'keyGroupId', 'Create key group'),
    publicKeyId: recorded(run, 'publicKeyId', 'Upload public key'),
    bucketPolicy: recorded(run, 'bucketPolicy', 'Let distribution read bucket'),
    ...(run.bucketPolicyWarnings?.length ? { bucketPolicyWarnings: run.bucketPolicyWarnings } : {}),
    publicAccess,
  };
}

/** The summary of every change, as one modal; Cancel changes nothing. */
async function confirmChanges(context: ProtectBucketContext, run: ProtectRun, service: CloudFrontService, buckets: S3Buckets): Promise<void> {
  let policyChanges = true;
  if (run.distribution.kind === 'existing') {
    // An existing distribution's ARN may be in the policy already (a second run): then the policy stays.
    const arn = (await service.getDistribution(run.distribution.id)).arn;
    policyChanges = mergeOacStatement(await buckets.getPolicy(run.bucket), run.bucket, arn).outcome === 'added';
  }
  const lines = changeLines(run, policyChanges);
  const go = vscode.l10n.t('Protect');
  const confirmed = await context.ui.confirm(vscode.l10n.t('Protect bucket {0} with CloudFront? This makes these changes:', run.bucket), lines.map((line) => `• ${line}`).join('\n'), go, {
    answer: true,
  });
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
function nextStepRequest(run: ProtectRun, result: ProtectBucketResult): VerifyRequest {
  return { distributionId: result.distributionId, ...(run.pathPattern !== undefined ? { pathPattern: run.pathPattern } : {}), preferredKeyPairId: result.publicKeyId };
}

/** What was done, with the next steps: a signed URL of one of the bucket's files, and the proof that it is protected. */
async function offerNextSteps(context: ProtectBucketContext, run: ProtectRun, result: ProtectBucketResult, next: VerifyRequest): Promise<void> {
  const copy = vscode.l10n.t('Copy Signed URL');
  const verify = vscode.l10n.t('Verify Protection');
  const choice = await context.ui.notify(
    'info',
    vscode.l10n.t(
      'Bucket {0} is served by distribution {1} ({2}) through origin access control {3}; {4} requires URLs signed with a key of key group {5}.',
      run.bucket,
      result.distributionId,
      result.domainName,
      result.originAccessControlId,
      run.pathPattern ?? vscode.l10n.t('the default behavior'),
      keyGroupNamed(run),
    ),
    copy,
    verify,
  );
  try {
    if (choice === copy) await copySignedUrl(context, next);
    // Through the command: its wrapper shows the outcome and any refusal, and it waits for the deployment first.
    else if (choice === verify)
      await vscode.commands.executeCommand(Commands.verifyProtection, {
        interactive: true,
        distributionId: result.distributionId,
        ...(run.pathPattern !== undefined ? { pathPattern: run.pathPattern } : {}),
      });
  } catch (error) {
    // The run has resolved, so its wrapper is done: the wrapper's own error path says what went wrong.
    reportFailure(Commands.protectBucket, error, context.log);
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

/** The bucket, asked when the call did not name it. */
async function askBucket(ui: Ui): Promise<string> {
  const value = await ui.input({
    title: vscode.l10n.t('Protect S3 Bucket with CloudFront'),
    prompt: vscode.l10n.t('The S3 bucket to serve through CloudFront, with signed URLs only'),
    placeholder: 'my-private-media',
    validate: (text) => (text.trim() ? undefined : vscode.l10n.t('Enter the name of an S3 bucket.')),
    position: { step: 1, totalSteps: 1, canGoBack: false },
    unattended: { missing: 'bucket', message: vscode.l10n.t('bucket is required: the name of the S3 bucket to protect.') },
  });
  return value.trim();
}

/** The bucket's regional domain; a bucket that does not exist or is another account's is refused. */
async function readBucket(bucket: string, buckets: S3Buckets): Promise<string> {
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
  return s3RegionalDomain(bucket, region);
}

/** The answers, from the options, refusing what the account contradicts before anything changes. */
async function readOptions(bucket: string, bucketDomain: string, options: Partial<ProtectBucketOptions>, service: CloudFrontService): Promise<ProtectAnswers> {
  const pathPattern = options.pathPattern;
  const distribution = options.distributionId === undefined ? ({ kind: 'new' } as const) : await readDistribution(bucket, options.distributionId, pathPattern, service);
  const keys = await readAllPages((marker) => service.listPublicKeys(marker));
  const groups = await readKeyGroups(service);
  // A bucket name (at most 63 characters) leaves room for the suffixes below within RESOURCE_NAME.
  const base = resourceNameFrom(bucket, 'bucket');
  let signer: ProtectKey;
  if (options.keyPairId !== undefined) {
    if (!keys.some((k) => k.id === options.keyPairId)) throw new UserError(vscode.l10n.t('keyPairId: no public key {0} in this account.', options.keyPairId), 'keyPairId');
    signer = { kind: 'existing', publicKeyId: options.keyPairId };
  } else {
    const newKey = options.newKey ?? { name: freeName(`${base}-signer`, new Set(keys.map((k) => k.name))), algorithm: 'RSA_2048' as const };
    if (keys.some((k) => k.name === newKey.name)) throw new UserError(vscode.l10n.t('newKey.name: a public key named {0} already exists.', newKey.name), 'newKey.name');
    signer = { kind: 'new', name: newKey.name, algorithm: newKey.algorithm };
  }
  const keyGroup = await readKeyGroup(options, signer, groups, base, service);
  return { bucket, bucketDomain, distribution, ...(pathPattern !== undefined ? { pathPattern } : {}), signer, keyGroup, wait: options.wait ?? false };
}

/** The existing distribution `distributionId`, read and refused unless this run can protect the bucket there. */
async function readDistribution(bucket: string, distributionId: string, pathPattern: string | undefined, service: CloudFrontService): Promise<ProtectDistribution> {
  let config: RawDistributionConfig;
  try {
    config = (await service.getDistributionConfig(distributionId)).value;
  } catch (error) {
    throw new UserError(vscode.l10n.t('distributionId: cannot read distribution {0}: {1}', distributionId, messageOf(error)), 'distributionId');
  }
  const problem = protectProblem(config, { bucket, ...(pathPattern !== undefined ? { pathPattern } : {}) });
  if (problem) {
    throw new UserError(
      problem === 'noBehaviorForNewOrigin'
        ? vscode.l10n.t('pathPattern: bucket {0} is not an origin of distribution {1}; pass the path pattern of the behavior that is to serve it.', bucket, distributionId)
        : vscode.l10n.t("pathPattern: the default behavior of distribution {0} serves another origin, not bucket {1}; pass the path pattern of the bucket's behavior.", distributionId, bucket),
      'pathPattern',
    );
  }
  // Asked before anything is created: without UpdateDistribution the run could only stop half-way.
  if (!(await service.mayUpdateDistribution(distributionId, config))) {
    throw new UserError(
      bucketOriginOf(config, bucket)
        ? vscode.l10n.t(
            'distributionId: this profile may not change distribution {0} (cloudfront:UpdateDistribution is denied), so bucket {1} cannot be put behind an origin access control there.',
            distributionId,
            bucket,
          )
        : vscode.l10n.t('distributionId: bucket {0} is not an origin of distribution {1}, and this profile may not add it (cloudfront:UpdateDistribution is denied).', bucket, distributionId),
      'distributionId',
    );
  }
  return { kind: 'existing', id: distributionId, config };
}

/** The key group to trust: the one given, a new one of the name given, the one holding an existing key, or a new one named after the bucket. */
async function readKeyGroup(options: Partial<ProtectBucketOptions>, signer: ProtectKey, groups: readonly KeyGroupSummary[], base: string, service: CloudFrontService): Promise<ProtectKeyGroup> {
  if (options.keyGroupId !== undefined) {
    const group = await keyGroupById(service, options.keyGroupId);
    const addKey = signer.kind === 'new' || !group.publicKeyIds.includes(signer.publicKeyId);
    const full = addKey ? keyGroupFullProblem(group) : undefined;
    if (full) throw new UserError(full, 'keyGroupId');
    return { kind: 'existing', id: group.id, name: group.name, addKey };
  }
  if (options.keyGroupName !== undefined) {
    if (groups.some((g) => g.name === options.keyGroupName)) throw new UserError(vscode.l10n.t('keyGroupName: a key group named {0} already exists.', options.keyGroupName), 'keyGroupName');
    return { kind: 'new', name: options.keyGroupName };
  }
  // An existing key already in a key group: trust that group; otherwise a new group named after the bucket.
  const holding = signer.kind === 'existing' ? groupsHolding(groups, signer.publicKeyId) : [];
  if (holding.length > 0) return { kind: 'existing', id: holding[0].id, name: holding[0].name, addKey: false };
  return { kind: 'new', name: freeName(`${base}-signers`, new Set(groups.map((g) => g.name))) };
}
