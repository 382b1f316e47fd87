// IAM's documented matching rules (src/iam/iamRules.ts), each row one rule from the IAM User Guide.
import assert from 'node:assert/strict';
import {
  actionMatches,
  arnMatches,
  evaluateConditions,
  parseOperator,
  prefixCoverage,
  principalNames,
  restrictingConditionKeys,
  statementCoversAction,
  statementCoversPrincipal,
  statementResourceCoverage,
  wildcardMatch,
} from '../../../src/iam/iamRules';

const arn = 'arn:aws:cloudfront::123456789012:distribution/E1DIST';
const context = new Map([
  ['aws:sourcearn', arn],
  ['aws:sourceaccount', '123456789012'],
]);

describe('IAM rules: actions', () => {
  const rows: Array<[pattern: string, matches: boolean]> = [
    ['s3:GetObject', true],
    ['S3:GETOBJECT', true], // action names are case-insensitive
    ['s3:getobject', true],
    ['s3:GetObject*', true], // * matches nothing too
    ['s3:*Object', true],
    ['s3:Get*', true],
    ['s3:*', true],
    ['*', true],
    ['s3:G?tObject', true],
    ['s3:GetObject?', false], // ? is exactly one character
    ['s3:GetObjectVersion', false],
    ['s3:PutObject', false],
    ['s3:List*', false],
    ['s3.GetObject', false], // a dot is not a wildcard
    ['ec2:*', false],
  ];
  for (const [pattern, matches] of rows) {
    it(`${pattern} ${matches ? 'matches' : 'does not match'} s3:GetObject`, () => assert.equal(actionMatches(pattern, 's3:GetObject'), matches));
  }

  it('NotAction lets through every action it does not list', () => {
    assert.equal(statementCoversAction({ NotAction: 's3:PutObject' }, 's3:GetObject'), true);
    assert.equal(statementCoversAction({ NotAction: ['s3:Put*', 'S3:GET*'] }, 's3:GetObject'), false);
    assert.equal(statementCoversAction({ Action: ['s3:PutObject', 's3:GetObject*'] }, 's3:GetObject'), true);
    assert.equal(statementCoversAction({}, 's3:GetObject'), false);
  });

  it('wildcards do not make regular-expression characters special', () => {
    assert.equal(wildcardMatch('a.c', 'abc'), false);
    assert.equal(wildcardMatch('a+(b)', 'a+(b)'), true);
    assert.equal(wildcardMatch('a*', 'a\nb'), true);
  });
});

describe('IAM rules: resources', () => {
  const prefix = 'arn:aws:s3:::media/';
  const rows: Array<[pattern: string, coverage: 'all' | 'some' | 'none']> = [
    ['arn:aws:s3:::media/*', 'all'],
    ['arn:aws:s3:::media*', 'all'],
    ['arn:aws:s3:::*', 'all'],
    ['*', 'all'],
    ['arn:aws:s3:::media/**', 'all'],
    ['arn:aws:s3:::m?dia/*', 'all'],
    ['arn:aws:s3:::media/public/*', 'some'],
    ['arn:aws:s3:::media/?*', 'some'], // not provably every key: counted as some
    ['arn:aws:s3:::media/a.mp4', 'some'],
    ['arn:aws:s3:::media', 'none'], // the bucket, not its objects
    ['arn:aws:s3:::media-logs/*', 'none'],
    ['arn:aws:s3:::MEDIA/*', 'none'], // ARNs are case-sensitive
    ['arn:aws-cn:s3:::media/*', 'none'],
  ];
  for (const [pattern, coverage] of rows) it(`${pattern} covers ${coverage} of the objects of media`, () => assert.equal(prefixCoverage(pattern, prefix), coverage));

  it('Resource lists and NotResource', () => {
    assert.equal(statementResourceCoverage({ Resource: ['arn:aws:s3:::media', 'arn:aws:s3:::media/*'] }, prefix), 'all');
    assert.equal(statementResourceCoverage({ NotResource: 'arn:aws:s3:::media/private/*' }, prefix), 'some');
    assert.equal(statementResourceCoverage({ NotResource: 'arn:aws:s3:::other/*' }, prefix), 'all');
    assert.equal(statementResourceCoverage({ NotResource: ['arn:aws:s3:::media/*'] }, prefix), 'none');
  });

  it('ArnLike and ArnEquals match each of the six parts on its own', () => {
    assert.equal(arnMatches('arn:aws:cloudfront::123456789012:distribution/*', arn), true);
    assert.equal(arnMatches('arn:aws:cloudfront::*:distribution/E1DIST', arn), true);
    assert.equal(arnMatches('arn:aws:cloudfront::*', arn), false); // * does not cross a colon
    assert.equal(arnMatches('arn:*:cloudfront::123456789012:distribution/E1DIST', arn), true);
    assert.equal(arnMatches('*', arn), true);
    assert.equal(arnMatches('arn:aws:cloudfront::123456789012:distribution/e1dist', arn), false);
  });
});

