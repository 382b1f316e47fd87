// Proves the test harness itself: the extension under development is loaded, the AWS SDK is pointed at
// a live moto on 127.0.0.1 through the standard environment variables (never at real AWS or real
// credentials), the clipboard works, and a workspace folder is open.
// (SecretStorage is only reachable through an extension's context, so the extension's suites cover it.)
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CloudFrontClient, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cloudfront-private-content.cloudfront-private-content';

describe('test harness', () => {
  it('loads the extension under development', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} loaded extensions`);
    assert.equal((extension.packageJSON as { name?: unknown }).name, 'cloudfront-private-content');
    assert.ok(existsSync(join(extension.extensionUri.fsPath, 'package.json')), 'extension folder has a package.json');
  });

  it('points AWS at a live moto on 127.0.0.1 with dummy credentials', async () => {
    const endpoint = process.env.AWS_ENDPOINT_URL_CLOUDFRONT;
    assert.match(endpoint ?? '', /^http:\/\/127\.0\.0\.1:\d+$/, `AWS_ENDPOINT_URL_CLOUDFRONT=${endpoint}`);
    assert.equal(process.env.AWS_ENDPOINT_URL_S3, endpoint);
    assert.equal(process.env.AWS_ACCESS_KEY_ID, 'testing');
    assert.equal(process.env.AWS_PROFILE, undefined, 'AWS_PROFILE must not leak into tests');
    const response = await fetch(endpoint!, { signal: AbortSignal.timeout(5000) });
    assert.ok(response.status > 0, 'moto answers HTTP');
  });

  it('never sees the real ~/.aws credentials', () => {
    const credentials = process.env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials');
    assert.equal(existsSync(credentials), false, `${credentials} exists`);
  });

  it('lets the AWS SDK reach moto through the standard endpoint variables', async () => {
    // No endpoint or credentials in code: the SDK must take them from the environment, as the extension's clients do.
    const client = new CloudFrontClient({ region: 'us-east-1' });
    try {
      const result = await client.send(new ListDistributionsCommand({}));
      assert.ok(result.DistributionList, 'ListDistributions returned a DistributionList');
    } finally {
      client.destroy();
    }
  });

  it('round-trips text through the clipboard', async () => {
    const text = `cfpc-clipboard-${randomUUID()}`;
    await vscode.env.clipboard.writeText(text);
    assert.equal(await vscode.env.clipboard.readText(), text);
  });

  it('has a workspace folder open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folders.length >= 1, 'no workspace folder');
    assert.ok(statSync(folders[0].uri.fsPath).isDirectory(), `${folders[0].uri.fsPath} is not a folder`);
  });
});
