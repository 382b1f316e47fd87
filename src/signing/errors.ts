// The one error type of the signing core. Every rejection says which option was wrong (`input`), why,
// and what to pass instead, so a command can show the message as is and automation can branch on
// `code`. Messages never contain key material.

/** The option (or argument) a SigningError is about; names match SignOptions and the function parameters. */
export type SigningInput = 'url' | 'resource' | 'ipRange' | 'expires' | 'activeFrom' | 'keyPairId' | 'privateKey' | 'passphrase' | 'hashAlgorithm' | 'publicKey' | 'policy' | 'cookies' | 'domain';

export type SigningErrorCode =
  | 'MISSING_OPTION'
  | 'INVALID_URL'
  | 'UNSUPPORTED_SCHEME'
  | 'FRAGMENT_NOT_ALLOWED'
  | 'ALREADY_SIGNED'
  | 'URL_TOO_LONG'
  | 'UNSAFE_CHARACTER'
  | 'RESOURCE_MISMATCH'
  | 'INVALID_IP_RANGE'
  | 'IPV6_NOT_SUPPORTED'
  | 'INVALID_TIME'
  | 'TIME_IN_MILLISECONDS'
  | 'ACTIVE_NOT_BEFORE_EXPIRY'
  | 'INVALID_KEY_PAIR_ID'
  | 'INVALID_KEY'
  | 'UNSUPPORTED_KEY_TYPE'
  | 'KEY_TOO_SMALL'
  | 'KEY_NOT_FOR_KEY_GROUPS'
  | 'UNSUPPORTED_CURVE'
  | 'UNSUPPORTED_HASH'
  | 'PASSPHRASE_REQUIRED'
  | 'WRONG_PASSPHRASE'
  | 'INVALID_SIGNING_PARAMETERS'
  | 'INVALID_POLICY'
  | 'INVALID_DOMAIN'
  | 'COOKIE_DOMAIN_MISMATCH';

export class SigningError extends Error {
  override readonly name = 'SigningError';
  constructor(
    readonly code: SigningErrorCode,
    /** The option the message is about. */
    readonly input: SigningInput,
    message: string,
  ) {
    super(message);
  }
}
