// The bucket-policy merge on a corpus of real-world policy shapes: every untouched statement keeps its
// exact bytes (the new text minus the insertion is the old text), the layout is the policy's own, and
// what cannot be kept exactly, or would not fit S3's 20 KB, is refused.
import assert from 'node:assert/strict';
import { insertion } from '../../support/textInsertion';
import { PARTITIONS } from '../../../src/cloudfront/partitions';
import { BUCKET_POLICY_MAX_BYTES, mergeOacStatement, publicReadStatements, withoutPublicRead, type OacMergeResult } from '../../../src/iam/bucketPolicyMerge';

const ARN = 'arn:aws:cloudfront::123456789012:distribution/E1DIST';
/** Protect's behaviors redirect viewers to HTTPS: CloudFront then reads S3 over HTTPS too. */
const HTTPS = { viewersUseHttps: true };
const OTHER_ARN = 'arn:aws:cloudfront::123456789012:distribution/E2OTHER';

const oac = (arn = ARN, sid = 'AllowCloudFrontServicePrincipal', partition = 'aws', bucket = 'media') => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: { Service: 'cloudfront.amazonaws.com' },
  Action: 's3:GetObject',
  Resource: `arn:${partition}:s3:::${bucket}/*`,
  Condition: { StringEquals: { 'AWS:SourceArn': arn } },
});

