// Runs inside code-server's extension host as the "extension tests" of a bench page (see
// realVsCode.mjs), in a fresh extension host: times activate(), the Distributions view's first page,
// the first sign after start (with a key pair created in between, untimed) and warm signs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CloudFrontPrivateContentApi } from '../../src/api';
import { Commands, EXTENSION_ID } from '../../src/constants';

interface BenchInput {
  distributionId: string;
  domainName: string;
}

const WARM_SIGNS = 30;
const now = () => performance.now();

export async function run(): Promise<void> {
  const dir = process.env.CFPC_BENCH_DIR;
  if (!dir) throw new Error('CFPC_BENCH_DIR is not set');
  const input = JSON.parse(readFileSync(join(dir, 'input.json'), 'utf8')) as BenchInput;

  const extension = vscode.extensions.getExtension<CloudFrontPrivateContentApi>(EXTENSION_ID)!;
  if (extension.isActive) throw new Error('the extension was active before the probe: the activation time would be wrong');
  // As a person opens the view after start-up: let the built-in extensions finish starting first.
  await new Promise((resolve) => setTimeout(resolve, 4000));
  let t = now();
  const api = await extension.activate();
  const activate = now() - t;

  t = now();
  const nodes = (await api.distributionsView.getChildren(undefined)) ?? [];
  await Promise.all(nodes.map((node) => Promise.resolve(api.distributionsView.getTreeItem(node))));
  const treeFirstPage = now() - t;

  // Not timed: a key pair whose key group restricts /paid/*. The store keeps only the PEM in
  // SecretStorage; the first sign reads and parses it.
  await vscode.commands.executeCommand(Commands.createKeyPair, {
    name: `bench-${Date.now()}`,
    algorithm: 'RSA_2048',
    keyGroupName: `bench-group-${Date.now()}`,
    distributionId: input.distributionId,
    pathPatterns: ['/paid/*'],
  });

  const sign = () => vscode.commands.executeCommand<string>(Commands.signUrl, { url: `https://${input.domainName}/paid/movie.mp4`, copy: false });
  t = now();
  const signed = await sign();
  const firstSign = now() - t;
  if (!/Signature=/.test(signed)) throw new Error(`the sign command returned ${signed}`);

  const warm: number[] = [];
  for (let i = 0; i < WARM_SIGNS; i++) {
    t = now();
    await sign();
    warm.push(now() - t);
  }
  warm.sort((a, b) => a - b);
  writeFileSync(join(dir, 'results.json'), JSON.stringify({ activate, treeFirstPage, rows: nodes.length, firstSign, warmSign: warm[Math.floor(warm.length / 2)], warmSigns: WARM_SIGNS }));
}
