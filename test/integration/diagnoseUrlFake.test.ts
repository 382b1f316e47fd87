// "Diagnose Signed URL" against the typed fake, for what moto 5.2.1 cannot do: GetPublicKey's real
// NoSuchPublicKey answer, aliases in list summaries, and failures on demand; and the interactive flow
// with a scripted Ui, including the live check (against the local edge, started in this process).
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import * as vscode from 'vscode';
import { UrlDiagnosis } from '../../src/commands/diagnoseUrl';
import { DIAGNOSIS_SCHEME, renderDiagnosis } from '../../src/commands/diagnose/view';
import { startEdge } from '../../scripts/edge/server';
import { signUrl } from '../../src/signing';
import { awsError, FakeCloudFrontService, listedByMoto, sampleDistribution } from '../fakes/fakeCloudFrontService';
import { input, paste, ScriptedUi } from '../fakes/scriptedUi';
import { fakeSource, keyGroupsOf, testLog } from './support/fakeSource';
import { FIXTURE_KEYS } from '../fixtures/keys';

const rsa = { privateKey: createPrivateKey(FIXTURE_KEYS.rsa2048), publicKey: createPublicKey(FIXTURE_KEYS.rsa2048) };
const PRIVATE_PEM = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PUBLIC_PEM = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const KEY_ID = 'K2FAKEKEY0001';

function serviceWith(host: string): FakeCloudFrontService {
  const service = new FakeCloudFrontService([
    sampleDistribution(1, {
      domainName: 'd1abcdef.cloudfront.net',
      aliases: [host],
      behaviors: [
        { pathPattern: '/paid/*', targetOriginId: 'media', trustedKeyGroupIds: ['KGPAID'], trustedSigners: [] },
        { targetOriginId: 'media', trustedKeyGroupIds: [], trustedSigners: [] },
      ],
    }),
  ]);
  service.keyGroups = [{ id: 'KGPAID', name: 'paid-signers', comment: '', publicKeyIds: [KEY_ID] }];
  service.publicKeys = [{ id: KEY_ID, name: 'media-2026', comment: '', encodedKey: PUBLIC_PEM }];
  return service;
}

const created: UrlDiagnosis[] = [];

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 3000): Promise<T | undefined> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((done) => setTimeout(done, 50))) {
    const value = probe();
    if (value !== undefined) return value;
  }
  return probe();
}

function diagnosisOver(service: FakeCloudFrontService, ui: ScriptedUi = new ScriptedUi([]), profile = 'dev'): UrlDiagnosis {
  const source = fakeSource(service, { profile });
  const diagnosis = new UrlDiagnosis({ source, keyGroups: keyGroupsOf(source), log: testLog(), ui });
  created.push(diagnosis);
  return diagnosis;
}

const sign = (url: string, keyPairId = KEY_ID) => signUrl({ url, keyPairId, privateKey: PRIVATE_PEM, expires: Math.floor(Date.now() / 1000) + 3600 });
const codes = (findings: readonly { severity: string; code: string }[] | undefined) => (findings ?? []).map((f) => `${f.severity} ${f.code}`);

