// `npm start`: build the extension and open it in VS Code.
//   default        against a local moto seeded with sample distributions, key groups and public keys
//   -- --aws       against real AWS with your credentials (the SDK's default chain)
//   -- --profile P with --aws, use profile P
//   -- --browser   use the offline VS Code in the browser even when desktop `code` is on PATH
// Desktop `code` (extension development mode, its own user data dir) when it is on PATH, otherwise
// VS Code 1.139 from the npm package code-server at a printed 127.0.0.1 URL. Ctrl-C stops all of it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seedSample } from './lib/seedSample.mjs';
import { startSampleEdge } from './lib/sampleEdge.mjs';
import { writeSampleKeyLoader } from './lib/sampleSigningKey.mjs';
import { requirePrerequisites } from './setup/prerequisites.mjs';
import { linkExtension, startCodeServer, TEST_SETTINGS } from '../test/runner/lib/codeServer.mjs';
import { startMoto } from '../test/runner/lib/moto.mjs';
import { installCleanupHandlers, onCleanup, runCleanups, spawnGroup } from '../test/runner/lib/processes.mjs';
import { createScratch, isolatedEnv } from '../test/runner/lib/scratch.mjs';
import { workbenchUrl } from '../test/runner/lib/browser.mjs';

const args = process.argv.slice(2);
const useAws = args.includes('--aws');
const profileIndex = args.indexOf('--profile');
const profile = profileIndex >= 0 ? args[profileIndex + 1] : undefined;
const forceBrowser = args.includes('--browser');
const repo = resolve('.');

// Only moto: the browser route prints a URL for the user's own browser.
requirePrerequisites({ moto: !useAws });

installCleanupHandlers();

const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const scratch = createScratch({ prefix: 'cfpc-start-' });
// Last, after the servers that write into it have stopped.
onCleanup(() => scratch.remove(), { last: true });

/**
 * User settings of the sample: `cloudfront.hostAddresses` sends the live checks (Verify Protection,
 * Diagnose's live check) for the sample distributions' hosts to their local edges. Empty with --aws.
 * @type {Record<string, unknown>}
 */
const sampleSettings = {};
/** The sample's loader extension (its signing key into the key store), installed for this run only; undefined with --aws. */
let sampleKeyLoader;

/** The environment VS Code (and so the extension host) runs with. */
async function extensionHostEnv() {
  if (useAws) {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VSCODE_|ELECTRON_|npm_)/.test(key)));
    if (profile) env.AWS_PROFILE = profile;
    console.log(`Using your AWS credentials${profile ? ` (profile ${profile})` : ' (default chain)'}.`);
    return env;
  }
  const moto = await startMoto({ logFile: join(scratch.root, 'moto.log') });
  onCleanup(() => moto.stop());
  const sample = await seedSample({ endpoint: moto.url });
  console.log(`Local CloudFront API (moto) at ${moto.url}, seeded with:`);
  for (const d of sample.distributions) console.log(`  ${d.id}  ${d.domainName}  ${d.aliases.join(', ')}  ${d.comment}`);
  console.log(`  key groups: ${Object.keys(sample.keyGroups).join(', ')}`);
  // A local edge per sample distribution (HTTPS with a certificate made now, for these hosts only), and
  // their hosts mapped to it in the user settings, so that Verify Protection gets real answers.
  const hostAddresses = {};
  for (const d of sample.distributions) {
    const edge = await startSampleEdge({ endpoint: moto.url, distributionId: d.id, dir: scratch.dir('edge') });
    onCleanup(() => edge.close());
    Object.assign(hostAddresses, edge.hostAddresses);
  }
  sampleSettings['cloudfront.hostAddresses'] = hostAddresses;
  console.log(
    `Local edges (cloudfront.hostAddresses in the user and machine settings): ${Object.entries(hostAddresses)
      .map(([host, { address }]) => `${host} → ${address}`)
      .join(', ')}`,
  );
  sampleKeyLoader = writeSampleKeyLoader(scratch.dir('sample-key-loader'), sample.signingKeys);
  console.log(`  in the key store: ${sample.signingKeys.map((k) => `${k.name} (${k.publicKeyId})`).join(', ')}: "Sign CloudFront URL" signs at once`);
  writeFileSync(
    join(scratch.workspace, 'README.md'),
    `# Try CloudFront Private Content\n\nOpen the CloudFront view in the activity bar. The sample distributions live in a local moto server:\n\n${sample.distributions
      .map((d) => `- ${d.comment}: https://${d.domainName}/ (${d.aliases.join(', ')})`)
      .join('\n')}\n`,
  );
  // isolatedEnv points HOME and the AWS SDK at the scratch folder and moto, never at real credentials.
  return isolatedEnv({ scratch, motoUrl: moto.url, base: process.env });
}

function hasDesktopCode() {
  return !forceBrowser && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

const env = await extensionHostEnv();
if (hasDesktopCode()) {
  console.log('Opening desktop VS Code with the extension in development mode; close its window to stop.');
  const userDataDir = scratch.dir('vscode-user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(sampleSettings, null, 2));
  const loader = sampleKeyLoader ? [`--extensionDevelopmentPath=${sampleKeyLoader}`] : [];
  const code = spawnGroup('code', ['--wait', '--new-window', '--user-data-dir', userDataDir, `--extensionDevelopmentPath=${repo}`, ...loader, scratch.workspace], {
    name: 'code',
    env: { ...env, HOME: process.env.HOME },
  });
  await code.exited;
} else {
  // code-server reads a development-mode `payload` only under its smoke-test driver, which also hides
  // notifications; so the built folder is linked in as an installed extension instead (no copy:
  // `npm run watch` in another terminal plus a window reload picks up changes).
  const extensionsDir = scratch.dir('extensions');
  linkExtension(extensionsDir, repo);
  if (sampleKeyLoader) linkExtension(extensionsDir, sampleKeyLoader);
  const serverUserData = scratch.dir('code-server-user-data');
  // A code-server window is a remote window: it reads a machine-scoped setting such as
  // cloudfront.hostAddresses from the machine's settings only, never from the user's.
  mkdirSync(join(serverUserData, 'Machine'), { recursive: true });
  writeFileSync(join(serverUserData, 'Machine', 'settings.json'), JSON.stringify(sampleSettings, null, 2));
  const server = await startCodeServer({
    env,
    userDataDir: serverUserData,
    extensionsDir,
    logFile: join(scratch.root, 'code-server.log'),
    settings: { ...TEST_SETTINGS, ...sampleSettings },
  });
  onCleanup(() => server.stop());
  console.log('\nVS Code is ready. Open this URL in your browser (Ctrl-C here stops everything):\n');
  console.log(`  ${workbenchUrl({ serverUrl: server.url, folder: scratch.workspace })}\n`);
  await server.group.exited;
  console.error('code-server stopped.');
}
await runCleanups();
