// "Sign CloudFront URL": from a tree row, the editor selection or an input box, with a key the
// serving behavior trusts, into the clipboard. With `{ url, … }` (SignUrlOptions) it asks nothing and
// returns the URL; with `{ interactive: true, keyPairId }` it asks as usual, that key preferred.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { signUrlWithSigner } from '../../signing';
import { curlCommand } from '../../signing/output';
import { answersOf, defineCommandIn, optionalFlag, optionalText, optionsObject, requiredText, type Call } from '../options';
import { chooseSigningKey, signWith } from './chooseSigningKey';
import { localizedExpiry } from '../../ui/expiryWords';
import { openExternal } from '../../ui/workbench';
import { askPolicy, localAndUtc, policyEntries, policyOf, type PolicyChoice } from './policyOptions';
import { LAST_DISTRIBUTION_HOST, type SigningContext } from './signingContext';
import { confirmUnknownHost } from './unknownHost';
import { urlFromSources } from './urlSource';

export const SignUrlOptions = optionsObject({
  url: v.pipe(
    requiredText('url', () => vscode.l10n.t('url is required: pass the URL the viewer will request.')),
    v.check(
      (text) => URL.canParse(text),
      () => vscode.l10n.t('url must be an absolute URL such as https://d111111abcdef8.cloudfront.net/video.mp4.'),
    ),
  ),
  keyPairId: optionalText('keyPairId'),
  ...policyEntries,
  copy: optionalFlag('copy'),
});

async function signUrlWith(context: SigningContext, call: Call<v.InferOutput<typeof SignUrlOptions>>): Promise<string> {
  const automation = call.kind === 'automation' ? call.options : undefined;
  const answers = answersOf(call);
  const url = answers.url ?? (await urlFromSources(context.ui, call.kind === 'interactive' ? call.context : undefined, context.memory.get<string>(LAST_DISTRIBUTION_HOST)));
  // Given in advance too (the key wizard's "Sign a URL now"): that key preferred.
  const keyPairId = answers.keyPairId;

  const target = await context.finder.target(url);
  if (!automation) await confirmUnknownHost(context, url, target);
  const key = await chooseSigningKey(context, url, target, { ...(keyPairId ? { keyPairId } : {}), interactive: !automation });
  const policy: PolicyChoice = automation ? policyOf(automation) : await askPolicy(context.ui, url);
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

  if (automation?.copy !== false) await context.ui.writeClipboard(signed);
  if (!automation) void offerNextSteps(context, signed, policy.expires);
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

export const signUrlCommand = defineCommandIn(SignUrlOptions, signUrlWith);