describe('IAM rules: principals', () => {
  const cloudFront = { kind: 'service', service: 'cloudfront.amazonaws.com' } as const;
  const anyone = { kind: 'anonymous' } as const;
  it('names a service as a string or in a list; * and {"AWS":"*"} name everyone', () => {
    assert.equal(principalNames({ Service: 'cloudfront.amazonaws.com' }, cloudFront), true);
    assert.equal(principalNames({ Service: ['logging.s3.amazonaws.com', 'cloudfront.amazonaws.com'] }, cloudFront), true);
    assert.equal(principalNames({ Service: 'logging.s3.amazonaws.com' }, cloudFront), false);
    assert.equal(principalNames('*', cloudFront), true);
    assert.equal(principalNames({ AWS: '*' }, anyone), true);
    assert.equal(principalNames({ AWS: ['arn:aws:iam::123456789012:root', '*'] }, anyone), true);
    assert.equal(principalNames({ AWS: 'arn:aws:iam::123456789012:root' }, anyone), false);
    assert.equal(principalNames({ Service: 'cloudfront.amazonaws.com' }, anyone), false);
  });
  it('NotPrincipal applies to everyone it does not name', () => {
    assert.equal(statementCoversPrincipal({ NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' } }, anyone), true);
    assert.equal(statementCoversPrincipal({ NotPrincipal: { Service: 'cloudfront.amazonaws.com' } }, cloudFront), false);
    assert.equal(statementCoversPrincipal({ NotPrincipal: '*' }, anyone), false);
  });
});

describe('IAM rules: conditions', () => {
  const rows: Array<[condition: unknown, result: true | false | 'unknown']> = [
    [{ StringEquals: { 'AWS:SourceArn': arn } }, true],
    [{ StringEquals: { 'aws:sourcearn': arn } }, true], // keys are case-insensitive
    [{ ArnEquals: { 'aws:SourceArn': arn } }, true],
    [{ ArnLike: { 'aws:SourceArn': arn } }, true],
    [{ StringLike: { 'aws:SourceArn': arn } }, true],
    [{ ArnLike: { 'aws:SourceArn': 'arn:aws:cloudfront::123456789012:distribution/*' } }, true],
    [{ StringEquals: { 'aws:SourceArn': [arn.replace('E1DIST', 'E2DIST'), arn] } }, true], // values are ORed
    [{ StringEquals: { 'aws:SourceArn': arn.replace('E1DIST', 'E2DIST') } }, false],
    [{ StringEquals: { 'aws:SourceArn': arn.toLowerCase() } }, false], // values are case-sensitive
    [{ StringEqualsIgnoreCase: { 'aws:SourceArn': arn.toLowerCase() } }, true],
    [{ StringNotEquals: { 'aws:SourceArn': arn } }, false],
    [{ StringNotEquals: { 'aws:SourceArn': [arn.replace('E1DIST', 'E2DIST')] } }, true],
    [{ StringEqualsIfExists: { 'aws:SourceArn': arn } }, true],
    [{ 'ForAnyValue:StringEquals': { 'aws:SourceArn': arn } }, true],
    [{ 'ForAllValues:StringEquals': { 'aws:SourceArn': arn } }, 'unknown'], // true for an absent key: not a match here
    [{ StringEquals: { 'aws:SourceArn': arn, 'aws:SourceAccount': '123456789012' } }, true],
    [{ StringEquals: { 'aws:SourceArn': arn }, IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }, 'unknown'],
    [{ StringEquals: { 'aws:SourceArn': arn, 's3:ExistingObjectTag/public': 'yes' } }, 'unknown'],
    [{ StringEquals: { 'aws:SourceArn': '${aws:username}' } }, 'unknown'],
    [{ Null: { 'aws:SourceArn': 'false' } }, true],
    [{ Null: { 'aws:SourceArn': 'true' } }, false],
    [{ NumericLessThan: { 'aws:SourceArn': '3' } }, 'unknown'],
    [{ StringEquals: 'not an object' }, 'unknown'],
  ];
  for (const [condition, result] of rows) it(`${JSON.stringify(condition)} → ${String(result)}`, () => assert.equal(evaluateConditions(condition, context).result, result));

  it('reads operator names with their set and IfExists parts', () => {
    assert.deepEqual(parseOperator('ForAnyValue:StringLikeIfExists'), { name: 'StringLike', rule: { compare: 'string', wildcards: true }, ifExists: true, set: 'ForAnyValue' });
    assert.equal(parseOperator('arnequals').rule.compare, 'arn');
  });

  it("S3's meaning of public: fixed source keys make a grant to everyone private; wildcards, negations and other keys do not", () => {
    assert.deepEqual(restrictingConditionKeys({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }), ['aws:SourceVpce']);
    assert.deepEqual(restrictingConditionKeys({ IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }), ['aws:SourceIp']);
    assert.deepEqual(restrictingConditionKeys({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }), []);
    assert.deepEqual(restrictingConditionKeys({ NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }), []);
    assert.deepEqual(restrictingConditionKeys({ StringLike: { 'aws:SourceVpce': 'vpce-*' } }), []);
    assert.deepEqual(restrictingConditionKeys({ StringLike: { 'aws:Referer': 'https://example.com/*' } }), []);
    assert.deepEqual(restrictingConditionKeys({ Bool: { 'aws:SecureTransport': 'true' } }), []);
    assert.deepEqual(restrictingConditionKeys({ StringEquals: { 'aws:PrincipalOrgID': '${aws:username}' } }), []);
    assert.deepEqual(restrictingConditionKeys({ StringLike: { 'aws:userid': 'AROAEXAMPLEID:*' } }), []);
  });
});
