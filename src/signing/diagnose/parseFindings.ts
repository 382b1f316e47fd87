// Reads a signed URL or signed cookies the way CloudFront receives them, tolerating every mistake so
// each can be reported: where the values come from (signedSource.ts), the Key-Pair-Id, the signature
// (missing, standard base64, truncated), Hash-Algorithm, and the policy (policyFindings.ts).
import { KEY_PAIR_ID } from '../../cloudfront/rules';
import { readCloudFrontBase64 } from '../encoding';
import { type HashAlgorithm } from '../types';
import { error, ok, warning, type Finding } from './findings';
import { readPolicy, STANDARD_BASE64_ONLY } from './policyFindings';
import { chooseSource, nameIn, readCookieHeader, splitUrl, type Source, type Values } from './signedSource';
import { type DiagnoseInput, type RequestPolicy, type SignedRequest } from './types';

export interface ParseResult {
  readonly findings: Finding[];
  /** Undefined when the input is not a URL or carries no signing parameters at all. */
  readonly request?: SignedRequest;
}

function readKeyPairId(values: Values, source: Source, findings: Finding[]): string | undefined {
  const keyPairId = values['Key-Pair-Id'];
  if (!keyPairId) {
    findings.push(
      error(
        'MissingKey',
        `The ${source === 'url' ? 'URL has no Key-Pair-Id parameter' : 'request has no CloudFront-Key-Pair-Id cookie'}${keyPairId === '' ? ' value' : ''}; CloudFront answers MissingKey.`,
        `Add ${nameIn(source, 'Key-Pair-Id')} with the ID of the CloudFront public key that signed it (like K2JCJMDEHXQW5F).`,
      ),
    );
    return undefined;
  }
  if (!KEY_PAIR_ID.test(keyPairId)) {
    findings.push(
      error(
        'MalformedKeyPairId',
        `${nameIn(source, 'Key-Pair-Id')} is not a key ID: CloudFront public key IDs and legacy key pair IDs are letters and digits only.`,
        "Pass the public key's ID (shown in the Keys view), not its name, PEM or ARN.",
      ),
    );
  }
  return keyPairId;
}

