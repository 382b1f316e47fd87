// The policy a signature covers, as CloudFront reads it: rebuilt from the URL and Expires (canned) or
// decoded from Policy (custom); with a finding for each way it can be malformed.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
import { readCloudFrontBase64, type Base64Problem } from '../encoding';
import { epochUnitOf } from '../time';
import { buildPolicy, parsePolicy, type PolicyConditions } from '../policy';
import { error, type Finding } from './findings';
import { nameIn, RESERVED, type Source, type Values } from './signedSource';
import { type RequestPolicy } from './types';

/** The standard base64 alphabet (+ / =), raw or percent-encoded, where CloudFront wants - _ ~. */
export const STANDARD_BASE64_ONLY = /[+/=]|%2B|%2F|%3D/i;
/** Below this, an epoch time is seconds (year 5138); above it, milliseconds since 1973 (see ../time.ts). */
const MILLISECONDS_FROM = 100_000_000_000;

const millisecondsFinding = (where: string, value: number): Finding => {
  const { unit, perSecond } = epochUnitOf(value);
  const seconds = Math.floor(value / perSecond);
  return error(
    'ExpiryInMilliseconds',
    `${where} is ${value}, which is ${unit} since 1970 (${new Date(seconds * 1000).toISOString()}, ${seconds} in seconds); CloudFront wants whole seconds and answers MalformedPolicy.`,
    `Divide by ${perSecond}: use ${seconds} (Math.floor(Date.now() / 1000) + lifetime in seconds).`,
  );
};

/** The canned policy CloudFront rebuilds from the request URL and Expires. */
function cannedPolicy(expiresText: string, requestUrl: string, source: Source, findings: Finding[]): RequestPolicy | undefined {
  const name = nameIn(source, 'Expires');
  if (!/^\d+$/.test(expiresText)) {
    findings.push(
      error(
        'MalformedExpires',
        `${name} is "${expiresText}", not epoch seconds; CloudFront answers MalformedPolicy.`,
        `Write ${name} as whole seconds since 1970, like ${Math.floor(Date.now() / 1000) + 3600}.`,
      ),
    );
    return undefined;
  }
  if (/^0\d/.test(expiresText)) {
    findings.push(
      error(
        'MalformedExpires',
        `${name} is ${expiresText}, with a leading zero: epoch seconds are written without one, some parsers read a leading 0 as octal, and a strict one refuses it; CloudFront answers MalformedPolicy.`,
        `Write ${name}=${expiresText.replace(/^0+(?=\d)/, '')}, as your signing code should produce it, and sign that value.`,
      ),
    );
    return undefined;
  }
  const expires = Number(expiresText);
  if (expires >= MILLISECONDS_FROM) {
    findings.push(millisecondsFinding(name, expires));
    return undefined;
  }
  try {
    return { kind: 'canned', json: buildPolicy({ resource: requestUrl, expires }), conditions: { resource: requestUrl, expires } };
  } catch (cause) {
    findings.push(error('PolicyStructure', `The canned policy cannot be rebuilt from this URL: ${(cause as Error).message}`, 'Percent-encode the character in the URL, then sign it again.'));
    return undefined;
  }
}

