// Key generation for "Create Key Pair": how long each algorithm takes with crypto.generateKeyPair
// (libuv's thread pool, as src/keys/generate.ts does), and proof that the event loop stays responsive
// meanwhile: the largest event-loop delay (perf_hooks.monitorEventLoopDelay) while generating
// asynchronously, against the same while generating synchronously, which blocks the extension host.
// Rows: { name, value, unit, goal?, pass?, note? }.
//   node_modules/.bin/node scripts/bench/keygen.mjs    prints the rows
import { generateKeyPair, generateKeyPairSync } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const generate = promisify(generateKeyPair);
const ALGORITHMS = [
  ['RSA 2048', 'rsa', { modulusLength: 2048 }, 20],
  ['ECDSA P-256', 'ec', { namedCurve: 'prime256v1' }, 200],
];
/** The extension host should answer within a frame or two while keys are generated. */
const MAX_ASYNC_DELAY_MS = 50;

/** Runs `work` while sampling the event loop every 5 ms; returns { ms per key, max delay in ms }. */
async function measure(work, count) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  // A timer that keeps the loop turning, so a blocked loop shows as delay.
  const ticker = setInterval(() => {}, 1);
  histogram.enable();
  const start = performance.now();
  await work(count);
  const elapsed = performance.now() - start;
  histogram.disable();
  clearInterval(ticker);
  return { perKey: elapsed / count, maxDelay: histogram.max / 1e6 };
}

export async function benchKeygen() {
  const rows = [];
  for (const [label, type, options, count] of ALGORITHMS) {
    // Async keys one after another, as the wizard makes one at a time.
    const asyncRun = await measure(async (n) => {
      for (let i = 0; i < n; i++) await generate(type, options);
    }, count);
    const syncRun = await measure(async (n) => {
      for (let i = 0; i < n; i++) {
        generateKeyPairSync(type, options);
        await new Promise((r) => setImmediate(r)); // let the loop turn between keys, as a command would
      }
    }, count);
    rows.push(
      { name: `${label}: generation time, crypto.generateKeyPair (mean of ${count})`, value: asyncRun.perKey, unit: 'ms/key' },
      {
        name: `${label}: max event-loop delay while generating asynchronously`,
        value: asyncRun.maxDelay,
        unit: 'ms',
        goal: `< ${MAX_ASYNC_DELAY_MS} ms`,
        pass: asyncRun.maxDelay < MAX_ASYNC_DELAY_MS,
      },
      {
        name: `${label}: max event-loop delay while generating synchronously (generateKeyPairSync, for comparison)`,
        value: syncRun.maxDelay,
        unit: 'ms',
        note: `sync ${syncRun.perKey.toFixed(2)} ms/key; sampled every 5 ms, so delays under 5 ms read as the resolution`,
      },
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const row of await benchKeygen()) console.log(`${row.value.toFixed(2).padStart(10)} ${row.unit.padEnd(7)} ${row.name}${row.note ? `  [${row.note}]` : ''}`);
}
