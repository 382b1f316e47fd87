// "Create Signed Cookies": a custom policy for a wildcard resource, as Set-Cookie headers (Domain
// from the distribution's alternate domain names), a curl command, or JSON, copied.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { UserError } from '../../errors';
import { signCookies } from '../../signing';
import { checkCookieDomain, formatCookies, type CookieFormat } from '../../signing/output';
import { defineCommandIn, optionalFlag, optionalText, optionsObject, positionalText, requiredText, type Call } from '../options';
import { chooseSigningKey, signWith } from './chooseSigningKey';
import { askPolicy, policyEntries, policyOf } from './policyOptions';
import type { SigningContext } from './signingContext';

const FORMATS = ['json', 'set-cookie', 'curl'] as const satisfies readonly CookieFormat[];

/** A URL under the resource to look up the distribution and behavior with: the pattern up to its first wildcard. */
function probeUrl(resource: string): string {
  return resource.replace(/[*?].*$/, '') || resource;
}

const resourceProblem = (value: string): string | undefined =>
  /^https?:\/\/[^/\s"]+\/\S*$/.test(value) ? undefined : vscode.l10n.t('Type a URL pattern such as https://media.example.com/paid/*');

export const SignCookiesOptions = optionsObject({
  ...policyEntries,
  // The policy's resource, which cookies cannot do without.
  resource: requiredText('resource', () => vscode.l10n.t('resource is required: pass a URL pattern such as https://media.example.com/paid/*.')),
  keyPairId: optionalText('keyPairId'),
  format: v.optional(v.picklist(FORMATS, () => vscode.l10n.t('format must be one of {0}.', FORMATS.join(', '))), 'json'),
  domain: optionalText('domain'),
  copy: optionalFlag('copy'),
});



/** The resource of a person's call: the one it was called with (not asked again), or typed. */
async function askResource(context: SigningContext, given: unknown): Promise<string> {
  const positional = positionalText(given);
  if (positional !== undefined) {
    const problem = resourceProblem(positional);
    if (problem) throw new UserError(problem, 'resource');
    return positional;
  }
  return context.ui.input({
    title: vscode.l10n.t('Create Signed Cookies: resource'),
    prompt: vscode.l10n.t('The URLs the cookies open; * matches any characters'),
    placeholder: 'https://media.example.com/paid/*',
    validate: resourceProblem,
  });
}

async function signCookiesWith(context: SigningContext, call: Call<v.InferOutput<typeof SignCookiesOptions>>): Promise<Record<string, string> | string> {
  const automation = call.kind === 'automation' ? call.options : undefined;
  const resource = automation?.resource ?? (await askResource(context, call.kind === 'interactive' ? call.context : undefined));
  const probe = probeUrl(resource);
  const target = await context.finder.target(probe).catch(() => undefined);
  const key = await chooseSigningKey(context, probe, target, { ...(automation?.keyPairId ? { keyPairId: automation.keyPairId } : {}), interactive: !automation });
  const policy = automation ? policyOf(automation) : await askPolicy(context.ui, resource, { customOnly: false });
  const cookies = signCookies({ resource: policy.resource ?? resource, ...signWith(key, policy) });
  context.log.info(`[sign] created signed cookies for ${target?.distribution.id ?? 'an unknown distribution'} with ${key.publicKeyId}, expires ${policy.expires.toISOString()}`);

  let chosenFormat = automation?.format ?? 'json';
  let domain = automation?.domain !== undefined ? checkCookieDomain(automation.domain) : undefined;
  if (!automation) {
    chosenFormat = await context.ui.pick<CookieFormat>({
      title: vscode.l10n.t('Copy the signed cookies as'),
      items: [
        { label: 'Set-Cookie', description: vscode.l10n.t('headers for your server to send'), value: 'set-cookie' },
        { label: 'curl', description: vscode.l10n.t('a command that requests a URL with them'), value: 'curl' },
        { label: 'JSON', description: vscode.l10n.t('name to value'), value: 'json' },
      ],
    });
    if (chosenFormat === 'set-cookie' && target) {
      const hosts = [...target.distribution.aliases, target.distribution.domainName];
      domain = await context.ui.pick({
        title: vscode.l10n.t('Cookie domain'),
        placeholder: vscode.l10n.t('An alternate domain name lets the cookies reach its subdomains; *.cloudfront.net cannot be used'),
        items: hosts.map((host) => ({ label: host, value: host })),
      });
    }
  }
  const text = formatCookies(cookies, chosenFormat, { url: probe, ...(domain ? { domain } : {}) });
  if (automation?.copy !== false) await context.ui.writeClipboard(chosenFormat === 'json' ? JSON.stringify(cookies, null, 2) : text);
  if (!automation) void context.ui.notify('info', vscode.l10n.t('Signed cookies copied to the clipboard as {0}.', chosenFormat));
  return chosenFormat === 'json' ? cookies : text;
}

export const signCookiesCommand = defineCommandIn(SignCookiesOptions, signCookiesWith);
