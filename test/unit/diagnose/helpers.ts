// Shared by the diagnosis suites: a fixed clock, the test keys, and ways to build (and break) signed
// URLs and cookies without going through the code under diagnosis where that matters.
import { generateKeyPairSync, sign } from 'node:crypto';
import { signCookies, signUrl, type SignOptions } from '../../../src/signing';
import { alterUnusedBits, TEST_KEYS } from '../signing/helpers';

export { alterUnusedBits, TEST_KEYS };

/** 2025-12-29T09:20:00Z: every case is checked against this clock. */
export const NOW = 1_767_000_000;
export const HOUR = 3600;
export const HOST = 'd111111abcdef8.cloudfront.net';
export const KEY_ID = 'K2JCJMDEHXQW5F';
export const EC_KEY_ID = 'K3ECDSAP256KEY';

/** A second RSA-2048 key pair, for signatures made with the wrong key. */
export const OTHER_RSA = (() => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
})();

/** Local public keys by ID, as a caller passes them to diagnose(). */
export const LOCAL_KEYS = new Map([
  [KEY_ID, TEST_KEYS.rsa2048.publicPem],
  [EC_KEY_ID, TEST_KEYS.ec.publicPem],
]);

type Options = Partial<SignOptions> & { url?: string };

/** signUrl with the RSA test key, KEY_ID and an expiry an hour after NOW, unless overridden. */
export function signed(path: string, options: Options = {}): string {
  return signUrl({ url: `https://${HOST}${path}`, keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: NOW + HOUR, ...options });
}

/** A Cookie header of signed cookies (RSA test key, KEY_ID, an hour), for `resource`. */
export function signedCookieHeader(resource: string, options: Options = {}): string {
  const cookies = signCookies({ resource, keyPairId: KEY_ID, privateKey: TEST_KEYS.rsa2048.privatePem, expires: NOW + HOUR, ...options });
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

/** CloudFront's base64 (+ -> -, = -> _, / -> ~), written here independently of the code under test. */
export function cloudFrontBase64(data: string | Buffer): string {
  return Buffer.from(data).toString('base64').replace(/\+/g, '-').replace(/=/g, '_').replace(/\//g, '~');
}

/** Signs exact policy bytes (any JSON, even one the signing core would refuse to build). */
export function signPolicy(json: string, privatePem = TEST_KEYS.rsa2048.privatePem, hash: 'sha1' | 'sha256' = 'sha1'): string {
  return cloudFrontBase64(sign(hash, Buffer.from(json), privatePem));
}

/** A URL with a custom policy: `?Policy=…&Signature=…&Key-Pair-Id=…`, the policy signed as given. */
export function withCustomPolicy(url: string, json: string, options: { privatePem?: string; keyPairId?: string } = {}): string {
  const query = `Policy=${cloudFrontBase64(json)}&Signature=${signPolicy(json, options.privatePem)}&Key-Pair-Id=${options.keyPairId ?? KEY_ID}`;
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/** A URL with a canned policy signed over `signedResource`, but carried by `url`. */
export function withCannedSignature(url: string, signedResource: string, expires = NOW + HOUR, hash: 'sha1' | 'sha256' = 'sha1'): string {
  const json = `{"Statement":[{"Resource":"${signedResource}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
  const query = `Expires=${expires}&Signature=${signPolicy(json, TEST_KEYS.rsa2048.privatePem, hash)}&Key-Pair-Id=${KEY_ID}`;
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

export function policyJson(resource: string, conditions = `"DateLessThan":{"AWS:EpochTime":${NOW + HOUR}}`): string {
  return `{"Statement":[{"Resource":"${resource}","Condition":{${conditions}}}]}`;
}

/** Replaces (or with undefined, removes) one query parameter, keeping the raw text of the others. */
export function setParam(url: string, name: string, value: string | undefined): string {
  const [base, query = ''] = url.split('?') as [string, string?];
  const pairs = query.split('&').filter((pair) => pair !== '' && pair.split('=')[0] !== name);
  if (value !== undefined) pairs.push(`${name}=${value}`);
  return pairs.length > 0 ? `${base}?${pairs.join('&')}` : base;
}

export function param(url: string, name: string): string {
  const pair = url
    .split('?')[1]
    ?.split('&')
    .find((p) => p.split('=')[0] === name);
  if (pair === undefined) throw new Error(`${url} has no ${name}`);
  return pair.slice(name.length + 1);
}

/** Policy JSON padded with spaces so its base64 ends in two padding characters (and unused bits). */
export function paddedPolicyJson(json: string): string {
  let padded = json;
  while (padded.length % 3 !== 1) padded += ' ';
  return padded;
}
