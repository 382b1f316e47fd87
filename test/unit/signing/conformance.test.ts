// Runs every case of aws-cli's CloudFront signing conformance data (test/fixtures/aws-cli-cloudfront,
// read as its README.md describes) against signUrl and signCookies.
import assert from 'node:assert/strict';
import { verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSignedUrl, signCookies, signUrl, SigningError, verifySignedCookies, verifySignedUrl, type SignOptions } from '../../../src/signing';
import { AWS_FIXTURES, decodeCloudFrontBase64ForTest, rawQueryParameters } from './helpers';

interface ConformanceCase {
  id: string;
  input: {
    resource: string;
    keyPairId: string;
    privateKeyFile: string;
    expirationDate?: number;
    activeDate?: number;
    ipRange?: string;
    hashAlgorithm?: 'SHA1' | 'SHA256';
  };
  expected: {
    error?: boolean;
    errorContains?: string[];
    policyJson?: string;
    queryParams?: Record<string, string>;
    cookies?: Record<string, string>;
    signature?: string;
    applyTo?: string;
    verifyCryptographically?: boolean;
    signatureAlgorithm?: 'RSA-SHA1' | 'RSA-SHA256' | 'ECDSA-SHA256';
  };
}

const readFixture = (name: string): string => readFileSync(resolve(AWS_FIXTURES, name), 'utf8');
const loadCases = (file: string): ConformanceCase[] => JSON.parse(readFixture(file)) as ConformanceCase[];

/** The public key each key ID stands for, as the aws-cli runner verifies with it. */
const PUBLIC_KEY_FILES: Record<string, string> = { K1TESTKEY: 'test-rsa-key-public.pem', K2ECDSATEST: 'test-ecdsa-key-public.pem' };

/** errorContains names AWS CLI flags and wording; our messages name our options instead. */
const OUR_WORDS: Record<string, string> = { '--date-less-than': 'expires', expiration: 'expires', active: 'activeFrom', '--url': 'url', '--ip-address': 'ipRange' };

/** The option each error case is about (a new error case must be added here, so it cannot pass unchecked). */
const ERROR_INPUTS: Record<string, string> = {
  'error-missing-expiration': 'expires',
  'error-active-after-expiration': 'activeFrom',
  'error-unsupported-key-type': 'privateKey',
  'json-injection-resource-url-reject': 'url',
  'json-injection-ip-range-reject': 'ipRange',
  'ecdsa-canned-policy-url-sha1-reject': 'hashAlgorithm',
};

/** aws-cli's hash when a case names none: SHA-1 for RSA keys; ECDSA keys take SHA-256 anyway. */
const awsCliDefaultHash = (keyPairId: string): 'SHA1' | undefined => (keyPairId === 'K2ECDSATEST' ? undefined : 'SHA1');

/** aws-cli passes resource as --url, or applyTo as --url and resource as --policy-resource. */
function optionsFor(testCase: ConformanceCase): SignOptions {
  const { input, expected } = testCase;
  // aws-cli signs RSA with SHA-1 unless told otherwise, and its vectors expect that; ours defaults to SHA-256.
  const hashAlgorithm = input.hashAlgorithm ?? awsCliDefaultHash(input.keyPairId);
  return {
    url: expected.applyTo ?? input.resource,
    ...(expected.applyTo !== undefined && { resource: input.resource }),
    keyPairId: input.keyPairId,
    privateKey: readFixture(input.privateKeyFile),
    // Missing on purpose in error-missing-expiration: a JavaScript caller can omit it.
    expires: input.expirationDate as number,
    ...(input.activeDate !== undefined && { activeFrom: input.activeDate }),
    ...(input.ipRange !== undefined && { ipRange: input.ipRange }),
    ...(hashAlgorithm !== undefined && { hashAlgorithm }),
  };
}

function assertRejected(testCase: ConformanceCase, run: () => unknown): void {
  const expectedInput = ERROR_INPUTS[testCase.id];
  assert.ok(expectedInput, `no expected input recorded for error case ${testCase.id}`);
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof SigningError, String(error));
    assert.equal(error.input, expectedInput, error.message);
    assert.ok(error.message.includes(expectedInput), `message should name ${expectedInput}: ${error.message}`);
    for (const word of testCase.expected.errorContains ?? []) {
      const ours = OUR_WORDS[word] ?? word;
      assert.ok(error.message.toLowerCase().includes(ours.toLowerCase()), `message should mention "${ours}" (for "${word}"): ${error.message}`);
    }
    return true;
  });
}

