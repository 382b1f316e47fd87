// A typed fake of CloudFrontService for what moto 5.2.1 cannot do: pagination (it returns every item
// in one page), full ListDistributions summaries (it omits Comment, Enabled, Aliases, Origins and
// behaviors), ETag conflicts (PreconditionFailed) between a read and a write, and failures on demand
// (AccessDenied, expired SSO, network). (UpdateKeyGroup and DeleteKeyGroup now run against moto too,
// from test/runner/lib/motoServer.py: keyGroupsMoto.test.ts.)
import type { DistributionConfig } from '@aws-sdk/client-cloudfront';
import type {
  CloudFrontService,
  DistributionSummary,
  KeyGroupFields,
  KeyGroupSummary,
  NewPublicKey,
  OriginAccessControlSummary,
  Page,
  PublicKeySummary,
  RawDistributionConfig,
  Versioned,
} from '../../src/aws/cloudFrontService';
import { fromDistribution } from '../../src/aws/toDomain';
import { settle } from './settle';
import { KEYS_PER_KEY_GROUP } from '../../src/cloudfront/rules';

/** CloudFront's quota of public keys per key group. */

export class FakeCloudFrontService implements CloudFrontService {
  /** Markers of every listDistributions call, in order. */
  readonly distributionCalls: Array<string | undefined> = [];
  /** Every call by operation name, in order. */
  readonly calls: string[] = [];
  /** Errors to throw, one per call of any operation, before answering normally again. */
  readonly failures: Error[] = [];
  /** Errors to throw on the next calls of one operation, e.g. `ListKeyGroups`. */
  readonly operationFailures = new Map<string, Error[]>();
  keyGroups: KeyGroupSummary[] = [];
  publicKeys: PublicKeySummary[] = [];
  /** Full distributions for getDistribution, when they differ from the list summaries. */
  readonly details = new Map<string, DistributionSummary>();
  /** Raw configurations for Get/UpdateDistributionConfig. */
  readonly configs = new Map<string, RawDistributionConfig>();
  /** Current ETag of every resource by id; each write gives a resource a new one. */
  readonly etags = new Map<string, string>();
  private sequence = 0;
  /** The partition of the ARNs of the distributions it creates: aws-cn for CloudFront in China. */
  partition: 'aws' | 'aws-cn' | 'aws-us-gov' = 'aws';

  constructor(public distributions: DistributionSummary[] = []) {}

  listDistributions(marker?: string, pageSize = 100): Promise<Page<DistributionSummary>> {
    this.distributionCalls.push(marker);
    return this.answer('ListDistributions', () => pageOf(this.distributions, marker, pageSize));
  }

  getDistribution(id: string): Promise<DistributionSummary> {
    return this.answer('GetDistribution', () => {
      const found = this.details.get(id) ?? this.distributions.find((d) => d.id === id);
      if (!found) throw awsError('NoSuchDistribution', `The specified distribution does not exist: ${id}`, 404);
      return found;
    });
  }

  listKeyGroups(marker?: string, pageSize = 100): Promise<Page<KeyGroupSummary>> {
    return this.answer('ListKeyGroups', () => pageOf(this.keyGroups, marker, pageSize));
  }

  listPublicKeys(marker?: string, pageSize = 100): Promise<Page<PublicKeySummary>> {
    return this.answer('ListPublicKeys', () => pageOf(this.publicKeys, marker, pageSize));
  }

  getPublicKey(id: string): Promise<Versioned<PublicKeySummary>> {
    return this.answer('GetPublicKey', () => this.versioned(this.findPublicKey(id)));
  }

  createPublicKey(key: NewPublicKey): Promise<Versioned<PublicKeySummary>> {
    return this.answer('CreatePublicKey', () => {
      if (this.publicKeys.some((k) => k.name === key.name)) {
        throw awsError('PublicKeyAlreadyExists', `A public key named ${key.name} already exists`, 409);
      }
      const created: PublicKeySummary = { id: this.newId('K'), name: key.name, comment: key.comment ?? '', encodedKey: key.encodedKey, created: new Date() };
      this.publicKeys.push(created);
      return this.touch(created);
    });
  }

  deletePublicKey(id: string, etag: string): Promise<void> {
    return this.answer('DeletePublicKey', () => {
      const key = this.findPublicKey(id);
      this.checkEtag(id, etag);
      if (this.keyGroups.some((g) => g.publicKeyIds.includes(id))) {
        throw awsError('PublicKeyInUse', 'The specified public key is in use.', 409);
      }
      this.publicKeys = this.publicKeys.filter((k) => k !== key);
      this.etags.delete(id);
    });
  }