const denyInsecure = {
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: ['arn:aws:s3:::media', 'arn:aws:s3:::media/*'],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};
const logs = { Sid: 'LogDelivery', Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::media/logs/*' };

function added(result: OacMergeResult): Extract<OacMergeResult, { outcome: 'added' }> {
  assert.equal(result.outcome, 'added', JSON.stringify(result));
  return result;
}

/** The warnings of a result that is not a refusal. */
function warningsOf(result: OacMergeResult): readonly unknown[] {
  assert.notEqual(result.outcome, 'refused', JSON.stringify(result));
  return (result as Exclude<OacMergeResult, { outcome: 'refused' }>).warnings;
}

/** The statement the insertion holds (after its separator). */
const insertedStatement = (text: string): unknown => JSON.parse(text.replace(/^\s*,\s*/, ''));

describe('bucket policy merge: untouched statements keep their bytes', () => {
  const shapes: Array<{ name: string; text: string; layout: RegExp }> = [
    { name: 'compact (as S3 returns a policy put compact)', text: JSON.stringify({ Version: '2012-10-17', Statement: [denyInsecure, logs] }), layout: /^,\{"Sid"/ },
    { name: 'pretty, two spaces (the console)', text: JSON.stringify({ Version: '2012-10-17', Id: 'Policy1', Statement: [denyInsecure, logs] }, null, 2), layout: /^,\n {4}\{\n {6}"Sid": /m },
    { name: 'pretty, four spaces, CRLF', text: JSON.stringify({ Version: '2012-10-17', Statement: [logs] }, null, 4).replace(/\n/g, '\r\n'), layout: /^,\r\n {8}\{\r\n {12}"Sid": / },
    { name: 'tabs', text: JSON.stringify({ Version: '2012-10-17', Statement: [logs, denyInsecure] }, null, '\t'), layout: /^,\n\t\t\{\n\t\t\t"Sid": / },
    // Python's json.dumps: ", " and ": " (the texts as Python 3 writes them).
    {
      name: "Python's json.dumps, one statement",
      text: '{"Version": "2012-10-17", "Statement": [{"Sid": "LogDelivery", "Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::media/logs/*"}]}',
      layout: /^, \{"Sid": "/,
    },
    {
      name: "Python's json.dumps, two statements",
      text: '{"Version": "2012-10-17", "Statement": [{"Sid": "LogDelivery", "Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::media/logs/*"}, {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::media", "arn:aws:s3:::media/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}',
      layout: /^, \{"Sid": "AllowCloudFrontServicePrincipal", "Effect": "Allow", "Principal": \{"Service": /,
    },
    {
      name: 'pretty document, one statement per line',
      text: `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${JSON.stringify(logs)},\n    ${JSON.stringify(denyInsecure)}\n  ]\n}\n`,
      layout: /^,\n {4}\{"Sid":"/,
    },
    {
      name: 'pretty, the array hugging its statements ("[{" … "}]")',
      text: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "LogDelivery",\n    "Effect": "Allow",\n    "Principal": {"Service": "logging.s3.amazonaws.com"},\n    "Action": "s3:PutObject",\n    "Resource": "arn:aws:s3:::media/logs/*"\n  }]\n}\n',
      layout: /^,\{\n {4}"Sid": "AllowCloudFrontServicePrincipal",\n {4}"Effect"/,
    },
    { name: 'Version 2008-10-17 (kept as it is)', text: JSON.stringify({ Version: '2008-10-17', Id: 'PolicyForCloudFrontPrivateContent', Statement: [logs] }, null, 2), layout: /^,\n {4}\{/ },
    {
      name: 'unicode and escapes in other statements',
      text: JSON.stringify({ Version: '2012-10-17', Statement: [{ ...logs, Sid: 'Logs\u00e9' }] }).replace('Logs\u00e9', 'Logs\\u00e9 \\"quoted\\"'),
      layout: /^,\{/,
    },
  ];
  for (const shape of shapes) {
    it(shape.name, () => {
      const result = added(mergeOacStatement(shape.text, 'media', ARN, HTTPS));
      const text = insertion(shape.text, result.policy);
      assert.match(text, shape.layout);
      assert.deepEqual(insertedStatement(text), oac());
      assert.equal(result.bytes, Buffer.byteLength(result.policy));
      const before = JSON.parse(shape.text) as { Version: string; Statement: unknown[] };
      const after = JSON.parse(result.policy) as { Version: string; Statement: unknown[] };
      assert.equal(after.Version, before.Version);
      assert.deepEqual(after.Statement, [...before.Statement, oac()]);
      // Run again: present, nothing changes.
      assert.deepEqual(mergeOacStatement(result.policy, 'media', ARN, HTTPS), { outcome: 'present', policy: result.policy, grantedBy: ['AllowCloudFrontServicePrincipal'], warnings: [] });
    });
  }

  it('a single-object Statement becomes an array: only "[", the new statement and "]" are added', () => {
    for (const text of [JSON.stringify({ Version: '2012-10-17', Statement: logs }), JSON.stringify({ Version: '2012-10-17', Statement: logs }, null, 2)]) {
      const result = added(mergeOacStatement(text, 'media', ARN)).policy;
      const start = text.indexOf('{', text.indexOf('"Statement"'));
      const end = text.lastIndexOf('}', text.lastIndexOf('}') - 1) + 1;
      assert.equal(result.slice(0, start), text.slice(0, start));
      assert.equal(result.slice(start, start + 1), '[');
      assert.equal(result.slice(start + 1, start + 1 + end - start), text.slice(start, end), 'the statement as written');
      assert.ok(result.endsWith(`]${text.slice(end)}`));
      assert.deepEqual((JSON.parse(result) as { Statement: unknown }).Statement, [logs, oac()]);
    }
  });

  it('an empty Statement array and a policy without Statement get the statement in their layout', () => {
    const empty = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}';
    const filled = added(mergeOacStatement(empty, 'media', ARN)).policy;
    assert.equal(insertion(empty, filled), `\n    ${JSON.stringify(oac(), null, 2).replace(/\n/g, '\n    ')}\n  `);
    const none = '{"Version":"2012-10-17"}';
    assert.equal(added(mergeOacStatement(none, 'media', ARN)).policy, `{"Version":"2012-10-17","Statement":[${JSON.stringify(oac())}]}`);
  });

  it('no policy: a new one with the statement alone', () => {
    const result = added(mergeOacStatement(undefined, 'media', ARN));
    assert.deepEqual(JSON.parse(result.policy), { Version: '2012-10-17', Statement: [oac()] });
  });
});

describe('bucket policy merge: Sids stay unique', () => {
  it('a Sid that another statement has gets the distribution id, then a number', () => {
    const first = JSON.stringify({ Version: '2012-10-17', Statement: [oac(OTHER_ARN)] });
    const second = added(mergeOacStatement(first, 'media', ARN));
    assert.equal(second.sid, 'AllowCloudFrontServicePrincipalE1DIST');
    const taken = JSON.stringify({ Version: '2012-10-17', Statement: [oac(OTHER_ARN), { ...logs, Sid: 'allowcloudfrontserviceprincipale1dist' }] });
    assert.equal(added(mergeOacStatement(taken, 'media', ARN)).sid, 'AllowCloudFrontServicePrincipalE1DIST2');
    const sids = (JSON.parse(second.policy) as { Statement: Array<{ Sid: string }> }).Statement.map((s) => s.Sid);
    assert.equal(new Set(sids).size, sids.length);
  });
});

describe('bucket policy merge: "already granted" by IAM\'s rules', () => {
  const present: Array<[string, object]> = [
    ['ArnEquals', { ...oac(), Condition: { ArnEquals: { 'aws:SourceArn': ARN } } }],
    ['ArnLike', { ...oac(), Condition: { ArnLike: { 'AWS:SourceArn': ARN } } }],
    ['a lower-case condition key', { ...oac(), Condition: { StringEquals: { 'aws:sourcearn': ARN } } }],
    ['the service principal in a list', { ...oac(), Principal: { Service: ['cloudfront.amazonaws.com'] } }],
    ['s3:GetObject*', { ...oac(), Action: 's3:GetObject*' }],
    ['s3:* and S3:GETOBJECT in a list', { ...oac(), Action: ['S3:GETOBJECT', 's3:*'] }],
    ['* as the action, the bucket and its objects as resources', { ...oac(), Action: '*', Resource: ['arn:aws:s3:::media', 'arn:aws:s3:::media*'] }],
    ['every distribution of the account (ArnLike with *)', { ...oac(), Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudfront::123456789012:distribution/*' } } }],
    ['the account too (aws:SourceAccount)', { ...oac(), Condition: { StringEquals: { 'aws:SourceArn': ARN, 'aws:SourceAccount': '123456789012' } } }],
  ];
  for (const [name, statement] of present) {
    it(`present: ${name}`, () => {
      const text = JSON.stringify({ Version: '2012-10-17', Statement: [denyInsecure, statement] });
      const result = mergeOacStatement(text, 'media', ARN, HTTPS);
      assert.equal(result.outcome, 'present', JSON.stringify(result));
      assert.equal((result as { policy: string }).policy, text);
    });
  }

  const narrowed: Array<[string, object, string[]]> = [
    ['an extra condition key', { ...oac(), Condition: { StringEquals: { 'AWS:SourceArn': ARN }, IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } }, ['IpAddress aws:SourceIp']],
    ['a tag condition', { ...oac(), Condition: { StringEquals: { 'AWS:SourceArn': ARN, 's3:ExistingObjectTag/public': 'yes' } } }, ['StringEquals s3:ExistingObjectTag/public']],
    ['only some objects', { ...oac(), Resource: 'arn:aws:s3:::media/public/*' }, ['only some objects']],
  ];
  for (const [name, statement, reasons] of narrowed) {
    it(`not equivalent, warned and added: ${name}`, () => {
      const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ ...statement, Sid: 'Narrow' }] });
      const result = added(mergeOacStatement(text, 'media', ARN));
      assert.deepEqual(result.warnings, [{ kind: 'narrowedGrant', statement: 'Narrow', reasons }]);
      insertion(text, result.policy);
    });
  }

  it('a Deny that may remove the grant is warned; beside no exact grant the statement is added, beside one it is not (no Allow outweighs a Deny)', () => {
    const deny = { Sid: 'OnlyFromVpc', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::media/*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } };
    const warning = { kind: 'deny', statement: 'OnlyFromVpc', reasons: ['StringNotEquals aws:SourceVpce'] };
    const alone = JSON.stringify({ Version: '2012-10-17', Statement: [logs, deny] }, null, 2);
    const result = added(mergeOacStatement(alone, 'media', ARN));
    assert.deepEqual(result.warnings, [warning]);
    insertion(alone, result.policy);
    const narrowed = { ...oac(), Sid: 'Narrow', Condition: { StringEquals: { 'AWS:SourceArn': ARN }, IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } };
    assert.deepEqual(added(mergeOacStatement(JSON.stringify({ Statement: [narrowed, deny] }), 'media', ARN)).warnings, [
      { kind: 'narrowedGrant', statement: 'Narrow', reasons: ['IpAddress aws:SourceIp'] },
      warning,
    ]);
    const granted = JSON.stringify({ Statement: [oac(), deny] });
    assert.deepEqual(mergeOacStatement(granted, 'media', ARN), { outcome: 'present', policy: granted, grantedBy: ['AllowCloudFrontServicePrincipal'], warnings: [warning] });
    // A Deny with NotPrincipal that does not spare CloudFront denies it outright.
    const notPrincipal = { Sid: 'DenyAllButAdmin', Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:role/admin' }, Action: 's3:*', Resource: 'arn:aws:s3:::media/*' };
    assert.deepEqual(added(mergeOacStatement(JSON.stringify({ Statement: [notPrincipal] }), 'media', ARN)).warnings, [{ kind: 'deny', statement: 'DenyAllButAdmin', reasons: [] }]);
    // A Deny that spares CloudFront's service principal is no concern.
    const spares = { ...notPrincipal, NotPrincipal: { Service: 'cloudfront.amazonaws.com' } };
    assert.deepEqual(mergeOacStatement(JSON.stringify({ Statement: [oac(), spares] }), 'media', ARN).outcome, 'present');
    assert.deepEqual(warningsOf(mergeOacStatement(JSON.stringify({ Statement: [oac(), spares] }), 'media', ARN)), []);
  });

  it('the usual Deny of plain HTTP: no concern when viewers use HTTPS, a warning when that is unknown', () => {
    const text = JSON.stringify({ Statement: [denyInsecure, oac()] });
    assert.deepEqual(mergeOacStatement(text, 'media', ARN, HTTPS), { outcome: 'present', policy: text, grantedBy: ['AllowCloudFrontServicePrincipal'], warnings: [] });
    assert.deepEqual(warningsOf(mergeOacStatement(text, 'media', ARN)), [{ kind: 'deny', statement: 'DenyInsecureTransport', reasons: ['Bool aws:SecureTransport'] }]);
    const asBoolean = JSON.stringify({ Statement: [{ ...denyInsecure, Condition: { Bool: { 'aws:SecureTransport': false } } }, oac()] });
    assert.deepEqual(warningsOf(mergeOacStatement(asBoolean, 'media', ARN, HTTPS)), []);
  });

  it('a public read is not the grant: it is to be closed, and the distribution must keep reading without it', () => {
    for (const open of [
      { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' },
      { Sid: 'PublicRead', Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:*', Resource: 'arn:aws:s3:::media/*' },
      { Sid: 'PublicRead', Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' },
    ]) {
      const result = added(mergeOacStatement(JSON.stringify({ Version: '2012-10-17', Statement: [open] }), 'media', ARN));
      assert.deepEqual(result.warnings, []);
    }
  });

  it("another distribution's grant, or another bucket's, is not this one's", () => {
    assert.equal(mergeOacStatement(JSON.stringify({ Statement: [oac(OTHER_ARN)] }), 'media', ARN).outcome, 'added');
    assert.equal(mergeOacStatement(JSON.stringify({ Statement: [oac(ARN, 'x', 'aws', 'other')] }), 'media', ARN).outcome, 'added');
    assert.equal(mergeOacStatement(JSON.stringify({ Statement: [{ ...oac(), Effect: 'Deny' }] }), 'media', ARN).outcome, 'added');
  });
});

describe('bucket policy merge: partitions', () => {
  for (const partition of ['aws-cn', 'aws-us-gov']) {
    it(`${partition}: the statement's Resource and SourceArn are in the distribution's partition`, () => {
      const arn = `arn:${partition}:cloudfront::123456789012:distribution/E1DIST`;
      const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ ...logs, Resource: `arn:${partition}:s3:::media/logs/*` }] });
      const result = added(mergeOacStatement(text, 'media', arn));
      assert.deepEqual(insertedStatement(insertion(text, result.policy)), oac(arn, 'AllowCloudFrontServicePrincipal', partition));
      // A grant written for the aws partition does not count in this one.
      assert.equal(mergeOacStatement(JSON.stringify({ Statement: [{ ...oac(arn), Resource: 'arn:aws:s3:::media/*' }] }), 'media', arn).outcome, 'added');
      assert.equal(mergeOacStatement(result.policy, 'media', arn).outcome, 'present');
    });
  }
});

/** A compact policy of about `bytes` bytes: `logs`-like statements for many prefixes. */
function bigPolicy(bytes: number): string {
  const statements: object[] = [];
  let text = '';
  for (let i = 0; ; i++) {
    const next = JSON.stringify({ Version: '2012-10-17', Statement: [...statements, { ...logs, Sid: `Logs${i}`, Resource: `arn:aws:s3:::media/logs/${i}/*` }] });
    if (Buffer.byteLength(next) > bytes) return text;
    statements.push({ ...logs, Sid: `Logs${i}`, Resource: `arn:aws:s3:::media/logs/${i}/*` });
    text = next;
  }
}

describe('bucket policy merge: S3 size limit', () => {
  it('a compact policy near 20 KB stays compact and fits (pretty-printing it would not)', () => {
    const text = bigPolicy(19_700);
    assert.ok(Buffer.byteLength(JSON.stringify(JSON.parse(text), null, 2)) > BUCKET_POLICY_MAX_BYTES, 'the old re-serialization was over the limit');
    const result = added(mergeOacStatement(text, 'media', ARN));
    insertion(text, result.policy);
    assert.ok(result.bytes <= BUCKET_POLICY_MAX_BYTES);
    assert.equal(result.bytes, Buffer.byteLength(text) + Buffer.byteLength(JSON.stringify(oac())) + 1);
  });

  it('a policy the statement would take over 20,480 bytes is refused with the size', () => {
    const text = bigPolicy(20_450);
    const result = mergeOacStatement(text, 'media', ARN);
    assert.deepEqual(result, { outcome: 'refused', refusal: { kind: 'tooLarge', bytes: Buffer.byteLength(text) + Buffer.byteLength(JSON.stringify(oac())) + 1, limit: 20_480 } });
  });
});

describe('bucket policy merge: what cannot be kept exactly is refused', () => {
  const rows: Array<[string, string, object]> = [
    [
      'a number beyond the safe integers',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::media","Condition":{"NumericLessThanEquals":{"s3:max-keys":9007199254740993}}}]}',
      { kind: 'unsafeNumber', number: '9007199254740993', path: 'Statement[0].Condition.NumericLessThanEquals.s3:max-keys' },
    ],
    [
      'a number with more digits than a double holds',
      '{"Statement":[],"Version":"2012-10-17","Note":0.10000000000000000001}',
      { kind: 'unsafeNumber', number: '0.10000000000000000001', path: 'Note' },
    ],
    ['a number too large for a double', '{"Statement":[],"X":1e400}', { kind: 'unsafeNumber', number: '1e400', path: 'X' }],
    [
      'duplicate condition keys',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::media/*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1","aws:SourceVpce":"vpce-2"}}}]}',
      { kind: 'duplicateKey', key: 'aws:SourceVpce', path: 'Statement[0].Condition.StringEquals' },
    ],
    ['duplicate top-level keys', '{"Version":"2012-10-17","Statement":[],"Statement":[]}', { kind: 'duplicateKey', key: 'Statement', path: '(top level)' }],
    ['not JSON', '{"Version":"2012-10-17",}', { kind: 'notJson', offset: 24, error: 'PropertyNameExpected' }],
    ['a comment', '{"Version":"2012-10-17"} // mine', { kind: 'notJson', offset: 25, error: 'InvalidCommentToken' }],
    ['a list, not an object', '[]', { kind: 'notObject' }],
    ['a statement that is a string', '{"Statement":["Allow"]}', { kind: 'statementNotObject', path: 'Statement[0]' }],
  ];
  for (const [name, text, refusal] of rows) {
    it(name, () => assert.deepEqual(mergeOacStatement(text, 'media', ARN), { outcome: 'refused', refusal }));
  }

  it('numbers a double holds exactly are kept (and read) as written', () => {
    const text =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::media","Condition":{"NumericLessThan":{"s3:max-keys":[10, 1.50, 2E3, -0.25, 9007199254740991]}}}]}';
    insertion(text, added(mergeOacStatement(text, 'media', ARN)).policy);
  });
});

describe("public reads by IAM's action matching", () => {
  const open = (extra: object) => ({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*', ...extra });
  const rows: Array<[string, object, { conditions?: string[]; someObjects?: boolean } | undefined]> = [
    ['s3:GetObject to *', open({}), {}],
    ['{"AWS":"*"}', open({ Principal: { AWS: '*' } }), {}],
    ['s3:GetObject*', open({ Action: 's3:GetObject*' }), {}],
    ['s3:*Object', open({ Action: 's3:*Object' }), {}],
    ['S3:GetObject', open({ Action: 'S3:GetObject' }), {}],
    ['s3:*', open({ Action: 's3:*' }), {}],
    ['*', open({ Action: '*' }), {}],
    ['NotAction s3:PutObject', { Effect: 'Allow', Principal: '*', NotAction: 's3:PutObject', Resource: 'arn:aws:s3:::media/*' }, {}],
    ['NotPrincipal', { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' }, {}],
    ['a Referer condition (narrows, still public)', open({ Condition: { StringLike: { 'aws:Referer': 'https://example.com/*' } } }), { conditions: ['StringLike aws:Referer'] }],
    ['a prefix only', open({ Resource: 'arn:aws:s3:::media/public/*' }), { someObjects: true }],
    ['an IP range (private by S3)', open({ Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } }), undefined],
    ['a VPC endpoint (private by S3)', open({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }), undefined],
    ['NotAction s3:Get*', { Effect: 'Allow', Principal: '*', NotAction: 's3:Get*', Resource: 'arn:aws:s3:::media/*' }, undefined],
    ['s3:ListBucket', open({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::media' }), undefined],
    ['a role', open({ Principal: { AWS: 'arn:aws:iam::123456789012:role/reader' } }), undefined],
    ['a Deny', open({ Effect: 'Deny' }), undefined],
    ['another bucket', open({ Resource: 'arn:aws:s3:::other/*' }), undefined],
  ];
  for (const [name, statement, expected] of rows) {
    it(`${expected ? 'public' : 'not public'}: ${name}`, () => {
      const found = publicReadStatements(JSON.stringify({ Version: '2012-10-17', Statement: [logs, { Sid: 'S', ...statement }] }), 'media', PARTITIONS.aws);
      assert.ok('statements' in found);
      assert.deepEqual(found.statements, expected ? [{ index: 1, sid: 'S', label: 'S', conditions: expected.conditions ?? [], someObjects: expected.someObjects ?? false }] : []);
    });
  }

  it('closing public reads drops only those statements, every other byte as written', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [open({ Sid: 'A' }), logs, open({ Sid: 'B', Action: 's3:GetObject*' }), oac(), open({ Sid: 'C' })] }, null, 2);
    const result = withoutPublicRead(text, 'media', PARTITIONS.aws);
    assert.ok('policy' in result && result.policy);
    assert.deepEqual((JSON.parse(result.policy) as { Statement: unknown[] }).Statement, [logs, oac()]);
    const expected =
      text.slice(0, text.indexOf('{', text.indexOf('['))) + JSON.stringify(logs, null, 2).replace(/\n/g, '\n    ') + ',\n    ' + JSON.stringify(oac(), null, 2).replace(/\n/g, '\n    ') + '\n  ]\n}';
    assert.equal(result.policy, expected);
    assert.deepEqual(withoutPublicRead(JSON.stringify({ Statement: open({}) }), 'media', PARTITIONS.aws), { policy: undefined });
    assert.deepEqual(withoutPublicRead(JSON.stringify({ Statement: [logs] }), 'media', PARTITIONS.aws), { policy: JSON.stringify({ Statement: [logs] }) });
  });
});
