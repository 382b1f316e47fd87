// How a distribution is told apart in a list: its id, then its first alias (or its CloudFront domain)
// and its comment. The Distributions view and every "which distribution?" pick say it the same way.

/** "media.example.com · Shop media": the first alias or the domain, then the comment when there is one. */
export function distributionDescription(distribution: { readonly aliases: readonly string[]; readonly domainName: string; readonly comment: string }): string {
  return [distribution.aliases[0] ?? distribution.domainName, distribution.comment].filter(Boolean).join(' · ');
}
