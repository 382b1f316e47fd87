// The extension as users get it: `vsce package` (which builds with --production through
// vscode:prepublish) into a .vsix, installed into a code-server extensions folder with
// `--install-extension`, exactly as `code --install-extension` does.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeBinary, toolEnv } from './codeServer.mjs';
import { onCleanup } from './processes.mjs';

/**
 * Runs a command to completion (stopped too on Ctrl-C) and rejects with its output when it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, label: string }} options
 * @returns {Promise<string>} stdout and stderr together
 */
function run(command, args, { cwd, env, label }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const unregister = onCleanup(() => child.kill('SIGTERM'));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      unregister();
      if (code === 0) resolve(output);
      else reject(new Error(`${label} failed (code ${code}, signal ${signal}):\n${output}`));
    });
  });
}

/**
 * `vsce package --no-dependencies --out <outFile>` in `repoRoot`, as `npm run package` does.
 * Fails when vsce warns (a warning is a defect the Marketplace would show).
 * @param {{ repoRoot: string, outFile: string }} options
 * @returns {Promise<{ file: string, output: string }>}
 */
export async function packageVsix({ repoRoot, outFile }) {
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const output = await run(nodeBinary(), [vsce, 'package', '--no-dependencies', '--out', outFile], { cwd: repoRoot, env: toolEnv(process.env), label: 'vsce package' });
  const warnings = output.split('\n').filter((line) => /\bWARNING\b/.test(line));
  if (warnings.length) throw new Error(`vsce package warned:\n${warnings.join('\n')}`);
  if (!existsSync(outFile)) throw new Error(`vsce package wrote no ${outFile}:\n${output}`);
  return { file: outFile, output };
}

/**
 * Installs a .vsix into `extensionsDir` with code-server's `--install-extension` and returns the
 * folder it was unpacked to.
 * @param {{ install: import('./codeServer.mjs').CodeServerInstall, vsix: string, extensionsDir: string, userDataDir: string, env: NodeJS.ProcessEnv }} options
 */
export async function installVsix({ install, vsix, extensionsDir, userDataDir, env }) {
  await run(install.node, [install.bin, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], {
    env: toolEnv(env),
    label: `code-server --install-extension ${vsix}`,
  });
  const folders = readdirSync(extensionsDir).filter((name) => existsSync(join(extensionsDir, name, 'package.json')));
  if (folders.length !== 1) throw new Error(`expected one installed extension in ${extensionsDir}, found ${JSON.stringify(folders)}`);
  const folder = join(extensionsDir, folders[0]);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  return { folder, id: `${manifest.publisher}.${manifest.name}`, version: manifest.version };
}
