// Which cache behavior serves a path, as CloudFront chooses: the path patterns in the order the
// distribution lists them, the first match wins, and the default behavior (*) takes the rest.
// Patterns are case-sensitive, * matches any run of characters (including /), ? exactly one, and a
// leading / is optional. Matched against the path as the request carries it, without the query.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern
import { resourceMatches } from '../resource';

/** True when a CloudFront path pattern matches a request path (which starts with /). */
export function pathPatternMatches(pattern: string, path: string): boolean {
  return resourceMatches(pattern.startsWith('/') ? pattern : `/${pattern}`, path);
}

/** The behavior that serves `path`: the first whose pattern matches, else the default (no pattern). */
export function matchBehavior<B extends { readonly pathPattern?: string }>(behaviors: readonly B[], path: string): B | undefined {
  return behaviors.find((behavior) => behavior.pathPattern !== undefined && pathPatternMatches(behavior.pathPattern, path)) ?? behaviors.find((behavior) => behavior.pathPattern === undefined);
}

/** How messages name a behavior: its pattern, or "Default (*)". */
export function behaviorLabel(behavior: { readonly pathPattern?: string }): string {
  return behavior.pathPattern ?? 'Default (*)';
}

/** The path of a URL as sent (percent-escapes kept), without query or fragment. */
export function requestPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '/';
  }
}
