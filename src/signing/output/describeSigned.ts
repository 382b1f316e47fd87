// What a signed URL says, in words, for the hover and the CodeLens: key, hash algorithm, resource,
// and its expiry relative to now ("expires in 3 hours", "expired 2 days ago").
import type { ParsedSignedUrl } from '../types';

export type DurationUnit = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

const UNITS: Array<[DurationUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * The largest unit that fits, the count rounded down: 3 hours, 1 day, 45 seconds, 0 seconds. From a
 * minute on, the duration is first rounded to the nearest minute: a URL signed for "1 hour" and read
 * a few seconds later (3,599 s) still expires in 1 hour, not in 59 minutes.
 */
export function largestUnit(seconds: number): { count: number; unit: DurationUnit } {
  const exact = Math.abs(seconds);
  const abs = exact >= 60 ? Math.round(exact / 60) * 60 : exact;
  for (const [unit, size] of UNITS) {
    if (abs >= size) return { count: Math.floor(abs / size), unit };
  }
  return { count: 0, unit: 'second' };
}

/** "3 hours", "1 day", "45 seconds": the largest unit, rounded down. */
export function durationInWords(seconds: number): string {
  const { count, unit } = largestUnit(seconds);
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "expires in 3 hours" or "expired 2 days ago", at `now` (epoch seconds). */
export function expiryInWords(expires: number, now: number): string {
  return expires > now ? `expires in ${durationInWords(expires - now)}` : `expired ${durationInWords(now - expires)} ago`;
}

export interface SignedUrlSummary {
  keyPairId: string;
  hashAlgorithm: string;
  policyKind: 'canned' | 'custom';
  resource: string;
  expires: number;
  activeFrom?: number;
  ipRange?: string;
  expiry: string;
  /** True when it no longer works, or does not work yet. */
  expired: boolean;
  notYetValid: boolean;
}

export function summarizeSignedUrl(parsed: ParsedSignedUrl, now: number): SignedUrlSummary {
  return {
    keyPairId: parsed.keyPairId,
    hashAlgorithm: parsed.hashAlgorithm,
    policyKind: parsed.policyKind,
    resource: parsed.resource,
    expires: parsed.expires,
    ...(parsed.activeFrom !== undefined ? { activeFrom: parsed.activeFrom } : {}),
    ...(parsed.ipRange !== undefined ? { ipRange: parsed.ipRange } : {}),
    expiry: expiryInWords(parsed.expires, now),
    expired: parsed.expires <= now,
    notYetValid: parsed.activeFrom !== undefined && parsed.activeFrom > now,
  };
}
