// Does the separate dist/features.js still pay? Activation WITH the split (the shipped production
// build in dist/) against activation WITHOUT it: a variant built here into out/bench-single/, where
// src/features.ts is bundled into extension.js (lazyFeatures.ts' require('./features') resolved in
// the bundle instead of mapped to a sibling file; the stand-ins stay, so features' code is parsed at
// load but runs on first use, as before). The AWS SDK chunks stay lazy in both. Measured
//   node    require + activate() in fresh Node processes with the vscode stub, as activation.mjs
//           does; the two builds alternate, median of N each.
//   VS Code "Activation: N ms" of Running Extensions (realVsCode.mjs) in code-server 1.139 against
//           moto: one server per build (same extension id, so separate extension dirs), fresh
//           windows alternating between them, median of N each.
// The shipped build (esbuild.mjs) is not changed; the variant repeats its production options.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { launchChromium } from '../../test/runner/lib/browser.mjs';
import { ensureCodeServer, linkExtension, startCodeServer } from '../../test/runner/lib/codeServer.mjs';
import { startMoto } from '../../test/runner/lib/moto.mjs';
import { onCleanup, runCleanups } from '../../test/runner/lib/processes.mjs';
import { createScratch, isolatedEnv } from '../../test/runner/lib/scratch.mjs';
import { activationInWindow, seed } from './realVsCode.mjs';

const RUNS = Number(process.env.BENCH_SPLIT_RUNS || process.env.BENCH_ACTIVATION_RUNS || 21);
const WINDOWS = Number(process.env.BENCH_SPLIT_WINDOWS || process.env.BENCH_VSCODE_WINDOWS || 7);
/** The variant as an installable extension folder: manifest, l10n, media and its dist/. */
const SINGLE = resolve('out', 'bench-single');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const size = (file) => statSync(file).size;

