// A throw-away folder per run that stands in for the user's home, plus the environment that points
// every tool (VS Code, the AWS SDK, npm, Chromium) at it and at moto instead of real AWS.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @typedef {object} Scratch
 * @property {string} root the folder (short, under os.tmpdir(): VS Code's IPC socket paths must stay < 108 bytes)
 * @property {string} home HOME
 * @property {string} tmp TMPDIR
 * @property {string} runtime XDG_RUNTIME_DIR (mode 0700)
 * @property {string} workspace the folder VS Code opens (contains a README.md)
 * @property {(name: string) => string} dir a fresh subfolder of root
 * @property {() => void} remove deletes root (stop the servers that write there first)
 */

/**
 * @param {{ prefix?: string, parent?: string }} [options] parent: default os.tmpdir()
 * @returns {Scratch}
 */
export function createScratch({ prefix = 'cfpc-', parent = tmpdir() } = {}) {
  pruneOld(parent, prefix);
  const root = mkdtempSync(join(parent, prefix));
  const dir = (/** @type {string} */ name) => {
    const path = join(root, name);
    mkdirSync(path, { recursive: true, mode: 0o700 });
    return path;
  };
  const home = dir('home');
  for (const sub of ['.config', '.local/share', '.cache']) dir(join('home', sub));
  const workspace = dir('workspace');
  writeFileSync(join(workspace, 'README.md'), '# Test workspace\n\nCreated by the CloudFront Private Content test launcher.\n');
  return { root, home, tmp: dir('tmp'), runtime: dir('run'), workspace, dir, remove: () => rmSync(root, { recursive: true, force: true, maxRetries: 5 }) };
}

/**
 * Removes scratch folders of runs that were killed too hard to clean up (older than 12 hours).
 * @param {string} parent
 * @param {string} prefix
 */
function pruneOld(parent, prefix) {
  const cutoff = Date.now() - 12 * 3600 * 1000;
  try {
    for (const name of readdirSync(parent)) {
      if (!name.startsWith(prefix)) continue;
      const path = join(parent, name);
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // best effort
  }
}

/**
 * The environment for code-server / VS Code under test: the caller's environment without any AWS
 * or VS Code session variables, HOME, XDG_* and TMPDIR in the scratch folder, and the AWS SDK pointed at
 * moto with dummy credentials through the SDK's standard variables.
 * @param {{ scratch: Scratch, motoUrl: string, base?: NodeJS.ProcessEnv, extra?: NodeJS.ProcessEnv }} options
 * @returns {NodeJS.ProcessEnv}
 */
export function isolatedEnv({ scratch, motoUrl, base = process.env, extra = {} }) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(base)) {
    // AWS_*: real profiles, credentials, regions, endpoints. VSCODE_*/ELECTRON_*: set when this runs in a
    // VS Code terminal and would make the server talk to that VS Code.
    if (/^(AWS_|VSCODE_|ELECTRON_)/.test(key)) continue;
    env[key] = value;
  }
  Object.assign(env, {
    HOME: scratch.home,
    XDG_CONFIG_HOME: join(scratch.home, '.config'),
    XDG_DATA_HOME: join(scratch.home, '.local', 'share'),
    XDG_CACHE_HOME: join(scratch.home, '.cache'),
    XDG_RUNTIME_DIR: scratch.runtime,
    TMPDIR: scratch.tmp,
    AWS_ENDPOINT_URL_CLOUDFRONT: motoUrl,
    AWS_ENDPOINT_URL_S3: motoUrl,
    AWS_ENDPOINT_URL_KMS: motoUrl,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: motoUrl,
    AWS_ENDPOINT_URL_SSM: motoUrl,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
    // Never read the user's shared files, even if something resolves HOME differently.
    AWS_CONFIG_FILE: join(scratch.home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(scratch.home, '.aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  });
  return env;
}
