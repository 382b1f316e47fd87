// Actions on distribution rows: copy its domain, open it in the AWS console, copy the bucket policy
// an S3 origin with origin access control needs.
import * as vscode from 'vscode';
import { oacBucketPolicy } from '../aws/bucketPolicy';
import { UserError } from '../errors';
import { DistributionNode } from '../tree/distributionNode';
import { OriginNode } from '../tree/originNode';
import type { Ui } from '../ui/ui';
import { flashStatus, openExternal } from '../ui/workbench';

function distributionOf(node: unknown): DistributionNode {
  if (node instanceof DistributionNode) return node;
  throw new UserError(vscode.l10n.t('Choose a distribution in the Distributions view first.'), 'node');
}

export async function copyDomain(ui: Ui, node: unknown): Promise<string> {
  const { domainName } = distributionOf(node).distribution;
  await ui.writeClipboard(domainName);
  flashStatus(vscode.l10n.t('Copied {0}', domainName));
  return domainName;
}

/** The console is global, but its pages live under the us-east-1 console host. */
export function consoleUrl(distributionId: string): vscode.Uri {
  return vscode.Uri.parse(`https://us-east-1.console.aws.amazon.com/cloudfront/v4/home#/distributions/${encodeURIComponent(distributionId)}`);
}

export async function openInConsole(node: unknown): Promise<boolean> {
  return openExternal(consoleUrl(distributionOf(node).distribution.id));
}

export async function copyBucketPolicy(ui: Ui, node: unknown): Promise<string> {
  if (!(node instanceof OriginNode)) throw new UserError(vscode.l10n.t('Choose an S3 origin in the Distributions view first.'), 'node');
  const policy = oacBucketPolicy(node.distribution, node.origin);
  if (!policy) {
    throw new UserError(vscode.l10n.t('{0} is not an S3 bucket endpoint: origin access control applies to S3 origins only.', node.origin.domainName), 'node');
  }
  await ui.writeClipboard(policy);
  void ui.notify('info', vscode.l10n.t("Copied the bucket policy for {0}: add it to the bucket's policy in the S3 console.", node.origin.domainName));
  return policy;
}
