// Text that ends up inside the policy JSON (the URL, the Resource pattern, the IP range) is written
// there verbatim. We reject the characters JSON treats specially instead of escaping them: an escaped
// quote or a \u sequence would make CloudFront read a different Resource than the one the user sees,
// and a raw quote would let the value end the string and add its own conditions (policy injection).
import { SigningError, type SigningInput } from './errors';

// " and \ have meaning in a JSON string; C0 controls, DEL and C1 controls are invalid or invisible.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTER = /["\\\u0000-\u001f\u007f-\u009f]/;

function describeCharacter(character: string): string {
  if (character === '"') return 'a double quote (")';
  if (character === '\\') return 'a backslash (\\)';
  const codePoint = character.codePointAt(0) ?? 0;
  return `the control character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Throws UNSAFE_CHARACTER naming `input` when `value` holds a character that would need escaping in JSON. */
export function assertPolicySafeText(value: string, input: SigningInput): void {
  const match = UNSAFE_CHARACTER.exec(value);
  if (!match) return;
  throw new SigningError(
    'UNSAFE_CHARACTER',
    input,
    `${input} contains ${describeCharacter(match[0])} at position ${match.index}. It would be written into the ` +
      `policy JSON, where it could change the policy's Resource or conditions, so it is refused rather than escaped. ` +
      `Percent-encode it (for example " as %22) or remove it.`,
  );
}
