// `npm run bench`: every budget measured in one run and printed together, each next to its goal.
// Builds the production bundle first, because that is what users load.
import { spawnSync } from 'node:child_process';
import { benchActivation } from './bench/activation.mjs';
import { benchSigning } from './bench/signing.mjs';

const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const sections = [
  ['Activation', benchActivation],
  ['Signing', benchSigning],
];

const format = (value) => (typeof value === 'number' ? (Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3)) : value);
let failed = 0;
console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
for (const [title, bench] of sections) {
  const rows = await bench();
  console.log(`## ${title}`);
  for (const row of rows) {
    const verdict = row.pass === undefined ? '' : row.pass ? '  ✔ goal met' : '  ✘ goal missed';
    if (row.pass === false) failed++;
    const goal = row.goal ? `  (goal ${row.goal})` : '';
    const note = row.note ? `  [${row.note}]` : '';
    console.log(`  ${row.name.padEnd(52)} ${String(format(row.value)).padStart(10)} ${row.unit}${goal}${verdict}${note}`);
  }
  console.log('');
}
console.log(failed ? `${failed} budget(s) missed` : 'all budgets met');
