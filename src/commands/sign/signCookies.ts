// "Create Signed Cookies": a custom policy for a wildcard resource, as Set-Cookie headers, a curl
// command, or JSON, copied. For Set-Cookie, the cookie Domain, the Resource's host and the host viewers
// request are one choice, so that the browser sends the cookies where the Resource matches.
import * as v from 'valibot';
import * as vscode from 'vscode';
import type { DistributionSummary } from '../../aws/cloudFrontService';
import { CancellationError, UserError } from '../../errors';
import { signCookiesWithSigner } from '../../signing';
import { checkCookieDomain, checkCookieScope, cookieDomainCovers, formatCookies, resourceHost, resourceOnHost, type CookieFormat } from '../../signing/output';
import { defineCommandIn, optionalFlag, optionalText, optionsObject, positionalText, requiredText, type Call } from '../options';
import { chooseSigningKey, signWith } from './chooseSigningKey';
import { askPolicy, policyEntries, policyOf } from './policyOptions';
import type { SigningContext } from './signingContext';
import { confirmUnknownHost } from './unknownHost';

const FORMATS = ['json', 'set-cookie', 'curl'] as const satisfies readonly CookieFormat[];

/** A URL under the resource to look up the distribution and behavior with: the pattern up to its first wildcard. */
function probeUrl(resource: string): string {
  return resource.replace(/[*?].*$/, '') || resource;
}

const resourceProblem = (value: string): string | undefined => (/^https?:\/\/[^/\s"]+\/\S*$/.test(value) ? undefined : vscode.l10n.t('Type a URL pattern such as https://media.example.com/paid/*'));

export const SignCookiesOptions = optionsObject({
  ...policyEntries,
  // The policy's resource, which cookies cannot do without.
  resource: requiredText('resource', () => vscode.l10n.t('resource is required: pass a URL pattern such as https://media.example.com/paid/*.')),
  keyPairId: optionalText('keyPairId'),
  format: v.optional(
    v.picklist(FORMATS, () => vscode.l10n.t('format must be one of {0}.', FORMATS.join(', '))),
    'json',
  ),
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
  const typed = automation?.resource ?? (await askResource(context, call.kind === 'interactive' ? call.context : undefined));
  const probe = probeUrl(typed);
  const target = await context.finder.target(probe).catch(() => undefined);
  if (!automation) await confirmUnknownHost(context, probe, target);
  const key = await chooseSigningKey(context, probe, target, { ...(automation?.keyPairId ? { keyPairId: automation.keyPairId } : {}), interactive: !automation });
  const policy = automation ? policyOf(automation) : await askPolicy(context.ui, typed, { customOnly: false, cookies: true });
  let resource = policy.resource ?? typed;

  let format: CookieFormat = automation?.format ?? 'json';
  let domain: string | undefined;
  if (automation) {
    // Cookies for a Domain the Resource's host is not in would reach only hosts it never matches.
    if (automation.domain !== undefined) domain = checkCookieScope(resource, automation.domain);
  } else {
    format = await context.ui.pick<CookieFormat>({
      title: vscode.l10n.t('Copy the signed cookies as'),
      items: [
        { label: 'Set-Cookie', description: vscode.l10n.t('headers for your server to send'), value: 'set-cookie' },
        { label: 'curl', description: vscode.l10n.t('a command that requests a URL with them'), value: 'curl' },
        { label: 'JSON', description: vscode.l10n.t('name to value'), value: 'json' },
      ],
    });
    if (format === 'set-cookie' && target) ({ domain, resource } = await askDomain(context, target.distribution, resource));
  }
  const cookies = await signCookiesWithSigner({ resource, ...signWith(key, policy) });
  context.log.info(`[sign] created signed cookies for ${target?.distribution.id ?? 'an unknown distribution'} with ${key.publicKeyId}, expires ${policy.expires.toISOString()}`);
  context.events?.didSign.fire({ what: 'cookies', publicKeyId: key.publicKeyId, distributionId: target?.distribution.id, host: undefined, trusted: key.candidate.keyGroupNames.length > 0 });

  // The URL a viewer requests with them (curl): under the Resource, on the host it names.
  const text = formatCookies(cookies, format, { url: probeUrl(resource), ...(domain ? { domain } : {}) });
  if (automation?.copy !== false) await context.ui.writeClipboard(format === 'json' ? JSON.stringify(cookies, null, 2) : text);
  if (!automation) void context.ui.notify('info', copiedMessage(format, domain));
  return format === 'json' ? cookies : text;
}

/**
 * The cookie Domain, and the Resource on the host a viewer will request: the host picked is all three
 * (an alias Domain puts the Resource on the alias, where the browser sends the cookies). A Resource on
 * a host the distribution does not name (a wildcard host) is kept; when the browser could never send
 * the cookies where it matches, the person is warned before signing.
 */
async function askDomain(context: SigningContext, distribution: DistributionSummary, resource: string): Promise<{ domain: string; resource: string }> {
  const hosts = [...distribution.aliases, distribution.domainName].map((host) => host.toLowerCase());
  const typedHost = resourceHost(resource);
  const onDistribution = hosts.includes(typedHost);
  const domain = await context.ui.pick({
    title: vscode.l10n.t('Cookie domain: the host viewers request'),
    placeholder: vscode.l10n.t('The browser sends the cookies to this host and its subdomains; the resource is put on it'),
    items: hosts.map((host) => ({
      label: host,
      description: vscode.l10n.t('resource {0}', onDistribution ? resourceOnHost(resource, host) : resource),
      picked: host === typedHost,
      value: host,
    })),
  });
  const chosen = onDistribution ? resourceOnHost(resource, domain) : resource;
  if (!cookieDomainCovers(chosen, domain)) {
    const signAnyway = vscode.l10n.t('Sign Anyway');
    const accepted = await context.ui.confirm(
      vscode.l10n.t('The cookies for {0} would never reach {1}.', domain, typedHost),
      vscode.l10n.t('Browsers send cookies with the domain {0} only to {0} and its subdomains, where the resource {1} never matches: CloudFront would refuse every request.', domain, chosen),
      signAnyway,
    );
    if (!accepted) throw new CancellationError();
  }
  return { domain: checkCookieDomain(domain), resource: chosen };
}

function copiedMessage(format: CookieFormat, domain: string | undefined): string {
  if (format === 'set-cookie') {
    return domain ? vscode.l10n.t('Signed cookies copied to the clipboard as Set-Cookie headers for {0}.', domain) : vscode.l10n.t('Signed cookies copied to the clipboard as Set-Cookie headers.');
  }
  return format === 'curl' ? vscode.l10n.t('Signed cookies copied to the clipboard as a curl command.') : vscode.l10n.t('Signed cookies copied to the clipboard as JSON.');
}

export const signCookiesCommand = defineCommandIn(SignCookiesOptions, signCookiesWith);
