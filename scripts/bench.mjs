// `npm run bench`: every budget measured in one run and printed together, each next to its goal.
// Builds the production bundle first, because that is what users load.
import { spawnSync } from 'node:child_process';
import { benchActivation } from './bench/activation.mjs';
import { benchSigning } from './bench/signing.mjs';
import { benchTree } from './bench/tree.mjs';
import { benchDocumentSigning } from './bench/documentSigning.mjs';
import { benchKeygen } from './bench/keygen.mjs';
import { benchRealVsCode } from './bench/realVsCode.mjs';
import { benchBundleSplit } from './bench/bundleSplit.mjs';
import { benchWorkerSigning } from './bench/workerSigning.mjs';
import { benchKmsSigning } from './bench/kmsSigning.mjs';
import { benchStreams } from './bench/streams.mjs';

const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const sections = [
  ['Activation', benchActivation],
  ['Signing', benchSigning],
  ['Distributions view', benchTree],
  ['Sign commands', benchDocumentSigning],
  ['Bulk signing on every core (worker threads)', benchWorkerSigning],
  ['Bulk signing with an AWS KMS key (moto)', benchKmsSigning],
  ['Private streams (a 2-hour HLS ladder)', benchStreams],
  ['Key generation', benchKeygen],
  ['Real VS Code (code-server 1.139, moto)', benchRealVsCode],
  ['Bundle split: activation with dist/features.js separate vs inside extension.js', benchBundleSplit],
];

const format = (value) => (typeof value === 'number' ? (Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3)) : value);
let failed = 0;
console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
for (const [title, bench] of sections) {
  const rows = await bench();
  console.log(`## ${title}`);
  for (const row of rows) {
    // A row is either a measurement, a measurement compared with ours (`ratio` = ours / value, goal
    // a minimum), or a ratio itself (`pass` given).
    const pass = row.pass ?? (row.ratio !== undefined && typeof row.goal === 'number' ? row.ratio >= row.goal : undefined);
    if (pass === false) failed++;
    const ratio = row.ratio !== undefined ? `  ours/this ${row.ratio.toFixed(2)}×` : '';
    const goal = row.goal === undefined ? '' : `  (goal ${typeof row.goal === 'number' ? `≥ ${row.goal}×` : row.goal})`;
    const verdict = pass === undefined ? '' : pass ? '  ✔ met' : '  ✘ missed';
    const note = row.note ? `  [${row.note}]` : '';
    console.log(`  ${row.name}\n      ${String(format(row.value)).padStart(10)} ${row.unit}${ratio}${goal}${verdict}${note}`);
  }
  console.log('');
}
console.log(failed ? `${failed} budget(s) missed` : 'all budgets met');
