// One custom policy for many URLs: its Resource is a wildcard pattern (https://host/hls/movie/*),
// signed once, and the same Policy, Signature and Key-Pair-Id go onto every URL it covers. This is
// how HLS and DASH playlists are signed in practice: one RSA signature instead of one per segment,
// and every segment URL still carries what CloudFront checks.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
import { SigningError } from './errors';
import { planSigning } from './plan';
import { resourceMatches } from './resource';
import { signingParameters } from './signature';
import type { SignCookiesOptions } from './types';
import { appendQueryParameters, MAX_URL_BYTES, normalizeViewerUrl, type SigningParameterName } from './url';

export type SharedPolicyOptions = Omit<SignCookiesOptions, 'url'> & { resource: string };

/**
 * Signs the policy once and returns a function that signs any URL the policy's resource covers; it
 * throws SigningError for a URL outside the resource, or one that is not signable.
 */
export function sharedPolicySigner(options: SharedPolicyOptions): (url: string) => string {
  // Planned as for cookies: no URL, so the policy is always custom and carries the resource.
  const plan = planSigning(options, 'cookies');
  return urlsUnderPolicy(options.resource, signingParameters(plan));
}

/** Signs any URL under `resource` with parameters signed once for it. */
export function urlsUnderPolicy(resource: string, parameters: Array<[SigningParameterName, string]>): (url: string) => string {
  return (url: string) => {
    const viewerUrl = normalizeViewerUrl(url);
    if (!resourceMatches(resource, viewerUrl)) {
      throw new SigningError('RESOURCE_MISMATCH', 'url', `${viewerUrl} is outside the policy resource ${resource}, so CloudFront would refuse it.`);
    }
    const signed = appendQueryParameters(viewerUrl, parameters);
    if (signed.length > MAX_URL_BYTES) {
      throw new SigningError('URL_TOO_LONG', 'url', `The signed url would be ${signed.length} bytes; CloudFront accepts at most ${MAX_URL_BYTES}.`);
    }
    return signed;
  };
}
