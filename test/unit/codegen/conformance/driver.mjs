// Runs generated JavaScript or TypeScript signing modules over the conformance corpus in one process
// (conformance.test.ts). Same job and answer as driver.py.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const job = JSON.parse(readFileSync(0, 'utf8'));
Date.now = () => job.now * 1000; // the fixed clock; the modules read Date.now() when they sign
const results = {};
for (const variant of job.variants) {
  const module = await import(pathToFileURL(variant.file).href);
  const outputs = [];
  for (const target of variant.kind === 'cookies' ? job.resources : job.urls) {
    try {
      if (variant.kind === 'url') outputs.push(await module.signUrl(target, job.lifetime));
      else
        outputs.push(
          // streamCookies: the target is a playlist's URL, the cookies cover its folder.
          Object.entries(await module.signCookies(variant.kind === 'streamCookies' ? module.streamResource(target) : target, job.lifetime))
            .map(([name, value]) => `${name}=${value}`)
            .join('; '),
        );
    } catch (error) {
      outputs.push(`ERROR ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  results[variant.id] = outputs;
}
process.stdout.write(JSON.stringify(results));
