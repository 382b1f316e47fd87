// The bucket-policy merge over any policy fast-check can write: any statements (any keys, strings with
// escapes and non-ASCII, nested values), any layout (compact, 2 or 4 spaces, tabs, CRLF, ", " and
// ": "), a Statement array or one object. Whatever it is, the merge either leaves the text as it was
// ('present'), or inserts one statement and keeps every other byte, or refuses with a reason; the
// result always parses to the old statements plus the new one.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergeOacStatement } from '../../../src/iam/bucketPolicyMerge';
import { insertion } from '../../support/textInsertion';
import { seed } from './arbitraries';

const ARN = 'arn:aws:cloudfront::123456789012:distribution/E1DIST';

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(text, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** A statement as people write them (any of these elements, each with any value) or anything at all. */
const statement = fc.record(
  {
    Sid: text,
    Effect: fc.constantFrom('Allow', 'Deny'),
    Principal: fc.oneof(fc.constant('*'), fc.constant({ AWS: '*' }), fc.constant({ Service: 'cloudfront.amazonaws.com' }), value),
    Action: fc.oneof(fc.constantFrom('s3:GetObject', 's3:*', 'S3:Get*', '*', 's3:PutObject'), value),
    Resource: fc.oneof(fc.constantFrom('arn:aws:s3:::media/*', 'arn:aws:s3:::media/a/*', 'arn:aws:s3:::other/*'), value),
    Condition: fc.oneof(fc.constant({ StringEquals: { 'AWS:SourceArn': ARN } }), value),
    Extra: value,
  },
  { requiredKeys: [] },
);

/** The document written in one of the layouts people's tools use. */
const layout = fc.record({ indent: fc.constantFrom<string | number | undefined>(undefined, 2, 4, '\t'), crlf: fc.boolean(), python: fc.boolean() });

function write(document: object, how: { indent: string | number | undefined; crlf: boolean; python: boolean }): string {
  let written = JSON.stringify(document, null, how.indent);
  // Python's json.dumps: ", " and ": " between items of a one-line document (outside strings only).
  if (how.indent === undefined && how.python) written = written.replace(/("(?:[^"\\]|\\.)*")|([,:])/g, (_m, string: string | undefined, sep: string) => string ?? `${sep} `);
  return how.crlf ? written.replace(/\n/g, '\r\n') : written;
}

describe('bucket policy merge, properties', () => {
  it('present: the text as it was; added: one insertion, every other byte kept, the old statements plus the new one; or refused', () => {
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 4 }), fc.boolean(), layout, fc.constantFrom('2012-10-17', '2008-10-17'), (statements, single, how, version) => {
        const one = single && statements.length === 1;
        const before = write({ Version: version, Statement: one ? statements[0] : statements }, how);
        const result = mergeOacStatement(before, 'media', ARN);
        if (result.outcome === 'refused') return; // a statement value that is no object, or too large: refusals are tested by name
        if (result.outcome === 'present') return assert.equal(result.policy, before);
        const after = JSON.parse(result.policy) as { Version: string; Statement: unknown[] };
        assert.equal(after.Version, version);
        assert.equal(after.Statement.length, statements.length + 1);
        assert.deepEqual(after.Statement.slice(0, -1), JSON.parse(JSON.stringify(statements)));
        assert.ok(!statements.some((st) => typeof st.Sid === 'string' && st.Sid.toLowerCase() === result.sid.toLowerCase()), 'the new Sid is one of its own');
        if (one) {
          // Only "[", the separator with the new statement, and "]" around the statement as written.
          const start = before.indexOf('{', before.indexOf('"Statement"'));
          const end = before.lastIndexOf('}', before.lastIndexOf('}') - 1) + 1;
          assert.equal(result.policy.slice(0, start), before.slice(0, start));
          assert.equal(result.policy[start], '[');
          assert.equal(result.policy.slice(start + 1, end + 1), before.slice(start, end), 'the statement as written');
          assert.ok(result.policy.endsWith(`]${before.slice(end)}`));
        } else {
          insertion(before, result.policy);
        }
        if (!before.includes('\n')) assert.ok(!result.policy.includes('\n'), 'compact stays compact');
      }),
      { seed: seed(220922), numRuns: 400 },
    );
  });
});
