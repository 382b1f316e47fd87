// Loads scripts/edge/sampleEdge.ts (built with esbuild, as `npm run edge` builds its server) for
// `npm start` and the UI test that verifies the sample: the local edge of a sample distribution and
// the `cloudfront.hostAddresses` entries that send the live checks to it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTFILE = join(repoRoot, 'out', 'edge', 'sampleEdge.js');

/**
 * @param {{ endpoint: string, distributionId: string, dir: string, log?: (line: string) => void }} options
 * @returns {Promise<{ hostAddresses: Record<string, { address: string, certificate: string }>, certificateFile: string, close(): Promise<void> }>}
 */
export async function startSampleEdge(options) {
  await esbuild.build({
    entryPoints: [join(repoRoot, 'scripts', 'edge', 'sampleEdge.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: OUTFILE,
    packages: 'external',
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(OUTFILE).startSampleEdge(options);
}
