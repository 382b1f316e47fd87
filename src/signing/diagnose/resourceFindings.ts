// The policy's Resource against the request URL. A canned policy is rebuilt from the URL CloudFront
// receives, so what matters is that the URL is sent as it was signed; a custom policy's Resource is a
// pattern (* and ?) matched against the whole request URL, query included.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
import { resourceMatches } from '../resource';
import { error, ok, warning, type Finding } from './findings';
import { type SignedRequest } from './types';
import { describeNormalization, urlVariants, type VariantContext } from './urlVariants';

const DOUBLE_ENCODED = /%25[0-9A-Fa-f]{2}/;

function encodingFindings(request: SignedRequest, signatureExplained: boolean): Finding[] {
  const findings: Finding[] = [];
  if (!signatureExplained && request.givenRequestUrl !== request.requestUrl && request.policy?.kind === 'canned') {
    findings.push(
      warning(
        'BrowserEncoding',
        `A browser sends this URL as ${request.requestUrl}, not as written (${describeNormalization(request.givenRequestUrl, request.requestUrl)}); CloudFront rebuilds the canned policy from what it receives, so a signature over the written form fails.`,
        'Sign the URL in the form clients send it: new URL(url).href (CloudFront: Sign URL does this).',
      ),
    );
  }
  if (DOUBLE_ENCODED.test(request.requestUrl)) {
    findings.push(
      warning(
        'DoubleEncoded',
        `The URL contains %25 followed by hex digits (${DOUBLE_ENCODED.exec(request.requestUrl)?.[0]}): a percent-escape encoded twice, which asks for a literal "%" in the file name.`,
        'Encode the path once; if the object name really contains %, this is right.',
      ),
    );
  }
  return findings;
}

/** Why a custom policy's Resource misses the request, from the first spelling it would match. */
function explainMismatch(resource: string, context: VariantContext): { why: string; fix: string } {
  const variant = urlVariants(context).find((candidate) => resourceMatches(resource, candidate.url));
  if (variant) return { why: `It matches ${variant.what}.`, fix: variant.fix };
  return {
    why: 'It matches no spelling of this URL.',
    fix: 'Sign a policy whose Resource is this URL, or a pattern that covers it (for example https://host/path/*); * matches any characters, ? exactly one.',
  };
}

/**
 * @param signatureExplained the signature check already says which URL the signature covers, so the
 *   warning about a browser sending another spelling than the one written is left out.
 */
export function resourceFindings(request: SignedRequest, otherHosts: readonly string[] = [], signatureExplained = false): Finding[] {
  const findings = encodingFindings(request, signatureExplained);
  const policy = request.policy;
  if (!policy || policy.kind === 'canned') return findings;
  const resource = policy.conditions.resource;
  if (resourceMatches(resource, request.requestUrl)) {
    findings.push(ok('ResourceMatches', `The policy's Resource ${resource} covers the request URL ${request.requestUrl}.`));
    return findings;
  }
  const { why, fix } = explainMismatch(resource, { ...request, otherHosts });
  findings.push(error('ResourceMismatch', `The policy's Resource ${resource} does not cover the request URL ${request.requestUrl}, so CloudFront answers AccessDenied. ${why}`, fix));
  return findings;
}
