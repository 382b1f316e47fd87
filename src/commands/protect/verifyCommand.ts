// "CloudFront: Verify Protection": proves a restricted behavior keeps its bucket's files private. One
// object the behavior serves is requested unsigned through CloudFront (expect 403), signed with a key
// the behavior trusts (expect 200) and straight from S3 (expect 403) — verify.ts does the requests.
// Offered on restricted behavior rows and in the palette; "Protect S3 Bucket" runs the same check after
// it waited for the deployment. A distribution still deploying is waited for first: before that the
// answers say nothing about the new configuration. A request that gets no answer makes the outcome
// inconclusive ("could not reach HOST"), never "not protected"; hosts mapped in the user setting
// cloudfront.hostAddresses are reached at their mapped address (hostAddressesSetting.ts).
import type * as v from 'valibot';
import * as vscode from 'vscode';
import type { CloudFrontSource } from '../../aws/awsSession';
import type { S3Buckets } from '../../aws/s3Buckets';
import { UserError } from '../../errors';
import type { KeyStore } from '../../keys/keyStore';
import type { Logger } from '../../log';
import { BehaviorNode } from '../../tree/behaviorNode';
import type { Ui } from '../../ui/ui';
import { defineAskingCommandIn, optionalText, optionsObject, positionalText, requiredText } from '../options';
import { waitWithProgress } from '../waitForDeployment';
import { configuredHostAddresses } from '../diagnose/hostAddressesSetting';
import { requestLive } from '../diagnose/liveRequest';
import { HOST_ADDRESSES_SETTING } from '../../signing/hostAddresses';
import { unreachableFix, type Unreachable } from '../../signing/diagnose';
import { isDefaultPattern, objectServedBy, protectedBehaviorOf, trustedLocalKey } from './protectedBehavior';
import { verdictOf, verifyProtection, type ProtectionCheck, type ProtectionVerdict, type Requester } from './verify';
import { pickDistribution } from '../distributionPick';

export const VerifyProtectionOptions = optionsObject({
  distributionId: requiredText('distributionId', () => vscode.l10n.t('distributionId is required: the distribution whose behavior to verify.')),
  /** The restricted behavior; absent: the default behavior. */
  pathPattern: optionalText('pathPattern'),
  /** The object to request; absent: the first object of the bucket the behavior serves. */
  objectKey: optionalText('objectKey'),
});

export interface VerifyProtectionContext {
  readonly source: CloudFrontSource & { buckets(): Promise<S3Buckets> };
  readonly keyStore: KeyStore;
  readonly ui: Ui;
  readonly log: Logger;
  /** How the three requests are sent: the network unless a test routes them to a local edge and S3 stand-in. */
  readonly request?: Requester;
}

export interface VerifyProtectionResult {
  distributionId: string;
  /** undefined: the default behavior. */
  pathPattern?: string;
  objectKey: string;
  keyPairId: string;
  checks: ProtectionCheck[];
  /** All three answers were the expected ones. */
  passed: boolean;
  /** No answer was wrong, but some request got none (DNS, connection, TLS, timeout): nothing was proven either way. */
  inconclusive: boolean;
  verdict: ProtectionVerdict;
  /** The hosts that could not be reached, with why; empty when every request was answered. */
  unreachable: Unreachable[];
}

export interface VerifyRequest {
  distributionId: string;
  pathPattern?: string;
  objectKey?: string;
  /** The key to sign with when the behavior trusts it (Protect's new key). */
  preferredKeyPairId?: string;
}

/** Reads the behavior, waits for a deployment under way, and requests one object three ways. */
export async function verifyBehavior(context: VerifyProtectionContext, request: VerifyRequest): Promise<VerifyProtectionResult> {
  const service = await context.source.cloudFront();
  let distribution;
  try {
    distribution = await service.getDistribution(request.distributionId);
  } catch (error) {
    throw new UserError(vscode.l10n.t('distributionId: cannot read distribution {0}: {1}', request.distributionId, error instanceof Error ? error.message : String(error)), 'distributionId');
  }
  const target = protectedBehaviorOf(distribution, request.pathPattern);
  const object = await objectServedBy(target, await context.source.buckets(), request.objectKey);
  const key = await trustedLocalKey(target, service, context.keyStore, request.preferredKeyPairId);
  // Read (and refused when it cannot be used) before anything is waited for or requested.
  let send = context.request;
  if (!send) {
    const addresses = configuredHostAddresses();
    send = (url: string) => requestLive(url, { addresses });
  }
  if (distribution.status !== 'Deployed') await waitWithProgress(context.ui, service, distribution.id);
  const checks = await verifyProtection(
    { cloudFrontUrl: object.cloudFrontUrl, s3Url: object.s3Url, keyPairId: key.keyPairId, privateKey: key.privateKey, now: Math.floor(Date.now() / 1000) },
    undefined,
    send,
  );
  const verdict = verdictOf(checks);
  const result: VerifyProtectionResult = {
    distributionId: distribution.id,
    ...(target.behavior.pathPattern !== undefined ? { pathPattern: target.behavior.pathPattern } : {}),
    objectKey: object.key,
    keyPairId: key.keyPairId,
    checks,
    passed: verdict === 'verified',
    inconclusive: verdict === 'inconclusive',
    verdict,
    unreachable: uniqueUnreachable(checks),
  };
  // Statuses and ids only: the signed URL never reaches the log.
  context.log.info(
    `[verify] ${result.distributionId} ${result.pathPattern ?? '*'} ${result.objectKey}: ${checks.map((c) => `${c.kind} ${c.status ?? c.failure}`).join(', ')} → ${result.passed ? 'passed' : result.inconclusive ? 'inconclusive' : 'FAILED'}`,
  );
  return result;
}

