// One error path: every AWS client the extension builds (clientBuilder.ts) carries the same seam,
// withSeam: SDK errors become typed AwsErrors with a code, and answers that are not the service's
// become one UnreadableAwsAnswer naming the service. A client built without it would let raw SDK
// errors (read by `.name` elsewhere) through. No request is sent.
import assert from 'node:assert/strict';
import { buildCloudFrontClient, buildKeyClients, buildS3Client, withSeam } from '../../../src/aws/clientBuilder';
import { isTypedAwsError } from '../../../src/aws/awsError';
import { ANSWERING_SERVICES, UnreadableAwsAnswer } from '../../../src/aws/unreadableAnswer';
import { loadSdk } from '../../../src/aws/loadSdk';

const SEAM = ['cfpcTypedErrors - initialize', 'cfpcUnreadableAnswer - deserialize'];
const seamOf = (client: { middlewareStack: { identify(): string[] } }) => client.middlewareStack.identify().filter((entry) => entry.startsWith('cfpc'));

describe('aws: the client seam', () => {
  it('every client built carries withSeam, once', async () => {
    const connection = { userAgent: 'test' };
    const keys = await buildKeyClients(connection, 'eu-west-1');
    const clients = { cloudFront: await buildCloudFrontClient(connection), s3: await buildS3Client(connection), ...keys };
    for (const [name, client] of Object.entries(clients)) assert.deepEqual(seamOf(client).sort(), SEAM, name);
    for (const client of Object.values(clients)) client.destroy();
  });

  it("a service's error and an answer that is not the service's reach the caller typed", async () => {
    const sdk = await loadSdk();
    const answering = (status: number, body: string, headers: Record<string, string> = {}) =>
      withSeam(
        new sdk.CloudFrontClient({
          region: 'us-east-1',
          credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
          maxAttempts: 1,
          requestHandler: {
            handle: () =>
              Promise.resolve({
                response: new (class {
                  statusCode = status;
                  reason = '';
                  headers = headers;
                  body = Buffer.from(body);
                })(),
              }),
          },
        }),
        ANSWERING_SERVICES.cloudFront,
      );
    const denied = answering(403, '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>', { 'content-type': 'text/xml' });
    const error: unknown = await denied.send(new sdk.GetDistributionCommand({ Id: 'E1' })).catch((e: unknown) => e);
    assert.ok(isTypedAwsError(error), String(error));
    assert.deepEqual([error.code, error.status], ['AccessDenied', 403]);
    const portal = answering(200, '<html><title>Sign in to the Wi-Fi</title></html>', { 'content-type': 'text/html' });
    const unreadable: unknown = await portal.send(new sdk.GetDistributionCommand({ Id: 'E1' })).catch((e: unknown) => e);
    assert.ok(unreadable instanceof UnreadableAwsAnswer, String(unreadable));
    assert.match(unreadable.message, /CloudFront/);
  });
});
