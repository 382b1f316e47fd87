// Cross-check with botocore's CloudFrontSigner (Python): the same generated inputs signed by both,
// compared parameter by parameter. botocore_sign.py does the Python side in one process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { verify } from 'node:crypto';
import { resolve } from 'node:path';
import { parseSignedUrl, signUrl } from '../../../src/signing';
import { generateCases, type GeneratedCase } from './generatedCases';
import { decodeCloudFrontBase64ForTest, rawQueryParameters, TEST_KEYS } from './helpers';

interface BotocoreCase {
  id: string;
  url: string;
  keyPairId: string;
  key: string;
  hash: 'SHA1' | 'SHA256';
  expires: number;
  activeFrom?: number;
  ipRange?: string;
  resource?: string;
  policy?: string;
}
interface BotocoreResult {
  id: string;
  signedUrl: string;
  policy: string | null;
}

const CASE_COUNT = 520;
const OUR_POLICY_SUFFIX = '#our-policy';

const toSeconds = (time: Date | number): number => (time instanceof Date ? Math.floor(time.getTime() / 1000) : time);
/** The hash asked for; absent, ours is SHA-256 for every key (botocore is then told SHA256 too). */
const hashOf = (testCase: GeneratedCase): 'SHA1' | 'SHA256' => testCase.options.hashAlgorithm ?? 'SHA256';
const hasStartAndIp = (testCase: GeneratedCase): boolean => testCase.options.activeFrom !== undefined && testCase.options.ipRange !== undefined;

/** botocore gets the URL a client sends and the resource we expect, both derived without our code. */
function toBotocoreCases(testCase: GeneratedCase, ourSignedUrl: string): BotocoreCase[] {
  const { options } = testCase;
  const botocoreCase: BotocoreCase = {
    id: testCase.id,
    url: testCase.expectedUrl,
    keyPairId: options.keyPairId,
    key: testCase.keyName,
    hash: hashOf(testCase),
    expires: toSeconds(options.expires),
    ...(options.activeFrom !== undefined && { activeFrom: toSeconds(options.activeFrom) }),
    ...(options.ipRange !== undefined && { ipRange: options.ipRange }),
    ...(testCase.expectedResource !== undefined && { resource: testCase.expectedResource }),
  };
  // botocore orders conditions DateLessThan, IpAddress, DateGreaterThan; AWS's documentation (and we)
  // put DateGreaterThan before IpAddress. For those cases botocore also signs our exact policy.
  if (!hasStartAndIp(testCase)) return [botocoreCase];
  return [botocoreCase, { ...botocoreCase, id: testCase.id + OUR_POLICY_SUFFIX, policy: parseSignedUrl(ourSignedUrl).policyJson }];
}

