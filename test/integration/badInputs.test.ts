// Every row of badInputs.table.ts against the real extension and moto: the command, called with the
// row's options, gives exactly the row's message, and nothing happened on the way: no public key, key
// group or distribution change in CloudFront, no key stored or lost in the key store, nothing copied.
import { CreateBucketCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey as publicKeyOf, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GetDistributionConfigCommand, ListDistributionsCommand, ListKeyGroupsCommand, ListPublicKeysCommand } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/api';
import { sharedFilePaths } from '../../src/aws/profiles';
import { requestTimeouts } from '../../src/aws/clientBuilder';
import { Commands } from '../../src/constants';
import { decodeCloudFrontBase64, parseSignedUrl } from '../../src/signing';
import type { Finding } from '../../src/signing/diagnose';
import { FIXTURE_KEYS } from '../fixtures/keys';
import { BAD_INPUTS, fillPlaceholders, type BadInput } from './badInputs.table';
import { behavior, createDistribution, createKeyGroup, createPublicKey, deleteDistributions, seedClient } from './support/cloudFrontSeed';
import { clearFaults, faultProxyAvailable, Faults, injectFaults, type FaultRule } from './support/faultProxy';
import { rememberPrivateKey, rememberSigned } from './support/secrets';
import { testingHooks } from './support/testingHooks';
import { createKmsKey, createSecret, describeKmsKey, newPrivateKeyPem, putParameter, putSecretValue } from './support/awsKeysSeed';