/** Each host that got no answer, once (the unsigned and signed requests go to the same one). */
function uniqueUnreachable(checks: readonly ProtectionCheck[]): Unreachable[] {
  const seen = new Map<string, Unreachable>();
  for (const c of checks) if (c.unreachable && !seen.has(c.unreachable.host)) seen.set(c.unreachable.host, c.unreachable);
  return [...seen.values()];
}

/** "could not reach HOST (reason)" for each host that got no answer, with what to try. */
export function describeUnreachable(unreachable: readonly Unreachable[]): string {
  return unreachable.map((u) => vscode.l10n.t('could not reach {0} ({1}). {2}', u.via ? vscode.l10n.t('{0} at {1}', u.host, u.via) : u.host, u.reason, unreachableFix(u))).join(' ');
}

/** One sentence per request, as a person reads the outcome. */
export function describeChecks(result: VerifyProtectionResult): string {
  const label = (kind: ProtectionCheck['kind']): string =>
    kind === 'unsigned' ? vscode.l10n.t('unsigned through CloudFront') : kind === 'signed' ? vscode.l10n.t('signed through CloudFront') : vscode.l10n.t('straight from S3');
  const parts = result.checks.map((c) =>
    vscode.l10n.t(
      '{0} {1}: {2} (expected {3})',
      c.passed ? '✓' : c.status === undefined ? '?' : '✗',
      label(c.kind),
      c.status !== undefined ? String(c.status) : vscode.l10n.t('no answer ({0})', c.failure ?? ''),
      c.expected,
    ),
  );
  const what = vscode.l10n.t('{0} of distribution {1}, object {2}', result.pathPattern ?? vscode.l10n.t('Default (*)'), result.distributionId, result.objectKey);
  if (result.passed) return vscode.l10n.t('Protection verified for {0}: {1}.', what, parts.join('; '));
  if (result.inconclusive) return vscode.l10n.t('Protection inconclusive for {0}: {1} Answers: {2}.', what, describeUnreachable(result.unreachable), parts.join('; '));
  return vscode.l10n.t('Protection NOT verified for {0}: {1}.', what, parts.join('; '));
}

/** A person's run from the palette: the distribution, then its restricted behavior when it has several. */
async function askBehavior(context: VerifyProtectionContext): Promise<VerifyRequest> {
  const service = await context.source.cloudFront();
  const distributionId = await pickDistribution(context.ui, service, { title: vscode.l10n.t('Verify Protection: which distribution?') });
  const restricted = (await service.getDistribution(distributionId)).behaviors.filter((b) => b.trustedKeyGroupIds.length > 0);
  if (restricted.length <= 1) return { distributionId, ...(restricted[0]?.pathPattern !== undefined ? { pathPattern: restricted[0].pathPattern } : {}) };
  const pathPattern = await context.ui.pick({
    title: vscode.l10n.t('Verify Protection: which restricted behavior?'),
    items: restricted.map((b) => ({ label: b.pathPattern ?? vscode.l10n.t('Default (*)'), value: b.pathPattern })),
  });
  return { distributionId, ...(pathPattern !== undefined ? { pathPattern } : {}) };
}

/** The request an interactive call carries: a restricted behavior row, a distribution id, or answers given in advance (Protect's "Verify Protection"). */
function requestOf(context: unknown, given: Partial<v.InferOutput<typeof VerifyProtectionOptions>> | undefined): VerifyRequest | undefined {
  if (given?.distributionId !== undefined) return fromOptions({ ...given, distributionId: given.distributionId });
  if (context instanceof BehaviorNode) return { distributionId: context.distribution.id, ...(context.behavior.pathPattern !== undefined ? { pathPattern: context.behavior.pathPattern } : {}) };
  const distributionId = positionalText(context);
  if (distributionId) return { distributionId };
  return undefined;
}

const fromOptions = ({ distributionId, pathPattern, objectKey }: v.InferOutput<typeof VerifyProtectionOptions>): VerifyRequest => ({
  distributionId,
  ...(!isDefaultPattern(pathPattern) ? { pathPattern } : {}),
  ...(objectKey !== undefined ? { objectKey } : {}),
});

export const verifyProtectionCommand = defineAskingCommandIn(VerifyProtectionOptions, async (context: VerifyProtectionContext, call): Promise<VerifyProtectionResult> => {
  // Options always name the distribution; a person's call may, or its row does, or it is asked.
  const result = await verifyBehavior(context, requestOf(call.context, call.answers) ?? (await askBehavior(context)));
  const openSetting = vscode.l10n.t('Open Setting');
  // Told to a person; under automation the result says it all (the Ui asks nobody).
  void context.ui.notify(result.passed ? 'info' : 'warning', describeChecks(result), ...(result.inconclusive ? [openSetting] : [])).then((choice) => {
    if (choice === openSetting) void vscode.commands.executeCommand('workbench.action.openSettings', HOST_ADDRESSES_SETTING);
  });
  return result;
});
