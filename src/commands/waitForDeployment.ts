// "CloudFront: Wait for Deployment": polls a distribution until CloudFront says Deployed (the SDK's
// waiter, GetDistribution with backoff), under a progress notification the user can cancel. Called
// with `{ distributionId }`, a distribution row or its id; resolves `{ distributionId, status }`.
import * as vscode from 'vscode';
import type { CloudFrontSource } from '../aws/awsSession';
import type { CloudFrontService } from '../aws/cloudFrontService';
import { CancellationError, UserError } from '../errors';
import { DistributionNode } from '../tree/distributionNode';
import type { Ui } from '../ui/ui';
import { defineAskingCommandIn, optionsObject, positionalText, requiredText } from './options';
import { isAwsError } from '../aws/awsError';

/** CloudFront usually deploys a change within 15 minutes. */
export const DEPLOY_WAIT_SECONDS = 40 * 60;

export const WaitForDeploymentOptions = optionsObject({
  distributionId: requiredText('distributionId', () => vscode.l10n.t('distributionId is required.')),
});

export interface WaitForDeploymentContext {
  readonly source: CloudFrontSource;
  readonly ui: Ui;
}

/** The distribution a call names: its `distributionId` answer, a row, an id, else typed. */
async function distributionIdOf(ui: Ui, call: { readonly answers: { readonly distributionId?: string | undefined }; readonly context?: unknown }): Promise<string> {
  if (call.answers.distributionId !== undefined) return call.answers.distributionId;
  if (call.context instanceof DistributionNode) return call.context.distribution.id;
  const typed =
    positionalText(call.context) ??
    (await ui.input({ title: vscode.l10n.t('Wait for Deployment'), prompt: vscode.l10n.t('The id of the distribution to wait for'), unattended: { missing: 'distributionId' } }));
  return typed.trim();
}

/** Waits under the call's Ui: a person's progress notification with Cancel, or (automation) the same progress over the person's window. */
export const waitForDeployment = defineAskingCommandIn(WaitForDeploymentOptions, async (context: WaitForDeploymentContext, call) => {
  const distributionId = await distributionIdOf(context.ui, call);
  const service = await context.source.cloudFront();
  // Read once first: an unknown id is refused by name (the waiter would retry it until its time is up).
  let status: string;
  try {
    status = (await service.getDistribution(distributionId)).status;
  } catch (error) {
    throw new UserError(vscode.l10n.t('distributionId: cannot read distribution {0}: {1}', distributionId, error instanceof Error ? error.message : String(error)), 'distributionId');
  }
  if (status !== 'Deployed') await waitWithProgress(context.ui, service, distributionId);
  return { distributionId, status: 'Deployed' as const };
});

/** Waits (the SDK's waiter) under a cancellable progress notification: Cancel is a CancellationError, the time limit a UserError. */
export async function waitWithProgress(ui: Ui, service: CloudFrontService, distributionId: string): Promise<void> {
  try {
    await ui.withCancellableProgress(vscode.l10n.t('Waiting until distribution {0} is deployed…', distributionId), (signal) => service.waitUntilDeployed(distributionId, DEPLOY_WAIT_SECONDS, signal));
  } catch (error) {
    if (isAwsError(error, 'AbortError')) throw new CancellationError();
    if (isAwsError(error, 'TimeoutError')) throw new UserError(vscode.l10n.t('Distribution {0} was still deploying after {1} minutes.', distributionId, DEPLOY_WAIT_SECONDS / 60), 'distributionId');
    throw error;
  }
}
