// Durations and expiries in the user's language, for the sign commands, the hover and the CodeLens
// (words the Ui shows, so commands and the editor share them without importing each other).
// The signing core says the same in English (src/signing/output/describeSigned.ts) for logs and tests.
import * as vscode from 'vscode';
import { largestUnit } from '../signing/output';

/** "3 hours", "1 day", "45 seconds": the largest unit, rounded down. */
export function localizedDuration(seconds: number): string {
  const { count, unit } = largestUnit(seconds);
  const one = count === 1;
  switch (unit) {
    case 'year':
      return one ? vscode.l10n.t('{0} year', count) : vscode.l10n.t('{0} years', count);
    case 'month':
      return one ? vscode.l10n.t('{0} month', count) : vscode.l10n.t('{0} months', count);
    case 'day':
      return one ? vscode.l10n.t('{0} day', count) : vscode.l10n.t('{0} days', count);
    case 'hour':
      return one ? vscode.l10n.t('{0} hour', count) : vscode.l10n.t('{0} hours', count);
    case 'minute':
      return one ? vscode.l10n.t('{0} minute', count) : vscode.l10n.t('{0} minutes', count);
    case 'second':
      return one ? vscode.l10n.t('{0} second', count) : vscode.l10n.t('{0} seconds', count);
  }
}

/** "expires in 3 hours" or "expired 2 days ago", at `now` (both epoch seconds). */
export function localizedExpiry(expires: number, now: number): string {
  return expires > now ? vscode.l10n.t('expires in {0}', localizedDuration(expires - now)) : vscode.l10n.t('expired {0} ago', localizedDuration(now - expires));
}
