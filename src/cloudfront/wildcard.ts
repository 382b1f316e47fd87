// CloudFront's wildcards, the same in a policy's Resource and in a cache behavior's path pattern:
// * matches any run of characters (including none, and including /), ? exactly one; case-sensitive.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern

/** True when a pattern with * and ? wildcards matches the whole of `text`, as CloudFront matches it. */
export function wildcardMatches(pattern: string, text: string): boolean {
  // Greedy matching with one backtrack point (the last *), linear for typical patterns.
  let p = 0;
  let t = 0;
  let starAt = -1;
  let textAtStar = 0;
  while (t < text.length) {
    // A * in the pattern is always the wildcard, also where the URL has a literal * (legal in paths).
    if (p < pattern.length && pattern[p] === '*') {
      starAt = p++;
      textAtStar = t;
    } else if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (starAt !== -1) {
      p = starAt + 1;
      t = ++textAtStar;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
