// "Sign CloudFront URLs in Selection": every http(s) URL of the selection (or the whole document)
// whose host is a distribution of this account, signed in place as one undoable edit or copied.
// Relative URIs of an HLS playlist are resolved against a base URL. With options it asks nothing;
// with a document's Uri it signs in that document.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { editorOf, showText } from '../../ui/workbench';
import type { UrlTarget } from '../../aws/distributionFinder';
import { UserError } from '../../errors';
import { applyEdits, findUrls, isPlaylist, planTextSigning, type SkippedUrl } from '../../signing/output';
import { defineAskingCommandIn, mustBeString, optionalText, optionsObject, type Call } from '../options';
import { hasPerson, unattendedUi } from '../../ui/unattendedUi';
import { chooseSigningKey, type ChosenKey } from './chooseSigningKey';
import { signByKey } from './signByKey';
import { policyEntries, policyFrom } from './policyOptions';
import type { SigningContext } from './signingContext';

export interface SignSelectionResult {
  signed: number;
  skipped: number;
  /** Each skipped URL with the reason. */
  skippedUrls: SkippedUrl[];
}

const behaviorKey = (target: UrlTarget) => `${target.distribution.id} ${target.behavior?.pathPattern ?? '*'}`;

/** What is wrong with a playlist's base URL (an http or https URL), or undefined: the option's check and the box's. */
function baseUrlProblem(value: string): string | undefined {
  if (!URL.canParse(value)) return vscode.l10n.t('Type the URL the playlist is served at, such as https://media.example.com/hls/index.m3u8');
  return /^https?:$/.test(new URL(value).protocol) ? undefined : vscode.l10n.t('Use an http or https URL');
}

export const SignSelectionOptions = optionsObject({
  ...policyEntries,
  keyPairId: optionalText('keyPairId'),
  baseUrl: v.optional(
    v.pipe(
      v.string(mustBeString('baseUrl')),
      v.check(
        (value) => !baseUrlProblem(value),
        (issue) => baseUrlProblem(issue.input) ?? '',
      ),
    ),
  ),
});

/** Asks through `context.ui` only for what the call's answers lack: automation's options give all of it. */
async function signSelectionWith(context: SigningContext, call: Call<v.InferOutput<typeof SignSelectionOptions>>): Promise<SignSelectionResult> {
  const { answers } = call;
  const editor = await editorOf(call.context);
  if (!editor) throw new UserError(vscode.l10n.t('Open the document whose URLs you want to sign first.'), 'editor');
  const range = editor.selection.isEmpty ? new vscode.Range(0, 0, editor.document.lineCount, 0) : editor.selection;
  const fullRange = editor.document.validateRange(range);
  const text = editor.document.getText(fullRange);

  const hasRelative = isPlaylist(editor.document.getText()) && findUrls(text, 'https://base.invalid/').some((o) => o.url.startsWith('https://base.invalid/'));
  const baseUrl = answers.baseUrl ?? (hasRelative ? await askBaseUrl(context) : undefined);

  // Read the account's distributions once, then group the URLs by the behavior that serves them:
  // each group needs one key choice, not each URL.
  await context.finder.readAll();
  const occurrences = findUrls(text, baseUrl).filter((o) => {
    try {
      return context.finder.knows(new URL(o.url).hostname);
    } catch {
      return false;
    }
  });
  if (occurrences.length === 0) {
    // A person is told; automation's result says it (nothing signed, nothing skipped).
    if (!hasPerson(context.ui)) return { signed: 0, skipped: 0, skippedUrls: [] };
    throw new UserError(
      vscode.l10n.t('No URL of a CloudFront distribution of this account in the {0}.', editor.selection.isEmpty ? vscode.l10n.t('document') : vscode.l10n.t('selection')),
      'selection',
    );
  }
  const policy = await policyFrom(context.ui, occurrences[0].url, answers);
  const keys = await keysByBehavior(
    context,
    occurrences.map((o) => o.url),
    answers.keyPairId,
  );

  const plan = planTextSigning(text, { baseUrl, isKnownHost: (host) => context.finder.knows(host.replace(/:\d+$/, '')) });
  // Every URL is signed before any edit: a failure that is not one URL's (access denied, a disabled KMS
  // key, endless throttling) rejects here and the document stays as it was.
  const results = await signByKey(context, plan.urls, keys.byUrl, policy);
  const result = plan.finish(results);

  const start = editor.document.offsetAt(fullRange.start);
  if (result.edits.length > 0 && (await copyInstead(context))) {
    await context.ui.writeClipboard(applyEdits(text, result.edits));
  } else if (result.edits.length > 0) {
    // One edit call: one undo step restores the document exactly.
    const applied = await editor.edit((builder) => {
      for (const edit of result.edits) {
        builder.replace(new vscode.Range(editor.document.positionAt(start + edit.start), editor.document.positionAt(start + edit.end)), edit.newText);
      }
    });
    if (!applied) throw new UserError(vscode.l10n.t('The document changed while signing: run the command again.'), 'editor');
  }
  context.log.info(`[sign] signed ${result.signed} URLs in a document, skipped ${result.skipped.length}`);
  if (result.signed > 0) {
    for (const { key, distributionId } of keys.chosen) {
      context.events?.didSign.fire({ what: 'url', publicKeyId: key.publicKeyId, distributionId, host: undefined, trusted: key.candidate.keyGroupNames.length > 0 });
    }
  }
  // Told to a person only: the unattended Ui's notifications go nowhere.
  void report(context, result.signed, result.skipped);
  return { signed: result.signed, skipped: result.skipped.length, skippedUrls: result.skipped };
}

