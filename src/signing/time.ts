// Policy times are whole seconds since 1970 (AWS:EpochTime). A number is taken as seconds; JavaScript
// hands out milliseconds everywhere (Date.now()), so a number that only makes sense as milliseconds is
// refused instead of producing a URL that expires in the year 57000.
import { SigningError } from './errors';

/**
 * 1e11 seconds is the year 5138, while 1e11 milliseconds is March 1973: every plausible seconds value
 * is below it and every millisecond timestamp since 1973 is above it.
 */
const MILLISECOND_THRESHOLD = 100_000_000_000;

export type TimeInput = 'expires' | 'activeFrom';

/**
 * The unit an epoch number is most likely in: each unit's plausible values (up to the year 5138) end
 * where the next finer unit's values since 1973 begin, at factors of 1000.
 */
export function epochUnitOf(value: number): { readonly unit: 'seconds' | 'milliseconds' | 'microseconds' | 'nanoseconds'; readonly perSecond: number } {
  if (value < MILLISECOND_THRESHOLD) return { unit: 'seconds', perSecond: 1 };
  if (value < MILLISECOND_THRESHOLD * 1e3) return { unit: 'milliseconds', perSecond: 1e3 };
  if (value < MILLISECOND_THRESHOLD * 1e6) return { unit: 'microseconds', perSecond: 1e6 };
  return { unit: 'nanoseconds', perSecond: 1e9 };
}

/**
 * Converts a Date or epoch seconds to whole epoch seconds, rounding down (as botocore does): the
 * policy cannot express fractions. Past times are allowed; expired URLs are needed for tests and
 * diagnosis.
 */
export function toEpochSeconds(value: Date | number | undefined, input: TimeInput): number {
  if (value === null && input === 'activeFrom') {
    throw new SigningError(
      'INVALID_TIME',
      input,
      'activeFrom is null: pass a Date or epoch seconds for when the signed URL or cookies start working, or leave activeFrom out to make them work at once.',
    );
  }
  if (value == null) {
    throw new SigningError('MISSING_OPTION', input, `${input} is required: pass a Date or epoch seconds for when the signed URL or cookies stop working.`);
  }
  const isDate = value instanceof Date;
  const seconds = isDate ? value.getTime() / 1000 : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
    throw new SigningError('INVALID_TIME', input, `${input} must be a valid Date or a non-negative number of epoch seconds; got ${String(value)}.`);
  }
  if (seconds >= MILLISECOND_THRESHOLD) {
    if (isDate) {
      throw new SigningError('INVALID_TIME', input, `${input} (${value.toISOString()}) is too far in the future for a CloudFront policy.`);
    }
    const { unit, perSecond } = epochUnitOf(seconds);
    throw new SigningError('TIME_IN_MILLISECONDS', input, `${input} ${value} looks like ${unit} since 1970; pass epoch seconds (${Math.floor(seconds / perSecond)}) or a Date.`);
  }
  return Math.floor(seconds);
}
