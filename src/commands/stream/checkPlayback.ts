// "Check Stream Playback": requests a stream as a player would, through the network (honouring the
// host-to-address setting, so the local edge or one edge location can be checked before DNS moves):
// playlists in full, then each segment, init section and key with a one-byte Range, with the signed
// URL's query where the player has it and the cookies when given. Bounded in count and concurrency.
// Each refusal is classified by the diagnosis (src/signing/diagnose) with its code and fix.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { UserError } from '../../errors';
import { diagnose, keyPairIdOf, type AccountData, type LiveAnswer } from '../../signing/diagnose';
import { StreamError, walkStream, type RequestRole, type StreamRequest } from '../../signing/stream';
import { readAccount } from '../diagnose/account';
import { cookieHeaderOf } from '../diagnose/liveRequest';
import { defineAskingCommandIn, optionsObject, type Call } from '../options';
import { hostAddresses } from './hostAddresses';
import { httpGet, type HttpAnswer } from './httpRequest';
import { entryOf, maxRequestsEntry, urlEntry } from './planStream';
import type { StreamContext } from './streamSource';

const DEFAULT_MAX_REQUESTS = 200;
/** Requests in flight at once, as a player's few connections. */
const CONCURRENCY = 4;
const TIMEOUT_MS = 15_000;
const PLAYLIST_BYTES = 16 * 1024 * 1024;
const ERROR_BODY_BYTES = 16 * 1024;

export const CheckPlaybackOptions = optionsObject({
  url: urlEntry,
  cookies: v.optional(v.union([v.string(), v.record(v.string(), v.string())], () => vscode.l10n.t('cookies must be a Cookie header (name=value; …) or an object of name to value.'))),
  maxRequests: maxRequestsEntry(DEFAULT_MAX_REQUESTS),
});

export interface PlaybackRequest {
  readonly url: string;
  readonly role: RequestRole;
  readonly status: number;
  /** For a refusal: the diagnosis's code, and its fix. */
  readonly code?: string;
  readonly fix?: string;
  /** Why no answer came (no status). */
  readonly failure?: string;
}

export interface PlaybackResult {
  readonly requests: PlaybackRequest[];
  readonly granted: number;
  readonly refused: number;
  /** Requests the stream names beyond maxRequests, not made. */
  readonly notRequested: number;
}

const grantedStatus = (status: number) => status === 200 || status === 206;

