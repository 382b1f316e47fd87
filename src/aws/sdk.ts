// The AWS SDK surface the extension uses. esbuild bundles this module into its own file,
// dist/aws-sdk.js, which loadSdk.ts requires on first use: activation never parses or runs the SDK.
export {
  CloudFrontClient,
  CreateDistributionCommand,
  CreateKeyGroupCommand,
  CreateOriginAccessControlCommand,
  CreatePublicKeyCommand,
  DeleteDistributionCommand,
  DeleteKeyGroupCommand,
  DeleteOriginAccessControlCommand,
  DeletePublicKeyCommand,
  GetDistributionCommand,
  GetDistributionConfigCommand,
  GetKeyGroupCommand,
  GetOriginAccessControlCommand,
  GetPublicKeyCommand,
  ListKeyGroupsCommand,
  ListOriginAccessControlsCommand,
  paginateListDistributions,
  paginateListPublicKeys,
  UpdateDistributionCommand,
  UpdateKeyGroupCommand,
  waitUntilDistributionDeployed,
} from '@aws-sdk/client-cloudfront';
// The SDK's reader of ~/.aws/config and ~/.aws/credentials, for the profile picker.
export { loadSharedConfigFiles } from '@smithy/core/config';
