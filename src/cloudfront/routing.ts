// Which distribution and which cache behavior serve a request, as CloudFront routes it. The host: the
// distribution whose domain name or alias is the host, exactly, else one whose wildcard alias covers it.
// The path: the path patterns in the order the
// distribution lists them, the first match wins, and the default behavior (*) takes the rest.
// Patterns are case-sensitive, * matches any run of characters (including /), ? exactly one, and a
// leading / is optional. Matched against the path as the request carries it, without the query.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern
import { wildcardMatches } from './wildcard';

/** True when a CloudFront path pattern matches a request path (which starts with /). */
export function pathPatternMatches(pattern: string, path: string): boolean {
  return wildcardMatches(pattern.startsWith('/') ? pattern : `/${pattern}`, path);
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

/** A wildcard alias (*.example.com) covers exactly one more label on the left. */
function wildcardCovers(alias: string, host: string): boolean {
  if (!alias.startsWith('*.')) return false;
  const suffix = alias.slice(1).toLowerCase();
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.') && host.length > suffix.length;
}

/** The distribution that answers for `host`: an exact domain name or alias first, then a wildcard alias. */
export function findDistribution<D extends { readonly domainName: string; readonly aliases: readonly string[] }>(distributions: readonly D[], host: string): D | undefined {
  const wanted = host.toLowerCase();
  return (
    distributions.find((d) => d.domainName.toLowerCase() === wanted || d.aliases.some((alias) => alias.toLowerCase() === wanted)) ??
    distributions.find((d) => d.aliases.some((alias) => wildcardCovers(alias, wanted)))
  );
}
