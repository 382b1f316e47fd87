// The policy statement CloudFront verifies the signature against. The signature covers the exact
// bytes, so the JSON is compact and its keys are in the order of AWS's documentation: Resource, then
// Condition with DateLessThan, DateGreaterThan, IpAddress. A canned policy is this JSON with only
// Resource and DateLessThan; CloudFront rebuilds it from the request URL and the Expires parameter.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
import { SigningError, type SigningInput } from './errors';
import { normalizeIpRange } from './ip';
import { assertPolicySafeText } from './text';

export interface PolicyConditions {
  /** The URL, or a pattern with * and ? wildcards. */
  readonly resource: string;
  /** DateLessThan, epoch seconds. */
  readonly expires: number;
  /** DateGreaterThan, epoch seconds. */
  readonly activeFrom?: number;
  /** IpAddress, an IPv4 CIDR range. */
  readonly ipRange?: string;
}

function assertEpochSeconds(value: number, input: 'expires' | 'activeFrom'): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new SigningError('INVALID_TIME', input, `${input} must be whole epoch seconds; got ${value}.`);
  }
}

/**
 * Writes the policy JSON. Values are written verbatim, so they are checked instead of escaped (see
 * text.ts); a lone IPv4 address becomes a /32 range.
 */
export function buildPolicy(conditions: PolicyConditions): string {
  const { resource, expires, activeFrom, ipRange } = conditions;
  assertPolicySafeText(resource, 'resource');
  assertEpochSeconds(expires, 'expires');
  let condition = `"DateLessThan":{"AWS:EpochTime":${expires}}`;
  if (activeFrom !== undefined) {
    assertEpochSeconds(activeFrom, 'activeFrom');
    condition += `,"DateGreaterThan":{"AWS:EpochTime":${activeFrom}}`;
  }
  if (ipRange !== undefined) condition += `,"IpAddress":{"AWS:SourceIp":"${normalizeIpRange(ipRange)}"}`;
  return `{"Statement":[{"Resource":"${resource}","Condition":{${condition}}}]}`;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function epochTimeOf(condition: unknown): number | undefined {
  const time = isObject(condition) ? condition['AWS:EpochTime'] : undefined;
  return typeof time === 'number' && Number.isSafeInteger(time) ? time : undefined;
}

const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|[{}[\]]/g;
const KEY_COLON = /\s*:/y;

/**
 * The first key that appears twice in one object of valid JSON, or undefined. JSON.parse keeps the
 * last one silently; other parsers keep the first or refuse, so such a policy means different things
 * to different readers and a strict one denies it. Keys are compared decoded ("a" and "\u0061" are one).
 */
export function duplicateJsonKey(json: string): string | undefined {
  const objects: Array<Set<string> | undefined> = [];
  for (const match of json.matchAll(JSON_TOKEN)) {
    const token = match[0];
    if (token === '{') objects.push(new Set());
    else if (token === '[') objects.push(undefined);
    else if (token === '}' || token === ']') objects.pop();
    else {
      const keys = objects.at(-1);
      // In an object, a string followed by a colon is a key; every other string is a value.
      KEY_COLON.lastIndex = match.index + token.length;
      if (!keys || !KEY_COLON.test(json)) continue;
      const key = JSON.parse(token) as string;
      if (keys.has(key)) return key;
      keys.add(key);
    }
  }
  return undefined;
}

/** Reads the conditions back from a policy's JSON; `input` names where the policy came from in errors. */
export function parsePolicy(json: string, input: SigningInput): PolicyConditions {
  const invalid = (why: string): SigningError => new SigningError('INVALID_POLICY', input, `The policy in ${input} ${why}.`);
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    throw invalid('is not valid JSON');
  }
  const duplicate = duplicateJsonKey(json);
  if (duplicate !== undefined) {
    throw invalid(`has the key ${JSON.stringify(duplicate)} twice in one object; JSON readers disagree on which one counts (JavaScript takes the last), so a strict reader refuses it`);
  }
  const statements = isObject(document) ? document.Statement : undefined;
  if (!Array.isArray(statements) || statements.length !== 1) throw invalid('must have a Statement array with exactly one statement');
  const statement: unknown = statements[0];
  if (!isObject(statement) || typeof statement.Resource !== 'string') throw invalid('has no Resource string');
  const condition = statement.Condition;
  if (!isObject(condition)) throw invalid('has no Condition object');
  const expires = epochTimeOf(condition.DateLessThan);
  if (expires === undefined) throw invalid('has no DateLessThan AWS:EpochTime');
  const activeFrom = epochTimeOf(condition.DateGreaterThan);
  if (condition.DateGreaterThan !== undefined && activeFrom === undefined) throw invalid('has a DateGreaterThan without a whole AWS:EpochTime');
  const sourceIp = isObject(condition.IpAddress) ? condition.IpAddress['AWS:SourceIp'] : undefined;
  if (condition.IpAddress !== undefined && typeof sourceIp !== 'string') throw invalid('has an IpAddress without an AWS:SourceIp string');
  return {
    resource: statement.Resource,
    expires,
    ...(activeFrom !== undefined && { activeFrom }),
    ...(typeof sourceIp === 'string' && { ipRange: sourceIp }),
  };
}
