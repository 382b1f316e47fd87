// The policy part of a sign request: expiry, start, IP range, resource, hash algorithm. Declared as
// the options schema the sign commands share (automation) or asked for (people): expiry presets or a local date and time,
// and "Custom policy…" for a wildcard resource, an IP range and a start time.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { epochUnitOf, normalizeIpRange, normalizeResource, SigningError, type HashAlgorithm } from '../../signing';
import { EXPIRY_PRESETS, parseLocalDateTime, readDateArgument } from '../../signing/output';
import type { Ui } from '../../ui/ui';
import { UserError } from '../../errors';
import { mustBeString } from '../options';
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

type DateReading = { readonly date: Date } | { readonly problem: string };

/**
 * The one date reader of the sign commands, for options and typed answers alike: a local date and
 * time (YYYY-MM-DD HH:MM, as the boxes ask), ISO 8601 text or epoch seconds. Refused by name when
 * null (activeFrom), in a finer unit than seconds, no date, or (expires) not after `now`: a URL
 * signed with it would be refused at once.
 */
export function readDate(value: unknown, name: 'expires' | 'activeFrom', now = new Date()): DateReading {
  if (name === 'activeFrom' && value === null) {
    return { problem: vscode.l10n.t('activeFrom is null: pass an ISO 8601 date or epoch seconds for when the URL starts working, or leave activeFrom out to make it work at once.') };
  }
  const read = (typeof value === 'string' ? parseLocalDateTime(value) : undefined) ?? readDateArgument(value);
  if (typeof read === 'number' && read > 1e11) {
    const { unit, perSecond } = epochUnitOf(read);
    if (unit === 'milliseconds') return { problem: vscode.l10n.t('{0} looks like milliseconds ({1}): pass epoch seconds or an ISO 8601 date.', name, String(read)) };
    // Finer units: name the unit and the value in seconds, so nobody passes milliseconds next.
    const words = unit === 'microseconds' ? vscode.l10n.t('microseconds') : vscode.l10n.t('nanoseconds');
    return { problem: vscode.l10n.t('{0} looks like {1} ({2}): pass epoch seconds ({3}) or an ISO 8601 date.', name, words, String(read), String(Math.floor(read / perSecond))) };
  }
  const date = read instanceof Date ? read : new Date((read ?? NaN) * 1000);
  if (Number.isNaN(date.getTime())) {
    return { problem: vscode.l10n.t('{0} is not a date: pass an ISO 8601 string (2026-12-31T23:59:00Z), epoch seconds, or a local date and time (2026-12-31 23:59).', name) };
  }
  if (name === 'expires' && date.getTime() <= now.getTime()) {
    return { problem: vscode.l10n.t('expires ({0}) is in the past: a URL signed with it would be refused at once. Pass a later date.', date.toISOString()) };
  }
  return { date };
}

/** What is wrong with a date (readDate), or undefined: the check of a date box as the user types. */
export function dateProblem(value: unknown, name: 'expires' | 'activeFrom', now = new Date()): string | undefined {
  const reading = readDate(value, name, now);
  return 'problem' in reading ? reading.problem : undefined;
}

/** A date option, read by readDate. */
function dateOption(name: 'expires' | 'activeFrom') {
  return v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const reading = readDate(dataset.value, name);
      if ('date' in reading) return reading.date;
      addIssue({ message: reading.problem });
      return NEVER;
    }),
  );
}

/** The signing core's refusal of `value` by `rule`, in its words, or undefined. */
function coreProblem(rule: (value: string) => unknown, value: unknown): string | undefined {
  try {
    rule(value as string);
    return undefined;
  } catch (error) {
    if (error instanceof SigningError) return error.message;
    throw error;
  }
}

/** What is wrong with an IP range (the signing core's rule: an IPv4 address or CIDR range), or undefined: the option's check and the box's. */
export const ipRangeProblem = (value: unknown): string | undefined => coreProblem(normalizeIpRange, value);

/** What is wrong with a policy's resource (the signing core's rule: a URL or pattern CloudFront can match), or undefined: the option's check and the box's. */
export const resourceProblem = (value: unknown): string | undefined => coreProblem(normalizeResource, value);

/** A text option checked by `problem` (one of the rules above). */
const checkedText = (problem: (value: unknown) => string | undefined) =>
  v.pipe(
    v.unknown(),
    v.check(
      (value) => !problem(value),
      (issue) => problem(issue.input) ?? '',
    ),
    v.transform((value) => value as string),
  );

