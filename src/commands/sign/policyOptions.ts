// The policy part of a sign request: expiry, start, IP range, resource, hash algorithm. Declared as
// the options schema the sign commands share (automation) or asked for (people): expiry presets or a local date and time,
// and "Custom policy…" for a wildcard resource, an IP range and a start time.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { epochUnitOf, normalizeIpRange, SigningError, type HashAlgorithm } from '../../signing';
import { EXPIRY_PRESETS, parseLocalDateTime, readDateArgument } from '../../signing/output';
import type { Ui } from '../../ui/ui';
import { optionalText } from '../options';
import { localizedDuration } from '../../ui/expiryWords';

export interface PolicyChoice {
  expires: Date;
  activeFrom?: Date;
  ipRange?: string;
  resource?: string;
  hashAlgorithm?: HashAlgorithm;
}

/** What every sign command signs for when automation names no expiry: long enough to use, short enough to leak little. */
export const DEFAULT_EXPIRY_SECONDS = 3600;

/** A date option: ISO 8601 text or epoch seconds, refused by name when it is null, in a finer unit than seconds, or no date. */
function dateOption(name: 'expires' | 'activeFrom') {
  return v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      if (name === 'activeFrom' && dataset.value === null) {
        addIssue({ message: vscode.l10n.t('activeFrom is null: pass an ISO 8601 date or epoch seconds for when the URL starts working, or leave activeFrom out to make it work at once.') });
        return NEVER;
      }
      const value = readDateArgument(dataset.value);
      if (typeof value === 'number' && value > 1e11) {
        const { unit, perSecond } = epochUnitOf(value);
        if (unit === 'milliseconds') addIssue({ message: vscode.l10n.t('{0} looks like milliseconds ({1}): pass epoch seconds or an ISO 8601 date.', name, String(value)) });
        else {
          // Finer units: name the unit and the value in seconds, so nobody passes milliseconds next.
          const words = unit === 'microseconds' ? vscode.l10n.t('microseconds') : vscode.l10n.t('nanoseconds');
          addIssue({ message: vscode.l10n.t('{0} looks like {1} ({2}): pass epoch seconds ({3}) or an ISO 8601 date.', name, words, String(value), String(Math.floor(value / perSecond))) });
        }
        return NEVER;
      }
      const date = value instanceof Date ? value : new Date((value ?? NaN) * 1000);
      if (Number.isNaN(date.getTime())) {
        addIssue({ message: vscode.l10n.t('{0} is not a date: pass an ISO 8601 string (2026-12-31T23:59:00Z) or epoch seconds.', name) });
        return NEVER;
      }
      return date;
    }),
  );
}

/**
 * The policy options every sign command takes. `expires` defaults to an hour from now (the one rule
 * of URL, selection and cookies) and is refused when past: a URL signed with it would be refused at once.
 */
export const policyEntries = {
  expires: v.optional(
    v.pipe(
      dateOption('expires'),
      v.check(
        (date) => date.getTime() > Date.now(),
        (issue) => vscode.l10n.t('expires ({0}) is in the past: a URL signed with it would be refused at once. Pass a later date.', issue.input.toISOString()),
      ),
    ),
    () => new Date(Date.now() + DEFAULT_EXPIRY_SECONDS * 1000),
  ),
  activeFrom: v.optional(dateOption('activeFrom')),
  ipRange: v.optional(
    v.string((issue) =>
      vscode.l10n.t(
        'ipRange must be a string with an IPv4 address or CIDR range, like 192.0.2.10 or 192.0.2.0/24; got {0}. Leave ipRange out to admit any address.',
        issue.input === null ? 'null' : typeof issue.input,
      ),
    ),
  ),
  resource: optionalText('resource'),
  hashAlgorithm: v.optional(v.picklist(['SHA1', 'SHA256'], () => vscode.l10n.t('hashAlgorithm must be "SHA1" or "SHA256".'))),
};

type PolicyOptions = v.InferOutput<v.ObjectSchema<typeof policyEntries, undefined>>;

/** The policy that checked options ask for. */
export function policyOf(options: PolicyOptions): PolicyChoice {
  return {
    expires: options.expires,
    ...(options.activeFrom ? { activeFrom: options.activeFrom } : {}),
    ...(options.ipRange ? { ipRange: options.ipRange } : {}),
    ...(options.resource ? { resource: options.resource } : {}),
    ...(options.hashAlgorithm ? { hashAlgorithm: options.hashAlgorithm } : {}),
  };
}

/** "2026-11-25 15:00 (14:00 UTC)": local time first, as people read it, with UTC beside it. */
export function localAndUtc(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return vscode.l10n.t('{0} local ({1} UTC)', local, date.toISOString().slice(0, 16).replace('T', ' '));
}

/** The typed local date and time with its UTC value, as the user types it. */
function describeLocalDate(text: string): string | undefined {
  const date = parseLocalDateTime(text);
  return date ? localAndUtc(date) : undefined;
}

function validateLocalDate(text: string, now: Date, mustBeFuture: boolean): string | undefined {
  const date = parseLocalDateTime(text);
  if (!date) return vscode.l10n.t('Type a local date and time as YYYY-MM-DD HH:MM');
  if (mustBeFuture && date.getTime() <= now.getTime()) return vscode.l10n.t('{0} is in the past', localAndUtc(date));
  return undefined;
}