describe('Diagnose Signed URL (typed fake)', () => {
  afterEach(() => created.splice(0).forEach((diagnosis) => diagnosis.dispose()));

  it("an unknown key ID: GetPublicKey answers NoSuchPublicKey, the finding is UnknownKey (CloudFront's InvalidKey)", async () => {
    const service = serviceWith('media.example.com');
    const findings = await diagnosisOver(service).run({ url: sign('https://media.example.com/paid/a.pdf', 'K0UNKNOWN') });
    assert.ok(codes(findings).includes('error UnknownKey'), codes(findings).join(', '));
    assert.match(findings.find((f) => f.code === 'UnknownKey')!.message, /No public key with ID K0UNKNOWN exists in this account/);
    assert.deepEqual(
      service.calls.filter((c) => c === 'GetPublicKey'),
      ['GetPublicKey'],
    );
  });

  it("finds the distribution by an alias from the list summaries and verifies with CloudFront's copy of the key", async () => {
    const service = serviceWith('media.example.com');
    const findings = await diagnosisOver(service).run({ url: sign('https://media.example.com/paid/a.pdf') });
    assert.deepEqual(codes(findings), ['ok HashAlgorithm', 'ok CannedPolicy', 'ok BehaviorRestricted', 'ok KeyTrusted', 'ok SignatureValid', 'ok NotExpired']);
    assert.ok(!service.calls.includes('GetDistribution'), 'full summaries need no GetDistribution');
  });

  it("finds the distribution by an alias the list summaries leave out (moto's), reading it once with GetDistribution", async () => {
    const service = serviceWith('media.example.com');
    const full = service.distributions[0];
    service.details.set(full.id, full);
    service.distributions = [listedByMoto(full)];
    const findings = await diagnosisOver(service).run({ url: sign('https://media.example.com/paid/a.pdf') });
    assert.deepEqual(codes(findings), ['ok HashAlgorithm', 'ok CannedPolicy', 'ok BehaviorRestricted', 'ok KeyTrusted', 'ok SignatureValid', 'ok NotExpired']);
    assert.deepEqual(
      service.calls.filter((c) => c === 'GetDistribution'),
      ['GetDistribution'],
    );
  });

  it('a URL whose file anyone can fetch straight from S3 (no OAC, no OAI): a warning with the fix, not "all passed"', async () => {
    // The typed fake, because moto 5.2.1 drops OriginAccessControlId and S3OriginConfig: against moto
    // every S3 origin looks public. sampleDistribution's origin has an OAC (the other tests: no warning).
    const service = serviceWith('media.example.com');
    service.distributions[0].origins = [{ id: 'media', domainName: 'open-bucket.s3.us-east-1.amazonaws.com', originPath: '', kind: 's3' }];
    const ui = new ScriptedUi([input(sign('https://media.example.com/paid/a.pdf'))]);
    const findings = await diagnosisOver(service, ui).run();
    assert.deepEqual(codes(findings), ['ok HashAlgorithm', 'ok CannedPolicy', 'ok BehaviorRestricted', 'ok KeyTrusted', 'warning PublicBucketOrigin', 'ok SignatureValid', 'ok NotExpired']);
    const finding = findings.find((f) => f.code === 'PublicBucketOrigin')!;
    assert.match(finding.message, /anyone can fetch the file straight from S3 without a signature/);
    assert.match(
      finding.fix,
      /^Protect bucket open-bucket with CloudFront: "Protect Bucket" after this diagnosis .* adds to the bucket policy this statement: \{"Sid":"AllowCloudFrontServicePrincipal".*"AWS:SourceArn":"arn:aws:cloudfront::123456789012:distribution\/E000000000001"/,
    );
    // The notification offers Protect for that bucket, next to the live check.
    assert.deepEqual(ui.notifications[0].actions, ['Run Live Check', 'Protect Bucket']);
    assert.match(ui.notifications[0].message, /0 error\(s\), 1 warning\(s\), 6 check\(s\) passed/);
  });

  it('a denied ListDistributions becomes a warning naming the action and profile; the local checks still run', async () => {
    const service = serviceWith('media.example.com');
    service.operationFailures.set('ListDistributions', [awsError('AccessDenied', 'not authorized', 403)]);
    const findings = await diagnosisOver(service, undefined, 'readonly').run({ url: sign('https://media.example.com/paid/a.pdf') });
    const unavailable = findings.find((f) => f.code === 'AccountUnavailable');
    assert.equal(unavailable?.severity, 'warning');
    assert.match(unavailable.message, /Access denied: readonly may not call cloudfront:ListDistributions/);
    assert.ok(codes(findings).includes('ok SignatureValid'), 'GetPublicKey still gave the key');
  });

  it('interactive: asks for the URL (not for cookies: it carries its signature), shows the findings, and runs the live check only when chosen', async () => {
    const edge = await startEdge({ root: __dirname, publicKeys: new Map([[KEY_ID, PUBLIC_PEM]]), pathPattern: '/paid/*' });
    try {
      const url = sign(`${edge.url}/paid/missing.pdf`);
      const ui = new ScriptedUi([input(url)]); // a signed URL: no question for cookies
      ui.notificationAnswers.push('Run Live Check');
      const findings = await diagnosisOver(serviceWith('127.0.0.1'), ui).run();
      ui.assertAllUsed();
      assert.deepEqual(
        codes(findings).filter((c) => c.includes('Origin') || c.includes('Live')),
        ['error OriginNoSuchKey'],
      );
      assert.equal(ui.notifications.length, 2);
      assert.deepEqual(ui.notifications[0].actions, ['Run Live Check']);
      assert.match(ui.notifications[0].message, /0 error\(s\), 0 warning\(s\), 6 check\(s\) passed\. The live check requests the URL from the network/);
      // The preview re-reads the document after the update; wait for it.
      const shown = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === DIAGNOSIS_SCHEME && d.getText().includes('OriginNoSuchKey')));
      assert.ok(
        shown,
        `no diagnosis document shows the live check's finding: ${vscode.workspace.textDocuments
          .filter((d) => d.uri.scheme === DIAGNOSIS_SCHEME)
          .map((d) => d.getText())
          .join('\n---\n')}`,
      );
      assert.match(shown.getText(), /# Signed URL diagnosis[\s\S]*## Errors: CloudFront refuses the request\n\n- ✖ \*\*OriginNoSuchKey\*\*/);
      assert.match(shown.getText(), /The live check ran/);
    } finally {
      await edge.close();
    }
  });

  it('the document shows URLs, paths and policies as code, as written (no backslashes), and the URL in a paragraph that wraps', () => {
    const url = `https://d1abcdef.cloudfront.net/public/${'very-long-segment/'.repeat(12)}file_name.mp4?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoi&Signature=abc~def&Key-Pair-Id=K2FAKEKEY0001`;
    const text = renderDiagnosis({
      url,
      withCookies: false,
      liveChecked: false,
      findings: [
        {
          severity: 'error',
          code: 'ResourceMismatch',
          message:
            'The policy {"Statement":[{"Resource":"https://d1abcdef.cloudfront.net/public/*","Condition":{"DateLessThan":{"AWS:EpochTime":1767225600}}}]} covers public/*, not /private/a_b.mp4.',
          fix: 'Sign https://d1abcdef.cloudfront.net/private/* instead.',
        },
      ],
    });
    assert.ok(!/\\[*{}_[\]]/.test(text), `backslash escapes in:\n${text}`);
    assert.ok(text.includes(`\n\`${url}\`\n`), `the URL is not a code span of its own paragraph:\n${text}`);
    assert.ok(!text.includes('```'), 'no code block: its lines would not wrap');
    assert.ok(
      text.includes(
        '- ✖ **ResourceMismatch**: The policy `{"Statement":[{"Resource":"https://d1abcdef.cloudfront.net/public/*","Condition":{"DateLessThan":{"AWS:EpochTime":1767225600}}}]}` covers `public/*`, not `/private/a_b.mp4`.\n  *Fix:* Sign `https://d1abcdef.cloudfront.net/private/*` instead.',
      ),
      text,
    );
  });

  it('interactive: without choosing the live check, nothing is requested', async () => {
    const ui = new ScriptedUi([input(sign('https://media.example.com/paid/a.pdf'))]);
    const findings = await diagnosisOver(serviceWith('media.example.com'), ui).run();
    ui.assertAllUsed();
    assert.ok(!codes(findings).some((c) => c.includes('Live')));
    assert.equal(ui.notifications.length, 1);
  });

  it('interactive: the URL box shows at once and empty; the clipboard is read only through its paste button', async () => {
    const url = sign('https://media.example.com/paid/a.pdf');
    // A URL on the real clipboard too: reading it unasked (a browser asks for permission) would fill the box.
    await vscode.env.clipboard.writeText(url);
    const ui = new ScriptedUi([input(url, { expectValue: '' })]);
    await diagnosisOver(serviceWith('media.example.com'), ui).run();
    ui.assertAllUsed();
    assert.equal(ui.clipboardReads, 0, 'the clipboard was read unasked');

    const pasting = new ScriptedUi([paste()]);
    pasting.clipboard = url;
    const findings = await diagnosisOver(serviceWith('media.example.com'), pasting).run();
    pasting.assertAllUsed();
    assert.equal(pasting.clipboardReads, 1);
    assert.ok(codes(findings).includes('ok SignatureValid'), codes(findings).join(', '));
  });
});
