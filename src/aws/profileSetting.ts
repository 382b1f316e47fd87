// The `cloudfront.profile` setting, read without loading anything of the AWS layer (activation uses it).
import * as vscode from 'vscode';
import { Settings } from '../constants';

/**
 * The profile from the `cloudfront.profile` user setting. Only the user (global) value counts: the
 * setting has application scope, and a workspace must never redirect credentials. Empty means the
 * SDK's default chain (AWS_PROFILE, environment variables, …).
 */
export function configuredProfile(): string | undefined {
  const value = vscode.workspace.getConfiguration(Settings.section).inspect<string>(Settings.profile)?.globalValue;
  return value ? value : undefined;
}

export const PROFILE_SETTING = `${Settings.section}.${Settings.profile}`;
