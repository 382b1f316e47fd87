// Signs the URLs of a document, grouped by the key chosen for each: with a wildcard resource one
// signature per key covers its URLs; a key this process holds signs in-process, or on every core in
// worker threads when the document is large enough for them to pay; a KMS key signs URL by URL with
// bounded concurrency, backing off when KMS throttles, or (offered to a person for many URLs) once
// for one shared wildcard policy. Every URL is signed before any edit: a failure that is not one URL's
// (access denied, a disabled key, endless throttling) rejects, and the document stays as it was.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { isThrottling } from '../../aws/kmsSigner';
import { UserError } from '../../errors';
import { storageReference } from '../../keys/keyStorage';
import type { Logger } from '../../log';
import { sharedPolicySignerWithSigner, SigningError, signUrl, signUrlWithSigner, type LocalPolicySigner } from '../../signing';
import { commonResource, signConcurrently, signEach, type ConcurrencyOptions } from '../../signing/output';
import { signInWorkers, workersPay } from '../../signing/workers';
import type { Ui } from '../../ui/ui';
import { signWith, type ChosenKey } from './chooseSigningKey';
import type { PolicyChoice } from './policyOptions';

/** kms:Sign calls in flight at most when a document is signed URL by URL with a KMS key. */
export const KMS_SIGN_CONCURRENCY = 8;
/** Throttles in a row for one URL before bulk signing gives up (about 25 s of backoff at most). */
const KMS_MAX_THROTTLES = 8;
/** From this many URLs of one KMS key, an interactive sign offers one shared policy instead. */
export const SHARED_POLICY_OFFER_MIN = 20;

/** How bulk signing paces kms:Sign calls (also what `npm run bench` measures against moto). */
export function kmsConcurrency(onLimit?: (limit: number) => void): ConcurrencyOptions {
  return {
    concurrency: KMS_SIGN_CONCURRENCY,
    isThrottling,
    isSkip: (error) => error instanceof SigningError,
    maxThrottles: KMS_MAX_THROTTLES,
    baseDelayMs: 100,
    maxDelayMs: 5_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    ...(onLimit ? { onLimit } : {}),
  };
}

/**
 * The worker entry, dist/signWorker.js: this code runs from dist/features.js, its sibling. It is
 * started only when a document is large enough, so activation never loads it.
 */
const SIGN_WORKER_FILE = join(__dirname, 'signWorker.js');

export interface SignByKeyContext {
  /** The call's Ui: without a person, the URLs are signed one by one, as the options say. */
  readonly ui: Ui;
  readonly log: Logger;
}

export async function signByKey(
  context: SignByKeyContext,
  urls: readonly string[],
  byUrl: ReadonlyMap<string, ChosenKey | { reason: string }>,
  policy: PolicyChoice,
): Promise<Map<string, string | Error>> {
  const results = new Map<string, string | Error>();
  const groups = new Map<string, { key: ChosenKey; urls: string[] }>();
  for (const url of urls) {
    const key = byUrl.get(url);
    if (!key || 'reason' in key) results.set(url, new Error(key?.reason ?? 'no key'));
    else {
      const group = groups.get(key.publicKeyId) ?? { key, urls: [] };
      group.urls.push(url);
      groups.set(key.publicKeyId, group);
    }
  }
  for (const { key, urls: keyUrls } of groups.values()) {
    for (const [url, value] of await signGroup(context, key, keyUrls, policy)) results.set(url, value);
  }
  return results;
}

async function signGroup(context: SignByKeyContext, key: ChosenKey, urls: string[], policy: PolicyChoice): Promise<Map<string, string | Error>> {
  const common = signWith(key, policy);
  if (policy.resource) return signEach(urls, await sharedPolicySignerWithSigner({ ...common, resource: policy.resource }));
  if ('key' in key.signer) {
    const { signer, ...options } = common;
    const loaded = (signer as LocalPolicySigner).key;
    const cores = availableParallelism();
    if (workersPay(loaded.type, urls.length, cores)) {
      context.log.info(`[sign] signing ${urls.length} URLs on ${cores} worker threads`);
      return signInWorkers(urls, { ...options, privateKey: loaded.keyObject }, { workerFile: SIGN_WORKER_FILE, threads: cores });
    }
    // A key this process holds signs synchronously: no promise per URL.
    return signEach(urls, (url) => signUrl({ ...options, privateKey: loaded.keyObject, url }));
  }
  const resource = await offerSharedPolicy(context, key, urls);
  if (resource) return signEach(urls, await sharedPolicySignerWithSigner({ ...common, resource }));
  const reference = (key.candidate.key.storage && storageReference(key.candidate.key.storage)) ?? key.publicKeyId;
  return signConcurrently(
    urls,
    (url) => signUrlWithSigner({ ...common, url }),
    kmsConcurrency((limit) => context.log.info(`[sign] kms:Sign calls in flight at most: ${limit}`)),
  ).catch((error: unknown) => {
    // Already in the user's words (access denied, a disabled key: kmsFailure names kms:Sign and the key).
    if (error instanceof UserError) throw error;
    if (isThrottling(error)) {
      throw new UserError(
        vscode.l10n.t(
          'AWS KMS kept throttling kms:Sign on key {0} ({1} times in a row for one URL): nothing was changed. Try again later, or sign with one shared wildcard policy (resource).',
          reference,
          String(KMS_MAX_THROTTLES + 1),
        ),
        'keyPairId',
      );
    }
    // What the SDK's retries could not cure (500s, a lost connection): say which call and key, and that nothing changed.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new UserError(vscode.l10n.t('kms:Sign on KMS key {0} failed: {1}. Nothing was changed.', reference, reason), 'keyPairId');
  });
}

/**
 * For many URLs of a KMS key and no resource chosen, a person is offered one kms:Sign for a wildcard
 * policy over the URLs' common folder, or one per URL. Undefined: per URL (automation, few URLs, or
 * no common resource because the URLs are on different hosts).
 */
async function offerSharedPolicy(context: SignByKeyContext, key: ChosenKey, urls: readonly string[]): Promise<string | undefined> {
  if (urls.length < SHARED_POLICY_OFFER_MIN) return undefined;
  const resource = commonResource(urls);
  if (!resource) return undefined;
  return context.ui.pick<string | undefined>({
    title: vscode.l10n.t('Sign {0} URLs with KMS key {1}', String(urls.length), key.publicKeyId),
    items: [
      {
        label: vscode.l10n.t('Sign each URL ({0} kms:Sign calls)', String(urls.length)),
        description: vscode.l10n.t('each signature opens its own URL only'),
        value: undefined,
      },
      {
        label: vscode.l10n.t('One policy for {0} (1 kms:Sign call)', resource),
        description: vscode.l10n.t('the same signature opens every URL under it'),
        value: resource,
      },
    ],
    // Automation signs what its options say: each URL for itself, unless it passed a resource.
    unattended: { answer: undefined },
  });
}
