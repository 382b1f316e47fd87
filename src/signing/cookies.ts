// Signed cookies carry the same values as a signed URL's parameters, named CloudFront-<parameter>.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-setting-signed-cookie-canned-policy.html
import { planSigning } from './plan';
import { signingParameters } from './signature';
import { COOKIE_PREFIX, type SignCookiesOptions, type SignedCookieName } from './types';
import type { SigningParameterName } from './url';

/**
 * Signs cookies: CloudFront-Expires (canned) or CloudFront-Policy (custom), CloudFront-Signature,
 * CloudFront-Key-Pair-Id, and CloudFront-Hash-Algorithm for SHA256. The values need no encoding.
 */
export function signCookies(options: SignCookiesOptions): Record<string, string> {
  return cookiesOf(signingParameters(planSigning(options, 'cookies')));
}

/** The cookies that carry the signing parameters. */
export function cookiesOf(parameters: Array<[SigningParameterName, string]>): Record<string, string> {
  const cookies: Partial<Record<SignedCookieName, string>> = {};
  for (const [name, value] of parameters) cookies[`${COOKIE_PREFIX}${name}`] = value;
  return cookies;
}