  getKeyGroup(id: string): Promise<Versioned<KeyGroupSummary>> {
    return this.answer('GetKeyGroup', () => this.versioned(this.findKeyGroup(id)));
  }

  createKeyGroup(fields: KeyGroupFields): Promise<Versioned<KeyGroupSummary>> {
    return this.answer('CreateKeyGroup', () => {
      this.checkKeyGroupFields(fields);
      if (this.keyGroups.some((g) => g.name === fields.name)) {
        throw awsError('KeyGroupAlreadyExists', `A key group named ${fields.name} already exists`, 409);
      }
      const created: KeyGroupSummary = { id: this.newId('KG'), name: fields.name, comment: fields.comment ?? '', publicKeyIds: [...fields.publicKeyIds], lastModified: new Date() };
      this.keyGroups.push(created);
      return this.touch(created);
    });
  }

  updateKeyGroup(id: string, fields: KeyGroupFields, etag: string): Promise<Versioned<KeyGroupSummary>> {
    return this.answer('UpdateKeyGroup', () => {
      const group = this.findKeyGroup(id);
      this.checkEtag(id, etag);
      this.checkKeyGroupFields(fields);
      Object.assign(group, { name: fields.name, comment: fields.comment ?? '', publicKeyIds: [...fields.publicKeyIds], lastModified: new Date() });
      return this.touch(group);
    });
  }

  deleteKeyGroup(id: string, etag: string): Promise<void> {
    return this.answer('DeleteKeyGroup', () => {
      const group = this.findKeyGroup(id);
      this.checkEtag(id, etag);
      const users = [...this.configs.entries()].filter(([, config]) => trustedKeyGroupIds(config).includes(id));
      if (users.length > 0) throw awsError('ResourceInUse', `The key group is used by distribution ${users[0][0]}`, 409);
      this.keyGroups = this.keyGroups.filter((g) => g !== group);
      this.etags.delete(id);
    });
  }

  getDistributionConfig(id: string): Promise<Versioned<RawDistributionConfig>> {
    return this.answer('GetDistributionConfig', () => {
      const config = this.configs.get(id);
      if (!config) throw awsError('NoSuchDistribution', `The specified distribution does not exist: ${id}`, 404);
      return this.versionedAs(id, structuredClone(config));
    });
  }

  updateDistributionConfig(id: string, config: RawDistributionConfig, etag: string): Promise<Versioned<DistributionSummary>> {
    return this.answer('UpdateDistribution', () => {
      if (!this.configs.has(id)) throw awsError('NoSuchDistribution', `The specified distribution does not exist: ${id}`, 404);
      if (this.updateDenied.has(id)) throw awsError('AccessDenied', 'not authorized to perform cloudfront:UpdateDistribution', 403);
      this.checkEtag(id, etag);
      for (const groupId of trustedKeyGroupIds(config)) this.findKeyGroup(groupId);
      this.configs.set(id, structuredClone(config));
      const previous = this.distributions.find((d) => d.id === id);
      const updated = fromDistribution({
        Id: id,
        ARN: previous?.arn ?? `arn:${this.partition}:cloudfront::123456789012:distribution/${id}`,
        DomainName: previous?.domainName ?? `${id.toLowerCase()}.cloudfront.net`,
        Status: 'InProgress',
        DistributionConfig: config,
      } as Parameters<typeof fromDistribution>[0]);
      this.distributions = this.distributions.map((d) => (d.id === id ? updated : d));
      this.details.set(id, updated);
      this.etags.set(id, this.newEtag());
      return { value: updated, etag: this.etags.get(id)! };
    });
  }

  /** Ids whose UpdateDistribution this profile may not call: the probe and the update answer AccessDenied. */
  readonly updateDenied = new Set<string>();

  mayUpdateDistribution(id: string): Promise<boolean> {
    return this.answer('UpdateDistribution (probe)', () => {
      if (!this.configs.has(id)) throw awsError('NoSuchDistribution', `The specified distribution does not exist: ${id}`, 404);
      return !this.updateDenied.has(id);
    });
  }

