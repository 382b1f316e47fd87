// "CloudFront: Choose AWS Profile" and the AWS SSO login it may lead to.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { readProfiles, type AwsProfile } from '../aws/profiles';
import { Settings } from '../constants';
import { UserError } from '../errors';
import type { Ui } from '../ui/ui';
import { runInTerminal } from '../ui/workbench';
import { defineCommand, defineCommandIn, mustBeString, optionsObject, positionalText, required } from './options';

/** `{ profile }`: a profile name from ~/.aws, or '' for the default credential chain. */
const ProfileOptions = optionsObject({ profile: required(v.string(mustBeString('profile')), () => vscode.l10n.t('profile is required: a profile name, or "" for the default credential chain.')) });

/** Profile names the AWS CLI accepts; anything else is refused before it reaches a terminal. */
const PROFILE_NAME = /^[A-Za-z0-9_.+@=,-]+$/;

function kindLabel(profile: AwsProfile): string {
  switch (profile.kind) {
    case 'sso':
      return vscode.l10n.t('IAM Identity Center (SSO)');
    case 'credential_process':
      return vscode.l10n.t('credential process');
    case 'role':
      return vscode.l10n.t('assumed role');
    case 'web_identity':
      return vscode.l10n.t('web identity');
    case 'static':
      return vscode.l10n.t('access keys');
    default:
      return vscode.l10n.t('profile');
  }
}

/**
 * Stores the choice in the user settings (application scope: a workspace cannot set it). With
 * `{ profile }` or the profile name it asks nothing; '' means the SDK's default credential chain.
 */
export const chooseProfile = defineCommandIn(ProfileOptions, async (context: { readonly ui: Ui }, call): Promise<string> => {
  const profiles = await readProfiles();
  let chosen: string;
  const requested = call.answers.profile ?? positionalText(call.context);
  if (requested !== undefined) {
    if (requested !== '' && !profiles.some((p) => p.name === requested)) {
      throw new UserError(
        vscode.l10n.t(
          'No AWS profile named "{0}" in ~/.aws/config or ~/.aws/credentials: pass one of {1}, or "" for the default credential chain.',
          String(requested),
          profiles.map((p) => p.name).join(', ') || vscode.l10n.t('(none)'),
        ),
        'profile',
      );
    }
    chosen = requested;
  } else {
    const current = vscode.workspace.getConfiguration(Settings.section).inspect<string>(Settings.profile)?.globalValue ?? '';
    chosen = await context.ui.pick({
      title: vscode.l10n.t('Choose AWS Profile for CloudFront'),
      placeholder: profiles.length ? vscode.l10n.t('Profiles from ~/.aws/config and ~/.aws/credentials') : vscode.l10n.t('No profiles found in ~/.aws/config or ~/.aws/credentials'),
      items: [
        {
          label: vscode.l10n.t('Default credential chain'),
          ...(current === '' ? { description: vscode.l10n.t('current') } : {}),
          detail: vscode.l10n.t('AWS_PROFILE, environment variables, then the default profile'),
          value: '',
          picked: current === '',
        },
        ...profiles.map((p) => ({
          label: p.name,
          description: [kindLabel(p), p.name === current ? vscode.l10n.t('current') : undefined].filter(Boolean).join(' · '),
          detail: [p.region, p.sources.map((s) => (s === 'config' ? '~/.aws/config' : '~/.aws/credentials')).join(', ')].filter(Boolean).join(' · '),
          value: p.name,
          picked: p.name === current,
        })),
      ],
    });
  }
  await vscode.workspace.getConfiguration(Settings.section).update(Settings.profile, chosen, vscode.ConfigurationTarget.Global);
  return chosen;
});

/** Runs `aws sso login --profile NAME` in a terminal the user sees; the profile is its name (an error row's) or `{ profile }`. */
export const ssoLogin = defineCommand(ProfileOptions, (call): void => {
  const given = call.answers.profile ?? call.context;
  const name = typeof given === 'string' && given ? given : 'default';
  if (!PROFILE_NAME.test(name)) throw new UserError(vscode.l10n.t('"{0}" is not a valid AWS profile name.', name), 'profile');
  runInTerminal(vscode.l10n.t('AWS SSO login'), `aws sso login --profile ${name}`);
});
