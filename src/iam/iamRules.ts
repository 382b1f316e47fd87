// IAM's documented rules for reading a policy statement, in one table with no UI import: how actions,
// resources, principals and condition operators match a request. The bucket-policy merge asks whether
// a statement already grants a distribution's origin access control; Protect asks whether one lets
// anyone read. The npm libraries that evaluate IAM policies (@cloud-copilot/iam-simulate and its
// siblings) are AGPL-3.0, which this Apache-2.0 extension cannot bundle, so the rules are written here.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

/** IAM's rules, each as the documentation states it; the functions below follow them. */
export const IAM_RULES = {
  /** reference_policies_elements_action.html: "Action values are case insensitive"; `*` and `?` are wildcards anywhere in the name. */
  actionsCaseInsensitive: true,
  /** reference_policies_elements_resource.html: ARNs may hold `*` and `?`; "ARNs are case sensitive" (S3 object keys are). */
  resourcesCaseSensitive: true,
  /** reference_policies_elements_condition.html: "Condition key names are not case-sensitive." */
  conditionKeysCaseInsensitive: true,
  /**
   * reference_policies_elements_condition_logic_multiple-context-keys-or-values.html: operators in a
   * Condition block and keys in an operator are ANDed; several values of one key are ORed, and a
   * negated operator (StringNotEquals…) is true only when the value matches none of them.
   */
  conditionLogic: 'operators AND, keys AND, values OR (negated: NOR)',
  /** An explicit Deny in any statement overrides any Allow (reference_policies_evaluation-logic.html). */
  denyOverridesAllow: true,
} as const;

/** The condition operators IAM documents for string and ARN keys, and how each compares. */
interface OperatorRule {
  readonly compare: 'string' | 'arn' | 'null' | 'other';
  readonly ignoreCase?: boolean;
  /** `*` and `?` are wildcards in the policy's values. */
  readonly wildcards?: boolean;
  readonly negated?: boolean;
}

// ArnEquals and ArnLike behave the same: each of the six colon-separated parts is matched on its own,
// with wildcards. An exact ARN therefore means the same under StringEquals, StringLike, ArnEquals and ArnLike.
const OPERATORS: Readonly<Record<string, OperatorRule>> = {
  stringequals: { compare: 'string' },
  stringnotequals: { compare: 'string', negated: true },
  stringequalsignorecase: { compare: 'string', ignoreCase: true },
  stringnotequalsignorecase: { compare: 'string', ignoreCase: true, negated: true },
  stringlike: { compare: 'string', wildcards: true },
  stringnotlike: { compare: 'string', wildcards: true, negated: true },
  arnequals: { compare: 'arn', wildcards: true },
  arnlike: { compare: 'arn', wildcards: true },
  arnnotequals: { compare: 'arn', wildcards: true, negated: true },
  arnnotlike: { compare: 'arn', wildcards: true, negated: true },
  null: { compare: 'null' },
  bool: { compare: 'string', ignoreCase: true },
  ipaddress: { compare: 'other' },
  notipaddress: { compare: 'other', negated: true },
};

/** A condition operator as written (`ForAnyValue:StringLikeIfExists`), split into its parts. */
export interface ParsedOperator {
  readonly name: string;
  readonly rule: OperatorRule;
  readonly set?: 'ForAnyValue' | 'ForAllValues';
  readonly ifExists: boolean;
}

export function parseOperator(written: string): ParsedOperator {
  const setMatch = /^(ForAnyValue|ForAllValues):/i.exec(written);
  let name = setMatch ? written.slice(setMatch[0].length) : written;
  const ifExists = /IfExists$/i.test(name) && name.toLowerCase() !== 'ifexists';
  if (ifExists) name = name.slice(0, -'IfExists'.length);
  const rule = OPERATORS[name.toLowerCase()] ?? { compare: 'other' };
  const set = setMatch ? (setMatch[1].toLowerCase() === 'foranyvalue' ? 'ForAnyValue' : 'ForAllValues') : undefined;
  return { name, rule, ifExists, ...(set ? { set } : {}) };
}

const escapeRegExp = (text: string) => text.replace(/[.+^${}()|[\]\\]/g, '\\$&');

/** IAM's wildcard match: `*` any run of characters (none too), `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = escapeRegExp(pattern).replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

/** An action name (`s3:GetObject`) against a policy's Action entry (`S3:Get*`, `s3:*Object`, `*`). */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, IAM_RULES.actionsCaseInsensitive);
}

