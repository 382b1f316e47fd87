// "Sign Private Stream": makes a stream playable for one viewer. `cookies`: one custom policy over the
// tightest wildcard Resource that covers every URL of the stream, as CloudFront-Policy, -Signature and
// -Key-Pair-Id cookies and their Set-Cookie headers. `signedPlaylists`: every playlist with each URI
// replaced by its signed URL (the variant playlists' own URLs signed in the master), for a backend or
// a bucket to serve in place of the originals; a DASH manifest keeps its templates and carries one
// wildcard signature on each of its URIs. Large ladders sign on every core (signByKey).
import * as v from 'valibot';
import * as vscode from 'vscode';
import { CancellationError, UserError } from '../../errors';
import { sharedPolicySignerWithSigner, signCookiesWithSigner, SIGNING_PARAMETERS } from '../../signing';
import { checkCookieScope, cookiePathFor, setCookieHeaders } from '../../signing/output';
import { DEFAULT_WALK_LIMITS, rewriteDocument, type StreamProblem } from '../../signing/stream';
import { defineAskingCommandIn, optionalText, optionsObject, required, type Call } from '../options';
import { hasPerson } from '../../ui/unattendedUi';
import { chooseSigningKey, signWith, type ChosenKey } from '../sign/chooseSigningKey';
import { signByKey } from '../sign/signByKey';
import { policyEntries, policyFrom, type PolicyChoice } from '../sign/policyOptions';
import { entryOf, maxRequestsEntry, sourceEntry, urlEntry, walkAndPlan, type PlannedStream } from './planStream';
import type { StreamEntry } from './streamEntry';
import type { StreamContext } from './streamSource';

const STRATEGIES = ['cookies', 'signedPlaylists'] as const;
type Strategy = (typeof STRATEGIES)[number];

export const SignStreamOptions = optionsObject({
  url: urlEntry,
  strategy: required(
    v.picklist(STRATEGIES, () => vscode.l10n.t('strategy must be "cookies" or "signedPlaylists".')),
    () => vscode.l10n.t('strategy is required: "cookies" (one wildcard policy) or "signedPlaylists" (every URI signed).'),
  ),
  expires: required(policyEntries.expires, () => vscode.l10n.t('expires is required: pass an ISO 8601 date or epoch seconds a viewing session outlasts.')),
  keyPairId: optionalText('keyPairId'),
  hashAlgorithm: policyEntries.hashAlgorithm,
  domain: optionalText('domain'),
  source: sourceEntry,
  maxRequests: maxRequestsEntry(DEFAULT_WALK_LIMITS.maxRequests),
});

export interface StreamCookiesResult {
  readonly resource: string;
  readonly cookies: Record<string, string>;
  /** Set-Cookie header values, one per cookie. */
  readonly setCookie: string[];
  readonly problems: readonly StreamProblem[];
}

export interface SignedPlaylistsResult {
  /** The master playlist's (or manifest's) own signed URL: what the player is given. */
  readonly url: string;
  readonly playlists: Array<{ url: string; content: string }>;
  /** URLs signed, and those left as they were with the reason (another host, a key that cannot sign there). */
  readonly signed: number;
  readonly skipped: Array<{ url: string; reason: string }>;
  readonly problems: readonly StreamProblem[];
}

/** Problems that make signing pointless: refuse with the message (naming `url`) instead of signing. */
function refuseOnErrors(problems: readonly StreamProblem[]): void {
  const blocking = problems.find((p) => p.severity === 'error' && (p.code === 'NoDistribution' || p.code === 'PolicyTooLarge'));
  if (blocking) throw new UserError(blocking.message, 'url');
}

/** Asks through `context.ui` only for what the call's answers lack: automation's options give all of it. */
async function signStreamWith(context: StreamContext, call: Call<v.InferOutput<typeof SignStreamOptions>>): Promise<StreamCookiesResult | SignedPlaylistsResult> {
  const { answers } = call;
  const entry = await entryOf(context, call, vscode.l10n.t('Sign Private Stream'));
  const strategy: Strategy = answers.strategy ?? (await askStrategy(context));
  const policy = await policyFrom(context.ui, entry.url, { expires: answers.expires, hashAlgorithm: answers.hashAlgorithm }, { cookies: strategy === 'cookies' });
  const planned = await context.ui.withProgress(vscode.l10n.t('Reading the stream…'), () =>
    walkAndPlan(context, entry, {
      source: answers.source,
      keyPairId: answers.keyPairId,
      maxRequests: answers.maxRequests ?? DEFAULT_WALK_LIMITS.maxRequests,
      validForSeconds: Math.floor((policy.expires.getTime() - Date.now()) / 1000),
    }),
  );
  refuseOnErrors(planned.plan.problems);
  const target = await context.finder.target(entry.url);
  if (!target) throw new UserError(vscode.l10n.t('No distribution of this account serves {0}: choose the profile of the account that owns it.', entry.url), 'url');
  const key = await chooseSigningKey(context, entry.url, target, { keyPairId: answers.keyPairId });
  const result = strategy === 'cookies' ? await streamCookies(planned, key, policy, answers.domain) : await signedPlaylists(context, planned, key, policy);
  context.log.info(`[stream] signed a ${planned.plan.kind} stream (${strategy}) for ${target.distribution.id} with ${key.publicKeyId}, expires ${policy.expires.toISOString()}`);
  context.events?.didSign.fire({
    what: strategy === 'cookies' ? 'cookies' : 'url',
    publicKeyId: key.publicKeyId,
    distributionId: target.distribution.id,
    host: undefined,
    trusted: key.candidate.keyGroupNames.length > 0,
  });
  // A person gets the cookies on the clipboard or the playlists in a folder; automation's caller gets the result.
  if (hasPerson(context.ui)) await deliver(context, entry, result);
  return result;
}

