// Every write the extension makes to CloudFront, as an event: whatever read that resource (the
// distribution finder, the key group directory, the views) forgets it, so the next sign, diagnosis
// or tree read sees the change. The end of a wait for a deployment counts too: the distribution's
// status changed (Deploying… → Deployed) though no call of ours wrote it. The decorator sits at the service seam, so no command can write
// without telling; it fires once the call has settled, success or not, because a failed call (a
// timeout, say) may still have changed the resource.
import type { CloudFrontService, KeyGroupFields, NewPublicKey, RawDistributionConfig } from './cloudFrontService';

export interface CloudFrontWrite {
  readonly resource: 'distribution' | 'keyGroup' | 'publicKey' | 'originAccessControl';
  /** The resource's id; for a create that failed, the id is not known: undefined. */
  readonly id: string | undefined;
  /** A create (even a failed one, which may have created it): lists of that resource are stale. */
  readonly created: boolean;
}

export function withWriteEvents(service: CloudFrontService, onWrite: (write: CloudFrontWrite) => void): CloudFrontService {
  async function writing<T>(resource: CloudFrontWrite['resource'], knownId: string | undefined, call: () => Promise<T>, idOf?: (result: T) => string): Promise<T> {
    let id = knownId;
    try {
      const result = await call();
      if (idOf) id = idOf(result);
      return result;
    } finally {
      onWrite({ resource, id, created: idOf !== undefined });
    }
  }
  return {
    listDistributions: (marker, pageSize) => service.listDistributions(marker, pageSize),
    getDistribution: (id) => service.getDistribution(id),
    listKeyGroups: (marker, pageSize) => service.listKeyGroups(marker, pageSize),
    listPublicKeys: (marker, pageSize) => service.listPublicKeys(marker, pageSize),
    getPublicKey: (id) => service.getPublicKey(id),
    getKeyGroup: (id) => service.getKeyGroup(id),
    getDistributionConfig: (id) => service.getDistributionConfig(id),
    // A question, not a write: CloudFront refuses the request it sends (no If-Match).
    mayUpdateDistribution: (id, config) => service.mayUpdateDistribution(id, config),
    waitUntilDeployed: (id, maxWaitSeconds, signal) => writing('distribution', id, () => service.waitUntilDeployed(id, maxWaitSeconds, signal)),
    listOriginAccessControls: () => service.listOriginAccessControls(),
    getOriginAccessControl: (id) => service.getOriginAccessControl(id),

    createPublicKey: (key: NewPublicKey) =>
      writing(
        'publicKey',
        undefined,
        () => service.createPublicKey(key),
        (r) => r.value.id,
      ),
    deletePublicKey: (id, etag) => writing('publicKey', id, () => service.deletePublicKey(id, etag)),
    createKeyGroup: (fields: KeyGroupFields) =>
      writing(
        'keyGroup',
        undefined,
        () => service.createKeyGroup(fields),
        (r) => r.value.id,
      ),
    updateKeyGroup: (id, fields, etag) => writing('keyGroup', id, () => service.updateKeyGroup(id, fields, etag)),
    deleteKeyGroup: (id, etag) => writing('keyGroup', id, () => service.deleteKeyGroup(id, etag)),
    updateDistributionConfig: (id, config: RawDistributionConfig, etag) => writing('distribution', id, () => service.updateDistributionConfig(id, config, etag)),
    createDistribution: (config: RawDistributionConfig) =>
      writing(
        'distribution',
        undefined,
        () => service.createDistribution(config),
        (r) => r.value.id,
      ),
    deleteDistribution: (id, etag) => writing('distribution', id, () => service.deleteDistribution(id, etag)),
    createOriginAccessControl: (name, description) =>
      writing(
        'originAccessControl',
        undefined,
        () => service.createOriginAccessControl(name, description),
        (r) => r.value.id,
      ),
    deleteOriginAccessControl: (id, etag) => writing('originAccessControl', id, () => service.deleteOriginAccessControl(id, etag)),
  };
}
