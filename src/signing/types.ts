// The public shapes of the signing core.
import { type KeyObject } from 'node:crypto';
import { type SigningParameterName } from './url';

/** SHA1 is what CloudFront assumes when Hash-Algorithm is absent, and works only with RSA; ECDSA keys need SHA256. */
export type HashAlgorithm = 'SHA1' | 'SHA256';

export interface SignOptions {
  /** What the viewer will request (http, https, ws, wss); signed in the form clients send it (see url.ts). */
  url: string;
  /** CloudFront public key ID, or a legacy key pair ID. */
  keyPairId: string;
  /** PEM (PKCS#1, PKCS#8 or SEC1, or an encrypted PEM with `passphrase`), or a KeyObject. */
  privateKey: string | KeyObject;
  passphrase?: string;
  /** When the URL stops working; a number is epoch seconds. */
  expires: Date | number;
  /** DateGreaterThan: when the URL starts working. Makes the policy custom. */
  activeFrom?: Date | number;
  /** IPv4 address or CIDR range the viewer must come from. Makes the policy custom. */
  ipRange?: string;
  /** Policy Resource when it differs from url, with wildcards * and ?. Makes the policy custom. */
  resource?: string;
  /** Default: SHA256 (written as Hash-Algorithm=SHA256); SHA1 only with RSA keys, for consumers that need it. */
  hashAlgorithm?: HashAlgorithm;
}

/** For cookies the URL is optional: `resource` alone (usually a wildcard pattern) is enough. */
export type SignCookiesOptions = Omit<SignOptions, 'url'> & { url?: string };

export const COOKIE_PREFIX = 'CloudFront-';
export type SignedCookieName = `${typeof COOKIE_PREFIX}${SigningParameterName}`;

/** What a signature says, read back from a signed URL or signed cookies. */
export interface ParsedSignature {
  /** canned: CloudFront rebuilds the policy from the request URL and Expires; custom: the Policy parameter carries it. */
  readonly policyKind: 'canned' | 'custom';
  /** The exact policy JSON the signature covers (rebuilt for a canned policy). */
  readonly policyJson: string;
  readonly resource: string;
  /** DateLessThan, epoch seconds. */
  readonly expires: number;
  /** DateGreaterThan, epoch seconds. */
  readonly activeFrom?: number;
  readonly ipRange?: string;
  readonly keyPairId: string;
  readonly hashAlgorithm: HashAlgorithm;
  readonly signature: Buffer;
}

export interface ParsedSignedUrl extends ParsedSignature {
  /** The URL without the signing parameters: what was signed. */
  readonly url: string;
  /** The signing parameters as they appear in the URL (undecoded). */
  readonly params: Readonly<Partial<Record<SigningParameterName, string>>>;
}

export interface ParsedSignedCookies extends ParsedSignature {
  /** The URL the cookies were checked against. */
  readonly requestUrl: string;
}
