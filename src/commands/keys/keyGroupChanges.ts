// Key group and public key changes shared by the key commands, each an If-Match write that re-reads
// and re-applies on PreconditionFailed (someone else changed the group meanwhile).
import * as vscode from 'vscode';
import type { CloudFrontService, KeyGroupSummary } from '../../aws/cloudFrontService';
import { updateWithRetry } from '../../aws/etagRetry';
import { keyGroupsHolding } from '../../aws/keyGroupDirectory';
import { UserError } from '../../errors';
import { isKeyGroupFull, KEYS_PER_KEY_GROUP } from '../../cloudfront/rules';

export function keyGroupFullProblem(group: KeyGroupSummary): string | undefined {
  return isKeyGroupFull(group)
    ? vscode.l10n.t("Key group {0} already holds {1} of {1} public keys, CloudFront's limit: remove a key from it or choose another group.", group.name, KEYS_PER_KEY_GROUP)
    : undefined;
}

function fieldsOf(group: KeyGroupSummary, publicKeyIds: string[]) {
  return { name: group.name, publicKeyIds, ...(group.comment ? { comment: group.comment } : {}) };
}

/** Adds a public key to a key group, refusing a full group with CloudFront's reason. */
export function addToKeyGroup(service: CloudFrontService, keyGroupId: string, publicKeyId: string): Promise<unknown> {
  return updateWithRetry<KeyGroupSummary, unknown>(
    () => service.getKeyGroup(keyGroupId),
    (group, etag) => {
      if (group.publicKeyIds.includes(publicKeyId)) return Promise.resolve(group);
      const full = keyGroupFullProblem(group);
      if (full) throw new UserError(full, 'keyGroupId');
      return service.updateKeyGroup(keyGroupId, fieldsOf(group, [...group.publicKeyIds, publicKeyId]), etag);
    },
  );
}

export function removeFromKeyGroup(service: CloudFrontService, keyGroupId: string, publicKeyId: string): Promise<unknown> {
  return updateWithRetry<KeyGroupSummary, unknown>(
    () => service.getKeyGroup(keyGroupId),
    (group, etag) =>
      group.publicKeyIds.includes(publicKeyId)
        ? service.updateKeyGroup(
            keyGroupId,
            fieldsOf(
              group,
              group.publicKeyIds.filter((id) => id !== publicKeyId),
            ),
            etag,
          )
        : Promise.resolve(group),
  );
}

/** Throws, naming them, when key groups hold the public key (CloudFront refuses to delete it then). */
export async function refuseIfHeld(service: CloudFrontService, publicKeyId: string): Promise<void> {
  const holders = await keyGroupsHolding(service, publicKeyId);
  if (holders.length > 0) {
    throw new UserError(vscode.l10n.t('Public key {0} is in key groups {1}: remove it from them first.', publicKeyId, holders.map((g) => `${g.name} (${g.id})`).join(', ')), 'publicKeyId');
  }
}

/** Deletes a public key from CloudFront, or says which key groups still hold it. */
export async function deletePublicKeyIfUnused(service: CloudFrontService, publicKeyId: string): Promise<void> {
  await refuseIfHeld(service, publicKeyId);
  await deletePublicKeyNow(service, publicKeyId);
}

/** DeletePublicKey with the current ETag (re-read on PreconditionFailed). */
export function deletePublicKeyNow(service: CloudFrontService, publicKeyId: string): Promise<void> {
  return updateWithRetry(
    () => service.getPublicKey(publicKeyId),
    (_key, etag) => service.deletePublicKey(publicKeyId, etag),
  );
}
