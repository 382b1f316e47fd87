// CloudFront's rule for the path pattern of a cache behavior, with no UI import: at most 255
// characters of A–Z, a–z, 0–9 and _ - . $ / ~ " ' @ : + , & plus the two wildcards * (any run of
// characters) and ? (exactly one). Anything else (a space, braces, brackets, a percent sign) is
// refused by CloudFront's API, and nothing else is a wildcard: `*.{pdf}` is no alternation.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern

/** The longest path pattern CloudFront takes. */
export const MAX_PATH_PATTERN_LENGTH = 255;

const ALLOWED = /[A-Za-z0-9_\-.$/~"'@:+,&*?]/;

/** Why CloudFront would refuse a path pattern; undefined when it takes it. */
export type PathPatternProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'tooLong'; readonly length: number }
  /** The characters CloudFront does not take, each once, in the order they appear ('␠' for a space). */
  | { readonly kind: 'characters'; readonly characters: readonly string[] };

export function pathPatternProblem(pattern: string): PathPatternProblem | undefined {
  if (pattern.length === 0) return { kind: 'empty' };
  const refused = [...new Set([...pattern].filter((c) => !ALLOWED.test(c)))];
  if (refused.length)
    return { kind: 'characters', characters: refused.map((c) => (c === ' ' ? '␠' : /\p{Cc}/u.test(c) ? `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : c)) };
  if (pattern.length > MAX_PATH_PATTERN_LENGTH) return { kind: 'tooLong', length: pattern.length };
  return undefined;
}
