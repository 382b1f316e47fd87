// "Create Signed Cookies": a custom policy for a wildcard resource, as Set-Cookie headers, a curl
// command, or JSON, copied. For Set-Cookie, the cookie Domain, the Resource's host and the host viewers
// request are one choice, so that the browser sends the cookies where the Resource matches; a parent
// domain of an alias is offered too (the cookies then reach every subdomain of it). Set-Cookie lines
// carry Path (where the Resource can match), Expires and Max-Age (the policy's expiry) and SameSite,
// so a server can send them as they are.
import * as v from 'valibot';
import * as vscode from 'vscode';
import type { DistributionSummary } from '../../aws/cloudFrontService';
import { UserError } from '../../errors';
import { signCookiesWithSigner } from '../../signing';
import { checkCookieScope, cookiePathFor, formatCookies, parentCookieDomains, resourceHost, resourceOnHost, SAME_SITE_VALUES, type CookieFormat, type SameSite } from '../../signing/output';
import { defineAskingCommandIn, optionalFlag, optionalText, optionsObject, positionalText, requiredText, type Call } from '../options';
import { chooseSigningKey, signWith } from './chooseSigningKey';
import { localAndUtc, policyEntries, policyFrom, resourceProblem } from './policyOptions';
import { requireSigningKey } from './noSigningKey';
import type { SigningContext } from './signingContext';
import { confirmUnknownHost } from './unknownHost';

const FORMATS = ['json', 'set-cookie', 'curl'] as const satisfies readonly CookieFormat[];

/** A URL under the resource to look up the distribution and behavior with: the pattern up to its first wildcard. */
function probeUrl(resource: string): string {
  return resource.replace(/[*?].*$/, '') || resource;
}

