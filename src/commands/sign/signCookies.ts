// "Create Signed Cookies": a custom policy for a wildcard resource, as Set-Cookie headers (Domain
// from the distribution's alternate domain names), a curl command, or JSON, copied.
import * as vscode from 'vscode';
import { UserError } from '../../errors';
import { signCookies } from '../../signing';
import { checkCookieDomain, formatCookies, type CookieFormat } from '../../signing/output';
import { isOptionsCall } from '../runCommand';
import { chooseSigningKey, signWith } from './chooseSigningKey';
import { askPolicy, readPolicyArguments, type PolicyChoice } from './policyOptions';
import type { SigningContext } from './signingContext';

const FORMATS: readonly CookieFormat[] = ['json', 'set-cookie', 'curl'];

/** A URL under the resource to look up the distribution and behavior with: the pattern up to its first wildcard. */
function probeUrl(resource: string): string {
  return resource.replace(/[*?].*$/, '') || resource;
}

const resourceProblem = (value: string): string | undefined =>
  /^https?:\/\/[^/\s"]+\/\S*$/.test(value) ? undefined : vscode.l10n.t('Type a URL pattern such as https://media.example.com/paid/*');

export async function signCookiesCommand(context: SigningContext, arg?: unknown): Promise<Record<string, string> | string> {
  const automation = isOptionsCall([arg]);
  const args = automation ? (arg as Record<string, unknown>) : {};
  let resource: string;
  if (automation) {
    if (typeof args.resource !== 'string' || !args.resource) throw new UserError(vscode.l10n.t('resource is required: pass a URL pattern such as https://media.example.com/paid/*.'), 'resource');
    resource = args.resource;
  } else if (typeof arg === 'string') {
    // The resource the caller passed: signed interactively, without asking for it again.
    const problem = resourceProblem(arg.trim());
    if (problem) throw new UserError(problem, 'resource');
    resource = arg.trim();
  } else {
    resource = await context.ui.input({
      title: vscode.l10n.t('Create Signed Cookies: resource'),
      prompt: vscode.l10n.t('The URLs the cookies open; * matches any characters'),
      placeholder: 'https://media.example.com/paid/*',
      validate: resourceProblem,
    });
  }
  const format = (args.format ?? 'json') as CookieFormat;
  if (!FORMATS.includes(format)) throw new UserError(vscode.l10n.t('format must be one of {0}.', FORMATS.join(', ')), 'format');
  const policyFromArgs: PolicyChoice | undefined = automation ? readPolicyArguments(args) : undefined;

  const probe = probeUrl(resource);
  const target = await context.finder.target(probe).catch(() => undefined);
  const key = await chooseSigningKey(context, probe, target, { ...(typeof args.keyPairId === 'string' ? { keyPairId: args.keyPairId } : {}), interactive: !automation });
  const policy = policyFromArgs ?? (await askPolicy(context.ui, resource, { customOnly: false }));
  const cookies = signCookies({ resource: policy.resource ?? resource, ...signWith(key, policy) });
  context.log.info(`[sign] created signed cookies for ${target?.distribution.id ?? 'an unknown distribution'} with ${key.publicKeyId}, expires ${policy.expires.toISOString()}`);

  let chosenFormat = format;
  let domain = typeof args.domain === 'string' ? checkCookieDomain(args.domain) : undefined;
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
  if (args.copy !== false) await vscode.env.clipboard.writeText(chosenFormat === 'json' ? JSON.stringify(cookies, null, 2) : text);
  if (!automation) void context.ui.notify('info', vscode.l10n.t('Signed cookies copied to the clipboard as {0}.', chosenFormat));
  return chosenFormat === 'json' ? cookies : text;
}
