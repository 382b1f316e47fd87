// "CloudFront: Diagnose Signed URL" in the real extension against moto: a public key, a key group with
// it, and a distribution whose behavior /paid/* trusts the group and /free/* does not, all created
// through the SDK; the command is called with { url } and returns its findings.
import assert from 'node:assert/strict';
import { CreatePublicKeyCommand } from '@aws-sdk/client-cloudfront';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { Finding } from '../../src/signing/diagnose';
import { signUrl } from '../../src/signing';
import { behavior, createDistribution, createKeyGroup, seedClient } from './support/cloudFrontSeed';
import { activateExtension } from './support/extension';

interface Seeded {
  domainName: string;
  distributionId: string;
  keyId: string;
  keyGroupName: string;
  privateKey: string;
}

/** A public key whose private half the test keeps, to sign with. */
async function createSigningKey(name: string): Promise<{ id: string; privateKey: string }> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const answer = await seedClient().send(
    new CreatePublicKeyCommand({
      PublicKeyConfig: { CallerReference: randomUUID(), Name: name, EncodedKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    }),
  );
  return { id: answer.PublicKey!.Id!, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

async function seed(): Promise<Seeded> {
  const suffix = Date.now();
  const key = await createSigningKey(`diagnose-${suffix}`);
  const keyGroupName = `diagnose-signers-${suffix}`;
  const keyGroupId = await createKeyGroup(seedClient(), keyGroupName, [key.id]);
  const distribution = await createDistribution(seedClient(), `diagnose ${suffix}`, [behavior('/paid/*', [keyGroupId]), behavior('/free/*')]);
  return { domainName: distribution.DomainName!, distributionId: distribution.Id!, keyId: key.id, keyGroupName, privateKey: key.privateKey };
}

const diagnoseUrl = (options: { url: string; cookies?: string }) => vscode.commands.executeCommand<Finding[]>(Commands.diagnoseUrl, options);
const find = (findings: Finding[], code: string): Finding => {
  const found = findings.find((f) => f.code === code);
  assert.ok(found, `no ${code} among ${findings.map((f) => `${f.severity} ${f.code}`).join(', ')}`);
  return found;
};

describe('Diagnose Signed URL (moto)', () => {
  let seeded: Seeded;
  const sign = (path: string, keyPairId = seeded.keyId) =>
    signUrl({ url: `https://${seeded.domainName}${path}`, keyPairId, privateKey: seeded.privateKey, expires: Math.floor(Date.now() / 1000) + 3600 });

  before(async () => {
    await activateExtension();
    seeded = await seed();
  });

  it('a URL under /paid/* signed with the trusted key: ok, naming the behavior and key group', async () => {
    const findings = await diagnoseUrl({ url: sign('/paid/report.pdf') });
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.equal(find(findings, 'BehaviorRestricted').severity, 'ok');
    assert.match(find(findings, 'BehaviorRestricted').message, new RegExp(`served by behavior /paid/\\* of distribution ${seeded.distributionId}`));
    const trusted = find(findings, 'KeyTrusted');
    assert.equal(trusted.severity, 'ok');
    assert.ok(trusted.message.includes(`Public key ${seeded.keyId}`) && trusted.message.includes(seeded.keyGroupName) && trusted.message.includes('behavior /paid/*'), trusted.message);
    // Verified with the key CloudFront holds (GetPublicKey), not a local one.
    assert.match(find(findings, 'SignatureValid').message, new RegExp(`CloudFront's public key ${seeded.keyId}`));
    // Plain data, as automation gets it.
    assert.deepEqual(Object.keys(findings[0]).sort(), ['code', 'fix', 'message', 'severity']);
  });

  it('a URL under /free/*: a warning that the behavior ignores the signature', async () => {
    const findings = await diagnoseUrl({ url: sign('/free/sample.pdf') });
    const ignored = find(findings, 'BehaviorNotRestricted');
    assert.equal(ignored.severity, 'warning');
    assert.match(ignored.message, /behavior \/free\/\* .* does not restrict viewer access: CloudFront ignores the signature/);
  });

  it('a key ID the account does not hold: an error', async () => {
    // moto 5.2.1 answers GetPublicKey for an unknown ID with a 500; the launcher's patch
    // (test/runner/lib/motoServer.py) makes it answer NoSuchPublicKey, as CloudFront does.
    const findings = await diagnoseUrl({ url: sign('/paid/report.pdf', 'K0NOSUCHKEY0') });
    const errors = findings.filter((f) => f.severity === 'error').map((f) => f.code);
    assert.ok(errors.includes('UnknownKey'), errors.join(', '));
    assert.match(find(findings, 'UnknownKey').message, /No public key with ID K0NOSUCHKEY0 exists in this account/);
  });

  it('rejects a call without a url, naming the option', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand(Commands.diagnoseUrl, { cookies: 'a=b' })), (error: Error) => /url is required/.test(error.message));
  });
});
