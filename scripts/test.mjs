// `npm test`: the type check and the type-aware lint, then the unit suites in plain Node under two
// time zones far from UTC (and two locales), then the integration suites in a real VS Code (see
// test/runner/), then the packaged .vsix installed into VS Code and signing a URL there
// (test/runner/runVsix.mjs). Prints a closing line per part and a total `N passed, N failed`; exits
// non-zero on any failure.  Flags: --unit, --integration, --vsix (only that part, without the type
// check and lint); --grep PATTERN (mocha grep; skips the checks and the .vsix part).
// npm's `pretest` (scripts/setup/ensureInstalled.mjs) has installed node_modules by now.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { requirePrerequisites } from './setup/prerequisites.mjs';

const args = process.argv.slice(2);
const only = ['unit', 'integration', 'vsix'].find((part) => args.includes(`--${part}`));
const grepIndex = args.indexOf('--grep');
const grep = grepIndex >= 0 ? args[grepIndex + 1] : undefined;
// Per run, so two `npm test` runs in one checkout cannot read each other's counts.
const countsFile = join('out', 'test', `counts-${process.pid}.json`);

// The unit suites run once per zone: a test whose verdict depends on the zone, the hour it maps to
// or the locale fails in one of them. UTC+14 and UTC-12 are a whole day apart.
const UNIT_ZONES = [
  { TZ: 'Pacific/Kiritimati', LANG: 'en_US.UTF-8', label: 'unit, TZ=Pacific/Kiritimati (UTC+14)' },
  { TZ: 'Etc/GMT+12', LANG: 'de_DE.UTF-8', label: 'unit, TZ=Etc/GMT+12 (UTC-12), LANG=de_DE.UTF-8' },
];

/** Runs one part in a child process and reads the counts it wrote. */
function runPart(script, extraArgs, extraEnv = {}) {
  rmSync(countsFile, { force: true });
  const result = spawnSync(process.execPath, [script, ...extraArgs, ...(grep ? ['--grep', grep] : [])], {
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv, CFPC_COUNTS_FILE: countsFile },
  });
  try {
    const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
    rmSync(countsFile, { force: true });
    return counts;
  } catch {
    // The part died before reporting: count it as one failure so the total can never read green.
    console.error(`${script} ended (status ${result.status}, signal ${result.signal}) without reporting counts`);
    return { passed: 0, failed: 1, pending: 0 };
  }
}

/** Runs an npm script (type check, lint) and stops `npm test` when it fails: suites over code that does not type-check prove little. */
function runCheck(name) {
  console.log(`\n> npm run ${name}`);
  const started = Date.now();
  const npmCli = process.env.npm_execpath; // set inside npm scripts: the npm that runs this one
  const args = ['run', '--silent', name];
  const result = npmCli ? spawnSync(process.execPath, [npmCli, ...args], { stdio: 'inherit' }) : spawnSync('npm', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm run ${name} failed: fix the errors above (npm test runs no suite until ${name} passes)`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`${name}: no errors (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const runsIntegration = !only || only === 'integration';
const runsVsix = !only ? !grep : only === 'vsix';
requirePrerequisites({ moto: runsIntegration || runsVsix, chromium: runsIntegration || runsVsix });
if (!only && !grep) {
  runCheck('typecheck');
  runCheck('lint');
}

const totals = { passed: 0, failed: 0, pending: 0 };
const parts = [];
if (!only || only === 'unit') {
  for (const { label, ...zone } of UNIT_ZONES) parts.push([label, runPart('scripts/lib/runUnit.mjs', [], { ...zone, LC_ALL: zone.LANG })]);
}
if (runsIntegration) parts.push([`integration, TZ=${process.env.TZ ?? 'unset'}`, runPart('test/runner/runIntegration.mjs', [])]);
if (runsVsix) parts.push(['vsix', runPart('test/runner/runVsix.mjs', [])]);
for (const [, c] of parts) {
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.pending += c.pending;
}
console.log('');
for (const [name, c] of parts) {
  const suites = (c.suites ?? []).map((s) => `${s.label}: ${s.passed} passed, ${s.failed} failed`).join('; ');
  console.log(`${name}: ${c.passed} passed, ${c.failed} failed${c.pending ? `, ${c.pending} skipped` : ''}${suites ? ` (${suites})` : ''}`);
}
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.pending ? `, ${totals.pending} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
