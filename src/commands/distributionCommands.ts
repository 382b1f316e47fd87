// Actions on a distribution row: copy its domain, open it in the AWS console.
import * as vscode from 'vscode';
import { UserError } from '../errors';
import { DistributionNode } from '../tree/distributionNode';

function distributionOf(node: unknown): DistributionNode {
  if (node instanceof DistributionNode) return node;
  throw new UserError(vscode.l10n.t('Choose a distribution in the Distributions view first.'), 'node');
}

export async function copyDomain(node: unknown): Promise<string> {
  const { domainName } = distributionOf(node).distribution;
  await vscode.env.clipboard.writeText(domainName);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', domainName), 3000);
  return domainName;
}

/** The console is global, but its pages live under the us-east-1 console host. */
export function consoleUrl(distributionId: string): vscode.Uri {
  return vscode.Uri.parse(
    `https://us-east-1.console.aws.amazon.com/cloudfront/v4/home#/distributions/${encodeURIComponent(distributionId)}`,
  );
}

export async function openInConsole(node: unknown): Promise<boolean> {
  return vscode.env.openExternal(consoleUrl(distributionOf(node).distribution.id));
}
