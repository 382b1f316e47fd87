// The AWS profiles a user can choose, read from the shared config and credentials files the way the
// AWS CLI and SDKs read them: `[profile NAME]` sections in config, `[NAME]` in credentials, both
// files' locations overridable by AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE.
// https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type ProfileKind = 'sso' | 'credential_process' | 'role' | 'static' | 'web_identity' | 'other';

export interface AwsProfile {
  name: string;
  kind: ProfileKind;
  /** Which files define it. */
  sources: Array<'config' | 'credentials'>;
  region?: string;
  ssoSession?: string;
}

type Sections = Map<string, Map<string, string>>;

/** Sections of an INI file as AWS reads it: `name = value` lines, `#` and `;` comments, nested lines skipped. */
export function parseIni(text: string): Sections {
  const sections: Sections = new Map();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s*[#;].*$/, '');
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      const name = header[1].trim();
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    // Indented lines continue a sub-section (e.g. `s3 =` blocks); they never define a profile's kind.
    if (!current || /^\s/.test(raw)) continue;
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (pair) current.set(pair[1].trim().toLowerCase(), pair[2].trim());
  }
  return sections;
}

function kindOf(settings: Map<string, string>): ProfileKind {
  if (settings.has('sso_session') || settings.has('sso_start_url')) return 'sso';
  if (settings.has('credential_process')) return 'credential_process';
  if (settings.has('role_arn') && settings.has('web_identity_token_file')) return 'web_identity';
  if (settings.has('role_arn')) return 'role';
  if (settings.has('aws_access_key_id')) return 'static';
  return 'other';
}

/** Profiles from the text of the config and credentials files, sorted by name, `default` first. */
export function profilesFrom(configText: string, credentialsText: string): AwsProfile[] {
  const profiles = new Map<string, { settings: Map<string, string>; sources: Set<'config' | 'credentials'> }>();
  const add = (name: string, settings: Map<string, string>, source: 'config' | 'credentials') => {
    const entry = profiles.get(name) ?? { settings: new Map(), sources: new Set() };
    for (const [key, value] of settings) entry.settings.set(key, value);
    entry.sources.add(source);
    profiles.set(name, entry);
  };
  for (const [section, settings] of parseIni(configText)) {
    if (section === 'default') add('default', settings, 'config');
    else if (section.startsWith('profile ')) add(section.slice('profile '.length).trim(), settings, 'config');
    // [sso-session X] and [services X] are not profiles.
  }
  for (const [section, settings] of parseIni(credentialsText)) add(section, settings, 'credentials');
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

async function readIfPresent(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

export async function readProfiles(env: NodeJS.ProcessEnv = process.env): Promise<AwsProfile[]> {
  const paths = sharedFilePaths(env);
  const [config, credentials] = await Promise.all([readIfPresent(paths.config), readIfPresent(paths.credentials)]);
  return profilesFrom(config, credentials);
}
