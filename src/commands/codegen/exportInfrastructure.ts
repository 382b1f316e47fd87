// "Export as Infrastructure Code": reads one distribution's private-content setup from CloudFront
// (its configuration, the key groups its behaviors trust and their public keys, its origin access
// controls) and hands it to src/codegen/infrastructure, which writes CloudFormation, CDK or Terraform.
// Where each private key lives comes from the keys listed in VS Code (the Keys view's storage), unless
// automation says otherwise; a distribution with no private content is refused, not exported empty.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { showText } from '../../ui/workbench';
import { bucketOfDomain } from '../../aws/bucketPolicy';
import type { CloudFrontService } from '../../aws/cloudFrontService';
import {
  exportInfrastructure,
  hasPrivateContent,
  INFRASTRUCTURE_FORMATS,
  privateKeyLocationOf,
  type InfrastructureFormat,
  type PrivateContentSetup,
  type PrivateKeyLocation,
} from '../../codegen/infrastructure';
import { CancellationError, UserError } from '../../errors';
import { DistributionNode } from '../../tree/distributionNode';
import type { KeyCommandContext } from '../keys/keyCommandContext';
import { defineAskingCommandIn, oneLineText, optionsObject, positionalText, required, requiredText } from '../options';
import { hasPerson } from '../../ui/unattendedUi';
import { isAwsError } from '../../aws/awsError';
import { readKeyGroups } from '../../aws/keyGroupDirectory';
import { pickDistribution } from '../distributionPick';

const privateKeysShape = () =>
  vscode.l10n.t("privateKeys must map public key ids to { kind: 'local' } | { kind: 'kms', keyId } | { kind: 'secretsManager', secretId } | { kind: 'ssm', parameterName }.");

const PrivateKeyOption = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('local') }),
    v.strictObject({ kind: v.literal('kms'), keyId: oneLineText('privateKeys.<id>.keyId') }),
    v.strictObject({ kind: v.literal('secretsManager'), secretId: oneLineText('privateKeys.<id>.secretId') }),
    v.strictObject({ kind: v.literal('ssm'), parameterName: oneLineText('privateKeys.<id>.parameterName') }),
  ],
  privateKeysShape,
);

export const ExportInfrastructureOptions = optionsObject({
  distributionId: requiredText('distributionId', () => vscode.l10n.t('distributionId is required.')),
  format: required(
    v.picklist(INFRASTRUCTURE_FORMATS, () => vscode.l10n.t('format must be one of {0}.', INFRASTRUCTURE_FORMATS.join(', '))),
    () => vscode.l10n.t('format is required: one of {0}.', INFRASTRUCTURE_FORMATS.join(', ')),
  ),
  /** Where each public key's private key lives (default: where the key listed in VS Code keeps it; unknown for a key not listed). */
  privateKeys: v.optional(v.record(v.string(), PrivateKeyOption, privateKeysShape)),
});

/** The private-content setup of a distribution, as CloudFront holds it. */
export async function readPrivateContentSetup(service: CloudFrontService, distributionId: string): Promise<PrivateContentSetup> {
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
  };
}

/**
 * The setup, with a distribution that does not exist, or has nothing private, named as the bad input.
 * Each private key is where `given` says, else where the key listed in VS Code keeps it.
 */
async function readSetupOf(context: KeyCommandContext, service: CloudFrontService, distributionId: string, given?: Record<string, PrivateKeyLocation>): Promise<PrivateContentSetup> {
  const setup = await readPrivateContentSetup(service, distributionId).catch((error: unknown) => {
    if (isAwsError(error, 'NoSuchDistribution')) throw new UserError(vscode.l10n.t('distributionId: no distribution {0} in this account.', distributionId), 'distributionId');
    throw error;
  });
  if (!hasPrivateContent(setup)) {
    throw new UserError(
      vscode.l10n.t(
        'distributionId: distribution {0} has no private content to export: no behavior trusts a key group and no origin uses an origin access control. Restrict a behavior first ("CloudFront: Protect S3 Bucket with CloudFront", or trusted key groups in the console), then export.',
        distributionId,
      ),
      'distributionId',
    );
  }
  const privateKeys: Record<string, PrivateKeyLocation> = {};
  for (const key of setup.publicKeys) {
    const listed = context.keyStore.find(key.id);
    const location = given?.[key.id] ?? (listed && privateKeyLocationOf(listed.storage));
    if (location) privateKeys[key.id] = location;
  }
  return { ...setup, privateKeys };
}

/** Asks through `context.ui` only for what the call's answers lack: automation's options give all of it. */
export const exportInfrastructureCommand = defineAskingCommandIn(ExportInfrastructureOptions, async (context: KeyCommandContext, call): Promise<string> => {
  const { answers } = call;
  const service = await context.source.cloudFront();
  const distributionId =
    answers.distributionId ??
    (call.context instanceof DistributionNode
      ? call.context.distribution.id
      : (positionalText(call.context) ?? (await pickDistribution(context.ui, service, { title: vscode.l10n.t('Distribution to export') }))));
  if (!distributionId) throw new CancellationError();
  // Read (and refused if it has nothing private) before asking anything more.
  const setup = await readSetupOf(context, service, distributionId, answers.privateKeys);
  const format =
    answers.format ??
    (await context.ui.pick<InfrastructureFormat>({
      title: vscode.l10n.t('Export as'),
      items: [
        { label: vscode.l10n.t('AWS CloudFormation'), description: vscode.l10n.t('JSON template with import identifiers'), value: 'cloudformation' },
        { label: vscode.l10n.t('AWS CDK'), description: vscode.l10n.t('TypeScript app with fromXxx lookups'), value: 'cdk' },
        { label: vscode.l10n.t('Terraform'), description: vscode.l10n.t('HCL with import blocks'), value: 'terraform' },
      ],
      unattended: { missing: 'format' },
    }));
  const exported = exportInfrastructure(setup, format);
  // A person reads the code in an editor; automation's caller gets it as the result.
  if (hasPerson(context.ui)) await showText(exported.text, exported.languageId);
  return exported.text;
});
