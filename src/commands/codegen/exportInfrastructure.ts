// "Export as Infrastructure Code": reads one distribution's private-content setup from CloudFront
// (its configuration, the key groups its behaviors trust and their public keys, its origin access
// controls) and hands it to src/codegen/infrastructure, which writes CloudFormation, CDK or Terraform.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { showText } from '../../ui/workbench';
import { bucketOfDomain } from '../../aws/bucketPolicy';
import type { CloudFrontService } from '../../aws/cloudFrontService';
import { exportInfrastructure, INFRASTRUCTURE_FORMATS, type InfrastructureFormat, type PrivateContentSetup, type PrivateKeyLocation } from '../../codegen/infrastructure';
import { CancellationError, UserError } from '../../errors';
import { DistributionNode } from '../../tree/distributionNode';
import type { KeyCommandContext } from '../keys/keyCommandContext';
import { defineCommandIn, optionsObject, positionalText, required, requiredText } from '../options';
import { isAwsError } from '../../aws/awsError';
import { readKeyGroups } from '../../aws/keyGroupDirectory';
import { pickDistribution } from '../distributionPick';

const PrivateKeyOption = v.variant(
  'kind',
  [v.strictObject({ kind: v.literal('kms'), keyId: v.pipe(v.string(), v.nonEmpty()) }), v.strictObject({ kind: v.literal('secretsManager'), secretId: v.pipe(v.string(), v.nonEmpty()) })],
  () => vscode.l10n.t("privateKeys must map public key ids to { kind: 'kms', keyId } or { kind: 'secretsManager', secretId }."),
);

export const ExportInfrastructureOptions = optionsObject({
  distributionId: requiredText('distributionId', () => vscode.l10n.t('distributionId is required.')),
  format: required(
    v.picklist(INFRASTRUCTURE_FORMATS, () => vscode.l10n.t('format must be one of {0}.', INFRASTRUCTURE_FORMATS.join(', '))),
    () => vscode.l10n.t('format is required: one of {0}.', INFRASTRUCTURE_FORMATS.join(', ')),
  ),
  /** Where each public key's private key lives (default: the Secrets Manager secret cloudfront/<public key id>). */
  privateKeys: v.optional(v.record(v.string(), PrivateKeyOption, () => vscode.l10n.t("privateKeys must map public key ids to { kind: 'kms', keyId } or { kind: 'secretsManager', secretId }."))),
});

/** The private-content setup of a distribution, as CloudFront holds it. */
export async function readPrivateContentSetup(service: CloudFrontService, distributionId: string, privateKeys?: Record<string, PrivateKeyLocation>): Promise<PrivateContentSetup> {
  const [summary, { value: config }] = await Promise.all([service.getDistribution(distributionId), service.getDistributionConfig(distributionId)]);
  const trusted = new Set(summary.behaviors.flatMap((behavior) => behavior.trustedKeyGroupIds));
  const keyGroups = (await readKeyGroups(service)).filter((group) => trusted.has(group.id));
  const publicKeyIds = [...new Set(keyGroups.flatMap((group) => group.publicKeyIds))];
  const publicKeys = await Promise.all(publicKeyIds.map(async (id) => (await service.getPublicKey(id)).value));
  const oacIds = [...new Set((config.Origins?.Items ?? []).map((origin) => origin.OriginAccessControlId).filter((id): id is string => Boolean(id)))];
  const originAccessControls = await Promise.all(oacIds.map(async (id) => (await service.getOriginAccessControl(id)).value));
  const buckets = [
    ...new Set(
      (config.Origins?.Items ?? [])
        .filter((origin) => origin.OriginAccessControlId)
        .map((origin) => bucketOfDomain(origin.DomainName ?? ''))
        .filter((bucket): bucket is string => Boolean(bucket)),
    ),
  ];
  return {
    distribution: { id: summary.id, arn: summary.arn, domainName: summary.domainName, config },
    publicKeys: publicKeys.map((key) => ({ id: key.id, name: key.name, comment: key.comment, encodedKey: key.encodedKey, callerReference: key.callerReference ?? key.id })),
    keyGroups: keyGroups.map((group) => ({ id: group.id, name: group.name, comment: group.comment, publicKeyIds: group.publicKeyIds })),
    originAccessControls,
    buckets,
    ...(privateKeys && { privateKeys }),
  };
}

/** The setup, with a distribution that does not exist named as the bad input. */
function readSetupOf(service: CloudFrontService, distributionId: string, privateKeys?: Record<string, PrivateKeyLocation>): Promise<PrivateContentSetup> {
  return readPrivateContentSetup(service, distributionId, privateKeys).catch((error: unknown) => {
    if (isAwsError(error, 'NoSuchDistribution')) throw new UserError(vscode.l10n.t('distributionId: no distribution {0} in this account.', distributionId), 'distributionId');
    throw error;
  });
}

export const exportInfrastructureCommand = defineCommandIn(ExportInfrastructureOptions, async (context: KeyCommandContext, call): Promise<string> => {
  const service = await context.source.cloudFront();
  if (call.kind === 'automation') {
    const { distributionId, format, privateKeys } = call.options;
    return exportInfrastructure(await readSetupOf(service, distributionId, privateKeys), format).text;
  }
  const distributionId =
    call.context instanceof DistributionNode
      ? call.context.distribution.id
      : (positionalText(call.context) ?? (await pickDistribution(context.ui, service, { title: vscode.l10n.t('Distribution to export') })));
  if (!distributionId) throw new CancellationError();
  const format = await context.ui.pick<InfrastructureFormat>({
    title: vscode.l10n.t('Export as'),
    items: [
      { label: vscode.l10n.t('AWS CloudFormation'), description: vscode.l10n.t('JSON template with import identifiers'), value: 'cloudformation' },
      { label: vscode.l10n.t('AWS CDK'), description: vscode.l10n.t('TypeScript app with fromXxx lookups'), value: 'cdk' },
      { label: vscode.l10n.t('Terraform'), description: vscode.l10n.t('HCL with import blocks'), value: 'terraform' },
    ],
  });
  const exported = exportInfrastructure(await readSetupOf(service, distributionId), format);
  await showText(exported.text, exported.languageId);
  return exported.text;
});
