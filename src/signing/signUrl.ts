// Signed URLs: the viewer URL (in the form clients send it) plus the signing parameters.
import { SigningError } from './errors';
import { planSigning, type PolicyPlan } from './plan';
import { signingParameters } from './signature';
import { type SignOptions } from './types';
import { appendQueryParameters, MAX_URL_BYTES, type SigningParameterName } from './url';

/**
 * Signs a URL with a canned policy when only `expires` is given, and with a custom policy when
 * `activeFrom`, `ipRange` or a `resource` other than the URL is. Throws SigningError naming the option
 * at fault. Expiries in the past are signed.
 */
export function signUrl(options: SignOptions): string {
  const plan = planSigning(options, 'url');
  return signedUrlOf(plan, signingParameters(plan));
}

/** The plan's URL with the signing parameters, checked against CloudFront's URL length limit. */
export function signedUrlOf(plan: PolicyPlan, parameters: Array<[SigningParameterName, string]>): string {
  const signedUrl = appendQueryParameters(plan.url as string, parameters);
  // A WHATWG-serialized URL is ASCII, so its length in characters is its length in bytes.
  if (signedUrl.length > MAX_URL_BYTES) {
    throw new SigningError(
      'URL_TOO_LONG',
      'url',
      `The signed url would be ${signedUrl.length} bytes; CloudFront accepts at most ${MAX_URL_BYTES}. Shorten the URL or its query${plan.canned ? '' : ', or use signed cookies for this custom policy'}.`,
    );
  }
  return signedUrl;
}
