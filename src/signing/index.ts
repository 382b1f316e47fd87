// The signing core: CloudFront signed URLs and cookies, with no dependency on VS Code.
export { signCookies } from './cookies';
export { decodeCloudFrontBase64, encodeCloudFrontBase64 } from './encoding';
export { SigningError, type SigningErrorCode, type SigningInput } from './errors';
export { normalizeIpRange } from './ip';
export { loadPrivateKey, loadPublicKey, publicKeyPemFromPrivate, type LoadedKey } from './keys';
export { parseSignedCookies, parseSignedUrl } from './parse';
export { buildPolicy, parsePolicy, type PolicyConditions } from './policy';
export { normalizeResource, resourceMatches } from './resource';
export { sharedPolicySigner, type SharedPolicyOptions } from './sharedPolicy';
export { localSigner, type LocalPolicySigner } from './localSigner';
export type { KeyFacts, PolicySigner } from './signer';
export { sharedPolicySignerWithSigner, signCookiesWithSigner, signUrlWithSigner, type SignerCookieOptions, type SignerSharedPolicyOptions, type SignerUrlOptions } from './signWithSigner';
export { signUrl } from './signUrl';
export { epochUnitOf, toEpochSeconds } from './time';
export type { HashAlgorithm, ParsedSignature, ParsedSignedCookies, ParsedSignedUrl, SignCookiesOptions, SignedCookieName, SignOptions } from './types';
export { MAX_URL_BYTES, normalizeViewerUrl, SIGNING_PARAMETERS, type SigningParameterName } from './url';
export { verifySignedCookies, verifySignedUrl, type PublicKeysById, type VerificationKeys } from './verify';
