// What Verify Protection and "Copy Signed URL" need to know about one restricted cache behavior: the
// distribution and the S3 bucket behind the behavior, one object of that bucket the behavior serves
// (its URL through CloudFront and straight from S3), and a key on this machine that the behavior's key
// groups trust. Each refusal names the input that decides it.
import type { KeyObject } from 'node:crypto';
import * as vscode from 'vscode';
import { bucketOfOrigin } from '../../aws/bucketPolicy';
import type { BehaviorSummary, CloudFrontService, DistributionSummary, OriginSummary } from '../../aws/cloudFrontService';
import { objectUrl, originKeyPrefix } from '../../aws/objectUrl';
import type { S3Buckets } from '../../aws/s3Buckets';
import { UserError } from '../../errors';
import type { KeyStore } from '../../keys/keyStore';
import { matchBehavior, requestPath } from '../../cloudfront/routing';

/** How many keys are listed to find one the behavior serves (one ListObjectsV2 page). */
const KEYS_TO_SEARCH = 1000;

export interface ProtectedBehavior {
  distribution: DistributionSummary;
  behavior: BehaviorSummary;
  origin: OriginSummary;
  bucket: string;
}

export interface ServedObject {
  key: string;
  /** On the distribution's own domain (an alias may not point at it yet). */
  cloudFrontUrl: string;
  /** The same object from the S3 endpoint the origin reads. */
  s3Url: string;
}

/** `undefined` and `*` both name the default behavior. */
export const isDefaultPattern = (pattern: string | undefined): boolean => pattern === undefined || pattern === '*';

const behaviorName = (pattern: string | undefined): string => (pattern === undefined || isDefaultPattern(pattern) ? vscode.l10n.t('Default (*)') : pattern);

/** The behavior of `pathPattern` in `distribution`, refused unless it is restricted to key groups and serves an S3 bucket. */
export function protectedBehaviorOf(distribution: DistributionSummary, pathPattern: string | undefined): ProtectedBehavior {
  const behavior = distribution.behaviors.find((b) => (isDefaultPattern(pathPattern) ? b.pathPattern === undefined : b.pathPattern === pathPattern));
  if (!behavior) throw new UserError(vscode.l10n.t('pathPattern: distribution {0} has no cache behavior {1}.', distribution.id, behaviorName(pathPattern)), 'pathPattern');
  if (behavior.trustedKeyGroupIds.length === 0) {
    throw new UserError(
      vscode.l10n.t('pathPattern: behavior {0} of distribution {1} is not restricted to a key group, so there is nothing to verify: protect it first.', behaviorName(pathPattern), distribution.id),
      'pathPattern',
    );
  }
  const origin = distribution.origins.find((o) => o.id === behavior.targetOriginId);
  const bucket = origin?.kind === 's3' ? bucketOfOrigin(origin) : undefined;
  if (!origin || !bucket) {
    throw new UserError(
      vscode.l10n.t('pathPattern: behavior {0} of distribution {1} serves origin {2}, which is not an S3 bucket.', behaviorName(pathPattern), distribution.id, behavior.targetOriginId),
      'pathPattern',
    );
  }
  return { distribution, behavior, origin, bucket };
}

/** The literal start of a path pattern, before its first wildcard, without the leading slash: where S3 listing can start. */
function literalPrefix(pattern: string | undefined): string {
  if (pattern === undefined) return '';
  const literal = pattern.replace(/^\//, '').split(/[*?]/)[0];
  return literal;
}

function servedObject(target: ProtectedBehavior, key: string): ServedObject | undefined {
  const cloudFrontUrl = objectUrl({ ...target.distribution, aliases: [] }, target.origin, key);
  if (!cloudFrontUrl || matchBehavior(target.distribution.behaviors, requestPath(cloudFrontUrl)) !== target.behavior) return undefined;
  const s3Url = `https://${target.origin.domainName}/${key.split('/').map(encodeURIComponent).join('/')}`;
  return { key, cloudFrontUrl, s3Url };
}

/** `objectKey` when the behavior serves it; without it, the first object of the bucket that the behavior serves. */
export async function objectServedBy(target: ProtectedBehavior, buckets: S3Buckets, objectKey: string | undefined): Promise<ServedObject> {
  if (objectKey !== undefined) {
    const served = servedObject(target, objectKey.replace(/^\//, ''));
    if (!served) {
      throw new UserError(
        vscode.l10n.t('objectKey: behavior {0} of distribution {1} does not serve object {2}.', behaviorName(target.behavior.pathPattern), target.distribution.id, objectKey),
        'objectKey',
      );
    }
    return served;
  }
  const prefix = originKeyPrefix(target.origin) + literalPrefix(target.behavior.pathPattern);
  for (const key of await buckets.objectKeys(target.bucket, prefix, KEYS_TO_SEARCH)) {
    const served = servedObject(target, key);
    if (served) return served;
  }
  throw new UserError(
    vscode.l10n.t('objectKey: bucket {0} has no object that behavior {1} serves; upload one, or pass objectKey.', target.bucket, behaviorName(target.behavior.pathPattern)),
    'objectKey',
  );
}

export interface TrustedKey {
  keyPairId: string;
  privateKey: KeyObject;
}

/** A key on this machine whose public key a key group of the behavior holds; `preferred` first. */
export async function trustedLocalKey(target: ProtectedBehavior, service: CloudFrontService, keyStore: KeyStore, preferred?: string): Promise<TrustedKey> {
  const trusted = new Set<string>();
  for (const id of target.behavior.trustedKeyGroupIds) {
    for (const keyId of (await service.getKeyGroup(id)).value.publicKeyIds) trusted.add(keyId);
  }
  const local = keyStore.list().flatMap((k) => (k.publicKeyId && trusted.has(k.publicKeyId) ? [k.publicKeyId] : []));
  const keyPairId = local.find((id) => id === preferred) ?? local[0];
  const privateKey = keyPairId ? await keyStore.getPrivateKey(keyPairId) : undefined;
  if (!keyPairId || !privateKey) {
    throw new UserError(
      vscode.l10n.t(
        'pathPattern: no key on this machine is in a key group that behavior {0} of distribution {1} trusts ({2}); create or import one to sign the test request.',
        behaviorName(target.behavior.pathPattern),
        target.distribution.id,
        target.behavior.trustedKeyGroupIds.join(', '),
      ),
      'pathPattern',
    );
  }
  return { keyPairId, privateKey };
}
