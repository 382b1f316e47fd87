// The one key of the `npm start` sample whose private half is kept: its public key goes into the
// sample's key group in moto, and its private key into this run's key store through a sample-only
// loader extension (scripts/sample/keyLoader/extension.cjs says why and how), so that the first
// "Sign CloudFront URL" of the sample signs at once. The other sample keys stay public halves only.
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPublicKey } from './cloudFrontSeed.mjs';

const LOADER_SOURCE = join(dirname(fileURLToPath(import.meta.url)), '..', 'sample', 'keyLoader');

/**
 * A new RSA 2048 key pair whose public key CloudFront (moto) holds as `name`.
 * @param {import('@aws-sdk/client-cloudfront').CloudFrontClient} client
 * @param {{ name: string, comment?: string }} key
 * @returns {Promise<{ publicKeyId: string, name: string, privateKeyPem: string }>}
 */
export async function createSampleSigningKey(client, { name, comment }) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const encodedKey = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const publicKeyId = await createPublicKey(client, { name, encodedKey, comment });
  return { publicKeyId, name, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/**
 * The loader extension in `dir` (a folder of this run's scratch folder, deleted when the run stops),
 * with `keys` beside it, readable by this user only. Returns `dir`, to install as an extension.
 * @param {string} dir
 * @param {Array<{ publicKeyId: string, name: string, privateKeyPem: string }>} keys
 */
export function writeSampleKeyLoader(dir, keys) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const file of ['package.json', 'extension.cjs']) copyFileSync(join(LOADER_SOURCE, file), join(dir, file));
  const keysFile = join(dir, 'keys.json');
  writeFileSync(keysFile, JSON.stringify(keys), { mode: 0o600 });
  chmodSync(keysFile, 0o600);
  return dir;
}
