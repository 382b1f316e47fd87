// Answers that are not AWS's, as a wrong endpoint, a proxy or a server error page sends them, reach the
// extension as one error naming the service, the operation, the HTTP status and where to look, instead
// of the SDK's XML parse error, "NotFound: UnknownError", or (for a 200 HTML page) an empty result.
// The clients are the extension's own (clientBuilder.ts) against a local HTTP server.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetKeyGroupCommand, ListDistributionsCommand, DeleteKeyGroupCommand } from '@aws-sdk/client-cloudfront';
import { ListKeysCommand } from '@aws-sdk/client-kms';
import { buildCloudFrontClient, buildKeyClients } from '../../../src/aws/clientBuilder';
import { ANSWERING_SERVICES, likelyFix, unreadableBody, UnreadableAwsAnswer } from '../../../src/aws/unreadableAnswer';

const VARIABLES = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_CLOUDFRONT', 'AWS_ENDPOINT_URL_KMS', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_PROFILE'] as const;

describe('answers that are not AWS answers', () => {
  let server: Server;
  let answer: { status: number; type: string; body: string };
  let requests = 0;
  const saved: Partial<Record<(typeof VARIABLES)[number], string>> = {};

  before(async () => {
    server = createServer((req, res) => {
      requests++;
      req.resume();
      res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    for (const name of VARIABLES) saved[name] = process.env[name];
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    Object.assign(process.env, { AWS_ENDPOINT_URL_CLOUDFRONT: url, AWS_ENDPOINT_URL_KMS: url, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' });
    delete process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_PROFILE;
  });

  beforeEach(() => (requests = 0));

  after(async () => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await new Promise((resolve) => server.close(resolve));
  });

  const cloudFront = () => buildCloudFrontClient({ userAgent: 'test' });
  const port = () => (server.address() as AddressInfo).port;

  async function failure(send: () => Promise<unknown>): Promise<UnreadableAwsAnswer> {
    const error = await send().then(
      () => assert.fail('the call succeeded'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof UnreadableAwsAnswer, `${String(error)}`);
    return error;
  }

  it('an HTML 404 page (a wrong endpoint): one error naming CloudFront, the operation, the status and AWS_ENDPOINT_URL_CLOUDFRONT; not retried', async () => {
    answer = { status: 404, type: 'text/html', body: '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>' };
    const error = await failure(async () => (await cloudFront()).send(new ListDistributionsCommand({})));
    assert.equal(
      error.message,
      `CloudFront ListDistributions answered HTTP 404 with an HTML page from 127.0.0.1:${port()}, not an AWS answer: check AWS_ENDPOINT_URL_CLOUDFRONT and the profile's endpoint_url (the endpoint must be the CloudFront API, e.g. its local stand-in's root URL)`,
    );
    assert.equal(requests, 1);
  });

  it('a malformed HTML 500 page (the issue\'s "mismatched tags" parse error): the same error, retried as a server error', async () => {
    answer = { status: 500, type: 'text/html; charset=utf-8', body: '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>' };
    const error = await failure(async () => (await cloudFront()).send(new GetKeyGroupCommand({ Id: 'K1' })));
    assert.match(error.message, /^CloudFront GetKeyGroup answered HTTP 500 with an HTML page from /);
    assert.equal(requests, 5, 'a 5xx page is retried (maxAttempts 5) like any server error');
  });

  it('a 200 HTML page is no empty list of distributions', async () => {
    answer = { status: 200, type: 'text/html', body: '<html><body>Welcome to the hotel network</body></html>' };
    const error = await failure(async () => (await cloudFront()).send(new ListDistributionsCommand({})));
    assert.match(error.message, /^CloudFront ListDistributions answered HTTP 200 with an HTML page/);
  });

  it('an empty body: an error for a read, nothing for a delete (CloudFront answers 204 with no body)', async () => {
    answer = { status: 200, type: 'text/xml', body: '' };
    const error = await failure(async () => (await cloudFront()).send(new GetKeyGroupCommand({ Id: 'K1' })));
    assert.match(error.message, /^CloudFront GetKeyGroup answered HTTP 200 with an empty body/);
    answer = { status: 204, type: 'text/xml', body: '' };
    await (await cloudFront()).send(new DeleteKeyGroupCommand({ Id: 'K1', IfMatch: 'E1' }));
    answer = { status: 404, type: 'text/plain', body: '' };
    assert.match((await failure(async () => (await cloudFront()).send(new GetKeyGroupCommand({ Id: 'K1' })))).message, /HTTP 404 with an empty body/);
  });

  it("AWS's own XML answers and errors pass untouched", async () => {
    answer = {
      status: 404,
      type: 'text/xml',
      body: '<?xml version="1.0"?><ErrorResponse><Error><Type>Sender</Type><Code>NoSuchResource</Code><Message>The specified key group does not exist.</Message></Error><RequestId>r1</RequestId></ErrorResponse>',
    };
    const error = await (await cloudFront()).send(new GetKeyGroupCommand({ Id: 'K1' })).catch((e: unknown) => e as Error);
    assert.equal((error as Error).name, 'NoSuchResource');
    answer = {
      status: 200,
      type: 'text/xml',
      body: '<?xml version="1.0"?><DistributionList><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>0</Quantity></DistributionList>',
    };
    const list = await (await cloudFront()).send(new ListDistributionsCommand({}));
    assert.equal(list.DistributionList?.Quantity, 0);
  });

  it('KMS (JSON): an HTML page names KMS and AWS_ENDPOINT_URL_KMS', async () => {
    answer = { status: 403, type: 'text/html', body: '<html><body>Forbidden by proxy</body></html>' };
    const { kms } = await buildKeyClients({ userAgent: 'test' });
    const error = await failure(() => kms.send(new ListKeysCommand({})));
    assert.match(error.message, /^KMS ListKeys answered HTTP 403 with an HTML page from 127\.0\.0\.1:\d+, not an AWS answer: check AWS_ENDPOINT_URL_KMS/);
  });

  it('reads bodies as AWS writes them', () => {
    const cf = ANSWERING_SERVICES.cloudFront;
    assert.equal(unreadableBody(cf, 'ListDistributions', 200, '<?xml version="1.0"?><DistributionList/>'), undefined);
    assert.equal(unreadableBody(cf, 'ListDistributions', 502, 'Bad gateway'), 'other');
    assert.equal(unreadableBody(cf, 'ListDistributions', 200, '<?xml version="1.0"?>\n<!DOCTYPE html><html></html>'), 'html');
    assert.equal(unreadableBody(ANSWERING_SERVICES.s3, 'HeadBucket', 404, ''), undefined, "S3's HEAD errors have no body");
    assert.equal(unreadableBody(cf, 'DeleteKeyGroup', 204, ''), undefined);
    assert.equal(unreadableBody(ANSWERING_SERVICES.kms, 'EnableKey', 200, ''), undefined);
    assert.equal(unreadableBody(ANSWERING_SERVICES.kms, 'CreateAlias', 200, 'null'), undefined);
    assert.equal(unreadableBody(ANSWERING_SERVICES.kms, 'Sign', 502, 'Bad gateway'), 'other');
    assert.equal(unreadableBody(ANSWERING_SERVICES.kms, 'Sign', 200, '<html>'), 'html');
    assert.equal(unreadableBody(ANSWERING_SERVICES.kms, 'Sign', 200, '{"Signature":"x"}'), undefined);
  });

  it("without an endpoint override, an HTML page from AWS's own host points at a proxy", () => {
    assert.match(likelyFix(ANSWERING_SERVICES.cloudFront, 'cloudfront.amazonaws.com', {}), /proxy, firewall or captive portal.*HTTPS_PROXY/);
    assert.match(likelyFix(ANSWERING_SERVICES.cloudFront, 'cloudfront.amazonaws.com', { AWS_ENDPOINT_URL: 'http://x' }), /^check AWS_ENDPOINT_URL and/);
  });
});