const CLIPBOARD_SENTINEL = 'clipboard before the bad input';
const FUTURE = '2099-01-01T00:00:00Z';
let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++counter}`;

function pemOf(key: KeyObject, passphrase?: string): string {
  const pem = key.export({ type: 'pkcs8', format: 'pem', ...(passphrase !== undefined ? { cipher: 'aes-256-cbc', passphrase } : {}) }).toString();
  rememberPrivateKey(key);
  return pem;
}

/** moto's own API (not CloudFront's): makes new distributions stay InProgress until told otherwise. */
async function motoStateManager(action: 'set-transition' | 'unset-transition', body: unknown): Promise<void> {
  const moto = process.env.CFPC_MOTO_URL ?? process.env.AWS_ENDPOINT_URL_CLOUDFRONT!;
  const response = await fetch(`${moto}/moto-api/state-manager/${action}`, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  assert.ok(response.ok, `moto ${action}: HTTP ${response.status}`);
}

/** What CloudFront holds that a bad input must not change. */
async function remoteState(distributionIds: string[]): Promise<unknown> {
  const client = seedClient();
  const [keys, groups, distributions, configs] = await Promise.all([
    client.send(new ListPublicKeysCommand({})),
    client.send(new ListKeyGroupsCommand({})),
    client.send(new ListDistributionsCommand({})),
    Promise.all(distributionIds.map(async (Id) => (await client.send(new GetDistributionConfigCommand({ Id }))).DistributionConfig)),
  ]);
  return {
    publicKeys: (keys.PublicKeyList?.Items ?? []).map((k) => [k.Id, k.Name, k.EncodedKey]).sort(),
    keyGroups: (groups.KeyGroupList?.Items ?? []).map((g) => [g.KeyGroup!.Id, g.KeyGroup!.KeyGroupConfig!.Name, g.KeyGroup!.KeyGroupConfig!.Items]).sort(),
    distributions: (distributions.DistributionList?.Items ?? []).map((d) => d.Id).sort(),
    configs,
  };
}

/** Closes every editor, discarding changes (untitled documents would otherwise ask to be saved). */
async function closeEditors(): Promise<void> {
  for (let i = 0; i < 20 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/**
 * A distribution whose /streams/* behavior trusts the signer's key group, in front of a bucket of
 * streams a player cannot play: a page that is no playlist, a master whose variant is itself, and a
 * DASH template of a billion segments.
 */
async function streamsDistribution(seed: ReturnType<typeof seedClient>, keyGroupId: string) {
  const bucket = unique('bad-streams');
  const s3 = new S3Client({ region: 'us-east-1' });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const objects: Record<string, string> = {
    'streams/not-a-playlist.m3u8': '<!doctype html><title>Not Found</title>',
    'streams/loop.m3u8': readFileSync('test/fixtures/playlists/loop.m3u8', 'utf8'),
    'streams/billion.mpd': readFileSync('test/fixtures/playlists/dash/billion.mpd', 'utf8'),
    'streams/ok.m3u8': '#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\nok-0.ts\n#EXT-X-ENDLIST\n',
  };
  for (const [Key, Body] of Object.entries(objects)) await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body }));
  return createDistribution(seed, `bad inputs, streams ${Date.now()}`, [behavior('/streams/*', [keyGroupId])], `${bucket}.s3.us-east-1.amazonaws.com`);
}

/** The rows whose setup is an AWS failure, injected by the fault proxy for the row's call only. */
const SETUP_FAULTS: Partial<Record<NonNullable<BadInput['setup']>, FaultRule>> = {
  noAnswer: { fault: Faults.hang },
  updateDenied: { operation: 'UpdateDistribution', fault: Faults.accessDenied },
  // S3 answers 403 to HeadBucket for a bucket of another account (moto has one account).
  bucketForbidden: { operation: 'HeadBucket', fault: Faults.accessDenied },
};

interface Outcome {
  resolved?: unknown;
  rejected?: Error & { input?: string };
}

async function run(row: BadInput, args: unknown): Promise<Outcome> {
  try {
    return { resolved: await vscode.commands.executeCommand(row.command, args) };
  } catch (error) {
    return { rejected: error as Error & { input?: string } };
  }
}

/** The Resource of what a sign command returned: a signed URL, or signed cookies (JSON). */
function policyResourceOf(signed: unknown): string | undefined {
  if (typeof signed === 'string') return parseSignedUrl(signed).resource;
  const policy = (signed as Record<string, string>)['CloudFront-Policy'];
  return (JSON.parse(decodeCloudFrontBase64(policy)!.toString('utf8')) as { Statement: Array<{ Resource: string }> }).Statement[0].Resource;
}

/**
 * Keys kept in AWS for linkKey's, exportPrivateKey's and deleteLocalKey's rows, made outside the
 * extension: KMS keys in every state it refuses, a secret and a parameter that cannot hold a key, a
 * linked KMS key, and a linked secret (trusted on /linked/*) whose PEM was replaced after linking.
 */
async function keptInAws(seed: ReturnType<typeof seedClient>): Promise<{ linkedGroupId: string; values: Record<string, string> }> {
  const kmsKeyId = await createKmsKey();
  const kmsLinked = await vscode.commands.executeCommand<{ publicKeyId: string }>(Commands.linkKey, { kmsKeyId, name: unique('bad-kms-linked') });
  // RSA_2048 like createKeyPair's rows that use them (algorithm RSA_2048): only the state is wrong.
  const disabledKmsKeyId = await createKmsKey('RSA_2048', 'SIGN_VERIFY', 'Disabled');
  const pendingKmsKeyId = await createKmsKey('RSA_2048', 'SIGN_VERIFY', 'PendingDeletion');
  const pendingDeletionDate = (await describeKmsKey(pendingKmsKeyId)).DeletionDate!.toISOString();
  const noPemSecret = unique('cloudfront/bad-not-a-key');
  await createSecret(noPemSecret, 'not a private key');
  const stringParameter = `/${unique('cloudfront/bad-plain')}`;
  await putParameter(stringParameter, newPrivateKeyPem().pem, 'String');
  const linkedSecret = unique('cloudfront/bad-linked');
  const linkedSecretArn = await createSecret(linkedSecret, newPrivateKeyPem().pem);
  const secretLinked = await vscode.commands.executeCommand<{ publicKeyId: string }>(Commands.linkKey, { secretId: linkedSecret });
  await putSecretValue(linkedSecret, newPrivateKeyPem().pem); // now another key's PEM
  return {
    linkedGroupId: await createKeyGroup(seed, unique('bad-linked-group'), [secretLinked.publicKeyId]),
    values: {
      kmsKeyId,
      kmsLinkedKeyId: kmsLinked.publicKeyId,
      disabledKmsKeyId,
      pendingKmsKeyId,
      pendingDeletionDate,
      rsa3072KmsKeyId: await createKmsKey('RSA_3072'),
      symmetricKmsKeyId: await createKmsKey('SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT'),
      noPemSecret,
      stringParameter,
      secretLinkedKeyId: secretLinked.publicKeyId,
      linkedSecretArn,
    },
  };
}

/** A compact policy of exactly `bytes` bytes for `bucket`: log-delivery grants, the last Sid padded. */
function policyOfSize(bucket: string, bytes: number): string {
  const statement = (sid: string, i: number) => ({
    Sid: sid,
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::123456789012:root' },
    Action: 's3:PutObject',
    Resource: `arn:aws:s3:::${bucket}/logs/${i}/*`,
  });
  const statements: object[] = [];
  const text = () => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  while (Buffer.byteLength(text()) < bytes - 400) statements.push(statement(`Logs${statements.length}`, statements.length));
  statements.push(statement('Pad', statements.length));
  const pad = bytes - Buffer.byteLength(text());
  statements[statements.length - 1] = statement(`Pad${'x'.repeat(pad)}`, statements.length - 1);
  assert.equal(Buffer.byteLength(text()), bytes);
  return text();
}

/**
 * The buckets of Protect's bucket-policy rows, each with the policy it refuses to change. Their names
 * have one length (the table's size is exact); moto stores a policy's text as it is given.
 */
