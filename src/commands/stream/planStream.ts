// "Plan Private Stream": reads a stream's master playlist or manifest (from the origin bucket when the
// serving behavior's origin is S3, else through the distribution), walks it as a player does, and
// says every URL a player requests, the one wildcard Resource that covers them, the behaviors that
// serve them and what would go wrong, each with its fix. Interactively, the plan opens as a document.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { UserError } from '../../errors';
import { planStream, StreamError, walkStream, DEFAULT_WALK_LIMITS, type StreamPlan, type StreamWalk } from '../../signing/stream';
import { defineAskingCommandIn, optionalText, optionsObject, requiredText, type Call } from '../options';
import { hasPerson } from '../../ui/unattendedUi';
import { checkedStreamUrl, streamEntry, type StreamEntry } from './streamEntry';
import { s3OriginOf, streamReader, type StreamContext, type StreamSourceKind } from './streamSource';
import { objectKeyOf } from '../../aws/objectUrl';
import { showText } from '../../ui/workbench';

const SOURCES = ['origin', 'live'] as const;

export const sourceEntry = v.optional(v.picklist(SOURCES, () => vscode.l10n.t('source must be "origin" (read the S3 bucket) or "live" (read through the distribution).')));
export const urlEntry = requiredText('url', () => vscode.l10n.t('url is required: pass the URL of the master playlist (.m3u8) or manifest (.mpd).'));
export const maxRequestsEntry = (fallback: number) =>
  v.optional(
    v.pipe(
      v.number(() => vscode.l10n.t('maxRequests must be a whole number.')),
      v.integer(() => vscode.l10n.t('maxRequests must be a whole number.')),
      v.minValue(1, () => vscode.l10n.t('maxRequests must be at least 1.')),
    ),
    fallback,
  );

export const PlanStreamOptions = optionsObject({
  url: urlEntry,
  source: sourceEntry,
  keyPairId: optionalText('keyPairId'),
  maxRequests: maxRequestsEntry(DEFAULT_WALK_LIMITS.maxRequests),
});

/** The plan, with how many other objects the origin holds under its resource (S3 origins only). */
export type StreamPlanResult = StreamPlan & { readonly source: StreamSourceKind | 'workspace'; readonly otherObjectsUnderResource?: number | string };

/** Objects listed at most when counting what else the resource opens. */
const OTHER_OBJECTS_LISTED = 1000;

export interface PlannedStream {
  readonly walk: StreamWalk;
  readonly plan: StreamPlanResult;
}

/** Walks and plans the stream (shared by Sign Private Stream); a StreamError becomes a UserError naming `url`. */
export async function walkAndPlan(
  context: StreamContext,
  entry: StreamEntry,
  options: { source?: StreamSourceKind | undefined; keyPairId?: string | undefined; maxRequests: number; validForSeconds?: number },
): Promise<PlannedStream> {
  await context.finder.readAll();
  if (!entry.local && !(await context.finder.target(entry.url))) {
    throw new UserError(
      vscode.l10n.t(
        'No distribution of this account serves {0}: pass a URL on one of its distributions (domain name or alternate domain name), or choose the profile of the account that owns it.',
        new URL(entry.url).host,
      ),
      'url',
    );
  }
  const { read, via } = await streamReader(context, entry.url, { ...(options.source ? { source: options.source } : {}), keyPairId: options.keyPairId, ...(entry.local ? { local: entry.local } : {}) });
  let walk: StreamWalk;
  try {
    walk = await walkStream(entry.url, read, { ...DEFAULT_WALK_LIMITS, maxRequests: options.maxRequests });
  } catch (error) {
    if (error instanceof StreamError) throw new UserError(error.message, 'url');
    throw error;
  }
  const target = await context.finder.target(entry.url);
  const plan = planStream(walk, { distributions: target ? [target.distribution] : [], ...(options.validForSeconds !== undefined ? { validForSeconds: options.validForSeconds } : {}) });
  const others = plan.resource && via === 'origin' ? await otherObjects(context, plan, target).catch(() => undefined) : undefined;
  return { walk, plan: { ...plan, source: via, ...(others !== undefined ? { otherObjectsUnderResource: others } : {}) } };
}