const POLICY_BASE64_PROBLEMS: Readonly<Record<Exclude<Base64Problem, 'alphabet'>, string>> = {
  length: 'is not a multiple of 4 characters long: it was cut short, or encoded without padding',
  padding: 'has data after its padding (_), which a lenient decoder ignores and a strict one refuses',
  unusedBits: 'has unused bits set in its last character before the padding: it was altered after encoding, and a strict decoder refuses it',
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function epochTimeIn(document: unknown, condition: 'DateLessThan' | 'DateGreaterThan'): unknown {
  const statement = (document as { Statement?: Array<{ Condition?: Record<string, Record<string, unknown>> }> })?.Statement?.[0];
  return statement?.Condition?.[condition]?.['AWS:EpochTime'];
}

/** The custom policy from the Policy parameter: decoded, parsed, and checked for milliseconds. */
function customPolicy(policyText: string, source: Source, findings: Finding[]): RequestPolicy | undefined {
  const name = nameIn(source, 'Policy');
  if (STANDARD_BASE64_ONLY.test(policyText) || policyText.includes(' ')) {
    findings.push(
      error(
        'PolicyStandardBase64',
        `${name} uses the standard base64 alphabet (+ / =), but CloudFront expects its URL-safe variant; it answers MalformedPolicy.`,
        'After base64-encoding the policy, replace + with -, = with _ and / with ~.',
      ),
    );
    return undefined;
  }
  const read = readCloudFrontBase64(policyText);
  if ('problem' in read && read.problem !== 'alphabet') {
    findings.push(
      error(
        'PolicyNotBase64',
        `${name} ${POLICY_BASE64_PROBLEMS[read.problem]}; CloudFront answers MalformedPolicy.`,
        'Put the policy into the URL or cookie exactly as your signing code encoded it.',
      ),
    );
    return undefined;
  }
  let json: string | undefined;
  try {
    json = 'bytes' in read ? strictUtf8.decode(read.bytes) : undefined;
  } catch {
    json = undefined;
  }
  if (json === undefined) {
    findings.push(
      error(
        'PolicyNotBase64',
        `${name} is not CloudFront base64 of UTF-8 text; CloudFront answers MalformedPolicy.`,
        "Base64-encode the exact policy JSON you signed, in CloudFront's URL-safe alphabet.",
      ),
    );
    return undefined;
  }
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    findings.push(
      error(
        'PolicyNotJson',
        `${name} decodes to text that is not valid JSON (it starts with ${JSON.stringify(json.slice(0, 40))}); CloudFront answers MalformedPolicy.`,
        'Serialize the policy with a JSON encoder ({"Statement":[{"Resource":…,"Condition":{"DateLessThan":{"AWS:EpochTime":…}}}]}), sign those exact bytes, and encode them.',
      ),
    );
    return undefined;
  }
  for (const [condition, label] of [
    ['DateLessThan', 'DateLessThan'],
    ['DateGreaterThan', 'DateGreaterThan'],
  ] as const) {
    const value = epochTimeIn(document, condition);
    if (typeof value === 'number' && value >= MILLISECONDS_FROM) {
      findings.push(millisecondsFinding(`The policy's ${label} AWS:EpochTime`, value));
      return undefined;
    }
  }
  let conditions: PolicyConditions;
  try {
    conditions = parsePolicy(json, 'policy');
  } catch (cause) {
    const why = (cause as Error).message.replace(/^The policy in policy /, '').replace(/\.$/, '');
    findings.push(
      error(
        'PolicyStructure',
        `${name} decodes to JSON that ${why}; CloudFront answers MalformedPolicy.`,
        'A policy is {"Statement":[{"Resource":"…","Condition":{"DateLessThan":{"AWS:EpochTime":<seconds>}}}]} with optional DateGreaterThan and IpAddress conditions; epoch times are numbers, not strings.',
      ),
    );
    return undefined;
  }
  return { kind: 'custom', json, conditions };
}

/** A Policy that does not decode to a policy while Expires is there: the app's own parameter named Policy. */
function looksLikePolicy(text: string): boolean {
  // Lenient on purpose: a policy with a flaw in its encoding is still a policy, reported as such.
  if (!/^[A-Za-z0-9~_-]*$/.test(text)) return false;
  const bytes = Buffer.from(text.replaceAll('-', '+').replaceAll('_', '=').replaceAll('~', '/'), 'base64');
  return bytes.toString('utf8').trimStart().startsWith('{');
}

/** The policy from Expires or Policy; `requestUrl` is what a canned policy is rebuilt from. */
export function readPolicy(values: Values, requestUrl: string, source: Source, findings: Finding[]): RequestPolicy | undefined {
  const { Expires: expires, Policy: policy } = values;
  if (expires === undefined && policy === undefined) {
    findings.push(
      error(
        'MissingPolicy',
        `The request has neither ${nameIn(source, 'Expires')} (canned policy) nor ${nameIn(source, 'Policy')} (custom policy); CloudFront cannot tell what the signature covers.`,
        `Add ${nameIn(source, 'Expires')} with the expiry you signed, or ${nameIn(source, 'Policy')} with the policy you signed.`,
      ),
    );
    return undefined;
  }
  if (expires !== undefined && policy !== undefined) {
    const ownPolicy = !looksLikePolicy(policy);
    const ownExpires = !/^\d+$/.test(expires);
    if (ownPolicy || ownExpires) {
      const clash = ownPolicy ? 'Policy' : 'Expires';
      findings.push(
        error(
          'ReservedParameterName',
          `${clash}=${(ownPolicy ? policy : expires).slice(0, 40)} is not a signing value: it looks like your own parameter named ${clash}. ${RESERVED}, and reads this one as part of the signature.`,
          `Rename your ${clash} parameter (for example to ${clash.toLowerCase()}_), then sign the URL again.`,
        ),
      );
      return ownPolicy ? cannedPolicy(expires, requestUrl, source, findings) : customPolicy(policy, source, findings);
    }
    findings.push(
      error(
        'ExpiresAndPolicy',
        `The request has both ${nameIn(source, 'Expires')} and ${nameIn(source, 'Policy')}; a signature covers either a canned policy (Expires) or a custom one (Policy), never both.`,
        `Keep ${nameIn(source, 'Policy')} for a custom policy, or ${nameIn(source, 'Expires')} alone for a canned one, as your signer produced it.`,
      ),
    );
    return customPolicy(policy, source, findings);
  }
  return expires !== undefined ? cannedPolicy(expires, requestUrl, source, findings) : customPolicy(policy as string, source, findings);
}
