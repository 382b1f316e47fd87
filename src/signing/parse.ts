// Reads signed URLs and signed cookies back: what the signature covers and what the policy allows.
// Works on the text as received, without normalizing it, because that is what CloudFront checks.
import { readCloudFrontBase64, type Base64Problem } from './encoding';
import { SigningError } from './errors';
import { buildPolicy, parsePolicy } from './policy';
import { assertPolicySafeText } from './text';
import { COOKIE_PREFIX, type HashAlgorithm, type ParsedSignature, type ParsedSignedCookies, type ParsedSignedUrl } from './types';
import { SIGNING_PARAMETERS, splitSignedUrl, type SigningParameterName } from './url';

type SigningValues = Partial<Record<SigningParameterName, string>>;
type Source = 'url' | 'cookies';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function invalid(source: Source, why: string): SigningError {
  return new SigningError('INVALID_SIGNING_PARAMETERS', source, `Cannot read the signed ${source}: ${why}.`);
}

const BASE64_PROBLEMS: Readonly<Record<Base64Problem, string>> = {
  alphabet: 'is not CloudFront base64 (A-Z a-z 0-9 - _ ~)',
  length: 'is not a multiple of 4 characters long (cut short, or not padded)',
  padding: 'has data after its padding (_)',
  unusedBits: 'has unused bits set in its last character (it was altered)',
};

/** The bytes of a base64 parameter, or the error a strict decoder gives. */
function readBase64(value: string, name: 'Policy' | 'Signature', source: Source): Buffer {
  const read = readCloudFrontBase64(value);
  if ('problem' in read) throw invalid(source, `${name} ${BASE64_PROBLEMS[read.problem]}`);
  if (name === 'Signature' && read.bytes.length === 0) throw invalid(source, 'Signature is empty');
  return read.bytes;
}

function readHashAlgorithm(value: string | undefined, source: Source): HashAlgorithm {
  if (value === undefined) return 'SHA1';
  if (value === 'SHA1' || value === 'SHA256') return value;
  throw invalid(source, `Hash-Algorithm is ${value}, but CloudFront accepts only SHA1 and SHA256`);
}

/** The policy the signature covers: decoded from Policy (custom), or rebuilt from the URL and Expires (canned). */
function readPolicy(values: SigningValues, requestUrl: string, source: Source): Pick<ParsedSignature, 'policyKind' | 'policyJson'> {
  if ((values.Expires === undefined) === (values.Policy === undefined)) {
    throw invalid(source, 'there must be exactly one of Expires (canned policy) and Policy (custom policy)');
  }
  if (values.Expires !== undefined) {
    // Whole seconds as digits, no sign and no leading zero (which some parsers read as octal).
    if (!/^(0|[1-9]\d{0,10})$/.test(values.Expires)) throw invalid(source, `Expires is ${values.Expires}, which is not epoch seconds written without leading zeros`);
    assertPolicySafeText(requestUrl, source);
    return { policyKind: 'canned', policyJson: buildPolicy({ resource: requestUrl, expires: Number(values.Expires) }) };
  }
  const bytes = readBase64(values.Policy ?? '', 'Policy', source);
  try {
    return { policyKind: 'custom', policyJson: strictUtf8.decode(bytes) };
  } catch {
    throw invalid(source, 'Policy does not decode to UTF-8 text');
  }
}

function parseSigningValues(values: SigningValues, requestUrl: string, source: Source): ParsedSignature {
  const { Signature: signatureText, 'Key-Pair-Id': keyPairId } = values;
  if (signatureText === undefined) throw invalid(source, 'there is no Signature');
  if (!keyPairId) throw invalid(source, 'there is no Key-Pair-Id');
  const signature = readBase64(signatureText, 'Signature', source);
  const hashAlgorithm = readHashAlgorithm(values['Hash-Algorithm'], source);
  const policy = readPolicy(values, requestUrl, source);
  return { ...policy, ...parsePolicy(policy.policyJson, source), keyPairId, hashAlgorithm, signature };
}

/** Splits a signed URL into the URL that was signed, its signing parameters, and what its policy says. */
export function parseSignedUrl(url: string): ParsedSignedUrl {
  const { url: unsignedUrl, parameters, repeated } = splitSignedUrl(url);
  if (repeated.length > 0) throw invalid('url', `it repeats ${repeated.join(', ')}`);
  return { url: unsignedUrl, params: parameters, ...parseSigningValues(parameters, unsignedUrl, 'url') };
}

/** Reads signed cookies (name to value) as CloudFront would for a request to `requestUrl`. */
export function parseSignedCookies(cookies: Readonly<Record<string, string>>, requestUrl: string): ParsedSignedCookies {
  const values: SigningValues = {};
  for (const name of SIGNING_PARAMETERS) {
    const value = cookies[`${COOKIE_PREFIX}${name}`];
    if (value !== undefined) values[name] = value;
  }
  return { requestUrl, ...parseSigningValues(values, requestUrl, 'cookies') };
}
