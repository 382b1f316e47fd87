// The one public-read check Close Public Access and the S3 Buckets view share (IAM's rules underneath).
import assert from 'node:assert/strict';
import { publiclyReadable, publicReadStatementIds } from '../../../src/aws/publicRead';
import { PARTITIONS } from '../../../src/cloudfront/partitions';
import { oacStatementOf } from '../../../src/cloudfront/s3Origin';

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const publicRead = { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' };
const oac = oacStatementOf('media', 'arn:aws:cloudfront::123456789012:distribution/E1');
const allOn = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

describe('aws: who can read a bucket straight from S3', () => {
  it('names the statements that let anyone read; the OAC statement is none of them', () => {
    assert.deepEqual(publicReadStatementIds(policy(oac, publicRead, { ...publicRead, Sid: undefined }), 'media', PARTITIONS.aws), ['PublicRead', '(no Sid)']);
    assert.deepEqual(publicReadStatementIds(policy(oac), 'media', PARTITIONS.aws), []);
    assert.deepEqual(publicReadStatementIds(undefined, 'media', PARTITIONS.aws), []);
    assert.deepEqual(publicReadStatementIds(policy(publicRead), 'another-bucket', PARTITIONS.aws), [], "another bucket's objects");
  });

  it('a public statement makes the bucket readable unless Block Public Access restricts public buckets', () => {
    assert.equal(publiclyReadable(policy(oac, publicRead), undefined, 'media', PARTITIONS.aws), true);
    assert.equal(publiclyReadable(policy(oac, publicRead), { ...allOn, restrictPublicBuckets: false }, 'media', PARTITIONS.aws), true);
    assert.equal(publiclyReadable(policy(oac, publicRead), allOn, 'media', PARTITIONS.aws), false);
    assert.equal(publiclyReadable(policy(oac), undefined, 'media', PARTITIONS.aws), false);
  });

  it('a policy that cannot be read is not taken for closed', () => {
    assert.throws(() => publicReadStatementIds('{"Statement": [', 'media', PARTITIONS.aws), /cannot be read/);
  });
});