/** How many objects under the resource's folder the origin bucket holds besides the stream's. */
async function otherObjects(context: StreamContext, plan: StreamPlan, target: Awaited<ReturnType<StreamContext['finder']['target']>>): Promise<number | string | undefined> {
  const origin = s3OriginOf(target);
  if (!origin || !plan.resource) return undefined;
  const prefix = objectKeyOf(origin, plan.resource.slice(0, -1) + 'x').slice(0, -1);
  const keys = await (await context.source.buckets()).objectKeys(origin.bucket, prefix, OTHER_OBJECTS_LISTED);
  const stream = new Set(plan.urls.map((url) => objectKeyOf(origin, url.split('?')[0])));
  const others = keys.filter((key) => !stream.has(key)).length;
  return keys.length >= OTHER_OBJECTS_LISTED ? `${others}+` : others;
}

/** The stream a call names: the `url` answer (checked), else the row, file or URL a person gives. */
export async function entryOf(context: StreamContext, call: { readonly answers: { readonly url?: string | undefined }; readonly context?: unknown }, title: string): Promise<StreamEntry> {
  return call.answers.url !== undefined ? { url: checkedStreamUrl(call.answers.url) } : await streamEntry(context.ui, call.context, title);
}

async function planStreamWith(context: StreamContext, call: Call<v.InferOutput<typeof PlanStreamOptions>>): Promise<StreamPlanResult> {
  const { answers } = call;
  const entry = await entryOf(context, call, vscode.l10n.t('Plan Private Stream'));
  const walkOptions = { source: answers.source, keyPairId: answers.keyPairId, maxRequests: answers.maxRequests ?? DEFAULT_WALK_LIMITS.maxRequests };
  const { plan } = await context.ui.withProgress(vscode.l10n.t('Reading the stream…'), () => walkAndPlan(context, entry, walkOptions));
  context.log.info(`[stream] planned ${plan.kind} stream: ${plan.urls.length} URLs, ${plan.problems.length} problems`);
  // A person reads the plan as a document; automation's caller gets it as the result.
  if (hasPerson(context.ui)) await showText(planReport(entry.url, plan), 'markdown');
  return plan;
}

const LISTED_URLS = 50;

/** The plan as a markdown document. */
export function planReport(url: string, plan: StreamPlanResult): string {
  const lines = [
    `# ${vscode.l10n.t('Stream plan: {0}', url)}`,
    '',
    vscode.l10n.t(
      '{0} ({1}), read from {2}: {3} requests, {4} distinct URLs.',
      plan.kind.toUpperCase(),
      plan.live ? vscode.l10n.t('live') : vscode.l10n.t('on demand'),
      plan.source,
      plan.requests,
      plan.urls.length,
    ),
    '',
    `**${vscode.l10n.t('Resource for one custom policy')}**: ${plan.resource ? `\`${plan.resource}\`` : vscode.l10n.t('none (the URLs are on several hosts)')}`,
    ...(plan.otherObjectsUnderResource !== undefined ? ['', vscode.l10n.t('It also opens {0} other objects of the origin bucket under it.', String(plan.otherObjectsUnderResource))] : []),
    '',
    `## ${vscode.l10n.t('Problems')}`,
    '',
    ...(plan.problems.length ? plan.problems.map((p) => `- **${p.severity}** \`${p.code}\`: ${p.message}`) : [vscode.l10n.t('None.')]),
    '',
    `## ${vscode.l10n.t('Behaviors')}`,
    '',
    `| ${vscode.l10n.t('Path pattern')} | ${vscode.l10n.t('Key groups')} | URLs |`,
    '| --- | --- | --- |',
    ...plan.behaviors.map((b) => `| \`${b.pathPattern}\` | ${b.keyGroupIds.join(', ') || vscode.l10n.t('none (unrestricted)')} | ${b.urls.length} |`),
    '',
    `## URLs`,
    '',
    ...plan.urls.slice(0, LISTED_URLS).map((u) => `- ${u}`),
    ...(plan.urls.length > LISTED_URLS ? [vscode.l10n.t('- … and {0} more', plan.urls.length - LISTED_URLS)] : []),
  ];
  return lines.join('\n') + '\n';
}

export const planStreamCommand = defineAskingCommandIn(PlanStreamOptions, planStreamWith);