/** Whether a statement's Action / NotAction lets `action` through. */
export function statementCoversAction(statement: { Action?: unknown; NotAction?: unknown }, action: string): boolean {
  if (statement.Action !== undefined) return strings(statement.Action).some((a) => actionMatches(a, action));
  if (statement.NotAction !== undefined) return !strings(statement.NotAction).some((a) => actionMatches(a, action));
  return false;
}

/** The six colon-separated parts of an ARN (the last keeps its colons), or undefined. */
function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(':');
  return parts.length < 6 ? undefined : [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/** ArnEquals / ArnLike: each part of the ARN matched on its own, with wildcards, case-sensitive. */
export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const p = arnParts(pattern);
  const a = arnParts(arn);
  return !!p && !!a && p.every((part, i) => wildcardMatch(part, a[i]));
}

/**
 * How much of "every string that starts with `prefix` and goes on with at least one character" a
 * wildcard pattern matches: all of them, some, or none. For Resource entries against every object of
 * a bucket (`arn:aws:s3:::media/` + any key).
 */
export function prefixCoverage(pattern: string, prefix: string): 'all' | 'some' | 'none' {
  // The pattern positions reachable after reading `prefix` (an NFA over the pattern).
  const closure = (states: Set<number>) => {
    for (const i of [...states]) for (let j = i; pattern[j] === '*'; j++) states.add(j + 1);
    return states;
  };
  let states = closure(new Set([0]));
  for (const char of prefix) {
    const next = new Set<number>();
    for (const i of states) {
      if (i >= pattern.length) continue;
      if (pattern[i] === '*') next.add(i);
      else if (pattern[i] === '?' || pattern[i] === char) next.add(i + 1);
    }
    states = closure(next);
    if (!states.size) return 'none';
  }
  const rests = [...states].map((i) => pattern.slice(i));
  if (rests.some((rest) => rest.length > 0 && /^\*+$/.test(rest))) return 'all';
  return rests.some((rest) => rest.length > 0) ? 'some' : 'none';
}

/** A Resource / NotResource element against every object of a bucket (ARN prefix `arn:…:s3:::bucket/`). */
export function statementResourceCoverage(statement: { Resource?: unknown; NotResource?: unknown }, objectPrefix: string): 'all' | 'some' | 'none' {
  if (statement.Resource !== undefined) {
    const each = strings(statement.Resource).map((r) => prefixCoverage(r, objectPrefix));
    return each.includes('all') ? 'all' : each.includes('some') ? 'some' : 'none';
  }
  if (statement.NotResource !== undefined) {
    const each = strings(statement.NotResource).map((r) => prefixCoverage(r, objectPrefix));
    return each.includes('all') ? 'none' : each.includes('some') ? 'some' : 'all';
  }
  return 'none';
}

/** Who sends a request: anyone (anonymous), or a service principal such as cloudfront.amazonaws.com. */
export type RequestPrincipal = { readonly kind: 'anonymous' } | { readonly kind: 'service'; readonly service: string };

const isEveryone = (principal: unknown): boolean =>
  principal === '*' || (!!principal && typeof principal === 'object' && !Array.isArray(principal) && strings((principal as Record<string, unknown>).AWS).includes('*'));

/** Whether a Principal element names `who`: `"*"` and `{"AWS":"*"}` name everyone; `{"Service": …}` a service, as a string or a list. */
export function principalNames(principal: unknown, who: RequestPrincipal): boolean {
  if (isEveryone(principal)) return true;
  if (who.kind === 'anonymous' || !principal || typeof principal !== 'object' || Array.isArray(principal)) return false;
  const entry = Object.entries(principal as Record<string, unknown>).find(([key]) => key.toLowerCase() === 'service');
  return !!entry && strings(entry[1]).some((s) => s.toLowerCase() === who.service.toLowerCase());
}

/** Whether a statement's Principal / NotPrincipal applies to `who`. */
export function statementCoversPrincipal(statement: { Principal?: unknown; NotPrincipal?: unknown }, who: RequestPrincipal): boolean {
  if (statement.Principal !== undefined) return principalNames(statement.Principal, who);
  if (statement.NotPrincipal !== undefined) return !principalNames(statement.NotPrincipal, who);
  return false;
}

/** A value or a list of values, the strings only. */
export function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string');
}

