// Where a key lives: the region a key kept in AWS is reached in, and how it is named in messages.
import assert from 'node:assert/strict';
import { regionOfArn, regionOfStorage, storageReference } from '../../../src/keys/keyStorage';

describe('key storage', () => {
  it('reads the region of KMS and Secrets Manager ARNs, and keeps the one of an SSM parameter', () => {
    assert.equal(regionOfArn('arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'), 'eu-west-1');
    assert.equal(regionOfArn('arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:cloudfront/media-AbCdEf'), 'cn-north-1');
    assert.equal(regionOfArn('alias/cloudfront/media'), undefined);
    assert.equal(regionOfArn('arn:aws:iam::123456789012:role/x'), undefined, 'a global ARN names no region');
    assert.equal(regionOfStorage({ kind: 'ssm', parameterName: '/cloudfront/media', region: 'ap-southeast-2' }), 'ap-southeast-2');
    assert.equal(regionOfStorage({ kind: 'local' }), undefined);
  });

  it('names a KMS key by its alias when it has one, a secret and a parameter by name', () => {
    const keyArn = 'arn:aws:kms:us-east-1:123456789012:key/k';
    assert.equal(storageReference({ kind: 'kms', keyArn, alias: 'alias/cloudfront/media' }), 'alias/cloudfront/media');
    assert.equal(storageReference({ kind: 'kms', keyArn }), keyArn);
    assert.equal(storageReference({ kind: 'secretsManager', secretArn: 'arn:aws:secretsmanager:us-east-1:1:secret:s', secretName: 'cloudfront/media' }), 'cloudfront/media');
    assert.equal(storageReference({ kind: 'local' }), undefined);
  });
});