async function askLocalDate(ui: Ui, title: string, prompt: string, mustBeFuture: boolean): Promise<Date> {
  const now = new Date();
  const text = await ui.input({
    title,
    prompt,
    placeholder: 'YYYY-MM-DD HH:MM',
    validate: (value) => validateLocalDate(value, now, mustBeFuture),
    describe: describeLocalDate,
  });
  return parseLocalDateTime(text)!;
}

type ExpiryAnswer = { kind: 'seconds'; seconds: number } | { kind: 'date' } | { kind: 'custom' };

/**
 * Asks for the expiry (and, through "Custom policy…", resource, IP range and start). `url` is what
 * will be signed; `customOnly` asks for the custom parts directly (cookies always need a resource).
 */
export async function askPolicy(ui: Ui, url: string, options: { customOnly?: boolean; cookies?: boolean } = {}): Promise<PolicyChoice> {
  const custom: Omit<PolicyChoice, 'expires'> = {};
  const cookies = options.cookies ?? false;
  let askCustom = options.customOnly ?? false;
  for (;;) {
    if (askCustom) {
      Object.assign(custom, await askCustomParts(ui, url, cookies));
      askCustom = false;
    }
    const answer = await ui.pick<ExpiryAnswer>({
      title: cookies ? vscode.l10n.t('Signed cookies expire in') : vscode.l10n.t('Signed URL expires in'),
      // Cookies carry a policy for their resource, which a canned policy cannot name a pattern in.
      placeholder: cookies
        ? vscode.l10n.t('Choose when the cookies expire')
        : custom.resource || custom.ipRange || custom.activeFrom
          ? vscode.l10n.t('Custom policy: choose when it expires')
          : vscode.l10n.t('Canned policy: choose when it expires'),
      items: [
        ...EXPIRY_PRESETS.map((preset) => ({
          label: localizedDuration(preset.seconds),
          description: localAndUtc(new Date(Date.now() + preset.seconds * 1000)),
          value: { kind: 'seconds' as const, seconds: preset.seconds },
          picked: preset.seconds === 3600,
        })),
        { label: vscode.l10n.t('Date and time…'), description: vscode.l10n.t('in your local time'), value: { kind: 'date' as const } },
        ...(options.customOnly
          ? []
          : [
              {
                label: vscode.l10n.t('Custom policy…'),
                // Cookies already have their (wildcard) resource: it was the first question.
                description: cookies ? vscode.l10n.t('IP range, start time') : vscode.l10n.t('wildcard resource, IP range, start time'),
                value: { kind: 'custom' as const },
              },
            ]),
      ],
    });
    if (answer.kind === 'custom') {
      askCustom = true;
      continue;
    }
    const expires =
      answer.kind === 'seconds'
        ? new Date(Date.now() + answer.seconds * 1000)
        : await askLocalDate(
            ui,
            vscode.l10n.t('Expires at'),
            cookies ? vscode.l10n.t('Local date and time when the cookies stop working') : vscode.l10n.t('Local date and time when the URL stops working'),
            true,
          );
    return { expires, ...custom };
  }
}

/** Characters that would break out of the policy's JSON string: the signing core refuses them too. */
function hasUnsafeCharacter(value: string): boolean {
  return [...value].some((char) => char === '"' || char === '\\' || char.charCodeAt(0) < 0x20);
}

/** The custom parts: the resource (not for cookies, whose resource was typed first), IP range and start. */
async function askCustomParts(ui: Ui, url: string, cookies: boolean): Promise<Omit<PolicyChoice, 'expires'>> {
  const resource = cookies
    ? url
    : await ui.input({
        title: vscode.l10n.t('Custom policy: resource'),
        prompt: vscode.l10n.t('The URLs the signature covers; * matches any characters, ? one character'),
        value: url,
        validate: (value) => (hasUnsafeCharacter(value) ? vscode.l10n.t('The resource may not contain quotes, backslashes or control characters') : undefined),
      });
  const ipRange = await ui.input({
    title: vscode.l10n.t('Custom policy: viewer IP range (optional)'),
    prompt: vscode.l10n.t('An IPv4 address or CIDR range the viewer must come from; empty for any'),
    validate: (value) => {
      if (!value.trim()) return undefined;
      try {
        normalizeIpRange(value.trim());
        return undefined;
      } catch (error) {
        return error instanceof SigningError ? error.message : String(error);
      }
    },
  });
  const start = await ui.input({
    title: vscode.l10n.t('Custom policy: valid from (optional)'),
    prompt: cookies
      ? vscode.l10n.t('Local date and time from which the cookies work (YYYY-MM-DD HH:MM); empty for now')
      : vscode.l10n.t('Local date and time from which the URL works (YYYY-MM-DD HH:MM); empty for now'),
    validate: (value) => (value.trim() ? validateLocalDate(value, new Date(), false) : undefined),
    describe: describeLocalDate,
  });
  return {
    ...(resource && resource !== url ? { resource } : {}),
    ...(ipRange.trim() ? { ipRange: ipRange.trim() } : {}),
    ...(start.trim() ? { activeFrom: parseLocalDateTime(start)! } : {}),
  };
}
