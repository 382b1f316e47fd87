// What a generated signing module is made from. Pure data: no `vscode`, no AWS SDK.
import type { KeyAlgorithm } from '../../keys/algorithms';

export const SIGNING_LANGUAGES = ['typescript', 'javascript', 'python', 'go', 'csharp', 'java'] as const;
export type SigningLanguage = (typeof SIGNING_LANGUAGES)[number];
/**
 * url: a signed URL; cookies: signed cookies for a resource pattern; streamCookies: signed cookies for the
 * folder of a stream's playlist; playlistRewriter: a playlist with every URI signed (TypeScript, JavaScript, Python).
 */
export const SIGNING_KINDS = ['url', 'cookies', 'streamCookies', 'playlistRewriter'] as const;
export type SigningKind = (typeof SIGNING_KINDS)[number];

/** Where the generated code finds the private key at run time; the key itself is never in the code. */
export type KeySource =
  | { readonly kind: 'env'; readonly variable: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'kms'; readonly keyId: string }
  | { readonly kind: 'secretsManager'; readonly secretId: string }
  | { readonly kind: 'ssm'; readonly parameterName: string };

export const DEFAULT_KEY_VARIABLE = 'CLOUDFRONT_PRIVATE_KEY';

export interface SigningCodeOptions {
  /** The CloudFront public key ID: what goes into Key-Pair-Id. */
  readonly publicKeyId: string;
  /** From CloudFront's copy of the public key. */
  readonly algorithm: KeyAlgorithm;
  readonly language: SigningLanguage;
  readonly kind: SigningKind;
  readonly keySource: KeySource;
  /** The URL (url) or resource pattern (cookies) the usage comment shows. */
  readonly example?: string;
}

export interface GeneratedCode {
  readonly code: string;
  /** A file name that runs as shown in the code's first comment. */
  readonly fileName: string;
  /** VS Code's language id for the editor. */
  readonly languageId: string;
  /** The command line that runs the file (the usage comment's). */
  readonly run: string;
}

/** What every language's template needs, worked out once. */
export interface Plan extends SigningCodeOptions {
  readonly example: string;
  readonly ecdsa: boolean;
  /** KMS holds the key: the code sends the policy to KMS Sign instead of loading a key. */
  readonly kms: boolean;
  /** KMS Sign's SigningAlgorithm for this key. */
  readonly kmsAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' | 'ECDSA_SHA_256';
}
