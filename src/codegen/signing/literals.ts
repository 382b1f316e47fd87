// The one way a value reaches a generated file: a string literal per language, a comment line and a
// POSIX shell word. Every writer emits printable ASCII only (so no compiler depends on the machine's
// encoding, and no byte order mark, line separator or bidirectional control can hide in the text) and
// reads back exactly the value given, or refuses it with a CodegenInputError naming the input.
// test/unit/codegen/literals.test.ts proves it by compiling and running thousands of values in each
// language. Kinds of generated code added later reuse these writers; nothing else may quote a value.

/** A value that cannot be written into generated code as it is; `input` names the option it came from. */
export class CodegenInputError extends Error {
  override readonly name = 'CodegenInputError';
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message);
  }
}

export type LiteralLanguage = 'python' | 'javascript' | 'typescript' | 'go' | 'java' | 'csharp';

const PRINTABLE_ASCII = /^[\u0020-\u007e]$/;
const hex4 = (unit: number): string => unit.toString(16).padStart(4, '0');
const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;

/** The code points of `value`, with a lone surrogate as a code point of its own. */
function codePoints(value: string): number[] {
  return Array.from(value, (character) => character.codePointAt(0) ?? 0);
}

function loneSurrogateAt(value: string): number {
  return codePoints(value).findIndex((point) => isSurrogate(point));
}

/** Python and Go: \uXXXX and \UXXXXXXXX name code points (Python's str may hold a lone surrogate; Go's is refused first). */
function codePointLiteral(value: string): string {
  const body = codePoints(value)
    .map((point) => {
      const character = String.fromCodePoint(point);
      if (character === '\\' || character === '"') return `\\${character}`;
      if (PRINTABLE_ASCII.test(character)) return character;
      return point > 0xffff ? `\\U${point.toString(16).padStart(8, '0')}` : `\\u${hex4(point)}`;
    })
    .join('');
  return `"${body}"`;
}

/** JavaScript and TypeScript: one \uXXXX per UTF-16 unit, so lone surrogates survive. */
function javascriptLiteral(value: string): string {
  let body = '';
  for (let index = 0; index < value.length; index++) {
    const character = value[index];
    if (character === '\\' || character === '"') body += `\\${character}`;
    else if (PRINTABLE_ASCII.test(character)) body += character;
    else body += `\\u${hex4(value.charCodeAt(index))}`;
  }
  return `"${body}"`;
}

/** C#: like JavaScript (\uXXXX is an escape inside a literal; \x is avoided, its length is variable). */
const csharpLiteral = javascriptLiteral;

/**
 * Go strings are UTF-8: \uXXXX and \UXXXXXXXX name code points, and a lone surrogate has no UTF-8 form
 * (Go refuses the escape), so it is refused here.
 */
function goLiteral(value: string, input: string): string {
  const at = loneSurrogateAt(value);
  if (at !== -1) {
    const unit = codePoints(value)[at];
    throw new CodegenInputError(
      input,
      `${input} holds a lone UTF-16 surrogate (U+${hex4(unit).toUpperCase()}), which no UTF-8 text can hold: a Go string cannot carry it. Remove it or write the character it was part of.`,
    );
  }
  return codePointLiteral(value);
}

/**
 * Java turns \uXXXX into its character before it reads the source, so \u000a would end the line and
 * \u0022 the literal: characters below U+0100 are written as three-digit octal escapes, which are
 * escapes of the literal only; from U+0100 on, \uXXXX per UTF-16 unit cannot be anything but text.
 * The backslash and the quote are octal too: after a written \\ javac 17 does not take the next \u
 * for an escape (found by test/unit/codegen/literals.test.ts), so no \\ is ever written.
 */
function javaLiteral(value: string): string {
  let body = '';
  for (let index = 0; index < value.length; index++) {
    const character = value[index];
    const unit = value.charCodeAt(index);
    if (character !== '\\' && character !== '"' && PRINTABLE_ASCII.test(character)) body += character;
    else if (unit < 0x100) body += `\\${unit.toString(8).padStart(3, '0')}`;
    else body += `\\u${hex4(unit)}`;
  }
  return `"${body}"`;
}

/** A double-quoted string literal of `language` that reads back as `value`; `input` names the value in a refusal. */
export function stringLiteral(language: LiteralLanguage, value: string, input: string): string {
  switch (language) {
    case 'python':
      return codePointLiteral(value);
    case 'javascript':
    case 'typescript':
      return javascriptLiteral(value);
    case 'go':
      return goLiteral(value, input);
    case 'java':
      return javaLiteral(value);
    case 'csharp':
      return csharpLiteral(value);
  }
}

/** A literal writer bound to one language, for templates. */
export type Quote = (value: string, input?: string) => string;
export const quoterFor =
  (language: LiteralLanguage): Quote =>
  (value, input = 'value') =>
    stringLiteral(language, value, input);

/**
 * A value as a comment shows it: printable ASCII kept, anything else as <U+XXXX>, so the comment
 * cannot end, change the file's encoding or hide text. Java reads \uXXXX even in comments (and
 * refuses a malformed one), so there a value's backslashes are doubled: an even run is no escape.
 */
export function commentValue(language: LiteralLanguage, value: string): string {
  const shown = codePoints(value)
    .map((point) => {
      const character = String.fromCodePoint(point);
      if (character === '\\' && language === 'java') return '\\\\';
      return PRINTABLE_ASCII.test(character) ? character : `<U+${point.toString(16).toUpperCase().padStart(4, '0')}>`;
    })
    .join('');
  // Spaces that end the value are shown, not left as trailing white space (which formatters remove).
  return shown.replace(/ +$/, (spaces) => '<U+0020>'.repeat(spaces.length));
}

/** A comment line: `prefix` and text made of fixed words and commentValue's output (printable ASCII only), without trailing white space. */
export function commentLine(prefix: '#' | '//', text: string): string {
  if (!/^[\u0020-\u007e]*$/.test(text)) throw new Error(`comment text must be made safe with commentValue first: ${JSON.stringify(text)}`);
  const trimmed = text.trimEnd();
  return trimmed === '' ? prefix : `${prefix} ${trimmed}`;
}

/**
 * One POSIX shell word: in single quotes, where nothing is special, and each ' as '\'' . Refuses
 * what a comment line or a terminal cannot carry as is (control characters, non-ASCII).
 */
export function shellWord(value: string, input: string): string {
  if (!/^[\u0020-\u007e]*$/.test(value)) {
    throw new CodegenInputError(input, `${input} holds a control or non-ASCII character that the usage line cannot show as a shell word; percent-encode it.`);
  }
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", "'\\''")}'`;
}
