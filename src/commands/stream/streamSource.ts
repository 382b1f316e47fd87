// Where the stream commands read playlists from. `origin`: the bucket behind the serving behavior's S3
// origin, through S3 (GetObject), so nothing needs signing and no edge caches a stale playlist; the
// default when the origin is S3. `live`: through the distribution, as a viewer would, with a signed
// URL valid for five minutes when the behavior restricts viewer access. A playlist opened from the
// workspace is read from its folder for URLs under the URL it is served at.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CloudFrontSource } from '../../aws/awsSession';
import type { OriginSummary } from '../../aws/cloudFrontService';
import type { UrlTarget } from '../../aws/distributionFinder';
import { objectKeyOf } from '../../aws/objectUrl';
import type { S3Buckets } from '../../aws/s3Buckets';
import { bucketOfDomain } from '../../cloudfront/s3Origin';
import { UserError } from '../../errors';
import { signUrlWithSigner } from '../../signing';
import type { ReadText } from '../../signing/stream';
import { chooseSigningKey, type ChosenKey } from '../sign/chooseSigningKey';
import type { SigningContext } from '../sign/signingContext';
import { hostAddresses } from './hostAddresses';
import { httpGet } from './httpRequest';

export type StreamSourceKind = 'origin' | 'live';

/** What the stream commands need: signing's context, with S3 to read an origin bucket. */
export interface StreamContext extends SigningContext {
  readonly source: CloudFrontSource & { buckets(): Promise<S3Buckets> };
}

/** Playlists and manifests are small; anything larger is not one. */
export const MAX_PLAYLIST_BYTES = 16 * 1024 * 1024;
const READ_SIGNATURE_SECONDS = 300;
const TIMEOUT_MS = 15_000;

/** A playlist from the workspace: URLs under `baseUrl` are files under `folder`. */
export interface LocalPlaylist {
  readonly baseUrl: string;
  readonly folder: string;
}

export interface StreamSourceOptions {
  readonly source?: StreamSourceKind;
  readonly keyPairId?: string | undefined;
  readonly local?: LocalPlaylist;
}

/** The S3 origin of the behavior that serves a URL, if it is one. */
export function s3OriginOf(target: UrlTarget | undefined): (OriginSummary & { bucket: string }) | undefined {
  const origin = target?.distribution.origins.find((o) => o.id === target.behavior?.targetOriginId);
  const bucket = origin?.kind === 's3' ? bucketOfDomain(origin.domainName) : undefined;
  return origin && bucket ? { ...origin, bucket } : undefined;
}

const restricted = (target: UrlTarget | undefined) => Boolean(target?.behavior && (target.behavior.trustedKeyGroupIds.length > 0 || target.behavior.trustedSigners.length > 0));

/** The reader of the stream at `url`, and where it reads from. */
export async function streamReader(context: StreamContext, url: string, options: StreamSourceOptions): Promise<{ read: ReadText; via: StreamSourceKind | 'workspace' }> {
  const entry = await context.finder.target(url);
  const s3 = s3OriginOf(entry);
  if (options.source === 'origin' && !s3) {
    throw new UserError(vscode.l10n.t('source is origin, but {0} is not served from an S3 origin of this account: pass source "live" to read it through the distribution.', url), 'source');
  }
  const via: StreamSourceKind = options.source ?? (s3 ? 'origin' : 'live');
  let key: Promise<ChosenKey> | undefined;
  const signedForReading = async (target: UrlTarget, playlistUrl: string) => {
    // Asked through the call's Ui: without a person, the key given or the one the choice is clear for.
    key ??= chooseSigningKey(context, playlistUrl, target, { keyPairId: options.keyPairId });
    const chosen = await key;
    return signUrlWithSigner({ url: playlistUrl, keyPairId: chosen.publicKeyId, signer: chosen.signer, expires: new Date(Date.now() + READ_SIGNATURE_SECONDS * 1000) });
  };
  const addresses = hostAddresses();
  const read: ReadText = async (playlistUrl) => {
    const local = options.local;
    if (local && playlistUrl.startsWith(local.baseUrl)) {
      const relative = playlistUrl.slice(local.baseUrl.length).split(/[?#]/)[0];
      return readFile(join(local.folder, ...relative.split('/').map((segment) => decodeURIComponent(segment))), 'utf8');
    }
    const target = await context.finder.target(playlistUrl);
    const origin = via === 'origin' ? s3OriginOf(target) : undefined;
    if (origin) {
      const buckets = await context.source.buckets();
      return buckets.objectText(origin.bucket, objectKeyOf(origin, playlistUrl), MAX_PLAYLIST_BYTES);
    }
    const requestUrl = target && restricted(target) ? await signedForReading(target, playlistUrl) : playlistUrl;
    const answer = await httpGet(requestUrl, { addresses, maxBodyBytes: MAX_PLAYLIST_BYTES, timeoutMs: TIMEOUT_MS });
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status}${answer.body.includes('<Message>') ? ` (${/<Message>([^<]*)<\/Message>/.exec(answer.body)?.[1]})` : ''}`);
    return answer.body;
  };
  return { read, via: options.local ? 'workspace' : via };
}