async function streamCookies({ plan }: PlannedStream, key: ChosenKey, policy: PolicyChoice, domain: string | undefined): Promise<StreamCookiesResult> {
  const resource = plan.resource;
  if (!resource) throw new UserError(vscode.l10n.t('The stream has no URL on its own host to cover with a cookie policy.'), 'url');
  const cookieDomain = domain !== undefined ? checkCookieScope(resource, domain) : undefined;
  const cookies = await signCookiesWithSigner({ resource, ...signWith(key, policy) });
  // Set as they are: Path where the resource can match, Expires and Max-Age of the policy, SameSite Lax.
  const setCookie = setCookieHeaders(cookies, { path: cookiePathFor(resource), expires: policy.expires, ...(cookieDomain ? { domain: cookieDomain } : {}) })
    .split('\n')
    .map((line) => line.replace(/^Set-Cookie: /, ''));
  return { resource, cookies, setCookie, problems: plan.problems };
}

async function signedPlaylists(context: StreamContext, { walk, plan }: PlannedStream, key: ChosenKey, policy: PolicyChoice): Promise<SignedPlaylistsResult> {
  const entryHost = new URL(walk.url).host;
  const onHost = plan.urls.filter((url) => new URL(url).host === entryHost);
  const skipped = plan.urls.filter((url) => new URL(url).host !== entryHost).map((url) => ({ url, reason: vscode.l10n.t('on another host than {0}', entryHost) }));
  if (walk.kind === 'dash') {
    // One wildcard signature: a template's URIs are made by the player, so they cannot each be signed.
    if (!plan.resource) throw new UserError(vscode.l10n.t('The manifest has no URL on its own host to sign.'), 'url');
    const sign = await sharedPolicySignerWithSigner({ ...signWith(key, policy), resource: plan.resource });
    const signedManifest = sign(walk.url);
    const query = [...new URL(signedManifest).searchParams]
      .filter(([name]) => (SIGNING_PARAMETERS as readonly string[]).includes(name))
      .map(([name, value]) => `${name}=${value}`)
      .join('&');
    return {
      url: signedManifest,
      playlists: walk.documents.map((document) => ({ url: document.url, content: rewriteDocument(document, () => undefined, query) })),
      signed: onHost.length,
      skipped,
      problems: plan.problems,
    };
  }
  const byUrl = new Map(onHost.map((url) => [url, key] as const));
  const results = await signByKey(context, onHost, byUrl, policy);
  const signedOf = (url: string) => {
    const value = results.get(url);
    return typeof value === 'string' ? value : undefined;
  };
  for (const [url, value] of results) if (typeof value !== 'string') skipped.push({ url, reason: value.message });
  const master = signedOf(walk.url);
  if (!master) throw new UserError(vscode.l10n.t('{0} could not be signed: {1}', walk.url, skipped.find((s) => s.url === walk.url)?.reason ?? ''), 'url');
  return {
    url: master,
    playlists: walk.documents.map((document) => ({ url: document.url, content: rewriteDocument(document, signedOf) })),
    signed: [...results.values()].filter((value) => typeof value === 'string').length,
    skipped,
    problems: plan.problems,
  };
}

async function askStrategy(context: StreamContext): Promise<Strategy> {
  return context.ui.pick<Strategy>({
    title: vscode.l10n.t('Sign the stream with'),
    items: [
      { label: vscode.l10n.t('Signed cookies'), description: vscode.l10n.t('one wildcard policy for every rendition; your page sets three cookies'), value: 'cookies' },
      { label: vscode.l10n.t('Signed playlists'), description: vscode.l10n.t('every URI signed in a copy of each playlist, written to a folder'), value: 'signedPlaylists' },
    ],
    unattended: { missing: 'strategy' },
  });
}

/** Where a playlist goes in the chosen folder: its path below the master's folder (other folders as ../ are flattened under `_up`). */
export function playlistFileOf(master: string, url: string): string {
  const base = new URL(master).pathname.replace(/[^/]*$/, '');
  const path = new URL(url).pathname;
  const relative = path.startsWith(base) ? path.slice(base.length) : `_up${path}`;
  return relative
    .split('/')
    .map((segment) => decodeURIComponent(segment))
    .join('/');
}

async function deliver(context: StreamContext, entry: StreamEntry, result: StreamCookiesResult | SignedPlaylistsResult): Promise<void> {
  if ('cookies' in result) {
    await context.ui.writeClipboard(result.setCookie.map((value) => `Set-Cookie: ${value}`).join('\n'));
    void context.ui.notify('info', vscode.l10n.t('Signed cookies for {0} copied to the clipboard as Set-Cookie headers.', result.resource));
    return;
  }
  const folder = await context.ui.chooseFile({ title: vscode.l10n.t('Folder for the signed playlists'), save: false, folder: true });
  if (!folder) throw new CancellationError();
  for (const playlist of result.playlists) {
    const file = vscode.Uri.joinPath(folder, ...playlistFileOf(entry.url, playlist.url).split('/'));
    await vscode.workspace.fs.writeFile(file, Buffer.from(playlist.content, 'utf8'));
  }
  await context.ui.writeClipboard(result.url);
  void context.ui.notify(
    result.skipped.length ? 'warning' : 'info',
    vscode.l10n.t('{0} signed playlists written to {1}; the signed master URL is on the clipboard.', result.playlists.length, folder.fsPath) +
      (result.skipped.length ? ' ' + vscode.l10n.t('{0} URLs left unsigned ({1} first).', result.skipped.length, result.skipped[0].url) : ''),
  );
}

export const signStreamCommand = defineAskingCommandIn(SignStreamOptions, signStreamWith);
