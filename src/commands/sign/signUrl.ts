// "Sign CloudFront URL": from a tree row, the editor, the clipboard or an input box, with a key the
// serving behavior trusts, into the clipboard. With `{ url, … }` it asks nothing and returns the URL.
import * as vscode from 'vscode';
import { UserError } from '../../errors';
import { signUrl } from '../../signing';
import { curlCommand } from '../../signing/output';
import { isOptionsCall } from '../runCommand';
import { chooseSigningKey, signWith } from './chooseSigningKey';
import { localizedExpiry } from './expiryWords';
import { askPolicy, localAndUtc, readPolicyArguments, type PolicyChoice } from './policyOptions';
import type { SigningContext } from './signingContext';
import { LAST_DISTRIBUTION_HOST, urlFromSources } from './urlSource';

/** Automation gets a one-hour URL when it names no expiry: long enough to use, short enough to leak little. */
const DEFAULT_EXPIRY_SECONDS = 3600;

export interface SignUrlArguments {
  url: string;
  keyPairId?: string;
  expires?: string | number;
  activeFrom?: string | number;
  ipRange?: string;
  resource?: string;
  hashAlgorithm?: 'SHA1' | 'SHA256';
  copy?: boolean;
}

function readUrlArgument(args: Record<string, unknown>): string {
  if (typeof args.url !== 'string' || !args.url.trim()) {
    throw new UserError(vscode.l10n.t('url is required: pass the URL the viewer will request.'), 'url');
  }
  if (!URL.canParse(args.url.trim())) {
    throw new UserError(vscode.l10n.t('url must be an absolute URL such as https://d111111abcdef8.cloudfront.net/video.mp4.'), 'url');
  }
  return args.url.trim();
}


export async function signUrlCommand(context: SigningContext, arg?: unknown): Promise<string> {
  const options = isOptionsCall([arg]) ? (arg as Record<string, unknown>) : undefined;
  // `{ keyPairId }` alone (the key wizard's "Sign a URL now") asks for the URL, with that key preferred.
  const automation = options !== undefined && 'url' in options;
  const args = options ?? {};
  const url = automation ? readUrlArgument(args) : await urlFromSources(context.ui, arg, context.memory.get<string>(LAST_DISTRIBUTION_HOST));
  // Read and check the automation's policy before any network call, so a bad date fails fast.
  const argumentPolicy = automation ? readPolicyArguments(args, DEFAULT_EXPIRY_SECONDS) : undefined;

  const target = await context.finder.target(url);
  const key = await chooseSigningKey(context, url, target, {
    ...(typeof args.keyPairId === 'string' ? { keyPairId: args.keyPairId } : {}),
    interactive: !automation,
  });
  const policy: PolicyChoice = argumentPolicy ?? (await askPolicy(context.ui, url));
  const signed = signUrl({ url, ...signWith(key, policy), ...(policy.resource ? { resource: policy.resource } : {}) });
  // Ids and times only: never the URL's query, the policy or the signature.
  context.log.info(`[sign] signed a URL for ${target?.distribution.id ?? 'an unknown distribution'} with ${key.publicKeyId}, expires ${policy.expires.toISOString()}`);
  if (target) await context.memory.update(LAST_DISTRIBUTION_HOST, new URL(url).host);
  context.progress?.reached('urlSigned');

  if (args.copy !== false) await vscode.env.clipboard.writeText(signed);
  if (!automation) void offerNextSteps(context, signed, policy.expires);
  return signed;
}

async function offerNextSteps(context: SigningContext, signed: string, expires: Date): Promise<void> {
  const open = vscode.l10n.t('Open');
  const curl = vscode.l10n.t('Copy as curl');
  const diagnose = vscode.l10n.t('Diagnose');
  const words = localizedExpiry(Math.floor(expires.getTime() / 1000), Math.floor(Date.now() / 1000));
  const choice = await context.ui.notify('info', vscode.l10n.t('Signed URL copied to the clipboard. It {0}, at {1}.', words, localAndUtc(expires)), open, curl, diagnose);
  if (choice === open) await vscode.env.openExternal(vscode.Uri.parse(signed, true));
  else if (choice === curl) await vscode.env.clipboard.writeText(curlCommand(signed));
  else if (choice === diagnose) await vscode.commands.executeCommand('cloudfront.diagnoseUrl', signed);
}
