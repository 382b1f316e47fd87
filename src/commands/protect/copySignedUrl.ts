// "Copy Signed URL", offered when "Protect S3 Bucket" is done: a URL of one object of the bucket that
// the restricted behavior serves, signed with a key of this machine that the behavior's key groups
// hold (the new key first), valid for the default hour, on the clipboard. The last step from a private
// bucket to a link that works, without typing a URL.
import * as vscode from 'vscode';
import type { ExtensionEvents } from '../../events';
import { signUrl } from '../../signing';
import { DEFAULT_EXPIRY_SECONDS, localAndUtc } from '../sign/policyOptions';
import { objectServedBy, protectedBehaviorOf, trustedLocalKey } from './protectedBehavior';
import type { VerifyProtectionContext, VerifyRequest } from './verifyCommand';

export interface CopySignedUrlContext extends VerifyProtectionContext {
  readonly events?: Partial<Pick<ExtensionEvents, 'didSign'>>;
}

export async function copySignedUrl(context: CopySignedUrlContext, request: VerifyRequest): Promise<string> {
  const service = await context.source.cloudFront();
  const distribution = await service.getDistribution(request.distributionId);
  const target = protectedBehaviorOf(distribution, request.pathPattern);
  const object = await objectServedBy(target, await context.source.buckets(), request.objectKey);
  const key = await trustedLocalKey(target, service, context.keyStore, request.preferredKeyPairId);
  const expires = new Date(Date.now() + DEFAULT_EXPIRY_SECONDS * 1000);
  const signed = signUrl({ url: object.cloudFrontUrl, keyPairId: key.keyPairId, privateKey: key.privateKey, expires });
  await context.ui.writeClipboard(signed);
  // Ids and the expiry only: never the URL's query or signature.
  context.log.info(`[protect] copied a signed URL of ${object.key} through ${distribution.id} with ${key.keyPairId}, expires ${expires.toISOString()}`);
  context.events?.didSign?.fire({ what: 'url', publicKeyId: key.keyPairId, distributionId: distribution.id, host: distribution.domainName, trusted: true });
  const copied = vscode.l10n.t('Signed URL of {0} copied to the clipboard; it expires at {1}.', object.key, localAndUtc(expires));
  const message = distribution.status === 'Deployed' ? copied : vscode.l10n.t('{0} It works once distribution {1} is deployed.', copied, distribution.id);
  void context.ui.notify('info', message);
  return signed;
}
