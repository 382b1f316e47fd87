import type { DistributionConfig } from '@aws-sdk/client-cloudfront';

// The domain seam between the extension and CloudFront. Tree and commands depend on this interface
// only; the SDK implementation is in sdkCloudFrontService.ts and tests substitute a typed fake.

/** One page of a CloudFront list; `nextMarker` is CloudFront's NextMarker, absent on the last page. */
export interface Page<T> {
  items: T[];
  nextMarker?: string;
}

export interface OriginSummary {
  id: string;
  domainName: string;
  originPath: string;
  kind: 's3' | 'custom';
  originAccessControlId?: string;
  originAccessIdentity?: string;
}

export interface BehaviorSummary {
  /** undefined for the default cache behavior, which matches `*` after every pattern. */
  pathPattern?: string;
  targetOriginId: string;
  trustedKeyGroupIds: string[];
  /** Legacy CloudFront key pairs: AWS account ids, or `self`. */
  trustedSigners: string[];
}

export interface DistributionSummary {
  id: string;
  arn: string;
  domainName: string;
  aliases: string[];
  comment: string;
  status: string;
  /** undefined when the summary does not say (CloudFront always does; moto's summaries omit it). */
  enabled: boolean | undefined;
  origins: OriginSummary[];
  /** In CloudFront's evaluation order: path patterns as listed, then the default. */
  behaviors: BehaviorSummary[];
}

export interface KeyGroupSummary {
  id: string;
  name: string;
  comment: string;
  publicKeyIds: string[];
  lastModified?: Date;
}

export interface PublicKeySummary {
  id: string;
  name: string;
  comment: string;
  created?: Date;
  /** SubjectPublicKeyInfo PEM, as uploaded. */
  encodedKey: string;
  /** The caller reference it was created with (GetPublicKey; lists do not say). */
  callerReference?: string;
}

/** A resource as read, with the ETag that an update or delete must send back (If-Match). */
export interface Versioned<T> {
  value: T;
  etag: string;
}

export interface NewPublicKey {
  name: string;
  /** SubjectPublicKeyInfo PEM. */
  encodedKey: string;
  comment?: string;
}

export interface KeyGroupFields {
  name: string;
  publicKeyIds: string[];
  comment?: string;
}

/** An origin access control: how CloudFront signs its requests to an origin (S3: sigv4, always). */
export interface OriginAccessControlSummary {
  id: string;
  name: string;
  description: string;
  /** s3, mediastore, lambda, mediapackagev2 */
  originType: string;
  /** always, never, no-override */
  signingBehavior: string;
  signingProtocol: string;
}

/**
 * A distribution's configuration exactly as CloudFront returned it. Callers change only what they
 * mean to and send the rest back untouched, as UpdateDistribution replaces the whole configuration.
 */
export type RawDistributionConfig = DistributionConfig;

export interface CloudFrontService {
  /** One page of distributions, starting after `marker` (CloudFront's Marker). */
  listDistributions(marker?: string, pageSize?: number): Promise<Page<DistributionSummary>>;
  /** One distribution with its origins and behaviors, read from its current configuration. */
  getDistribution(id: string): Promise<DistributionSummary>;
  listKeyGroups(marker?: string, pageSize?: number): Promise<Page<KeyGroupSummary>>;
  listPublicKeys(marker?: string, pageSize?: number): Promise<Page<PublicKeySummary>>;

  getPublicKey(id: string): Promise<Versioned<PublicKeySummary>>;
  createPublicKey(key: NewPublicKey): Promise<Versioned<PublicKeySummary>>;
  deletePublicKey(id: string, etag: string): Promise<void>;

  getKeyGroup(id: string): Promise<Versioned<KeyGroupSummary>>;
  createKeyGroup(fields: KeyGroupFields): Promise<Versioned<KeyGroupSummary>>;
  /** Fails with PreconditionFailed when `etag` is no longer current. */
  updateKeyGroup(id: string, fields: KeyGroupFields, etag: string): Promise<Versioned<KeyGroupSummary>>;
  deleteKeyGroup(id: string, etag: string): Promise<void>;

  getDistributionConfig(id: string): Promise<Versioned<RawDistributionConfig>>;
  /** Fails with PreconditionFailed when `etag` is no longer current. */
  updateDistributionConfig(id: string, config: RawDistributionConfig, etag: string): Promise<Versioned<DistributionSummary>>;
  /**
   * Whether this profile may call UpdateDistribution on `id`, asked without changing it: the request
   * carries the configuration as read and no If-Match, which CloudFront refuses (InvalidIfMatchVersion)
   * only after IAM allowed the call. false when CloudFront answers AccessDenied; true for any other
   * answer, which proves nothing was denied (see the README's limits).
   */
  mayUpdateDistribution(id: string, config: RawDistributionConfig): Promise<boolean>;
  /** Creates a distribution from a whole configuration (its CallerReference makes a retry idempotent). */
  createDistribution(config: RawDistributionConfig): Promise<Versioned<DistributionSummary>>;
  /** CloudFront deletes only a disabled, deployed distribution. */
  deleteDistribution(id: string, etag: string): Promise<void>;
  /** Resolves once the distribution's status is Deployed; rejects after `maxWaitSeconds` or when `signal` aborts. */
  waitUntilDeployed(id: string, maxWaitSeconds: number, signal?: AbortSignal): Promise<void>;

  /** Every origin access control of the account (CloudFront allows 100). */
  listOriginAccessControls(): Promise<OriginAccessControlSummary[]>;
  /** An S3 origin access control that signs every request with sigv4. */
  createOriginAccessControl(name: string, description?: string): Promise<Versioned<OriginAccessControlSummary>>;
  getOriginAccessControl(id: string): Promise<Versioned<OriginAccessControlSummary>>;
  deleteOriginAccessControl(id: string, etag: string): Promise<void>;
}