function runBotocore(cases: BotocoreCase[]): Map<string, BotocoreResult> | string {
  const keys = Object.fromEntries(Object.entries(TEST_KEYS).map(([name, key]) => [name, key.path]));
  const result = spawnSync('python3', [resolve('test/unit/signing/botocore_sign.py')], {
    input: JSON.stringify({ keys, cases }),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) return `python3 could not be started (${result.error.message})`;
  if (result.status !== 0) return `botocore_sign.py exited with status ${result.status}: ${result.stderr.trim()}`;
  return new Map((JSON.parse(result.stdout) as BotocoreResult[]).map((entry) => [entry.id, entry]));
}

function signatureVerifies(testCase: GeneratedCase, policyJson: string, signature: string | undefined): boolean {
  const hash = hashOf(testCase) === 'SHA256' ? 'sha256' : 'sha1';
  return verify(hash, Buffer.from(policyJson), TEST_KEYS[testCase.keyName].publicPem, decodeCloudFrontBase64ForTest(signature ?? ''));
}

const decodedPolicy = (parameter: string | undefined): string => decodeCloudFrontBase64ForTest(parameter ?? '').toString('utf8');

describe('signing: cross-check with botocore CloudFrontSigner', function () {
  this.timeout(120_000);
  const cases = generateCases(CASE_COUNT);
  const ours = new Map<string, string>();
  let botocore = new Map<string, BotocoreResult>();

  before(function () {
    for (const testCase of cases) ours.set(testCase.id, signUrl(testCase.options));
    const outcome = runBotocore(cases.flatMap((testCase) => toBotocoreCases(testCase, ours.get(testCase.id) ?? '')));
    if (typeof outcome === 'string') {
      const why = `botocore cross-check not run: ${outcome}. Install python3 with botocore and cryptography.`;
      if (process.env.CI) throw new Error(why);
      console.warn(`\n${'!'.repeat(100)}\n!!! SKIPPED ${why}\n${'!'.repeat(100)}\n`);
      this.skip();
    }
    botocore = outcome;
  });

  /** Compares each case with botocore's result; returns one line per difference. */
  function compare(select: (testCase: GeneratedCase) => boolean, check: (testCase: GeneratedCase, ourParameters: Map<string, string>, theirs: BotocoreResult) => string[]): void {
    const selected = cases.filter(select);
    assert.ok(selected.length > 0, 'no generated case selected');
    const problems: string[] = [];
    for (const testCase of selected) {
      const ourUrl = ours.get(testCase.id) ?? '';
      const theirs = botocore.get(testCase.id);
      assert.ok(theirs, `botocore returned nothing for ${testCase.id}`);
      const prefix = `${testCase.expectedUrl}${testCase.expectedUrl.includes('?') ? '&' : '?'}`;
      if (!ourUrl.startsWith(prefix) || !theirs.signedUrl.startsWith(prefix)) problems.push(`${testCase.id}: URL base differs\n  ours ${ourUrl}\n  boto ${theirs.signedUrl}`);
      problems.push(...check(testCase, rawQueryParameters(ourUrl), theirs).map((problem) => `${testCase.id} (${testCase.options.url}): ${problem}`));
    }
    assert.deepEqual(problems.slice(0, 10), [], `${problems.length} of ${selected.length} cases differ`);
  }

  function sameParameters(names: readonly string[], ourParameters: Map<string, string>, theirParameters: Map<string, string>): string[] {
    return names.filter((name) => ourParameters.get(name) !== theirParameters.get(name)).map((name) => `${name}: ours ${ourParameters.get(name)}, botocore ${theirParameters.get(name)}`);
  }

  function hashParameterProblems(testCase: GeneratedCase, ourParameters: Map<string, string>): string[] {
    // botocore never writes Hash-Algorithm; CloudFront needs it for SHA256.
    const expected = hashOf(testCase) === 'SHA256' ? 'SHA256' : undefined;
    return ourParameters.get('Hash-Algorithm') === expected ? [] : [`Hash-Algorithm is ${ourParameters.get('Hash-Algorithm')}, expected ${expected}`];
  }

  it(`signs ${CASE_COUNT} generated URLs with RSA exactly as botocore does: Expires, Policy, Signature, Key-Pair-Id`, () => {
    compare(
      (testCase) => testCase.keyName !== 'ec' && !hasStartAndIp(testCase),
      (testCase, ourParameters, theirs) => [
        ...sameParameters(['Expires', 'Policy', 'Signature', 'Key-Pair-Id'], ourParameters, rawQueryParameters(theirs.signedUrl)),
        ...hashParameterProblems(testCase, ourParameters),
      ],
    );
  });

  it('matches botocore for ECDSA on every parameter but the (randomized) signature, and both signatures verify', () => {
    compare(
      (testCase) => testCase.keyName === 'ec' && !hasStartAndIp(testCase),
      (testCase, ourParameters, theirs) => {
        const theirParameters = rawQueryParameters(theirs.signedUrl);
        const policyJson = parseSignedUrl(ours.get(testCase.id) ?? '').policyJson;
        return [
          ...sameParameters(['Expires', 'Policy', 'Key-Pair-Id'], ourParameters, theirParameters),
          ...hashParameterProblems(testCase, ourParameters),
          ...(signatureVerifies(testCase, policyJson, ourParameters.get('Signature')) ? [] : ['our signature does not verify']),
          ...(signatureVerifies(testCase, policyJson, theirParameters.get('Signature')) ? [] : ["botocore's signature does not verify"]),
        ];
      },
    );
  });

  it('with both a start date and an IP range: same conditions as botocore (in AWS documentation order), and exactly botocore given our policy', () => {
    compare(hasStartAndIp, (testCase, ourParameters, theirs) => {
      const problems: string[] = [];
      const ourPolicy = decodedPolicy(ourParameters.get('Policy'));
      if (theirs.policy === null || JSON.stringify(JSON.parse(theirs.policy)) === ourPolicy) problems.push('expected botocore to order the conditions differently');
      else assert.deepEqual(JSON.parse(ourPolicy), JSON.parse(theirs.policy), testCase.id);
      assert.ok(ourPolicy.indexOf('"DateGreaterThan"') < ourPolicy.indexOf('"IpAddress"'), ourPolicy);
      const withOurPolicy = botocore.get(testCase.id + OUR_POLICY_SUFFIX);
      assert.ok(withOurPolicy, testCase.id);
      const names = testCase.keyName === 'ec' ? ['Policy', 'Key-Pair-Id'] : ['Policy', 'Signature', 'Key-Pair-Id'];
      problems.push(...sameParameters(names, ourParameters, rawQueryParameters(withOurPolicy.signedUrl)));
      if (!signatureVerifies(testCase, ourPolicy, ourParameters.get('Signature'))) problems.push('our signature does not verify');
      return problems;
    });
  });

  it('really covers the variety it claims (so the cross-check cannot quietly shrink)', () => {
    const count = (select: (testCase: GeneratedCase) => boolean): number => cases.filter(select).length;
    const url = (testCase: GeneratedCase): string => testCase.options.url;
    const coverage = {
      canned: count((c) => !parseSignedUrl(ours.get(c.id) ?? '').params.Policy),
      existingQuery: count((c) => url(c).includes('?')),
      tilde: count((c) => url(c).includes('~')),
      preEncodedSpace: count((c) => url(c).includes('%20')),
      rawSpace: count((c) => url(c).includes(' ')),
      nonAscii: count((c) => /[\u{80}-\u{10FFFF}]/u.test(url(c))),
      wildcardResource: count((c) => /[*?]/.test(c.expectedResource ?? '')),
      rawUnicodeResource: count((c) => /[\u{80}-\u{10FFFF}]/u.test(c.options.resource ?? '')),
      ipRange: count((c) => c.options.ipRange !== undefined),
      activeFrom: count((c) => c.options.activeFrom !== undefined),
      startAndIp: count(hasStartAndIp),
      sha1: count((c) => hashOf(c) === 'SHA1'),
      rsaSha256: count((c) => c.keyName !== 'ec' && hashOf(c) === 'SHA256'),
      ecdsa: count((c) => c.keyName === 'ec'),
      expired: count((c) => (c.options.expires as number) < Date.now() / 1000),
    };
    for (const [feature, n] of Object.entries(coverage)) assert.ok(n >= 8, `only ${n} cases with ${feature}`);
  });
});