export const SignCookiesOptions = optionsObject({
  ...policyEntries,
  // The policy's resource, which cookies cannot do without.
  resource: v.pipe(
    requiredText('resource', () => vscode.l10n.t('resource is required: pass a URL pattern such as https://media.example.com/paid/*.')),
    v.check(
      (value) => !resourceProblem(value),
      (issue) => resourceProblem(issue.input) ?? '',
    ),
  ),
  keyPairId: optionalText('keyPairId'),
  format: v.optional(
    v.picklist(FORMATS, () => vscode.l10n.t('format must be one of {0}.', FORMATS.join(', '))),
    'json',
  ),
  domain: optionalText('domain'),
  /** SameSite of the Set-Cookie lines: Lax (default), Strict or None. */
  sameSite: v.optional(v.picklist(SAME_SITE_VALUES, () => vscode.l10n.t('sameSite must be one of {0}.', SAME_SITE_VALUES.join(', ')))),
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
  // Nothing in this window can sign anything: say so (with the fixes) before asking for a resource.
  if (!context.keyStore.list().some((key) => key.publicKeyId)) await requireSigningKey(context, undefined, undefined);
  return context.ui.input({
    title: vscode.l10n.t('Create Signed Cookies: resource'),
    prompt: vscode.l10n.t('The URLs the cookies open; * matches any characters'),
    placeholder: 'https://media.example.com/paid/*',
    validate: resourceProblem,
    unattended: { missing: 'resource' },
  });
}

/** Asks through `context.ui` only for what the call's answers lack: automation's options give all of it. */
async function signCookiesWith(context: SigningContext, call: Call<v.InferOutput<typeof SignCookiesOptions>>): Promise<Record<string, string> | string> {
  const { answers } = call;
  const typed = answers.resource ?? (await askResource(context, call.context));
  const probe = probeUrl(typed);
  const target = await context.finder.target(probe).catch(() => undefined);
  await confirmUnknownHost(context, probe, target);
  const key = await chooseSigningKey(context, probe, target, { keyPairId: answers.keyPairId });
  const policy = await policyFrom(context.ui, typed, answers, { customOnly: false, cookies: true });
  let resource = policy.resource ?? typed;

  const format: CookieFormat = answers.format ?? (await askFormat(context));
  let domain: string | undefined;
  // Cookies for a Domain the Resource's host is not in would reach only hosts it never matches.
  if (answers.domain !== undefined) domain = checkCookieScope(resource, answers.domain);
  else if (format === 'set-cookie' && target) ({ domain, resource } = await askDomain(context, target.distribution, resource));
  const sameSite: SameSite = answers.sameSite ?? (format === 'set-cookie' ? await askSameSite(context) : 'Lax');
  const cookies = await signCookiesWithSigner({ resource, ...signWith(key, policy) });
  context.log.info(`[sign] created signed cookies for ${target?.distribution.id ?? 'an unknown distribution'} with ${key.publicKeyId}, expires ${policy.expires.toISOString()}`);
  context.events?.didSign.fire({ what: 'cookies', publicKeyId: key.publicKeyId, distributionId: target?.distribution.id, host: undefined, trusted: key.candidate.keyGroupNames.length > 0 });

  // The URL a viewer requests with them (curl): under the Resource, on the host it names.
  const path = cookiePathFor(resource);
  const text = formatCookies(cookies, format, { url: probeUrl(resource), path, expires: policy.expires, sameSite, ...(domain ? { domain } : {}) });
  if (answers.copy !== false) await context.ui.writeClipboard(format === 'json' ? JSON.stringify(cookies, null, 2) : text);
  // Told to a person only: the unattended Ui's notifications go nowhere.
  void context.ui.notify('info', `${copiedMessage(format, domain)} ${whatCloudFrontReads(cookies, resource, path, policy.expires)}`);
  return format === 'json' ? cookies : text;
}

/** The form the cookies are copied in (JSON unless the person chooses). */
function askFormat(context: SigningContext): Promise<CookieFormat> {
  return context.ui.pick<CookieFormat>({
    title: vscode.l10n.t('Copy the signed cookies as'),
    items: [
      { label: 'Set-Cookie', description: vscode.l10n.t('headers for your server to send'), value: 'set-cookie' },
      { label: 'curl', description: vscode.l10n.t('a command that requests a URL with them'), value: 'curl' },
      { label: 'JSON', description: vscode.l10n.t('name to value'), value: 'json' },
    ],
    unattended: { answer: 'json' },
  });
}

/** Which cookie names CloudFront reads, on which requests, and until when: what a server must send. */
function whatCloudFrontReads(cookies: Readonly<Record<string, string>>, resource: string, path: string, expires: Date): string {
  return vscode.l10n.t(
    'CloudFront reads the cookies {0} on requests that {1} matches (Path={2}); they expire with the policy at {3}.',
    Object.keys(cookies).join(', '),
    resource,
    path,
    localAndUtc(expires),
  );
}

/** SameSite for the Set-Cookie lines: Lax unless the person needs other sites' pages to send them. */
function askSameSite(context: SigningContext): Promise<SameSite> {
  return context.ui.pick<SameSite>({
    title: vscode.l10n.t('Cookie SameSite'),
    placeholder: vscode.l10n.t('When the browser sends the cookies with requests that start on another site'),
    items: [
      { label: 'Lax', description: vscode.l10n.t('default · on links from other sites, not on their embedded requests'), value: 'Lax', picked: true },
      { label: 'Strict', description: vscode.l10n.t('only on requests that start on your own site'), value: 'Strict' },
      { label: 'None', description: vscode.l10n.t("also on other sites' embedded requests (a player on another domain) · with Secure, as these cookies are"), value: 'None' },
    ],
    unattended: { answer: 'Lax' },
  });
}

/**
 * The cookie Domain, and the Resource on the host a viewer will request: a host of the distribution
 * is all three (an alias Domain puts the Resource on the alias, where the browser sends the cookies);
 * a parent domain of an alias puts the Resource on the alias (or the typed host it covers), and the
 * cookies then reach every subdomain of it. A Resource on a host the distribution does not name is kept.
 */
async function askDomain(context: SigningContext, distribution: DistributionSummary, resource: string): Promise<{ domain?: string; resource: string }> {
  const aliases = distribution.aliases.map((host) => host.toLowerCase());
  const hosts = [...aliases, distribution.domainName.toLowerCase()];
  const typedHost = resourceHost(resource);
  const onDistribution = hosts.includes(typedHost);
  const resourceOn = (host: string) => (onDistribution ? resourceOnHost(resource, host) : resource);
  const chosenDomain = await context.ui.pick<{ domain: string; host: string } | undefined>({
    title: vscode.l10n.t('Cookie domain: the host viewers request'),
    placeholder: vscode.l10n.t('The browser sends the cookies to this host and its subdomains; the resource is put on it'),
    items: [
      ...hosts.map((host) => ({ label: host, description: vscode.l10n.t('resource {0}', resourceOn(host)), picked: host === typedHost, value: { domain: host, host } })),
      ...parentDomainChoices(aliases, hosts, typedHost).map(({ domain, host }) => ({
        label: domain,
        description: vscode.l10n.t('parent domain: the cookies reach every subdomain of {0} · resource {1}', domain, resourceOn(host)),
        value: { domain, host },
      })),
    ],
    // Without a person: no Domain attribute (the cookies go to the host that set them), the resource as typed.
    unattended: { answer: undefined },
  });
  if (!chosenDomain) return { resource };
  const { domain, host } = chosenDomain;
  const chosen = resourceOn(host);
  // Each choice puts the resource where its domain reaches; a resource kept on another host is refused by name.
  return { domain: checkCookieScope(chosen, domain), resource: chosen };
}

/**
 * Each parent domain of an alias that a cookie may name (not a public suffix), once, with the host
 * the resource goes on: the typed host when the parent covers it, else the alias.
 */
function parentDomainChoices(aliases: readonly string[], hosts: readonly string[], typedHost: string): Array<{ domain: string; host: string }> {
  const choices = new Map<string, string>();
  for (const alias of aliases) {
    for (const parent of parentCookieDomains(alias)) {
      if (hosts.includes(parent) || choices.has(parent)) continue;
      choices.set(parent, typedHost.endsWith(`.${parent}`) ? typedHost : alias);
    }
  }
  return [...choices].map(([domain, host]) => ({ domain, host }));
}

function copiedMessage(format: CookieFormat, domain: string | undefined): string {
  if (format === 'set-cookie') {
    return domain ? vscode.l10n.t('Signed cookies copied to the clipboard as Set-Cookie headers for {0}.', domain) : vscode.l10n.t('Signed cookies copied to the clipboard as Set-Cookie headers.');
  }
  return format === 'curl' ? vscode.l10n.t('Signed cookies copied to the clipboard as a curl command.') : vscode.l10n.t('Signed cookies copied to the clipboard as JSON.');
}

export const signCookiesCommand = defineAskingCommandIn(SignCookiesOptions, signCookiesWith);