  createDistribution(config: RawDistributionConfig): Promise<Versioned<DistributionSummary>> {
    return this.answer('CreateDistribution', () => {
      const id = this.newId('E');
      const summary = this.addDistribution(id, config);
      return { value: summary, etag: this.etags.get(id)! };
    });
  }

  deleteDistribution(id: string, etag: string): Promise<void> {
    return this.answer('DeleteDistribution', () => {
      const config = this.configs.get(id);
      if (!config) throw awsError('NoSuchDistribution', `The specified distribution does not exist: ${id}`, 404);
      this.checkEtag(id, etag);
      if (config.Enabled) throw awsError('DistributionNotDisabled', 'The distribution you are trying to delete has not been disabled.', 409);
      this.configs.delete(id);
      this.details.delete(id);
      this.distributions = this.distributions.filter((d) => d.id !== id);
      this.etags.delete(id);
    });
  }

  /**
   * When set, a wait for deployment stays pending until the test calls `deploy(id)`, as CloudFront's
   * InProgress does for minutes (moto's manual progression would do too, but the SDK's waiter sleeps
   * 60 s between polls: a timed test). Otherwise distributions are deployed as soon as they are written.
   */
  onWaitForDeployment: ((id: string) => void) | undefined;
  private readonly deployments = new Map<string, () => void>();

  waitUntilDeployed(id: string): Promise<void> {
    return this.answer('GetDistribution', () => {
      if (!this.configs.has(id)) throw awsError('NoSuchDistribution', `The specified distribution does not exist: ${id}`, 404);
    }).then(() => {
      if (!this.onWaitForDeployment) return undefined;
      const deployed = new Promise<void>((resolve) => this.deployments.set(id, resolve));
      this.onWaitForDeployment(id);
      return deployed;
    });
  }

  /** Ends a wait that `onWaitForDeployment` held: the distribution is Deployed. */
  deploy(id: string): void {
    this.deployments.get(id)?.();
    this.deployments.delete(id);
  }

  originAccessControls: OriginAccessControlSummary[] = [];

  listOriginAccessControls(): Promise<OriginAccessControlSummary[]> {
    return this.answer('ListOriginAccessControls', () => this.originAccessControls.map((c) => ({ ...c })));
  }

  createOriginAccessControl(name: string, description?: string): Promise<Versioned<OriginAccessControlSummary>> {
    return this.answer('CreateOriginAccessControl', () => {
      if (this.originAccessControls.some((c) => c.name === name)) throw awsError('OriginAccessControlAlreadyExists', `An origin access control named ${name} already exists`, 409);
      const created = { id: this.newId('OAC'), name, description: description ?? '', originType: 's3', signingBehavior: 'always', signingProtocol: 'sigv4' };
      this.originAccessControls.push(created);
      return this.touch(created);
    });
  }

  getOriginAccessControl(id: string): Promise<Versioned<OriginAccessControlSummary>> {
    return this.answer('GetOriginAccessControl', () => this.versioned(this.findOriginAccessControl(id)));
  }

  deleteOriginAccessControl(id: string, etag: string): Promise<void> {
    return this.answer('DeleteOriginAccessControl', () => {
      const control = this.findOriginAccessControl(id);
      this.checkEtag(id, etag);
      const users = [...this.configs.values()].filter((c) => (c.Origins?.Items ?? []).some((o) => o.OriginAccessControlId === id));
      if (users.length > 0) throw awsError('OriginAccessControlInUse', 'The origin access control is in use.', 409);
      this.originAccessControls = this.originAccessControls.filter((c) => c !== control);
      this.etags.delete(id);
    });
  }

  /** Adds a distribution with its raw configuration, as CloudFront would list and read it. */
  addDistribution(id: string, config: DistributionConfig): DistributionSummary {
    const summary = fromDistribution({
      Id: id,
      ARN: `arn:${this.partition}:cloudfront::123456789012:distribution/${id}`,
      DomainName: `${id.toLowerCase()}.cloudfront.net`,
      Status: 'Deployed',
      DistributionConfig: config,
    } as Parameters<typeof fromDistribution>[0]);
    this.distributions.push(summary);
    this.configs.set(id, structuredClone(config));
    this.etags.set(id, this.newEtag());
    return summary;
  }

  /** Someone else changes the resource: its ETag moves on, so the next If-Match with the old one fails. */
  bumpEtag(id: string): void {
    this.etags.set(id, this.newEtag());
  }

