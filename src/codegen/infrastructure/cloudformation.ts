// The setup as a CloudFormation template (JSON) made for adopting what exists: every resource has
// DeletionPolicy and UpdateReplacePolicy Retain (an import requires them, and a mistake then never
// deletes a key or the distribution), and Metadata.ResourcesToImport lists the identifier of each, as
// `aws cloudformation create-change-set --change-set-type IMPORT --resources-to-import` takes them.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resource-import-existing-stack.html
import { cloudFormationDistributionConfig } from './distributionConfig';
import { bucketStatement, logicalName, privateKeyOf, privateKeyStatement, type PrivateContentSetup } from './model';

interface ImportEntry {
  ResourceType: string;
  LogicalResourceId: string;
  ResourceIdentifier: Record<string, string>;
}

export interface CloudFormationTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Metadata: { ResourcesToImport: ImportEntry[]; PrivateKeys: Record<string, string> };
  Resources: Record<string, { Type: string; DeletionPolicy: 'Retain'; UpdateReplacePolicy: 'Retain'; Properties: Record<string, unknown> }>;
  Outputs: Record<string, { Description: string; Value: unknown }>;
}

/** A reference to the template's resource with `logicalId`, or the id as it is (a resource the template does not hold). */
const refOr = (logicalId: string | undefined, id: string): string | { Ref: string } => (logicalId ? { Ref: logicalId } : id);

export function cloudFormationTemplate(setup: PrivateContentSetup): CloudFormationTemplate {
  const taken = new Set<string>();
  const template: CloudFormationTemplate = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Private content of CloudFront distribution ${setup.distribution.id} (${setup.distribution.domainName}): public keys, key groups, origin access controls, trusted key groups of each behavior, bucket policies. Exported to adopt these resources with a CloudFormation import (Metadata.ResourcesToImport). No private key is in this template: Metadata.PrivateKeys says where each lives.`,
    Metadata: { ResourcesToImport: [], PrivateKeys: {} },
    Resources: {},
    Outputs: {},
  };
  const add = (logicalId: string, type: string, identifier: Record<string, string>, properties: Record<string, unknown>) => {
    template.Resources[logicalId] = { Type: type, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: properties };
    template.Metadata.ResourcesToImport.push({ ResourceType: type, LogicalResourceId: logicalId, ResourceIdentifier: identifier });
  };

  const publicKeyIds = new Map<string, string>();
  for (const key of setup.publicKeys) {
    const logicalId = logicalName('PublicKey', key.name, taken);
    publicKeyIds.set(key.id, logicalId);
    add(
      logicalId,
      'AWS::CloudFront::PublicKey',
      { Id: key.id },
      {
        PublicKeyConfig: { CallerReference: key.callerReference, Name: key.name, EncodedKey: key.encodedKey, ...(key.comment && { Comment: key.comment }) },
      },
    );
    // Where the private key lives, for the code that signs; the key itself never enters a template.
    template.Metadata.PrivateKeys[key.id] = privateKeyStatement(key.id, privateKeyOf(setup, key.id));
  }
  const keyGroupIds = new Map<string, string>();
  for (const group of setup.keyGroups) {
    const logicalId = logicalName('KeyGroup', group.name, taken);
    keyGroupIds.set(group.id, logicalId);
    add(
      logicalId,
      'AWS::CloudFront::KeyGroup',
      { Id: group.id },
      {
        KeyGroupConfig: { Name: group.name, Items: group.publicKeyIds.map((id) => refOr(publicKeyIds.get(id), id)), ...(group.comment && { Comment: group.comment }) },
      },
    );
  }
  const oacIds = new Map<string, string>();
  for (const oac of setup.originAccessControls) {
    const logicalId = logicalName('OriginAccessControl', oac.name, taken);
    oacIds.set(oac.id, logicalId);
    add(
      logicalId,
      'AWS::CloudFront::OriginAccessControl',
      { Id: oac.id },
      {
        OriginAccessControlConfig: {
          Name: oac.name,
          OriginAccessControlOriginType: oac.originType,
          SigningBehavior: oac.signingBehavior,
          SigningProtocol: oac.signingProtocol,
          ...(oac.description && { Description: oac.description }),
        },
      },
    );
  }
  const distributionId = logicalName('Distribution', setup.distribution.id, taken);
  const config = cloudFormationDistributionConfig(setup.distribution.config, (id) => refOr(keyGroupIds.get(id), id));
  for (const origin of (config.Origins as Array<Record<string, unknown>> | undefined) ?? []) {
    const oac = origin.OriginAccessControlId as string | undefined;
    const oacLogicalId = oac === undefined ? undefined : oacIds.get(oac);
    if (oacLogicalId) origin.OriginAccessControlId = { 'Fn::GetAtt': [oacLogicalId, 'Id'] };
  }
  add(distributionId, 'AWS::CloudFront::Distribution', { Id: setup.distribution.id }, { DistributionConfig: config });
  for (const bucket of setup.buckets) {
    // A bucket has one policy and this resource owns all of it: merge the bucket's other statements
    // into PolicyDocument before deploying, or they are removed.
    add(
      logicalName('BucketPolicy', bucket, taken),
      'AWS::S3::BucketPolicy',
      { Bucket: bucket },
      {
        Bucket: bucket,
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              ...bucketStatement(bucket, setup.distribution.arn),
              Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Sub': `arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${distributionId}}` } } },
            },
          ],
        },
      },
    );
  }
  template.Outputs.DistributionDomainName = { Description: 'The domain name to sign URLs for', Value: { 'Fn::GetAtt': [distributionId, 'DomainName'] } };
  return template;
}

export const cloudFormationText = (setup: PrivateContentSetup): string => `${JSON.stringify(cloudFormationTemplate(setup), null, 2)}\n`;
