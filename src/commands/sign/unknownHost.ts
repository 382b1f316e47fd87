// A person who signs for a host that no distribution of the profile serves is told so and asked
// first: a typo or an S3 URL would give a signature CloudFront never checks, but another account's
// distribution is legitimate. Automation signs as asked (the confirmation's unattended answer).
import * as vscode from 'vscode';
import type { UrlTarget } from '../../aws/distributionFinder';
import { CancellationError } from '../../errors';
import type { SigningContext } from './signingContext';

/** Resolves when `target` is known or the person chose to sign anyway; otherwise a CancellationError. */
export async function confirmUnknownHost(context: SigningContext, url: string, target: UrlTarget | undefined): Promise<void> {
  if (target) return;
  const host = new URL(url).host;
  const profile = context.source.profile;
  const signAnyway = vscode.l10n.t('Sign Anyway');
  const accepted = await context.ui.confirm(
    profile ? vscode.l10n.t('No distribution of profile {0} serves {1}.', profile, host) : vscode.l10n.t('No distribution in the account of the default AWS credentials serves {0}.', host),
    vscode.l10n.t('CloudFront checks signatures only for the hosts its distributions serve. Sign anyway when {0} is a distribution of another account.', host),
    signAnyway,
    // Automation signs as asked: another account's distribution is legitimate.
    { answer: true },
  );
  if (!accepted) throw new CancellationError();
}
