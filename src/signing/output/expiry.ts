// Expiry choices of the sign commands, and the dates users type, read in their local time zone.

export interface ExpiryPreset {
  label: string;
  seconds: number;
}

export const EXPIRY_PRESETS: readonly ExpiryPreset[] = [
  { label: '15 minutes', seconds: 15 * 60 },
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 24 * 3600 },
  { label: '7 days', seconds: 7 * 24 * 3600 },
];

/**
 * Reads `YYYY-MM-DD HH:MM` (or with a T, optional seconds) as a local date and time. undefined when
 * the text is not such a date, or names a date that does not exist (2026-02-30).
 */
export function parseLocalDateTime(text: string): Date | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute, second);
  const sameFields = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day && date.getHours() === hour && date.getMinutes() === minute;
  return sameFields ? date : undefined;
}

/**
 * A date given to a command: an ISO 8601 string, or epoch seconds. Milliseconds (a 13-digit number)
 * are refused by the signing core with a message; here they pass through as numbers.
 */
export function readDateArgument(value: unknown): Date | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
  if (typeof value === 'string') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? new Date(NaN) : date;
  }
  return new Date(NaN);
}
