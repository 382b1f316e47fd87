// "Sign CloudFront URL": from a tree row, the editor selection or an input box, with a key the
// serving behavior trusts, into the clipboard. With `{ url, … }` (SignUrlOptions) it asks nothing and
// returns the URL; with `{ interactive: true, keyPairId, distributionId?, pathPattern? }` (the key
// wizard's "Sign a URL now", SignUrlGivenAnswers) it asks as usual, that key taken, the URL box
// started on that behavior's path. When no key in this window can sign for the behavior, it says so (with the fixes)
// before asking anything else.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { signUrlWithSigner } from '../../signing';
import { curlCommand } from '../../signing/output';
import { defineAskingCommandIn, optionalFlag, optionalText, optionsObject, requiredText, type Call } from '../options';
import { chooseSigningKey, signWith } from './chooseSigningKey';
import { localizedExpiry } from '../../ui/expiryWords';
import { openExternal } from '../../ui/workbench';
import { localAndUtc, policyEntries, policyFrom } from './policyOptions';
import { requireSigningKey, type SigningTarget } from './noSigningKey';
import { LAST_DISTRIBUTION_HOST, type SigningContext } from './signingContext';
import { confirmUnknownHost } from './unknownHost';
import { askPath, urlFromSources, urlProblem } from './urlSource';
import { BehaviorNode } from '../../tree/behaviorNode';

const signUrlEntries = {
  url: v.pipe(
    requiredText('url', () => vscode.l10n.t('url is required: pass the URL the viewer will request.')),
    v.check(
      (text) => !urlProblem(text),
      (issue) => urlProblem(issue.input) ?? '',
    ),
  ),
  keyPairId: optionalText('keyPairId'),
  ...policyEntries,
  copy: optionalFlag('copy'),
};

/** Automation's options: the URL and how to sign it. */
export const SignUrlOptions = optionsObject(signUrlEntries);

/**
 * What a person's call may bring in advance (`{ interactive: true, … }`): any of the options, each
 * checked by its rule, and (the key wizard's "Sign a URL now") the behavior whose path starts the URL box.
 */
export const SignUrlGivenAnswers = v.partial(
  optionsObject({
    ...signUrlEntries,
    distributionId: optionalText('distributionId'),
    pathPattern: optionalText('pathPattern'),
  }),
);

type SignUrlCall = Call<v.InferOutput<typeof SignUrlOptions>, v.InferOutput<typeof SignUrlGivenAnswers>>;

/** The distribution and behavior a row or "Sign a URL now" names, known before any question. */
async function targetBeforeAsking(context: SigningContext, row: unknown, given: SignUrlCall['answers']): Promise<(SigningTarget & { pathPattern: string | undefined }) | undefined> {
  if (row instanceof BehaviorNode) return { distribution: row.distribution, behavior: row.behavior, pathPattern: row.behavior.pathPattern };
  if (given.distributionId === undefined) return undefined;
  const distribution = await (await context.source.cloudFront()).getDistribution(given.distributionId);
  const pathPattern = given.pathPattern !== undefined && given.pathPattern !== '*' ? given.pathPattern : undefined;
  return { distribution, behavior: distribution.behaviors.find((b) => b.pathPattern === pathPattern), pathPattern };
}

/** The URL a person signs: on the behavior known before asking, else from the row, selection or box. */
async function askUrl(context: SigningContext, row: unknown, given: SignUrlCall['answers']): Promise<string> {
  const known = await targetBeforeAsking(context, row, given);
  if (known) {
    // Say there is no key before asking for the path, not after.
    await requireSigningKey(context, undefined, known);
    return askPath(context.ui, known.distribution, known.pathPattern);
  }
  // No row, and nothing in this window can sign anything: say so before asking for a URL.
  if (row === undefined && !context.keyStore.list().some((key) => key.publicKeyId)) await requireSigningKey(context, undefined, undefined);
  return urlFromSources(context.ui, row, context.memory.get<string>(LAST_DISTRIBUTION_HOST));
}

/** Asks through `context.ui` only for what the call's answers lack: automation's options give all of it. */
async function signUrlWith(context: SigningContext, call: SignUrlCall): Promise<string> {
  const { answers } = call;
  const url = answers.url ?? (await askUrl(context, call.context, answers));
  const target = await context.finder.target(url);
  await confirmUnknownHost(context, url, target);
  const key = await chooseSigningKey(context, url, target, { keyPairId: answers.keyPairId });
  const policy = await policyFrom(context.ui, url, answers);
  const signed = await signUrlWithSigner({ url, ...signWith(key, policy), ...(policy.resource ? { resource: policy.resource } : {}) });
  // Ids and times only: never the URL's query, the policy or the signature.
  context.log.info(`[sign] signed a URL for ${target?.distribution.id ?? 'an unknown distribution'} with ${key.publicKeyId}, expires ${policy.expires.toISOString()}`);
  context.events?.didSign.fire({
    what: 'url',
    publicKeyId: key.publicKeyId,
    distributionId: target?.distribution.id,
    host: target ? new URL(url).host : undefined,
    trusted: key.candidate.keyGroupNames.length > 0,
  });

  if (answers.copy !== false) await context.ui.writeClipboard(signed);
  // Told to a person only: the unattended Ui's notifications go nowhere.
  void offerNextSteps(context, signed, policy.expires);
  return signed;
}

async function offerNextSteps(context: SigningContext, signed: string, expires: Date): Promise<void> {
  const open = vscode.l10n.t('Open');
  const curl = vscode.l10n.t('Copy as curl');
  const diagnose = vscode.l10n.t('Diagnose');
  const words = localizedExpiry(Math.floor(expires.getTime() / 1000), Math.floor(Date.now() / 1000));
  const choice = await context.ui.notify('info', vscode.l10n.t('Signed URL copied to the clipboard. It {0}, at {1}.', words, localAndUtc(expires)), open, curl, diagnose);
  if (choice === open) await openExternal(vscode.Uri.parse(signed, true));
  else if (choice === curl) await context.ui.writeClipboard(curlCommand(signed));
  else if (choice === diagnose) await vscode.commands.executeCommand('cloudfront.diagnoseUrl', signed);
}

export const signUrlCommand = defineAskingCommandIn(SignUrlOptions, signUrlWith, SignUrlGivenAnswers);
