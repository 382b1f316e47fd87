// "Export as Infrastructure Code": a distribution's private-content setup as CloudFormation, CDK or
// Terraform, made for adopting what exists. Pure: the command reads CloudFront, this writes text.
import { cdkText } from './cdk';
import { cloudFormationText } from './cloudformation';
import type { InfrastructureFormat, PrivateContentSetup } from './model';
import { terraformText } from './terraform';

export { hasPrivateContent, INFRASTRUCTURE_FORMATS, privateKeyLocationOf, type InfrastructureFormat, type PrivateContentSetup, type PrivateKeyLocation } from './model';

export function exportInfrastructure(setup: PrivateContentSetup, format: InfrastructureFormat): { text: string; languageId: string } {
  switch (format) {
    case 'cloudformation':
      return { text: cloudFormationText(setup), languageId: 'json' };
    case 'cdk':
      return { text: cdkText(setup), languageId: 'typescript' };
    case 'terraform':
      return { text: terraformText(setup), languageId: 'terraform' };
  }
}
