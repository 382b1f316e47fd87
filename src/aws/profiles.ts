// The AWS profiles a user can choose, read from the shared config and credentials files by the SDK's
// own loader (so `[profile NAME]` in config, `[NAME]` in credentials, comments, nested `s3 =` blocks
// and AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE mean exactly what they mean to the SDK).
// https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSdk } from './loadSdk';

export type ProfileKind = 'sso' | 'credential_process' | 'role' | 'static' | 'web_identity' | 'other';

export interface AwsProfile {
  name: string;
  kind: ProfileKind;
  /** Which files define it. */
  sources: Array<'config' | 'credentials'>;
  region?: string;
  ssoSession?: string;
}

/** What the SDK's loadSharedConfigFiles answers: sections by name, settings by key. */
export type IniSections = Record<string, Record<string, string | undefined> | undefined>;

/** The loader names the config file's other sections `sso-session.NAME` and `services.NAME`; they are not profiles. */
const NOT_A_PROFILE = /^(sso-session|services)\./;

function kindOf(settings: Map<string, string>): ProfileKind {
  if (settings.has('sso_session') || settings.has('sso_start_url')) return 'sso';
  if (settings.has('credential_process')) return 'credential_process';
  if (settings.has('role_arn') && settings.has('web_identity_token_file')) return 'web_identity';
  if (settings.has('role_arn')) return 'role';
  if (settings.has('aws_access_key_id')) return 'static';
  return 'other';
}

/** Profiles from the parsed config and credentials files, sorted by name, `default` first. */
export function profilesFrom(configFile: IniSections, credentialsFile: IniSections): AwsProfile[] {
  const profiles = new Map<string, { settings: Map<string, string>; sources: Set<'config' | 'credentials'> }>();
  const add = (name: string, section: IniSections[string], source: 'config' | 'credentials') => {
    const entry = profiles.get(name) ?? { settings: new Map(), sources: new Set() };
    for (const [key, value] of Object.entries(section ?? {})) if (value !== undefined) entry.settings.set(key, value);
    entry.sources.add(source);
    profiles.set(name, entry);
  };
  for (const [name, section] of Object.entries(configFile)) if (!NOT_A_PROFILE.test(name)) add(name, section, 'config');
  for (const [name, section] of Object.entries(credentialsFile)) add(name, section, 'credentials');
  return [...profiles.entries()]
    .map(([name, { settings, sources }]) => ({
      name,
      kind: kindOf(settings),
      sources: [...sources].sort(),
      ...(settings.get('region') ? { region: settings.get('region') } : {}),
      ...(settings.get('sso_session') ? { ssoSession: settings.get('sso_session') } : {}),
    }))
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

export function sharedFilePaths(env: NodeJS.ProcessEnv = process.env): { config: string; credentials: string } {
  const home = env.HOME || env.USERPROFILE || homedir();
  return {
    config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

export async function readProfiles(env: NodeJS.ProcessEnv = process.env): Promise<AwsProfile[]> {
  const paths = sharedFilePaths(env);
  // ignoreCache: the user may have edited the files since the last pick. Missing files read as empty.
  const { configFile, credentialsFile } = await (await loadSdk()).loadSharedConfigFiles({ configFilepath: paths.config, filepath: paths.credentials, ignoreCache: true });
  return profilesFrom(configFile, credentialsFile);
}