/** Checks the signature with Node's crypto directly, against the key ID's public key. */
function assertSignatureVerifies(testCase: ConformanceCase, policyJson: string, signature: string): void {
  const algorithm = testCase.expected.signatureAlgorithm ?? 'RSA-SHA1';
  const hash = algorithm.endsWith('SHA256') ? 'sha256' : 'sha1';
  assert.ok(verify(hash, Buffer.from(policyJson), publicKeyFor(testCase), decodeCloudFrontBase64ForTest(signature)), `${algorithm} signature does not verify`);
  if (testCase.expected.signature !== undefined && !testCase.expected.verifyCryptographically) {
    assert.equal(signature, testCase.expected.signature);
  }
}

const publicKeyFor = (testCase: ConformanceCase): string => readFixture(PUBLIC_KEY_FILES[testCase.input.keyPairId] ?? '');

/**
 * Checks signing values (query parameters, or cookies named with the CloudFront- prefix) as the
 * aws-cli runner does: exactly the expected names plus Signature (plus Policy when there is no
 * Expires), the expected values undecoded, the decoded Policy, and the signature.
 */
function assertSigningValues(testCase: ConformanceCase, values: ReadonlyMap<string, string>, expected: Record<string, string>, prefix: string): void {
  const names = new Set([...Object.keys(expected), `${prefix}Signature`]);
  if (!(`${prefix}Expires` in expected)) names.add(`${prefix}Policy`);
  assert.deepEqual([...values.keys()].sort(), [...names].sort());
  for (const [name, value] of Object.entries(expected)) assert.equal(values.get(name), value, name);
  const policyJson = testCase.expected.policyJson ?? '';
  const policy = values.get(`${prefix}Policy`);
  if (policy !== undefined) assert.equal(decodeCloudFrontBase64ForTest(policy).toString('utf8'), policyJson);
  assertSignatureVerifies(testCase, policyJson, values.get(`${prefix}Signature`) ?? '');
}

function checkSignedUrl(testCase: ConformanceCase, options: SignOptions): void {
  const signed = signUrl(options);
  assert.ok(signed.startsWith(`${options.url}${options.url.includes('?') ? '&' : '?'}`), signed);
  assertSigningValues(testCase, rawQueryParameters(signed), testCase.expected.queryParams ?? {}, '');
  const parsed = parseSignedUrl(signed);
  assert.equal(parsed.policyJson, testCase.expected.policyJson);
  if (testCase.expected.applyTo !== undefined) {
    assert.equal(parsed.url, testCase.expected.applyTo);
    assert.equal(parsed.resource, testCase.input.resource);
  }
  assert.ok(verifySignedUrl(signed, publicKeyFor(testCase)));
}

function checkSignedCookies(testCase: ConformanceCase, options: SignOptions): void {
  const cookies = signCookies(options);
  assertSigningValues(testCase, new Map(Object.entries(cookies)), testCase.expected.cookies ?? {}, 'CloudFront-');
  // A wildcard resource is checked against a concrete request; a canned one against the URL itself.
  assert.ok(verifySignedCookies(cookies, options.url.replace('*', 'photos/1.jpg'), publicKeyFor(testCase)));
}

const SUITES = [
  { title: 'signed URLs', file: 'sign-test-cases.json', sign: signUrl, check: checkSignedUrl },
  { title: 'signed cookies', file: 'sign-cookies-test-cases.json', sign: signCookies, check: checkSignedCookies },
];

for (const suite of SUITES) {
  describe(`signing: aws-cli conformance, ${suite.title}`, () => {
    for (const testCase of loadCases(suite.file)) {
      it(testCase.id, () => {
        const options = optionsFor(testCase);
        if (testCase.expected.error) assertRejected(testCase, () => suite.sign(options));
        else suite.check(testCase, options);
      });
    }
  });
}

describe('signing: aws-cli conformance data', () => {
  it('reads all 30 cases of the two files (none lost to a bad copy)', () => {
    assert.equal(loadCases('sign-test-cases.json').length, 19);
    assert.equal(loadCases('sign-cookies-test-cases.json').length, 11);
  });
});
