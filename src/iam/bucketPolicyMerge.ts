// An S3 bucket policy changed without loss: the statement that lets a distribution's origin access
// control (OAC) read the bucket is added as text, every other statement and every byte around them
// kept, unless a statement already grants it by IAM's rules (iamRules.ts). Statements that let anyone
// read are found the same way, and dropped the same way when a person asks. A policy that cannot be
// kept exactly, or that would outgrow S3's size limit, is refused with the reason: never rewritten.
import { bucketObjectsArn, distributionPartition, type Partition } from '../cloudfront/partitions';
import { OAC_STATEMENT_SID, oacStatementOf } from '../cloudfront/s3Origin';
import { evaluateConditions, restrictingConditionKeys, statementCoversAction, statementCoversPrincipal, statementResourceCoverage, type RequestPrincipal } from './iamRules';
import { byteLength, readPolicyText, valueOf, withoutStatementsText, withStatementText, type PolicyText, type PolicyTextProblem } from './policyText';

/** S3's limit on a bucket policy: 20 KB. https://docs.aws.amazon.com/AmazonS3/latest/userguide/BucketRestrictions.html */
export const BUCKET_POLICY_MAX_BYTES = 20 * 1024;

/** Why a bucket policy is refused rather than changed. */
export type BucketPolicyRefusal = PolicyTextProblem | { readonly kind: 'tooLarge'; readonly bytes: number; readonly limit: number };

/** Something in the policy that the person should know about CloudFront's reads. */
export interface BucketPolicyWarning {
  /** A statement that would grant the read but only under more conditions, or a Deny that may refuse it. */
  readonly kind: 'narrowedGrant' | 'deny';
  /** The statement's Sid, or its position ("statement 3"). */
  readonly statement: string;
  /** What narrows it: condition keys, or "only some objects". */
  readonly reasons: readonly string[];
}

export type OacMergeResult =
  | { readonly outcome: 'present'; readonly policy: string; readonly grantedBy: readonly string[]; readonly warnings: readonly BucketPolicyWarning[] }
  | { readonly outcome: 'added'; readonly policy: string; readonly sid: string; readonly bytes: number; readonly warnings: readonly BucketPolicyWarning[] }
  | { readonly outcome: 'refused'; readonly refusal: BucketPolicyRefusal };

const CLOUDFRONT: RequestPrincipal = { kind: 'service', service: 'cloudfront.amazonaws.com' };
const ANYONE: RequestPrincipal = { kind: 'anonymous' };
const READ = 's3:GetObject';

const labelOf = (statement: Record<string, unknown>, index: number): string => (typeof statement.Sid === 'string' && statement.Sid ? statement.Sid : `statement ${index + 1}`);

/** The account of an ARN (`arn:aws:cloudfront::123456789012:distribution/E…`). */
const accountOf = (arn: string): string | undefined => arn.split(':')[4] || undefined;

type Applies = { readonly applies: 'yes' | 'no' } | { readonly applies: 'partly'; readonly reasons: string[] };

/** Whether `statement` applies to `principal` reading every object of the bucket, given what the request is known to carry. */
function appliesToRead(statement: Record<string, unknown>, principal: RequestPrincipal, objectPrefix: string, context: ReadonlyMap<string, string>): Applies {
  if (!statementCoversPrincipal(statement, principal) || !statementCoversAction(statement, READ)) return { applies: 'no' };
  const coverage = statementResourceCoverage(statement, objectPrefix);
  if (coverage === 'none') return { applies: 'no' };
  const conditions = evaluateConditions(statement.Condition, context);
  if (conditions.result === false) return { applies: 'no' };
  const reasons = [...(coverage === 'some' ? ['only some objects'] : []), ...conditions.unknownKeys];
  return reasons.length ? { applies: 'partly', reasons } : { applies: 'yes' };
}

/** A Sid no statement has (S3 compares Sids as written; case is ignored here too, to be safe). */
function freeSid(taken: ReadonlySet<string>, distributionArn: string): string {
  const has = (sid: string) => taken.has(sid.toLowerCase());
  if (!has(OAC_STATEMENT_SID)) return OAC_STATEMENT_SID;
  const withId = `${OAC_STATEMENT_SID}${(distributionArn.split('/').at(-1) ?? '').replace(/[^A-Za-z0-9]/g, '')}`;
  if (!has(withId)) return withId;
  for (let n = 2; ; n++) if (!has(`${withId}${n}`)) return `${withId}${n}`;
}

/** What is known of the requests CloudFront sends to the bucket. */
export interface OacReadContext {
  /**
   * Viewers reach the behavior over HTTPS only (redirect-to-https or https-only): CloudFront then reads
   * S3 over HTTPS too (it uses the viewer's protocol), so aws:SecureTransport is true. Undefined: unknown.
   */
  readonly viewersUseHttps?: boolean;
}