export async function checkPlayback(context: StreamContext, url: string, cookies: string | Readonly<Record<string, string>> | undefined, maxRequests: number): Promise<PlaybackResult> {
  const cookie =
    cookies === undefined
      ? undefined
      : typeof cookies === 'string'
        ? cookieHeaderOf(cookies)
        : Object.entries(cookies)
            .map(([name, value]) => `${name}=${value}`)
            .join('; ');
  const addresses = hostAddresses();
  // In the order the requests were made (as a player makes them), not the order their answers came in:
  // the result, and so "the first refused", is the same on every run.
  const made: Array<{ url: string; role: RequestRole | undefined; answer: Promise<HttpAnswer | { failure: string }>; requestedAt: number }> = [];
  let budget = maxRequests;
  const get = async (requestUrl: string, role: RequestRole | undefined, range: boolean) => {
    const requestedAt = Math.floor(Date.now() / 1000);
    const answering = httpGet(requestUrl, {
      ...(cookie ? { cookie } : {}),
      ...(range ? { range: 'bytes=0-0' } : {}),
      addresses,
      maxBodyBytes: range ? ERROR_BODY_BYTES : PLAYLIST_BYTES,
      timeoutMs: TIMEOUT_MS,
    }).catch((error: unknown) => ({
      failure: error instanceof Error ? error.message : String(error),
    }));
    made.push({ url: requestUrl, role, answer: answering, requestedAt });
    return answering;
  };

  // The playlists, read in full by the walker: a refused one ends the walk where a player would stop.
  let walked: readonly StreamRequest[] = [];
  try {
    const walk = await walkStream(
      url,
      async (playlistUrl) => {
        if (budget-- <= 0) throw new Error('maxRequests reached');
        const answer = await get(playlistUrl, undefined, false);
        if ('failure' in answer) throw new Error(answer.failure);
        if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
        return answer.body;
      },
      { maxPlaylists: Math.max(1, maxRequests), maxRequests: 1_000_000, concurrency: CONCURRENCY },
    );
    walked = walk.requests;
  } catch (error) {
    if (!(error instanceof StreamError)) throw error;
    if (error.code !== 'FetchFailed') throw new UserError(error.message, 'url');
  }
  if (made.length === 0) throw new UserError(vscode.l10n.t('{0} could not be requested.', url), 'url');

  // Then one request per other resource, with a one-byte range, in the order a player meets them.
  const playlistUrls = new Set(made.map((m) => m.url));
  const rest = [...new Map(walked.filter((r) => !playlistUrls.has(r.url) && !['master', 'playlist', 'iframePlaylist', 'manifest'].includes(r.role)).map((r) => [r.url, r])).values()];
  const allowed = rest.slice(0, Math.max(0, budget));
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, allowed.length) }, async () => {
      while (next < allowed.length) {
        const request = allowed[next++];
        await get(request.url, request.role, true);
      }
    }),
  );

  let account: Promise<AccountData> | undefined;
  const requests: PlaybackRequest[] = [];
  const roleOf = new Map(walked.map((r) => [r.url, r.role] as const));
  for (const { role, ...m } of made) {
    const named = { url: m.url, role: role ?? roleOf.get(m.url) ?? (m.url === url ? 'master' : 'playlist') };
    const answer = await m.answer;
    if ('failure' in answer) {
      requests.push({ ...named, status: 0, failure: answer.failure });
      continue;
    }
    if (grantedStatus(answer.status)) {
      requests.push({ ...named, status: answer.status });
      continue;
    }
    account ??= readAccount(context, url, keyPairIdOf({ url, ...(cookies ? { cookies } : {}) }));
    const live: LiveAnswer = { status: answer.status, headers: answer.headers, body: answer.body, requestedAt: m.requestedAt };
    const findings = diagnose({ url: m.url, ...(cookies ? { cookies } : {}), account: await account, live });
    const first = findings.find((finding) => finding.severity === 'error');
    requests.push({ ...named, status: answer.status, ...(first ? { code: first.code, fix: first.fix } : {}) });
  }
  const granted = requests.filter((r) => grantedStatus(r.status)).length;
  return { requests, granted, refused: requests.length - granted, notRequested: rest.length - allowed.length };
}

async function checkPlaybackWith(context: StreamContext, call: Call<v.InferOutput<typeof CheckPlaybackOptions>>): Promise<PlaybackResult> {
  const { answers } = call;
  const entry = await entryOf(context, call, vscode.l10n.t('Check Stream Playback'));
  const cookies =
    answers.cookies ??
    ((
      await context.ui.input({
        title: vscode.l10n.t('Check Stream Playback: cookies'),
        prompt: vscode.l10n.t('The signed cookies a viewer has (a Cookie header or Set-Cookie lines); empty when the URL itself is signed'),
        defaultValue: '',
        // Automation without cookies: the URL itself is signed.
        unattended: { answer: '' },
      })
    ).trim() ||
      undefined);
  const result = await context.ui.withProgress(vscode.l10n.t('Requesting the stream as a player…'), () => checkPlayback(context, entry.url, cookies, answers.maxRequests ?? DEFAULT_MAX_REQUESTS));
  context.log.info(`[stream] playback check: ${result.granted} granted, ${result.refused} refused`);
  // Told to a person only: the unattended Ui's notifications go nowhere.
  const firstRefused = result.requests.find((r) => !grantedStatus(r.status));
  if (!firstRefused) void context.ui.notify('info', vscode.l10n.t('All {0} requests a player makes were granted.', result.granted));
  else {
    void context.ui.notify(
      'error',
      vscode.l10n.t(
        '{0} of {1} requests refused; the first: {2} ({3}). {4}',
        result.refused,
        result.requests.length,
        firstRefused.url,
        firstRefused.code ?? String(firstRefused.status || firstRefused.failure),
        firstRefused.fix ?? '',
      ),
    );
  }
  return result;
}

export const checkPlaybackCommand = defineAskingCommandIn(CheckPlaybackOptions, checkPlaybackWith);
