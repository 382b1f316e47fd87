// The inputs of a diagnosis, all plain data: the request, the clock, local keys, what the account
// holds (read by the caller through CloudFrontService) and the answer of a live request, if one ran.
import { type KeyObject } from 'node:crypto';
import { type PolicyConditions } from '../policy';
import { type HashAlgorithm } from '../types';
import { type PublicKeysById } from '../verify';
import { type OriginAccess } from '../../cloudfront/s3Origin';

/** A cache behavior as the key-trust check needs it; no pathPattern means the default behavior. */
export interface BehaviorData {
  readonly pathPattern?: string;
  /** The id of the origin it fetches from, when known. */
  readonly targetOriginId?: string;
  readonly trustedKeyGroupIds: readonly string[];
  /** Legacy trusted signers (AWS account ids or `self`). */
  readonly trustedSigners: readonly string[];
}

/** An origin as the origin-access check needs it. */
export interface OriginData extends OriginAccess {
  readonly id: string;
}

export interface DistributionData {
  readonly id: string;
  /** For the bucket policy statement of an origin access control, when known. */
  readonly arn?: string;
  readonly domainName: string;
  readonly aliases: readonly string[];
  /** When known: who may read each origin's files besides CloudFront. */
  readonly origins?: readonly OriginData[];
  /** In CloudFront's evaluation order: the path patterns as listed, then the default. */
  readonly behaviors: readonly BehaviorData[];
}

export interface KeyGroupData {
  readonly id: string;
  readonly name: string;
  readonly publicKeyIds: readonly string[];
}

export interface PublicKeyData {
  readonly id: string;
  readonly name: string;
  /** SPKI PEM, as CloudFront holds it. */
  readonly encodedKey: string;
}

/** What the account says about the URL's host and key, read by the caller (see src/commands/diagnoseUrl.ts). */
export interface AccountData {
  /** Distributions to find the URL's host among (domain names and aliases), with their behaviors. */
  readonly distributions: readonly DistributionData[];
  readonly keyGroups: readonly KeyGroupData[];
  /** GetPublicKey for the Key-Pair-Id: the key, 'notFound' (NoSuchPublicKey), or undefined when not looked up. */
  readonly publicKey?: PublicKeyData | 'notFound';
  /** Every public key of the account, when known instead of `publicKey`: a Key-Pair-Id not among them is unknown. */
  readonly publicKeys?: readonly PublicKeyData[];
  /**
   * Who reads the bucket behind the S3 origin that serves the URL, when that origin reads through an
   * OAC or OAI and the bucket was read: the Sids of the policy statements through which anyone reads
   * its objects straight from S3 (empty: nobody; S3 Block Public Access's RestrictPublicBuckets counted).
   */
  readonly bucketAccess?: { readonly bucket: string; readonly publicStatements: readonly string[] };
  /** Why part of the account could not be read (shown as a warning; the checks that need it are skipped). */
  readonly unavailable?: string;
}

/** The answer to a live request of the URL, or why there was none. */
export type LiveAnswer =
  | {
      readonly status: number;
      /** Header names in lower case. */
      readonly headers: Readonly<Record<string, string>>;
      /** The start of the body (error documents are small). */
      readonly body: string;
      /** When the request was sent, epoch seconds of the local clock (for clock skew against Date). */
      readonly requestedAt: number;
    }
  | { readonly failure: string; readonly unreachable?: Unreachable };

/** Why a live request got no answer, as a person acts on it. */
export interface Unreachable {
  /** The URL's host. */
  readonly host: string;
  /** The address connected to instead of what DNS says (cloudfront.hostAddresses), e.g. 127.0.0.1:8443. */
  readonly via?: string;
  /** dns: the name does not resolve; connect: refused, reset or no route; tls: the certificate or handshake failed; timeout: no answer in time. */
  readonly kind: 'dns' | 'connect' | 'tls' | 'timeout' | 'other';
  /** The system's words, e.g. "getaddrinfo ENOTFOUND d111.cloudfront.net". */
  readonly reason: string;
}

export interface DiagnoseInput {
  /** The signed URL as the client has it (or the plain URL when signed cookies are given). */
  readonly url: string;
  /** A Cookie header (`CloudFront-Policy=…; CloudFront-Signature=…`), or cookies by name. */
  readonly cookies?: string | Readonly<Record<string, string>>;
  /** The time to check against, epoch seconds; default now. */
  readonly now?: number;
  /** The viewer's IP address as CloudFront would see it, when known. */
  readonly viewerIp?: string;
  /** Local public keys by key id, checked like a key group. */
  readonly publicKeys?: PublicKeysById;
  /** One local public (or private) key, used whatever the Key-Pair-Id says. */
  readonly publicKey?: string | KeyObject;
  readonly account?: AccountData;
  readonly live?: LiveAnswer;
}

/** A policy as read from the request: the exact JSON the signature covers, and its conditions. */
export interface RequestPolicy {
  readonly kind: 'canned' | 'custom';
  readonly json: string;
  readonly conditions: PolicyConditions;
}

/** The signed request as CloudFront receives it, as far as it could be read. */
export interface SignedRequest {
  readonly source: 'url' | 'cookies';
  /** The request URL as a browser sends it, without the signing parameters: what CloudFront checks. */
  readonly requestUrl: string;
  /** The same from the text as given, before a browser would normalize it. */
  readonly givenRequestUrl: string;
  readonly keyPairId?: string;
  /** Undefined when Hash-Algorithm has a value CloudFront does not accept. */
  readonly hashAlgorithm?: HashAlgorithm;
  readonly signature?: Buffer;
  readonly policy?: RequestPolicy;
}