async function bucketsWithPolicies(): Promise<Record<string, string>> {
  const stamp = String(Date.now()).padStart(13, '0');
  const buckets = { bigPolicyBucket: `bad-policy-big-${stamp}`, numberPolicyBucket: `bad-policy-num-${stamp}`, duplicatePolicyBucket: `bad-policy-dup-${stamp}` };
  const policies: Record<string, string> = {
    bigPolicyBucket: policyOfSize(buckets.bigPolicyBucket, 20_400),
    numberPolicyBucket: `{"Version":"2012-10-17","Statement":[{"Sid":"MaxKeys","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:ListBucket","Resource":"arn:aws:s3:::${buckets.numberPolicyBucket}","Condition":{"NumericLessThanEquals":{"s3:max-keys":12345678901234567890}}}]}`,
    duplicatePolicyBucket: `{"Version":"2012-10-17","Statement":[{"Sid":"FromVpc","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::${buckets.duplicatePolicyBucket}/*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d","aws:SourceVpce":"vpce-5e6f7a8b"}}}]}`,
  };
  const s3 = new S3Client({ region: 'us-east-1' });
  for (const [key, bucket] of Object.entries(buckets)) {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policies[key] }));
  }
  return buckets;
}

describe('bad inputs (badInputs.table.ts): the exact message, and nothing created, stored or lost', function () {
  this.timeout(60_000);
  let hooks: TestingApi;
  const values: Record<string, string> = {};
  let distributionIds: string[] = [];
  let awsConfig: { path: string; before: string | undefined };

  before(async function () {
    hooks = await testingHooks();
    const seed = seedClient();
    const signerKeyName = unique('bad-signer');
    const signerGroupName = unique('bad-signers');
    const signer = await vscode.commands.executeCommand<{ publicKeyId: string; keyGroupId: string }>(Commands.createKeyPair, {
      name: signerKeyName,
      algorithm: 'RSA_2048', // RSA signatures have one length, so the length of a signed URL is known
      keyGroupName: signerGroupName,
    });
    // A key pair held by AWS KMS, trusted by /kms/* (the SHA1 row), and KMS keys and a secret made outside the extension.
    const kmsSignerName = unique('bad-kms-signer');
    const kmsSigner = await vscode.commands.executeCommand<{ publicKeyId: string; keyGroupId: string }>(Commands.createKeyPair, {
      name: kmsSignerName,
      algorithm: 'ECDSA_P256',
      keyGroupName: unique('bad-kms-signers'),
      keyStorage: 'kms',
    });
    // The disabled, pending-deletion and symmetric KMS keys come from keptInAws (below), shared by both commands' rows.
    const kmsValues = {
      kmsSignerKeyId: kmsSigner.publicKeyId,
      kmsSignerAlias: `alias/cloudfront/${kmsSignerName}`,
      rsaKmsKeyId: await createKmsKey('RSA_2048', 'SIGN_VERIFY'),
      p384KmsKeyId: await createKmsKey('ECC_NIST_P384', 'SIGN_VERIFY'),
      existingSecretName: unique('cloudfront/bad-taken'),
    };
    await createSecret(kmsValues.existingSecretName, 'not a key: only its name is taken');
    const otherGroupName = unique('bad-other-group');
    const otherGroupId = await createKeyGroup(seed, otherGroupName, [await createPublicKey(seed, unique('bad-other'))]);
    const aws = await keptInAws(seed);
    const distribution = await createDistribution(seed, `bad inputs ${Date.now()}`, [
      behavior('/paid/*', [signer.keyGroupId]),
      behavior('/other/*', [otherGroupId]),
      behavior('/kms/*', [kmsSigner.keyGroupId]),
      behavior('/linked/*', [aws.linkedGroupId]),
    ]);
    const fullGroupName = unique('bad-full-group');
    const fullKeys = await Promise.all([0, 1, 2, 3, 4].map((i) => createPublicKey(seed, unique(`bad-full-${i}`))));
    const fullGroupId = await createKeyGroup(seed, fullGroupName, fullKeys);
    await motoStateManager('set-transition', { model_name: 'cloudfront::distribution', transition: { progression: 'manual', times: 1_000_000 } });
    const deploying = await createDistribution(seed, `bad inputs, deploying ${Date.now()}`, [behavior('/paid/*', [signer.keyGroupId])]);
    assert.equal(deploying.Status, 'InProgress');
    // A distribution with nothing private: no behavior trusts a key group, no origin uses an OAC (Export as Infrastructure Code refuses it).
    const open = await createDistribution(seed, `bad inputs, open ${Date.now()}`);
    const streams = await streamsDistribution(seed, signer.keyGroupId);
    distributionIds = [distribution.Id!, deploying.Id!, open.Id!, streams.Id!];
    await vscode.commands.executeCommand(Commands.refresh); // forget the distributions read so far

    const signedUrl = await vscode.commands.executeCommand<string>(Commands.signUrl, { url: `https://${distribution.DomainName}/paid/a.mp4`, expires: FUTURE, copy: false });
    rememberSigned(signedUrl);
    const longPath = 'a'.repeat(8200);
    const quoted = `https://${distribution.DomainName}/paid/a"}]}.mp4`;

    // A profile to choose from, in the scratch HOME's ~/.aws/config (profiles.test.ts writes its own later).
    const { config } = sharedFilePaths();
    awsConfig = { path: config, before: existsSync(config) ? readFileSync(config, 'utf8') : undefined };
    mkdirSync(dirname(config), { recursive: true });
    writeFileSync(config, '[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n');

    // A bucket that is no origin of the distribution, for Protect's permission check.
    const bucket = unique('bad-bucket');
    await new S3Client({ region: 'us-east-1' }).send(new CreateBucketCommand({ Bucket: bucket }));
    const policyBuckets = await bucketsWithPolicies();

    Object.assign(values, kmsValues, policyBuckets, {
      bucket,
      domain: distribution.DomainName!,
      streamDomain: streams.DomainName!,
      streamDistributionId: streams.Id!,
      upperDomain: distribution.DomainName!.toUpperCase(),
      deployingDomain: deploying.DomainName!,
      distributionId: distribution.Id!,
      openDistributionId: open.Id!,
      signerKeyId: signer.publicKeyId,
      signerKeyName,
      signerGroupName,
      otherGroupName,
      fullGroupId,
      fullGroupName,
      socketTimeoutMs: String(requestTimeouts().socketTimeout),
      longName: 'k'.repeat(129),
      longPath,
      // The long URL plus signing parameters as long as those of signedUrl (same key, same expiry).
      longSignedLength: String(new URL(`https://${distribution.DomainName}/paid/${longPath}`).href.length + signedUrl.length - `https://${distribution.DomainName}/paid/a.mp4`.length),
      quotePosition: String(quoted.indexOf('"')),
      profiles: 'default, dev',
      dsaPem: pemOf(createPrivateKey(FIXTURE_KEYS.dsa)),
      rsa1024Pem: pemOf(createPrivateKey(FIXTURE_KEYS.rsa1024)),
      rsa512Pem: pemOf(createPrivateKey(FIXTURE_KEYS.rsa512)),
      p384Pem: pemOf(createPrivateKey(FIXTURE_KEYS.ecP384)),
      ed25519Pem: pemOf(createPrivateKey(FIXTURE_KEYS.ed25519)),
      publicPem: publicKeyOf(FIXTURE_KEYS.rsa2048Other).export({ type: 'spki', format: 'pem' }).toString(),
      encryptedPem: pemOf(createPrivateKey(FIXTURE_KEYS.ecP256Other), 'the passphrase'),
      emptyPassphrasePem: pemOf(createPrivateKey(FIXTURE_KEYS.ecP256Other), ''),
      strangerPem: pemOf(createPrivateKey(FIXTURE_KEYS.rsa2048Other)),
      indentedPem: pemOf(createPrivateKey(FIXTURE_KEYS.rsa2048Other))
        .trimEnd()
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n'),
      signedUrl,
      tamperedUrl: signedUrl.replace('/paid/a.mp4', '/paid/b.mp4'),
      ...aws.values,
    });
  });

  after(async () => {
    await motoStateManager('unset-transition', { model_name: 'cloudfront::distribution' }).catch(() => {});
    await deleteDistributions(seedClient(), distributionIds);
    if (awsConfig) {
      if (awsConfig.before === undefined) rmSync(awsConfig.path, { force: true });
      else writeFileSync(awsConfig.path, awsConfig.before);
    }
    await closeEditors();
  });

  for (const row of BAD_INPUTS) {
    const expectation = 'rejects' in row.expect ? `rejects: ${row.expect.rejects.slice(0, 60)}` : 'finding' in row.expect ? `finds ${row.expect.finding.code}` : 'succeeds';
    it(`${row.command} with ${row.case} → ${expectation}`, async function () {
      const fault = row.setup ? SETUP_FAULTS[row.setup] : undefined;
      if (fault && !faultProxyAvailable()) return this.skip();
      const args = fillPlaceholders(row.args, values);
      if (row.setup === 'noEditor') await closeEditors();
      if (row.setup === 'document') {
        const document = await vscode.workspace.openTextDocument({ content: `watch https://${values.domain}/paid/a.mp4 tonight\n`, language: 'plaintext' });
        await vscode.window.showTextDocument(document);
      }
      const remoteBefore = await remoteState(distributionIds);
      const localBefore = hooks.keyStore.list();
      await vscode.env.clipboard.writeText(CLIPBOARD_SENTINEL);

      if (fault) await injectFaults(fault);
      let outcome: Outcome;
      try {
        outcome = await run(row, args);
      } finally {
        if (fault) await clearFaults();
        if (row.setup === 'document') await closeEditors();
      }

      const expect = row.expect;
      if ('rejects' in expect) {
        assert.ok(outcome.rejected, `resolved with ${JSON.stringify(outcome.resolved)?.slice(0, 200)}`);
        assert.equal(outcome.rejected.message, fillPlaceholders(expect.rejects, values));
        if (expect.unexpected) {
          assert.equal(outcome.rejected.name, expect.unexpected);
        } else {
          assert.ok(['UserError', 'SigningError'].includes(outcome.rejected.name), `${outcome.rejected.name} is one of our errors`);
          assert.equal(outcome.rejected.input, expect.input, 'the argument the rejection names');
        }
      } else if ('finding' in expect) {
        assert.ok(!outcome.rejected, `rejected: ${outcome.rejected?.message}`);
        const firstError = (outcome.resolved as Finding[]).find((f) => f.severity === 'error');
        assert.deepEqual(firstError && { code: firstError.code, message: firstError.message }, fillPlaceholders(expect.finding, values));
      } else {
        assert.ok(!outcome.rejected, `rejected: ${outcome.rejected?.message}`);
        if (typeof outcome.resolved === 'string') rememberSigned(outcome.resolved);
        if (expect.policyResource !== undefined) assert.equal(policyResourceOf(outcome.resolved), fillPlaceholders(expect.policyResource, values));
      }

      assert.deepEqual(await remoteState(distributionIds), remoteBefore, 'nothing created or changed in CloudFront');
      assert.deepEqual(hooks.keyStore.list(), localBefore, 'nothing stored or lost in the key store');
      assert.equal(await vscode.env.clipboard.readText(), CLIPBOARD_SENTINEL, 'nothing copied');
    });
  }
});