function readSignature(values: Values, source: Source, findings: Finding[]): Buffer | undefined {
  const text = values.Signature;
  const name = nameIn(source, 'Signature');
  if (text === undefined || text === '') {
    findings.push(error('MissingSignature', `The request has no ${name}${text === '' ? ' value' : ''}.`, `Add the ${name} your signing code produced.`));
    return undefined;
  }
  if (STANDARD_BASE64_ONLY.test(text) || text.includes(' ')) {
    findings.push(
      error(
        'MalformedSignature',
        `${name} uses the standard base64 alphabet (+ / = or a space where a + was decoded), but CloudFront expects its URL-safe variant; it answers MalformedSignature.`,
        'After base64-encoding the signature, replace + with -, = with _ and / with ~ (and do not percent-encode the result).',
      ),
    );
    return undefined;
  }
  let decodedText = text;
  if (/%[0-9A-Fa-f]{2}/.test(text)) {
    decodedText = safeDecode(text);
    findings.push(
      warning(
        'PercentEncodedSignature',
        `${name} is percent-encoded (for example ~ as %7E); CloudFront's URL-safe base64 needs no encoding, and an encoded signature may not be decoded before it is checked.`,
        'Put the signature into the URL or cookie as is.',
      ),
    );
  }
  const read = readCloudFrontBase64(decodedText);
  if ('bytes' in read && read.bytes.length > 0) return read.bytes;
  const problem = 'problem' in read ? read.problem : 'alphabet';
  if (problem === 'alphabet') {
    findings.push(error('MalformedSignature', `${name} has characters outside CloudFront's base64 alphabet (A-Z a-z 0-9 - _ ~).`, 'Use the signature exactly as your signing code produced it.'));
  } else if (problem === 'length') {
    findings.push(
      error(
        'MalformedSignature',
        `${name} is ${decodedText.length} characters long, not a multiple of 4: it was cut short, or encoded as RFC 4648 base64url without padding.`,
        'Encode with standard base64 and then replace + with -, = with _ and / with ~; check that nothing truncates the URL or cookie.',
      ),
    );
  } else if (problem === 'padding') {
    findings.push(
      error(
        'MalformedSignature',
        `${name} has data after its padding (_): a lenient decoder stops at the padding and ignores the rest, a strict one refuses the whole value; CloudFront answers MalformedSignature.`,
        'Use the signature exactly as your signing code produced it; look for what appended text to it (a second signature, or a parameter joined without &).',
      ),
    );
  } else {
    findings.push(
      error(
        'MalformedSignature',
        `${name} has unused bits set in its last character before the padding: it is not the encoding a signer produces, so it was altered. A lenient decoder reads the same bytes, a strict one refuses it; CloudFront answers MalformedSignature.`,
        'Use the signature exactly as your signing code produced it, without editing it.',
      ),
    );
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function readHash(values: Values, source: Source, findings: Finding[]): HashAlgorithm | undefined {
  const value = values['Hash-Algorithm'];
  if (value === undefined || value === 'SHA1' || value === 'SHA256') {
    findings.push(hashFinding(value, source));
    return value ?? 'SHA1';
  }
  findings.push(
    error(
      'UnsupportedHashAlgorithm',
      `${nameIn(source, 'Hash-Algorithm')} is ${value}; CloudFront accepts only SHA1 (the default when absent) and SHA256, spelled exactly so.`,
      `Write ${nameIn(source, 'Hash-Algorithm')}=SHA256 for SHA-256 signatures (required for ECDSA keys), or leave it out for SHA-1.`,
    ),
  );
  return undefined;
}

/** Which hash the signature must use, as CloudFront reads it: SHA-1 when the parameter is absent. */
function hashFinding(value: 'SHA1' | 'SHA256' | undefined, source: Source): Finding {
  const name = nameIn(source, 'Hash-Algorithm');
  if (value === 'SHA256') return ok('HashAlgorithm', `Hash algorithm SHA-256 (${name}=SHA256).`, 'The signature must be made with SHA-256.');
  const why = value === undefined ? `no ${name}, so CloudFront assumes SHA-1` : `${name}=SHA1`;
  return ok('HashAlgorithm', `Hash algorithm SHA-1 (${why}).`, `The signature must be made with SHA-1 with an RSA key; new signatures default to SHA-256 (${name}=SHA256).`);
}

function policyFinding(policy: RequestPolicy): Finding {
  return policy.kind === 'canned'
    ? ok('CannedPolicy', `Canned policy, rebuilt from the request URL exactly as CloudFront does: ${policy.json}`, 'The signature must cover exactly these bytes.')
    : ok('CustomPolicy', `Custom policy: ${policy.json}`, 'The signature must cover exactly these bytes.');
}

/** Reads the request; later checks run on `request`, which holds whatever could be read. */
export function parseFindings(input: Pick<DiagnoseInput, 'url' | 'cookies'>): ParseResult {
  const split = splitUrl(input.url.trim());
  if ('severity' in split) return { findings: [split] };
  const findings: Finding[] = [];
  const chosen = chooseSource(split, input.cookies === undefined ? new Map<string, string[]>() : readCookieHeader(input.cookies), findings);
  if (!chosen) return { findings };
  const { source, values } = chosen;
  const keyPairId = readKeyPairId(values, source, findings);
  const signature = readSignature(values, source, findings);
  const hashAlgorithm = readHash(values, source, findings);
  const policy = readPolicy(values, split.requestUrl, source, findings);
  if (policy) findings.push(policyFinding(policy));
  return {
    findings,
    request: {
      source,
      requestUrl: split.requestUrl,
      givenRequestUrl: split.givenRequestUrl,
      ...(keyPairId !== undefined && { keyPairId }),
      ...(hashAlgorithm !== undefined && { hashAlgorithm }),
      ...(signature !== undefined && { signature }),
      ...(policy !== undefined && { policy }),
    },
  };
}