  /** Records the call, then rejects with the next failure on demand or resolves with `result()`. */
  private answer<T>(operation: string, result: () => T): Promise<T> {
    return settle(() => {
      this.calls.push(operation);
      const failure = this.operationFailures.get(operation)?.shift() ?? this.failures.shift();
      if (failure) throw failure;
      return result();
    });
  }

  private findPublicKey(id: string): PublicKeySummary {
    const key = this.publicKeys.find((k) => k.id === id);
    if (!key) throw awsError('NoSuchPublicKey', 'The specified public key does not exist.', 404);
    return key;
  }

  private findOriginAccessControl(id: string): OriginAccessControlSummary {
    const control = this.originAccessControls.find((c) => c.id === id);
    if (!control) throw awsError('NoSuchOriginAccessControl', `The specified origin access control does not exist: ${id}`, 404);
    return control;
  }

  private findKeyGroup(id: string): KeyGroupSummary {
    const group = this.keyGroups.find((g) => g.id === id);
    if (!group) throw awsError('NoSuchResource', `The specified key group does not exist: ${id}`, 404);
    return group;
  }

  private checkKeyGroupFields(fields: KeyGroupFields): void {
    if (fields.publicKeyIds.length > KEYS_PER_KEY_GROUP) {
      throw awsError('TooManyPublicKeysInKeyGroup', `A key group can hold at most ${KEYS_PER_KEY_GROUP} public keys.`, 400);
    }
    for (const id of fields.publicKeyIds) this.findPublicKey(id);
  }

  private checkEtag(id: string, etag: string): void {
    if (this.etags.get(id) !== etag) {
      throw awsError('PreconditionFailed', 'The precondition given in one or more of the request-header fields evaluated to false.', 412);
    }
  }

  private versioned<T extends { id: string }>(value: T): Versioned<T> {
    return this.versionedAs(value.id, { ...value });
  }

  private versionedAs<T>(id: string, value: T): Versioned<T> {
    if (!this.etags.has(id)) this.etags.set(id, this.newEtag());
    return { value, etag: this.etags.get(id)! };
  }

  private touch<T extends { id: string }>(value: T): Versioned<T> {
    this.etags.set(value.id, this.newEtag());
    return { value: { ...value }, etag: this.etags.get(value.id)! };
  }

  private newId(prefix: string): string {
    return `${prefix}FAKE${String(++this.sequence).padStart(6, '0')}`;
  }

  private newEtag(): string {
    return `E${String(++this.sequence).padStart(8, '0')}`;
  }
}

function trustedKeyGroupIds(config: RawDistributionConfig): string[] {
  const behaviors = [...(config.CacheBehaviors?.Items ?? []), ...(config.DefaultCacheBehavior ? [config.DefaultCacheBehavior] : [])];
  return behaviors.flatMap((b) => (b.TrustedKeyGroups?.Enabled ? (b.TrustedKeyGroups.Items ?? []) : []));
}

/** CloudFront-style paging over an array: the marker is the index of the page's first item. */
function pageOf<T>(all: T[], marker: string | undefined, pageSize: number): Page<T> {
  const start = marker ? Number(marker) : 0;
  const items = all.slice(start, start + pageSize);
  const next = start + pageSize;
  return next < all.length ? { items, nextMarker: String(next) } : { items };
}

/** An error shaped like the SDK's service exceptions (name, message, $metadata). */
export function awsError(name: string, message: string, httpStatusCode: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
}

export function sampleDistribution(index: number, overrides: Partial<DistributionSummary> = {}): DistributionSummary {
  const id = `E${String(index).padStart(12, '0')}`;
  return {
    id,
    arn: `arn:aws:cloudfront::123456789012:distribution/${id}`,
    domainName: `d${index}abcdef.cloudfront.net`,
    aliases: [],
    comment: '',
    status: 'Deployed',
    enabled: true,
    origins: [{ id: 'media', domainName: 'media.s3.us-east-1.amazonaws.com', originPath: '', kind: 's3', originAccessControlId: 'E2OAC' }],
    behaviors: [{ targetOriginId: 'media', trustedKeyGroupIds: [], trustedSigners: [] }],
    ...overrides,
  };
}

/** A distribution as moto 5.2.1 lists it: no aliases, comment, enabled state, origins or behaviors. */
export function listedByMoto(distribution: DistributionSummary): DistributionSummary {
  return { ...distribution, aliases: [], comment: '', enabled: undefined, origins: [], behaviors: [] };
}
