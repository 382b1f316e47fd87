// Builds the extension into CommonJS bundles with `vscode` left to the host: dist/extension.js is what
// activation loads (registrations only); dist/features.js (everything else), dist/aws-sdk.js,
// dist/aws-s3.js and dist/aws-keys.js (the AWS SDK: CloudFront; S3; KMS, Secrets Manager and SSM) are
// loaded on first use. dist/signWorker.js is the entry of the worker threads that sign large documents
// on every core (src/signing/workers/), started only then.
//   node esbuild.mjs               development: source maps, not minified
//   node esbuild.mjs --watch       development, rebuilding on change
//   node esbuild.mjs --production  minified, no source maps (what the .vsix ships)
import * as esbuild from 'esbuild';
import { sep } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints esbuild's problems in the `file:line:col: message` form VS Code's problem matchers read. */
const problemReporter = {
  name: 'problem-reporter',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * dist/extension.js is what activation loads; the AWS SDK goes into dist/aws-sdk.js (CloudFront)
 * and dist/aws-s3.js (S3), which src/aws/loadSdk.ts requires on first use. This plugin turns those
 * requires into requires of the sibling files, so the SDK is neither parsed nor run at activation.
 */
const lazyChunks = {
  [`aws${sep}loadSdk.ts`]: { './sdk': './aws-sdk.js', './s3Sdk': './aws-s3.js', './keysSdk': './aws-keys.js' },
  [`src${sep}lazyFeatures.ts`]: { './features': './features.js' },
};
const lazyAwsSdk = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^\.\/(sdk|s3Sdk|keysSdk|features)$/ }, (args) => {
      const importer = Object.keys(lazyChunks).find((suffix) => args.importer.endsWith(suffix));
      const chunk = importer && lazyChunks[importer][args.path];
      return chunk ? { path: chunk, external: true } : undefined;
    });
  },
};

const context = await esbuild.context({
  entryPoints: {
    extension: 'src/extension.ts',
    features: 'src/features.ts',
    'aws-sdk': 'src/aws/sdk.ts',
    'aws-s3': 'src/aws/s3Sdk.ts',
    'aws-keys': 'src/aws/keysSdk.ts',
    signWorker: 'src/signing/workers/signWorker.ts',
  },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // The AWS SDK ships ESM and CJS; prefer `main` (CJS) so esbuild can wrap each SDK module in a lazy
  // initializer that runs only when the SDK is first required, not when the bundle loads.
  mainFields: ['main', 'module'],
  // jsonc-parser's `main` is a UMD build whose factory requires './impl/…' at run time, which a bundle
  // cannot resolve: its ESM build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  plugins: watch ? [lazyAwsSdk, problemReporter] : [lazyAwsSdk],
});

if (watch) {
  await context.watch();
} else {
  await context.rebuild();
  await context.dispose();
}