/** The URL relative segment URIs are resolved against; without a person, none (relative URIs are skipped). */
async function askBaseUrl(context: SigningContext): Promise<string | undefined> {
  const typed = await context.ui.input({
    title: vscode.l10n.t('Base URL of the playlist'),
    prompt: vscode.l10n.t('Relative segment URIs are resolved against the URL the playlist is served at'),
    validate: baseUrlProblem,
    unattended: { answer: '' },
  });
  return typed || undefined;
}

async function copyInstead(context: SigningContext): Promise<boolean> {
  return context.ui.pick({
    // Automation edits the document, as its result reports.
    unattended: { answer: false },
    title: vscode.l10n.t('Signed URLs'),
    items: [
      { label: vscode.l10n.t('Replace in the document'), description: vscode.l10n.t('one edit: Undo restores it'), value: false },
      { label: vscode.l10n.t('Copy the signed text'), description: vscode.l10n.t('the document stays as it is'), value: true },
    ],
  });
}

/**
 * One key per serving behavior, chosen once; a URL whose behavior no key can sign carries the reason.
 * `chosen`: each key chosen, with the distribution it signs for.
 */
async function keysByBehavior(
  context: SigningContext,
  urls: string[],
  keyPairId: string | undefined,
): Promise<{ byUrl: Map<string, ChosenKey | { reason: string }>; chosen: Array<{ key: ChosenKey; distributionId: string }> }> {
  const byGroup = new Map<string, ChosenKey | { reason: string }>();
  const byUrl = new Map<string, ChosenKey | { reason: string }>();
  const chosen: Array<{ key: ChosenKey; distributionId: string }> = [];
  let preferred = keyPairId;
  for (const url of urls) {
    const target = await context.finder.target(url);
    if (!target) continue;
    const group = behaviorKey(target);
    let choice = byGroup.get(group);
    if (!choice) {
      try {
        // The key picked for the first behavior is tried first for the others: one question at most.
        choice = await chooseSigningKey(context, url, target, { keyPairId: preferred, offerFixes: false });
        preferred ??= choice.publicKeyId;
      } catch (error) {
        if (keyPairId === undefined && preferred && error instanceof UserError) {
          // The first behavior's key cannot sign here: the key the choice is clear for, asking nobody.
          choice = await chooseSigningKey({ ...context, ui: unattendedUi(context.ui) }, url, target, { offerFixes: false }).catch((e: Error) => ({ reason: e.message }));
        } else {
          choice = { reason: error instanceof Error ? error.message : String(error) };
        }
      }
      byGroup.set(group, choice);
      if (!('reason' in choice)) chosen.push({ key: choice, distributionId: target.distribution.id });
    }
    byUrl.set(url, choice);
  }
  return { byUrl, chosen };
}

async function report(context: SigningContext, signed: number, skipped: SkippedUrl[]): Promise<void> {
  const details = vscode.l10n.t('Show skipped');
  const message = skipped.length ? vscode.l10n.t('Signed {0} URLs; skipped {1}.', signed, skipped.length) : vscode.l10n.t('Signed {0} URLs.', signed);
  const choice = await context.ui.notify(skipped.length ? 'warning' : 'info', message, ...(skipped.length ? [details] : []));
  if (choice === details) {
    const content = [`# ${message}`, '', ...skipped.map((s) => `- ${s.url}: ${s.reason}`)].join('\n');
    await showText(content, 'markdown');
  }
}

export const signSelectionCommand = defineAskingCommandIn(SignSelectionOptions, signSelectionWith);
