// Loads the AWS SDK on first use. In the extension bundle, esbuild.mjs maps these requires of
// './sdk', './s3Sdk' and './keysSdk' to the separate files dist/aws-sdk.js, dist/aws-s3.js and
// dist/aws-keys.js, so activation
// neither parses nor runs the SDK (see `npm run bench`); elsewhere (unit tests) they are ordinary
// bundled modules.
import type * as SdkModule from './sdk';
import type * as S3SdkModule from './s3Sdk';
import type * as KeysSdkModule from './keysSdk';

export type Sdk = typeof SdkModule;
export type S3Sdk = typeof S3SdkModule;
export type KeysSdk = typeof KeysSdkModule;

let loading: Promise<Sdk> | undefined;
let loadingS3: Promise<S3Sdk> | undefined;
let loadingKeys: Promise<KeysSdk> | undefined;

// CommonJS requires, not import(): the extension host loads extensions through Node's require, and
// a required file shows in require.cache, which the activation test inspects.
/* eslint-disable @typescript-eslint/no-require-imports */
export function loadSdk(): Promise<Sdk> {
  loading ??= Promise.resolve().then(() => require('./sdk') as Sdk);
  return loading;
}

export function loadS3Sdk(): Promise<S3Sdk> {
  loadingS3 ??= Promise.resolve().then(() => require('./s3Sdk') as S3Sdk);
  return loadingS3;
}
/** KMS, Secrets Manager and SSM: only for keys kept in AWS. */
export function loadKeysSdk(): Promise<KeysSdk> {
  loadingKeys ??= Promise.resolve().then(() => require('./keysSdk') as KeysSdk);
  return loadingKeys;
}
/* eslint-enable @typescript-eslint/no-require-imports */
