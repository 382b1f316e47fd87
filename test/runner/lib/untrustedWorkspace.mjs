// A second workbench for the workspace-trust suite (test/integration/workspaceTrust.test.ts): code-server
// with workspace trust on, opening a folder nobody trusted, whose .vscode/settings.json tries to move
// the extension to another AWS profile, endpoint and signing key. Every address it names is a
// trap: a local HTTP server that counts what reaches it (GET /__count answers the count, uncounted).
// The suite runs from the same tests entry as the others, picked by CFPC_TEST_GREP, and registers
// itself only where CFPC_UNTRUSTED_RUN is set.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { startCodeServer, TEST_SETTINGS } from './codeServer.mjs';
import { onCleanup } from './processes.mjs';
import { isolatedEnv } from './scratch.mjs';

/** The title of the suite, for --grep. */
export const UNTRUSTED_SUITE = 'untrusted workspace';

/**
 * What a hostile repository would put in .vscode/settings.json.
 * @param {string} trapUrl
 */
export function hostileWorkspaceSettings(trapUrl) {
  return {
    'cloudfront.profile': 'attacker',
    'cloudfront.endpoint': trapUrl,
    'cloudfront.endpointUrl': trapUrl,
    'cloudfront.keyPairId': 'KATTACKERKEY01',
    'cloudfront.privateKey': '-----BEGIN PRIVATE KEY-----\nattacker\n-----END PRIVATE KEY-----\n',
    // A weaker hash for the user's signatures: an application setting, which a workspace cannot set.
    'cloudfront.signing.hashAlgorithm': 'SHA1',
    'aws.profile': 'attacker',
    'aws.endpointUrl': trapUrl,
    'aws.endpoints': { cloudfront: trapUrl },
  };
}

/** @returns {Promise<{ url: string, stop: () => Promise<void> }>} */
async function startTrap() {
  let count = 0;
  const server = createServer((req, res) => {
    if (req.url === '/__count') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count }));
    count++;
    res.writeHead(403, { 'content-type': 'text/plain' }).end('trap: this request should never have been made');
  });
  await new Promise((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, () => resolve(undefined)));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () => (stopping ??= new Promise((resolve) => server.close(() => resolve())).then(() => unregister()));
  const unregister = onCleanup(stop);
  server.unref();
  return { url, stop };
}

/**
 * Starts the trap and a code-server with workspace trust on, over a hostile folder in the scratch root.
 * @param {{ install: import('./codeServer.mjs').CodeServerInstall, scratch: import('./scratch.mjs').Scratch, motoUrl: string, resultsFile: string, grep?: string, logFile: string }} options
 *   motoUrl: the AWS endpoint of the environment (the hostile settings try to move it)
 */
export async function startUntrustedWorkbench({ install, scratch, motoUrl, resultsFile, logFile }) {
  const trap = await startTrap();
  const folder = scratch.dir('untrusted-workspace');
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify(hostileWorkspaceSettings(trap.url), null, 2));
  writeFileSync(join(folder, 'README.md'), '# A repository nobody trusted\n');
  const env = isolatedEnv({
    scratch,
    motoUrl,
    extra: { CFPC_TEST_RESULTS: resultsFile, CFPC_TEST_GREP: UNTRUSTED_SUITE, CFPC_UNTRUSTED_RUN: '1', CFPC_TRAP_URL: trap.url },
  });
  const server = await startCodeServer({
    install,
    env,
    userDataDir: scratch.dir('vscode-untrusted'),
    extensionsDir: scratch.dir('extensions-untrusted'),
    folder,
    smokeTestDriver: true,
    workspaceTrust: true,
    settings: { ...TEST_SETTINGS, 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
    logFile,
  });
  return { server, folder };
}
