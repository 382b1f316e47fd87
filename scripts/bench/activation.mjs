// Cost of loading dist/extension.js and running activate(), next to the cost of loading the AWS SDK
// CloudFront client (require dist/aws-sdk.js + construct a client), each measured in fresh Node
// processes so no module cache is shared, in the same run. Reports medians and their ratio.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const RUNS = Number(process.env.BENCH_ACTIVATION_RUNS || 21);

const probes = {
  activate: `
    const stub = require(${JSON.stringify(resolve('scripts/bench/vscodeStub.cjs'))});
    const t0 = process.hrtime.bigint();
    const ext = require(${JSON.stringify(resolve('dist/extension.js'))});
    ext.activate(stub.fakeContext());
    console.log(Number(process.hrtime.bigint() - t0) / 1e6);`,
  sdk: `
    const t0 = process.hrtime.bigint();
    const sdk = require(${JSON.stringify(resolve('dist/aws-sdk.js'))});
    new sdk.CloudFrontClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
    console.log(Number(process.hrtime.bigint() - t0) / 1e6);`,
};

function measure(code) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    // taskset pins each probe to one core so the two measurements compete for the same resources.
    const out = spawnSync('taskset', ['-c', '0', process.execPath, '-e', code], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`probe failed: ${out.stderr}`);
    samples.push(Number(out.stdout.trim()));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export async function benchActivation() {
  if (!existsSync('dist/extension.js') || !existsSync('dist/aws-sdk.js')) {
    throw new Error('dist/ is missing: run `npm run build` (npm run bench does it first)');
  }
  const activate = measure(probes.activate);
  const sdk = measure(probes.sdk);
  const ratio = activate / sdk;
  return [
    { name: 'load dist/extension.js + activate()', value: activate, unit: 'ms', note: `median of ${RUNS} fresh processes` },
    { name: 'load AWS SDK CloudFront client', value: sdk, unit: 'ms', note: `median of ${RUNS} fresh processes` },
    { name: 'activation / SDK load', value: ratio, unit: '×', goal: '< 0.1', pass: ratio < 0.1 },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchActivation());
}
