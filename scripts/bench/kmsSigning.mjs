// Signing 1,000 URLs with a key held by AWS KMS, against moto's KMS (which signs for real) on
// 127.0.0.1, started as the tests start it and stopped after: per URL with bounded concurrency (the
// command's signConcurrently pacing over the real kmsSigner and SDK client), and with one shared
// wildcard policy (one kms:Sign call). moto answers in about a millisecond where KMS takes several over
// the network, so the per-URL figure is an upper bound for real KMS; the ratio is what one policy saves.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMoto } from '../../test/runner/lib/moto.mjs';

const URLS = 1000;

const probe = `
  require(${JSON.stringify(resolve('scripts/bench/vscodeStub.cjs'))});
  require(${JSON.stringify(resolve('out/bench/kmsSigning.js'))}).benchKms(${URLS}).then(
    (r) => console.log(JSON.stringify(r)),
    (e) => { console.error(e); process.exit(1); },
  );`;

export async function benchKmsSigning() {
  await esbuild.build({
    entryPoints: ['scripts/bench/kmsSigningEntry.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: 'out/bench/kmsSigning.js',
    external: ['vscode'],
    logLevel: 'warning',
  });
  const logDir = mkdtempSync(join(tmpdir(), 'cfpc-bench-moto-'));
  let moto;
  try {
    moto = await startMoto({ logFile: join(logDir, 'moto.log') });
  } catch (error) {
    rmSync(logDir, { recursive: true, force: true });
    return [{ name: `sign ${URLS} URLs with a KMS key against moto`, value: 'not run', unit: '', note: error.message }];
  }
  try {
    // The extension's client reads its endpoint from standard configuration only; moto takes any credentials.
    const env = { ...process.env, AWS_ENDPOINT_URL_KMS: moto.url, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };
    delete env.AWS_PROFILE;
    delete env.AWS_SESSION_TOKEN;
    const out = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env });
    if (out.status !== 0) throw new Error(`KMS signing probe failed: ${out.stderr}`);
    const r = JSON.parse(out.stdout.trim());
    if (r.signed !== 2 * URLS) throw new Error(`only ${r.signed} of ${2 * URLS} URLs verified`);
    const perUrlRate = URLS / (r.perUrl / 1000);
    const sharedRate = URLS / (r.shared / 1000);
    return [
      {
        name: `sign ${URLS} URLs with a KMS key (moto), one kms:Sign per URL, at most 8 in flight`,
        value: perUrlRate,
        unit: 'URLs/s',
        note: `${r.perUrl.toFixed(0)} ms${r.limits.length ? `; throttled, limits ${r.limits.join(' ')}` : ''}`,
      },
      {
        name: `sign ${URLS} URLs with a KMS key (moto), one shared wildcard policy (1 kms:Sign)`,
        value: sharedRate,
        unit: 'URLs/s',
        note: `${r.shared.toFixed(1)} ms; ${(sharedRate / perUrlRate).toFixed(0)}× per URL`,
      },
    ];
  } finally {
    await moto.stop();
    rmSync(logDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchKmsSigning());
