// The error seam (src/aws/awsError.ts): what the SDK throws becomes one AwsError with a code and a
// status, whatever its shape, and the SDK's own fields stay readable for its middleware.
import assert from 'node:assert/strict';
import { AwsError, awsErrorCode, awsStatus, isAwsError, isTypedAwsError, toAwsError, typedErrorsMiddleware } from '../../../src/aws/awsError';
import { isPreconditionFailed } from '../../../src/aws/etagRetry';

const serviceException = (name: string, status: number) => Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status }, $fault: 'client' });

describe('aws: the typed error seam', () => {
  it('a service exception keeps its code, status, message and the SDK fields', () => {
    const raw = serviceException('NoSuchDistribution', 404);
    const typed = toAwsError(raw);
    assert.ok(typed instanceof AwsError && isTypedAwsError(typed));
    assert.equal(typed.code, 'NoSuchDistribution');
    assert.equal(typed.name, 'NoSuchDistribution');
    assert.equal(typed.status, 404);
    assert.equal(typed.message, 'NoSuchDistribution happened');
    assert.equal(typed.cause, raw);
    assert.deepEqual((typed as unknown as { $metadata: unknown }).$metadata, { httpStatusCode: 404 });
    assert.equal(toAwsError(typed), typed, 'converting twice changes nothing');
  });

  it("a network error is known by Node's code; a provider error by its name, with no status", () => {
    assert.equal(awsErrorCode(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })), 'ECONNREFUSED');
    const provider = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    assert.equal(awsErrorCode(provider), 'CredentialsProviderError');
    assert.equal(awsStatus(provider), undefined);
    assert.equal(awsErrorCode('not an error'), undefined);
  });

  it('the questions the extension asks read the code and status only', () => {
    assert.ok(isAwsError(serviceException('NoSuchPublicKey', 404), 'NoSuchKeyGroup', 'NoSuchPublicKey'));
    assert.ok(!isAwsError(serviceException('NoSuchPublicKey', 404), 'NoSuchKeyGroup'));
    assert.ok(isPreconditionFailed(serviceException('PreconditionFailed', 412)));
    assert.ok(isPreconditionFailed(serviceException('SomethingElse', 412)));
  });

  it('the client middleware passes answers through and turns failures into AwsErrors', async () => {
    assert.equal(await typedErrorsMiddleware(() => Promise.resolve('answer'))({}), 'answer');
    await assert.rejects(
      typedErrorsMiddleware(() => Promise.reject(serviceException('AccessDenied', 403)))({}),
      (error: unknown) => isTypedAwsError(error) && error.code === 'AccessDenied' && error.status === 403,
    );
  });
});
