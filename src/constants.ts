// Every id the extension shares with package.json lives here, so a rename is one edit and a typo a
// compile error. package.json must use the same strings (a unit test compares them).

export const EXTENSION_ID = 'cloudfront-private-content.cloudfront-private-content';

export const Commands = {
  refresh: 'cloudfront.refresh',
  refreshNode: 'cloudfront.refreshNode',
  loadMore: 'cloudfront.loadMore',
  signUrl: 'cloudfront.signUrl',
  signSelection: 'cloudfront.signSelection',
  signCookies: 'cloudfront.signCookies',
  planStream: 'cloudfront.planStream',
  signStream: 'cloudfront.signStream',
  checkPlayback: 'cloudfront.checkPlayback',
  copyDomain: 'cloudfront.copyDomain',
  copyBucketPolicy: 'cloudfront.copyBucketPolicy',
  openInConsole: 'cloudfront.openInConsole',
  showLog: 'cloudfront.showLog',
  diagnoseUrl: 'cloudfront.diagnoseUrl',
  createKeyPair: 'cloudfront.createKeyPair',
  importPrivateKey: 'cloudfront.importPrivateKey',
  exportPublicKey: 'cloudfront.exportPublicKey',
  exportPrivateKey: 'cloudfront.exportPrivateKey',
  deleteLocalKey: 'cloudfront.deleteLocalKey',
  deletePublicKey: 'cloudfront.deletePublicKey',
  rotateKey: 'cloudfront.rotateKey',
  linkKey: 'cloudfront.linkKey',
  protectBucket: 'cloudfront.protectBucket',
  /** protectBucket on an S3 origin row, titled for the row's menu. */
  protectOrigin: 'cloudfront.protectOrigin',
  waitForDeployment: 'cloudfront.waitForDeployment',
  verifyProtection: 'cloudfront.verifyProtection',
  /** protectBucket on a row of the S3 Buckets view, titled for the row's menu. */
  protectBucketRow: 'cloudfront.protectBucketRow',
  closePublicAccess: 'cloudfront.closePublicAccess',
  /** Opens the Getting Started walkthrough (from the views' title menus and welcome content). */
  openWalkthrough: 'cloudfront.openWalkthrough',
  chooseProfile: 'cloudfront.chooseProfile',
  ssoLogin: 'cloudfront.ssoLogin',
  generateSigningCode: 'cloudfront.generateSigningCode',
  exportInfrastructure: 'cloudfront.exportInfrastructure',
} as const;

/** A command id: the command tables are `Record<CommandId, …>`, so an id without a handler fails the type check. */
export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  container: 'cloudfront',
  distributions: 'cloudfront.distributions',
  keys: 'cloudfront.keys',
  buckets: 'cloudfront.buckets',
} as const;

/** `contextValue`s of tree items; menus in package.json match them with `viewItem == …`. */
export const ContextValues = {
  distribution: 'distribution',
  /** A cache behavior that requires signed URLs or cookies through key groups. */
  behaviorRestricted: 'behavior.restricted',
  /** Restricted through legacy trusted signers (CloudFront key pairs of the root user). */
  behaviorLegacy: 'behavior.legacy',
  behaviorUnrestricted: 'behavior.unrestricted',
  originS3WithOac: 'origin.s3.oac',
  originS3: 'origin.s3',
  originCustom: 'origin.custom',
  s3Object: 's3Object',
  s3Folder: 's3Folder',
  /** A bucket of the S3 Buckets view that no distribution serves through an origin access control. */
  bucket: 's3Bucket',
  /** A bucket that a distribution already serves through an origin access control. */
  bucketWithOac: 's3Bucket.oac',
  /** A bucket served through an origin access control whose policy still lets anyone read it. */
  bucketWithOacPublic: 's3Bucket.oac.public',
  keyGroup: 'keyGroup',
  publicKey: 'publicKey',
  /** A CloudFront public key whose private key is stored on this machine. */
  publicKeyWithPrivateKey: 'publicKey.local',
  /** A CloudFront public key whose private key AWS keeps: a KMS key, a Secrets Manager secret, an SSM parameter. */
  publicKeyInKms: 'publicKey.kms',
  publicKeyInSecretsManager: 'publicKey.secretsManager',
  publicKeyInSsm: 'publicKey.ssm',
  /** A CloudFront public key listed with a private key on this machine that this window cannot read. */
  publicKeyUnavailable: 'publicKey.unavailable',
  /** A private key on this machine whose public key CloudFront does not list. */
  localKey: 'localKey',
  /** A listed key kept in AWS whose public key CloudFront does not list. */
  localKeyInAws: 'localKey.aws',
  /** A listed local key whose private key this window cannot read. */
  localKeyUnavailable: 'localKey.unavailable',
  loadMore: 'loadMore',
  error: 'error',
} as const;

/** Context keys read by `when` clauses (viewsWelcome, menus). */
export const ContextKeys = {
  /** What the Distributions view shows: ViewState. viewsWelcome shows for `empty` and `noCredentials`. */
  distributionsState: 'cloudfront.distributions.state',
  keysState: 'cloudfront.keys.state',
  bucketsState: 'cloudfront.buckets.state',
} as const;

/**
 * The Getting Started walkthrough's steps, each the context key its `completionEvents`
 * (`onContext:…`) wait for and the globalState flag that remembers it: set when the real thing
 * happened (src/walkthrough.ts), never when a button was merely clicked.
 */
export const WalkthroughKeys = {
  profileChosen: 'cloudfront.walkthrough.profileChosen',
  keyPairCreated: 'cloudfront.walkthrough.keyPairCreated',
  behaviorRestricted: 'cloudfront.walkthrough.behaviorRestricted',
  urlSigned: 'cloudfront.walkthrough.urlSigned',
  urlDiagnosed: 'cloudfront.walkthrough.urlDiagnosed',
} as const;
export type WalkthroughStep = keyof typeof WalkthroughKeys;
export const WALKTHROUGH_ID = 'gettingStarted';

/** The states a view's welcome content depends on. */
export type ViewState = 'rows' | 'empty' | 'noCredentials';

export const Settings = {
  section: 'cloudfront',
  profile: 'profile',
  /** Machine-scoped: host → address[:port] for the live checks (src/signing/hostAddresses.ts). */
  hostAddresses: 'hostAddresses',
  /** The hash of new signatures with RSA keys: SHA256 (default) or SHA1 for consumers that need it. */
  hashAlgorithm: 'signing.hashAlgorithm',
} as const;

/** CloudFront answers lists in pages of at most 100 (MaxItems); the tree shows one page at a time. */
export const PAGE_SIZE = 100;