/**
 * The policy options every sign command takes. `expires` defaults to an hour from now (the one rule
 * of URL, selection and cookies) and is refused when past: a URL signed with it would be refused at once.
 */
export const policyEntries = {
  expires: v.optional(dateOption('expires'), () => new Date(Date.now() + DEFAULT_EXPIRY_SECONDS * 1000)),
  activeFrom: v.optional(dateOption('activeFrom')),
  ipRange: v.optional(checkedText(ipRangeProblem)),
  // '' is no resource (the URL's own), as before a resource was checked here.
  resource: v.optional(
    v.pipe(
      v.string(mustBeString('resource')),
      v.check(
        (value) => value === '' || !resourceProblem(value),
        (issue) => resourceProblem(issue.input) ?? '',
      ),
    ),
  ),
  hashAlgorithm: v.optional(v.picklist(['SHA1', 'SHA256'], () => vscode.l10n.t('hashAlgorithm must be "SHA1" or "SHA256".'))),
};

type PolicyOptions = v.InferOutput<v.ObjectSchema<typeof policyEntries, undefined>>;

/**
 * The policy of a call: its answers' when it brings an expiry (automation's options always do: it
 * defaults to an hour), else asked (`askPolicy`).
 */
export async function policyFrom(ui: Ui, url: string, answers: Partial<PolicyOptions>, options: { customOnly?: boolean; cookies?: boolean } = {}): Promise<PolicyChoice> {
  return answers.expires ? policyOf({ ...answers, expires: answers.expires }) : await askPolicy(ui, url, options);
}

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

/** The typed date and time with its UTC value, as the user types it. */
function describeDate(text: string): string | undefined {
  const reading = readDate(text, 'activeFrom');
  return 'date' in reading ? localAndUtc(reading.date) : undefined;
}

/** Asks for a date (readDate) until it is one; `name` is the option it answers. */
async function askDate(ui: Ui, name: 'expires' | 'activeFrom', title: string, prompt: string): Promise<Date> {
  const now = new Date();
  const text = await ui.input({ title, prompt, placeholder: 'YYYY-MM-DD HH:MM', validate: (value) => dateProblem(value, name, now), describe: describeDate, unattended: { missing: name } });
  return dateOf(readDate(text, name, now), name);
}

/** The date read, or (an answer its box let through) the UserError that names it. */
function dateOf(reading: DateReading, name: 'expires' | 'activeFrom'): Date {
  if ('problem' in reading) throw new UserError(reading.problem, name);
  return reading.date;
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
        : await askDate(
            ui,
            'expires',
            vscode.l10n.t('Expires at'),
            cookies ? vscode.l10n.t('Local date and time when the cookies stop working') : vscode.l10n.t('Local date and time when the URL stops working'),
          );
    return { expires, ...custom };
  }
}

/** The custom parts: the resource (not for cookies, whose resource was typed first), IP range and start. */
async function askCustomParts(ui: Ui, url: string, cookies: boolean): Promise<Omit<PolicyChoice, 'expires'>> {
  const resource = cookies
    ? url
    : await ui.input({
        title: vscode.l10n.t('Custom policy: resource'),
        prompt: vscode.l10n.t('The URLs the signature covers; * matches any characters, ? one character'),
        value: url,
        validate: resourceProblem,
      });
  const ipRange = await ui.input({
    title: vscode.l10n.t('Custom policy: viewer IP range (optional)'),
    prompt: vscode.l10n.t('An IPv4 address or CIDR range the viewer must come from; empty for any'),
    validate: (value) => (value.trim() ? ipRangeProblem(value.trim()) : undefined),
  });
  const start = await ui.input({
    title: vscode.l10n.t('Custom policy: valid from (optional)'),
    prompt: cookies
      ? vscode.l10n.t('Local date and time from which the cookies work (YYYY-MM-DD HH:MM); empty for now')
      : vscode.l10n.t('Local date and time from which the URL works (YYYY-MM-DD HH:MM); empty for now'),
    validate: (value) => (value.trim() ? dateProblem(value, 'activeFrom') : undefined),
    describe: describeDate,
  });
  return {
    ...(resource && resource !== url ? { resource } : {}),
    ...(ipRange.trim() ? { ipRange: ipRange.trim() } : {}),
    ...(start.trim() ? { activeFrom: dateOf(readDate(start, 'activeFrom'), 'activeFrom') } : {}),
  };
}