/** What each statement of a read policy says about CloudFront's reads for `distributionArn`. */
function grantAnalysis(policy: PolicyText, bucket: string, distributionArn: string, known: OacReadContext) {
  const objectPrefix = bucketObjectsArn(bucket, distributionPartition(distributionArn)).slice(0, -1);
  const account = accountOf(distributionArn);
  const context = new Map<string, string>([['aws:sourcearn', distributionArn]]);
  if (account) context.set('aws:sourceaccount', account);
  if (known.viewersUseHttps) context.set('aws:securetransport', 'true');
  const grantedBy: string[] = [];
  const warnings: BucketPolicyWarning[] = [];
  for (const [index, node] of policy.statements.entries()) {
    const statement = valueOf(node);
    const effect = statement.Effect;
    // An Allow to everyone (Principal "*", or NotPrincipal) lets CloudFront read too, but it is a public
    // read, which Protect asks to close: the distribution's grant must stand without it.
    if (effect === 'Allow' && statementCoversPrincipal(statement, ANYONE)) continue;
    const applies = appliesToRead(statement, CLOUDFRONT, objectPrefix, context);
    if (applies.applies === 'no') continue;
    if (effect === 'Deny') warnings.push({ kind: 'deny', statement: labelOf(statement, index), reasons: applies.applies === 'partly' ? applies.reasons : [] });
    else if (effect === 'Allow' && applies.applies === 'yes') grantedBy.push(labelOf(statement, index));
    else if (effect === 'Allow' && applies.applies === 'partly') warnings.push({ kind: 'narrowedGrant', statement: labelOf(statement, index), reasons: applies.reasons });
  }
  return { grantedBy, warnings };
}

/**
 * The bucket policy with the statement that lets the OAC of `distributionArn` read every object of
 * `bucket`: 'present' (the text unchanged) when a statement already grants exactly that; else 'added',
 * the new statement inserted as text in the policy's own layout (a new policy when there was none);
 * 'refused' when the text cannot be kept exactly or the result would exceed S3's 20 KB. Grants
 * narrowed by more conditions and Deny statements that may apply come back as warnings: a Deny beside
 * an exact grant leaves it 'present', since no added Allow can outweigh a Deny (and adding one on each
 * run would only grow the policy).
 */
export function mergeOacStatement(policy: string | undefined, bucket: string, distributionArn: string, known: OacReadContext = {}): OacMergeResult {
  if (policy === undefined || policy.trim() === '') {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [oacStatementOf(bucket, distributionArn)] }, null, 2);
    return { outcome: 'added', policy: text, sid: OAC_STATEMENT_SID, bytes: byteLength(text), warnings: [] };
  }
  const read = readPolicyText(policy);
  if ('problem' in read) return { outcome: 'refused', refusal: read.problem };
  const { grantedBy, warnings } = grantAnalysis(read.policy, bucket, distributionArn, known);
  if (grantedBy.length) return { outcome: 'present', policy, grantedBy, warnings };
  const sids = new Set(
    read.policy.statements
      .map((s) => valueOf(s).Sid)
      .filter((sid): sid is string => typeof sid === 'string')
      .map((sid) => sid.toLowerCase()),
  );
  const sid = freeSid(sids, distributionArn);
  const text = withStatementText(read.policy, oacStatementOf(bucket, distributionArn, sid));
  const bytes = byteLength(text);
  if (bytes > BUCKET_POLICY_MAX_BYTES) return { outcome: 'refused', refusal: { kind: 'tooLarge', bytes, limit: BUCKET_POLICY_MAX_BYTES } };
  return { outcome: 'added', policy: text, sid, bytes, warnings };
}

/** A statement that lets anyone read the bucket's objects. */
export interface PublicReadStatement {
  /** Its position in the policy's statements. */
  readonly index: number;
  readonly sid?: string;
  /** Its Sid, or its position ("statement 3"). */
  readonly label: string;
  /** Conditions that narrow it without making it private by S3's rule (aws:Referer, aws:SecureTransport…), as "Operator key". */
  readonly conditions: readonly string[];
  /** It reads only some of the bucket's objects (a Resource such as `media/public/*`). */
  readonly someObjects: boolean;
}

/**
 * The statements that let anyone read objects of `bucket` (ARNs in `partition`): an Allow whose
 * Principal is `*` or `{"AWS":"*"}` (or a NotPrincipal), whose Action or NotAction lets s3:GetObject
 * through by IAM's matching (wildcards, any case), on some of the bucket's objects, and whose
 * conditions do not limit it to fixed sources as S3's "meaning of public" says.
 */
export function publicReadStatements(policy: string | undefined, bucket: string, partition: Partition): { statements: PublicReadStatement[] } | { refusal: PolicyTextProblem } {
  if (policy === undefined || policy.trim() === '') return { statements: [] };
  const read = readPolicyText(policy);
  if ('problem' in read) return { refusal: read.problem };
  const objectPrefix = bucketObjectsArn(bucket, partition).slice(0, -1);
  const statements: PublicReadStatement[] = [];
  for (const [index, node] of read.policy.statements.entries()) {
    const statement = valueOf(node);
    if (statement.Effect !== 'Allow' || !statementCoversPrincipal(statement, ANYONE) || !statementCoversAction(statement, READ)) continue;
    const coverage = statementResourceCoverage(statement, objectPrefix);
    if (coverage === 'none' || restrictingConditionKeys(statement.Condition).length) continue;
    const condition = (statement.Condition ?? {}) as Record<string, Record<string, unknown>>;
    const conditions = Object.entries(condition).flatMap(([operator, keys]) => Object.keys(keys ?? {}).map((key) => `${operator} ${key}`));
    statements.push({ index, ...(typeof statement.Sid === 'string' ? { sid: statement.Sid } : {}), label: labelOf(statement, index), conditions, someObjects: coverage === 'some' });
  }
  return { statements };
}

/**
 * The policy without the statements that let anyone read (publicReadStatements), every other byte as
 * it was; undefined when nothing else is left (the policy is to be deleted).
 */
export function withoutPublicRead(policy: string, bucket: string, partition: Partition): { policy: string | undefined } | { refusal: PolicyTextProblem } {
  const found = publicReadStatements(policy, bucket, partition);
  if ('refusal' in found) return found;
  const read = readPolicyText(policy);
  if ('problem' in read) return { refusal: read.problem };
  return { policy: withoutStatementsText(read.policy, new Set(found.statements.map((s) => s.index))) };
}
