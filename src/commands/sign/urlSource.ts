// Where "Sign CloudFront URL" takes its URL from, in this order: the URL string it was called with, a tree row (an S3 object: its
// CloudFront URL; a distribution or behavior: a path the user completes), the editor selection (a
// URL, or a path when a distribution was used before), else an input box, shown at once. The
// clipboard is read only when the user presses the box's paste button: in a browser, reading it
// asks for permission or fails with a notification that holds back the input box.
import * as vscode from 'vscode';
import type { DistributionSummary } from '../../aws/cloudFrontService';
import { BehaviorNode } from '../../tree/behaviorNode';
import { DistributionNode } from '../../tree/distributionNode';
import { S3ObjectNode } from '../../tree/s3Nodes';
import { signableUrl } from '../../cloudfront/rules';
import { UserError } from '../../errors';
import type { Ui } from '../../ui/ui';

const SINGLE_URL = /^https?:\/\/\S+$/i;

function hostOf(distribution: DistributionSummary): string {
  return distribution.aliases[0] ?? distribution.domainName;
}

/** What is wrong with a URL to sign (signableUrl), in words: the check of the `url` option and of the box that asks for it. */
export function urlProblem(value: string): string | undefined {
  const problem = signableUrl(value);
  if (!problem) return undefined;
  return problem.problem === 'scheme'
    ? vscode.l10n.t('url uses the scheme {0}; CloudFront signed URLs work only with http, https, ws and wss.', problem.scheme)
    : vscode.l10n.t('url must be an absolute URL such as https://d111111abcdef8.cloudfront.net/video.mp4.');
}

/** Asks for the URL on `distribution`, started with the behavior's pattern (undefined: the default behavior). */
export async function askPath(ui: Ui, distribution: DistributionSummary, pattern: string | undefined): Promise<string> {
  // The behavior's pattern as a start: `/paid/*` becomes `/paid/`, ready for the file name.
  const start = (pattern ?? '/').replace(/\*.*$/, '');
  return (
    await ui.input({
      title: vscode.l10n.t('URL to sign ({0})', distribution.id),
      prompt: vscode.l10n.t('Complete the path the viewer will request'),
      value: `https://${hostOf(distribution)}${start.startsWith('/') ? start : `/${start}`}`,
      valueToComplete: true,
      validate: urlProblem,
    })
  ).trim();
}

export async function urlFromSources(ui: Ui, node: unknown, lastHost: string | undefined): Promise<string> {
  if (typeof node === 'string') {
    const problem = urlProblem(node);
    if (problem) throw new UserError(problem, 'url');
    return node.trim();
  }
  if (node instanceof S3ObjectNode) {
    if (!node.url) throw new UserError(vscode.l10n.t('{0} lies outside the origin path: CloudFront cannot serve it.', node.object.key), 'node');
    return node.url;
  }
  if (node instanceof BehaviorNode) return askPath(ui, node.distribution, node.behavior.pathPattern);
  if (node instanceof DistributionNode) return askPath(ui, node.distribution, undefined);

  const selected = ui.selection();
  if (SINGLE_URL.test(selected)) return selected;
  if (selected.startsWith('/') && lastHost && !/\s/.test(selected)) return `https://${lastHost}${selected}`;

  return (
    await ui.input({
      title: vscode.l10n.t('Sign CloudFront URL'),
      prompt: vscode.l10n.t('The URL the viewer will request'),
      placeholder: 'https://d111111abcdef8.cloudfront.net/video.mp4',
      validate: urlProblem,
      offerPaste: true,
    })
  ).trim();
}