/** What a request is known to carry: condition keys (lower case) and their values. Keys not listed are unknown. */
export type RequestContext = ReadonlyMap<string, string>;

/** true / false when the context decides; 'unknown' when a key or operator is outside what is known. */
export type Tristate = true | false | 'unknown';

function valueMatches(rule: OperatorRule, pattern: string, value: string): boolean {
  if (rule.compare === 'arn') return arnMatches(pattern, value);
  if (rule.wildcards) return wildcardMatch(pattern, value, rule.ignoreCase);
  return rule.ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
}

/** One `operator: { key: values }` entry against the context. */
export function evaluateCondition(operator: string, key: string, values: unknown, context: RequestContext): Tristate {
  const op = parseOperator(operator);
  const known = context.has(key.toLowerCase());
  const value = context.get(key.toLowerCase());
  const listed = Array.isArray(values) ? (values as unknown[]) : [values];
  if (op.rule.compare === 'null') {
    if (!known) return 'unknown';
    const wanted = listed.map((v) => String(v).toLowerCase());
    // Null: "true" asks that the key be absent; the keys this context knows are present.
    return wanted.includes('false') && !wanted.includes('true');
  }
  if (op.rule.compare === 'other' || !known || value === undefined) return 'unknown';
  if (op.set === 'ForAllValues') return 'unknown'; // true for an absent key: never read as a match here
  // Bool and numeric-looking values may be written as JSON booleans and numbers: IAM reads them as text.
  const patterns = listed.map((v) => (typeof v === 'boolean' || typeof v === 'number' ? String(v) : v)).filter((v): v is string => typeof v === 'string');
  if (patterns.length !== listed.length || patterns.some((p) => p.includes('${'))) return 'unknown'; // policy variables
  const any = patterns.some((p) => valueMatches(op.rule, p, value));
  return op.rule.negated ? !any : any;
}

/** A whole Condition block: every operator and key must hold. */
export function evaluateConditions(condition: unknown, context: RequestContext): { result: Tristate; unknownKeys: string[] } {
  if (condition === undefined) return { result: true, unknownKeys: [] };
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return { result: 'unknown', unknownKeys: ['Condition'] };
  let result: Tristate = true;
  const unknownKeys: string[] = [];
  for (const [operator, keys] of Object.entries(condition as Record<string, unknown>)) {
    if (!keys || typeof keys !== 'object' || Array.isArray(keys)) return { result: 'unknown', unknownKeys: [operator] };
    for (const [key, values] of Object.entries(keys as Record<string, unknown>)) {
      const one = evaluateCondition(operator, key, values, context);
      if (one === false) return { result: false, unknownKeys: [] };
      if (one === 'unknown') {
        result = 'unknown';
        unknownKeys.push(`${operator} ${key}`);
      }
    }
  }
  return { result, unknownKeys };
}

/**
 * S3's "meaning of public": a statement granting to everyone is not public when it is limited to fixed
 * values (no wildcard, no policy variable) of one of these keys, or to CIDRs with aws:SourceIp.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 */
export const NON_PUBLIC_CONDITION_KEYS: readonly string[] = [
  'aws:sourceip',
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  'aws:principalorgid',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  'aws:userid',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
];

/** The condition keys of a Condition block that, by S3's rule, keep a grant to everyone from being public. */
export function restrictingConditionKeys(condition: unknown): string[] {
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return [];
  const found: string[] = [];
  for (const [operator, keys] of Object.entries(condition as Record<string, unknown>)) {
    const op = parseOperator(operator);
    if (op.rule.negated || op.ifExists || op.set === 'ForAllValues' || !keys || typeof keys !== 'object') continue;
    for (const [key, values] of Object.entries(keys as Record<string, unknown>)) {
      const lower = key.toLowerCase();
      if (!NON_PUBLIC_CONDITION_KEYS.includes(lower)) continue;
      const listed = strings(values);
      if (!listed.length || listed.some((v) => v.includes('${'))) continue;
      if (lower === 'aws:userid' ? listed.some((v) => /^AROA[^:]*:\*$/.test(v)) : lower !== 'aws:sourceip' && listed.some((v) => /[*?]/.test(v))) continue;
      if (lower === 'aws:sourceip' && listed.some((v) => /\/0$/.test(v))) continue; // 0.0.0.0/0 and ::/0 are everyone
      found.push(key);
    }
  }
  return found;
}
