// `npm test`: unit suites in plain Node, then the integration suites in a real VS Code (see
// test/runner/), then the packaged .vsix installed into VS Code and signing a URL there
// (test/runner/runVsix.mjs). Prints a closing line per part and a total `N passed, N failed`; exits
// non-zero on any failure.  Flags: --unit, --integration, --vsix (only that part); --grep PATTERN
// (mocha grep; skips the .vsix part).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const only = ['unit', 'integration', 'vsix'].find((part) => args.includes(`--${part}`));
const grepIndex = args.indexOf('--grep');
const grep = grepIndex >= 0 ? args[grepIndex + 1] : undefined;
// Per run, so two `npm test` runs in one checkout cannot read each other's counts.
const countsFile = join('out', 'test', `counts-${process.pid}.json`);

/** Runs one part in a child process and reads the counts it wrote. */
function runPart(script, extraArgs) {
  rmSync(countsFile, { force: true });
  const result = spawnSync(process.execPath, [script, ...extraArgs, ...(grep ? ['--grep', grep] : [])], {
    stdio: 'inherit',
    env: { ...process.env, CFPC_COUNTS_FILE: countsFile },
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

const totals = { passed: 0, failed: 0, pending: 0 };
const parts = [];
if (!only || only === 'unit') parts.push(['unit', runPart('scripts/lib/runUnit.mjs', [])]);
if (!only || only === 'integration') parts.push(['integration', runPart('test/runner/runIntegration.mjs', [])]);
if (!only ? !grep : only === 'vsix') parts.push(['vsix', runPart('test/runner/runVsix.mjs', [])]);
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