/** The production build with features.ts inside extension.js; only the SDK requires go to siblings. */
async function buildSingle() {
  rmSync(SINGLE, { recursive: true, force: true });
  const sdkChunks = { './sdk': './aws-sdk.js', './s3Sdk': './aws-s3.js', './keysSdk': './aws-keys.js' };
  await esbuild.build({
    entryPoints: { extension: 'src/extension.ts', 'aws-sdk': 'src/aws/sdk.ts', 'aws-s3': 'src/aws/s3Sdk.ts', 'aws-keys': 'src/aws/keysSdk.ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir: join(SINGLE, 'dist'),
    external: ['vscode'],
    minify: true,
    sourcemap: false,
    mainFields: ['main', 'module'],
    // As esbuild.mjs: jsonc-parser's UMD `main` cannot be bundled (without this the variant failed to
    // activate and the view never showed a row).
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [
      {
        name: 'lazy-sdk-only',
        setup(build) {
          build.onResolve({ filter: /^\.\/(sdk|s3Sdk|keysSdk)$/ }, (args) => (args.importer.endsWith(`aws${sep}loadSdk.ts`) ? { path: sdkChunks[args.path], external: true } : undefined));
        },
      },
    ],
  });
  for (const file of ['package.json', 'package.nls.json']) copyFileSync(file, join(SINGLE, file));
  for (const dir of ['l10n', 'media']) cpSync(dir, join(SINGLE, dir), { recursive: true });
}

function probe(extensionJs) {
  return `
    const stub = require(${JSON.stringify(resolve('scripts/bench/vscodeStub.cjs'))});
    const t0 = process.hrtime.bigint();
    const ext = require(${JSON.stringify(extensionJs)});
    ext.activate(stub.fakeContext());
    console.log(Number(process.hrtime.bigint() - t0) / 1e6);`;
}

function sample(code) {
  // Pinned to one core, as in activation.mjs.
  const out = spawnSync('taskset', ['-c', '0', process.execPath, '-e', code], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`probe failed: ${out.stderr}`);
  return Number(out.stdout.trim());
}

/** Fresh windows, alternating between the two servers so drift on a shared machine hits both alike. */
async function vscodeActivations(splitDir, singleDir) {
  const install = await ensureCodeServer({ log: () => {} });
  const scratch = createScratch({ prefix: 'cfpc-bench-split-' });
  onCleanup(() => scratch.remove(), { last: true });
  try {
    const logDir = resolve('test-output', 'bench');
    mkdirSync(logDir, { recursive: true });
    const moto = await startMoto({ logFile: join(logDir, 'split-moto.log') });
    await seed(moto.url);
    const env = isolatedEnv({ scratch, motoUrl: moto.url });
    const servers = {};
    for (const [name, dir] of Object.entries({ split: splitDir, single: singleDir })) {
      const extensionsDir = scratch.dir(`extensions-${name}`);
      linkExtension(extensionsDir, dir); // installed, production mode
      servers[name] = await startCodeServer({
        install,
        env,
        userDataDir: scratch.dir(`vscode-${name}`),
        extensionsDir,
        folder: scratch.workspace,
        extraArgs: ['--reconnection-grace-time', '5'],
        logFile: join(logDir, `split-code-server-${name}.log`),
      });
    }
    const browser = await launchChromium({ profileDir: scratch.dir('chromium'), env: { ...process.env, HOME: env.HOME, XDG_CONFIG_HOME: env.XDG_CONFIG_HOME } });
    await browser.allow(servers.split.url);
    await browser.allow(servers.single.url);
    const times = { split: [], single: [] };
    for (let i = 0; i < WINDOWS; i++) {
      for (const name of i % 2 ? ['single', 'split'] : ['split', 'single']) {
        times[name].push(await activationInWindow(browser.context, servers[name].url, scratch.workspace));
      }
    }
    return times;
  } finally {
    await runCleanups();
  }
}

export async function benchBundleSplit({ vscode = process.env.BENCH_SPLIT_VSCODE !== '0' } = {}) {
  if (!existsSync('dist/extension.js') || !existsSync('dist/features.js')) {
    throw new Error('dist/ is missing: run `node esbuild.mjs --production` (npm run bench does it first)');
  }
  await buildSingle();
  const split = resolve('dist/extension.js');
  const single = join(SINGLE, 'dist', 'extension.js');
  const splitBytes = size(split);
  const featuresBytes = size('dist/features.js');
  const singleBytes = size(single);

  const node = { split: [], single: [] };
  for (let i = 0; i < RUNS; i++) {
    node.split.push(sample(probe(split)));
    node.single.push(sample(probe(single)));
  }
  const nodeSplit = median(node.split);
  const nodeSingle = median(node.single);
  const rows = [
    { name: 'dist/extension.js (split: activation bundle)', value: splitBytes, unit: 'bytes' },
    { name: 'dist/features.js (split: loaded on first use)', value: featuresBytes, unit: 'bytes' },
    { name: 'extension.js without the split (features inside)', value: singleBytes, unit: 'bytes', note: `+${singleBytes - splitBytes} bytes at activation` },
    { name: 'node: load + activate(), split', value: nodeSplit, unit: 'ms', note: `median of ${RUNS} fresh processes` },
    { name: 'node: load + activate(), single bundle', value: nodeSingle, unit: 'ms', note: `median of ${RUNS} fresh processes` },
    { name: 'node: single − split', value: nodeSingle - nodeSplit, unit: 'ms', note: `single/split ${(nodeSingle / nodeSplit).toFixed(2)}×` },
  ];
  if (vscode) {
    const times = await vscodeActivations(resolve('.'), SINGLE);
    const vsSplit = median(times.split);
    const vsSingle = median(times.single);
    rows.push(
      { name: 'VS Code: activation (Running Extensions), split', value: vsSplit, unit: 'ms', note: `median of ${WINDOWS} windows: ${times.split.join(', ')} ms` },
      { name: 'VS Code: activation (Running Extensions), single bundle', value: vsSingle, unit: 'ms', note: `median of ${WINDOWS} windows: ${times.single.join(', ')} ms` },
      { name: 'VS Code: single − split', value: vsSingle - vsSplit, unit: 'ms', note: `single/split ${(vsSingle / vsSplit).toFixed(2)}×` },
    );
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Standalone: the production build first, as npm run bench does.
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  console.table(await benchBundleSplit());
}
