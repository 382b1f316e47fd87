// Which domains a cookie for a host may name: the host itself and each parent domain above it, as
// long as the parent is not a public suffix (browsers refuse a cookie for `com`, `co.uk` or
// `cloudfront.net`, so viewers would never send it). The full Public Suffix List is large and moves;
// this small built-in rule covers what a CloudFront alias meets in practice: never a single-label
// domain, never one of the common two-label public suffixes below. A cookie for a parent domain
// reaches every subdomain of it, which the sign command says when it offers one.
// https://publicsuffix.org/list/  https://www.rfc-editor.org/rfc/rfc6265#section-5.3 (step 5)

/** Two-label public suffixes: country-code second levels and shared hosting domains (cloudfront.net among them). */
const TWO_LABEL_PUBLIC_SUFFIXES: ReadonlySet<string> = new Set([
  // CloudFront's and AWS's own shared domains.
  'cloudfront.net',
  'amazonaws.com',
  'awsapps.com',
  // Common country-code second levels.
  ...['co', 'org', 'me', 'ltd', 'plc', 'net', 'sch', 'ac', 'gov', 'nhs', 'police'].map((label) => `${label}.uk`),
  ...['com', 'net', 'org', 'edu', 'gov', 'asn', 'id'].map((label) => `${label}.au`),
  ...['co', 'ne', 'or', 'ac', 'ad', 'ed', 'go', 'gr', 'lg'].map((label) => `${label}.jp`),
  ...['co', 'net', 'org', 'ac', 'govt', 'geek', 'gen', 'school'].map((label) => `${label}.nz`),
  ...['co', 'org', 'net', 'ac', 'gov', 'web'].map((label) => `${label}.za`),
  ...['co', 'net', 'org', 'firm', 'gen', 'ind', 'ac', 'edu', 'gov', 'res'].map((label) => `${label}.in`),
  ...['com', 'net', 'org', 'edu', 'gov'].flatMap((label) => ['br', 'cn', 'mx', 'ar', 'tr', 'sg', 'my', 'hk', 'tw', 'ph', 'pk', 'eg', 'sa', 'ua', 'co'].map((cc) => `${label}.${cc}`)),
  ...['co', 'or', 'ac', 'go', 'ne', 're'].map((label) => `${label}.kr`),
  ...['co', 'or', 'ac'].flatMap((label) => ['at', 'id', 'il', 'th', 'ke', 'tz', 'ug'].map((cc) => `${label}.${cc}`)),
  'com.pl',
  'co.pl',
  'com.es',
  'com.pt',
  'com.gr',
  'com.ru',
  'co.com',
  // Shared hosting whose subdomains belong to different owners.
  'github.io',
  'herokuapp.com',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'workers.dev',
  'azurewebsites.net',
  'appspot.com',
  'firebaseapp.com',
  'web.app',
]);

/** Whether browsers refuse a cookie whose Domain is `domain` (lowercase, no dots at the ends) by this rule. */
export function isPublicSuffix(domain: string): boolean {
  const bare = domain.toLowerCase().replace(/^\.+|\.+$/g, '');
  return !bare.includes('.') || TWO_LABEL_PUBLIC_SUFFIXES.has(bare);
}

/**
 * The parent domains of `host` a cookie may name, nearest first: `a.downloads.example.com` gives
 * `downloads.example.com`, `example.com`. Empty for a host right under a public suffix.
 */
export function parentCookieDomains(host: string): string[] {
  const labels = host.toLowerCase().split('.');
  const parents: string[] = [];
  for (let start = 1; start < labels.length; start++) {
    const parent = labels.slice(start).join('.');
    if (isPublicSuffix(parent)) break;
    parents.push(parent);
  }
  return parents;
}
