// Shared by the signing suites: fixture keys, raw query parsing, and error assertions.
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SigningError, type SigningErrorCode, type SigningInput } from '../../../src/signing';

/** aws-cli's conformance data (see its README.md); the suites run from the repository root. */
export const AWS_FIXTURES = resolve('test/fixtures/aws-cli-cloudfront');
/** Test-only keys made with `openssl genpkey` (RSA 2048, EC P-256); never used outside these tests. */
export const KEYS_DIR = resolve('test/fixtures/keys');

export interface TestKey {
  readonly path: string;
  readonly privatePem: string;
  /** SPKI PEM derived by Node directly, not through the code under test. */
  readonly publicPem: string;
}

function testKey(path: string): TestKey {
  const privatePem = readFileSync(path, 'utf8');
  return { path, privatePem, publicPem: createPublicKey(privatePem).export({ type: 'spki', format: 'pem' }).toString() };
}

export const TEST_KEYS = {
  /** AWS's RSA-1024 test key: legacy key pairs are this size. */
  rsa1024: testKey(resolve(AWS_FIXTURES, 'test-rsa-key.pem')),
  rsa2048: testKey(resolve(KEYS_DIR, 'rsa-2048.pem')),
  ec: testKey(resolve(KEYS_DIR, 'ec-p256.pem')),
} as const;
export type TestKeyName = keyof typeof TEST_KEYS;

/** Query parameters exactly as written (not decoded), in order. */
export function rawQueryParameters(url: string): Map<string, string> {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  const parameters = new Map<string, string>();
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    if (pair !== '') parameters.set(equals === -1 ? pair : pair.slice(0, equals), equals === -1 ? '' : pair.slice(equals + 1));
  }
  return parameters;
}

/** Decodes CloudFront base64 independently of the code under test. */
export function decodeCloudFrontBase64ForTest(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');
}

/** Flips the lowest (unused) bit of the last character before the padding: the same bytes to a lenient decoder. */
export function alterUnusedBits(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-~';
  const at = text.replace(/_+$/, '').length - 1;
  return text.slice(0, at) + alphabet[alphabet.indexOf(text[at]) ^ 1] + text.slice(at + 1);
}

/** Asserts that `run` throws a SigningError with this code and input, whose message names every word in `mentions`. */
export function assertSigningError(run: () => unknown, code: SigningErrorCode, input: SigningInput, mentions: readonly string[] = [input]): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof SigningError, `expected a SigningError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.equal(error.input, input, error.message);
    for (const word of mentions) assert.ok(error.message.toLowerCase().includes(word.toLowerCase()), `message should mention "${word}": ${error.message}`);
    return true;
  });
}
