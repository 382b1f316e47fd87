// The Distributions view over 1,000 distributions served by the typed fake: time from "Refresh" to
// the first page rendered (getChildren + every row's TreeItem), loading all pages, and the heap
// the view holds for them. Runs in a child process with --expose-gc so memory is measured cleanly.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const COUNT = 1000;
const ROUNDS = 30;

const probe = `
  require(${JSON.stringify(resolve('scripts/bench/vscodeStub.cjs'))});
  const { createTree } = require(${JSON.stringify(resolve('out/bench/tree.js'))});
  (async () => {
    const firstPage = [];
    let tree;
    for (let i = 0; i < ${ROUNDS}; i++) {
      tree = createTree(${COUNT});
      const t0 = process.hrtime.bigint();
      tree.provider.refresh();
      await tree.renderRoot();
      firstPage.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    firstPage.sort((a, b) => a - b);
    tree = undefined;
    global.gc(); global.gc();
    const before = process.memoryUsage().heapUsed;
    tree = createTree(${COUNT});
    let rows = await tree.renderRoot();
    const t0 = process.hrtime.bigint();
    while (rows <= ${COUNT}) { await tree.provider.loadMore(); const next = await tree.renderRoot(); if (next === rows) break; rows = next; }
    const allPages = Number(process.hrtime.bigint() - t0) / 1e6;
    global.gc(); global.gc();
    const held = process.memoryUsage().heapUsed - before;
    console.log(JSON.stringify({ firstPage: firstPage[Math.floor(firstPage.length / 2)], allPages, rows, held }));
  })();`;

export async function benchTree() {
  await esbuild.build({
    entryPoints: ['scripts/bench/treeEntry.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: 'out/bench/tree.js',
    external: ['vscode'],
    logLevel: 'warning',
  });
  const out = spawnSync(process.execPath, ['--expose-gc', '-e', probe], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`tree probe failed: ${out.stderr}`);
  const r = JSON.parse(out.stdout.trim());
  return [
    { name: `Refresh → first page rendered (100 of ${COUNT} distributions)`, value: r.firstPage, unit: 'ms', note: `median of ${ROUNDS}, typed fake` },
    { name: `"Load more" through all ${COUNT} distributions`, value: r.allPages, unit: 'ms', note: `${r.rows} rows` },
    { name: `heap held by the view for ${COUNT} distributions`, value: r.held / 1024 / 1024, unit: 'MB', note: 'after GC: the summaries as CloudFront returns them, plus the view' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchTree());
