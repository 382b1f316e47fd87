// Loads the AWS SDK on first use. In the extension bundle, esbuild.mjs maps this require of './sdk'
// to the separate file dist/aws-sdk.js, so activation neither parses nor runs the SDK (see
// `npm run bench`); elsewhere (unit tests) it is an ordinary bundled module.
import type * as SdkModule from './sdk';

export type Sdk = typeof SdkModule;

let loading: Promise<Sdk> | undefined;

export function loadSdk(): Promise<Sdk> {
  // A CommonJS require, not import(): the extension host loads extensions through Node's require,
  // and a required file shows in require.cache, which the activation test inspects.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= Promise.resolve().then(() => require('./sdk') as Sdk);
  return loading;
}

