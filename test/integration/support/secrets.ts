// What must never land on disk, in a log or on the clipboard: every private key used in the run, and
// the signatures and policies of what was signed. Tests add what they make (rememberPrivateKey,
// rememberSigned); the key store is watched so that keys the extension creates are added too, even
// when a later Undo or Delete removes them. The secret scan (secretScan.test.ts) then searches the
// files the extension host wrote for them.
//
// Each test file is bundled on its own, so the registry lives on globalThis, shared by all of them.
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MutableKeyStore } from '../../../src/keys/keyStore';

interface Registry {
  privateKeys: Map<string, KeyObject>;
  /** Signature and Policy values (CloudFront base64) of signed URLs and cookies. */
  signatures: Set<string>;
  watched: WeakSet<object>;
}

const REGISTRY = Symbol.for('cloudfront-private-content.test.secrets');
function registry(): Registry {
  const global = globalThis as { [REGISTRY]?: Registry };
  return (global[REGISTRY] ??= { privateKeys: new Map(), signatures: new Set(), watched: new WeakSet() });
}

/** A private key (KeyObject, or PEM with its passphrase) a test made or handed to the extension. */
export function rememberPrivateKey(key: KeyObject | string, passphrase?: string): KeyObject {
  const object = typeof key === 'string' ? createPrivateKey(passphrase === undefined ? key : { key, passphrase }) : key;
  const id = createHash('sha256')
    .update(object.export({ type: 'pkcs8', format: 'der' }))
    .digest('hex');
  registry().privateKeys.set(id, object);
  return object;
}

/** Every private key the key store holds now. */
export async function rememberStoredKeys(store: MutableKeyStore): Promise<void> {
  for (const key of store.list()) {
    const pem = await store.privateKeyPem(key.fingerprint);
    if (pem) rememberPrivateKey(pem);
  }
}

/** Remembers every key the store ever lists from now on (a key is listed only once stored). */
export function watchKeyStore(store: MutableKeyStore): void {
  if (registry().watched.has(store)) return;
  registry().watched.add(store);
  store.onDidChange(() => void rememberStoredKeys(store));
  void rememberStoredKeys(store);
}

/** Signature and Policy values in any text: signed URLs, cookies as JSON, Set-Cookie headers, curl commands. */
const SIGNING_VALUE = /(?:Signature|Policy)(?:=|":\s*")([A-Za-z0-9_~-]{40,})/g;

/** The Signature and Policy of a signed URL, of signed cookies (name to value), or of any text holding them. */
export function rememberSigned(signed: string | Readonly<Record<string, string>>): void {
  const text = typeof signed === 'string' ? signed : JSON.stringify(signed);
  for (const [, value] of text.matchAll(SIGNING_VALUE)) registry().signatures.add(value);
}

export function rememberedKeyCount(): number {
  return registry().privateKeys.size;
}

export function rememberedSignatureCount(): number {
  return registry().signatures.size;
}

/** The secret numbers of a private key: RSA d, p, q; EC and EdDSA d; DSA x (the tail of its DER). */
function secretFields(key: KeyObject): Buffer[] {
  if (key.asymmetricKeyType === 'dsa') return [key.export({ type: 'pkcs8', format: 'der' }).subarray(-20)];
  const jwk = key.export({ format: 'jwk' });
  return [jwk.d, jwk.p, jwk.q].filter((v): v is string => typeof v === 'string').map((v) => Buffer.from(v, 'base64url'));
}

const WINDOW = 12; // bytes: 16 base64 characters, 24 hex digits; long enough never to occur by chance

/**
 * Texts any copy of the key's secret bytes contains, whatever the encoding: raw bytes, hex (either
 * case), and base64, base64url and CloudFront base64 at each of the three byte alignments (so they
 * are found inside a PEM, a DER in base64, or JSON). Windows at several offsets, so that one of them
 * lies within a PEM line whatever the line breaks.
 */
export function privateKeyNeedles(key: KeyObject): string[] {
  const needles = new Set<string>();
  for (const field of secretFields(key)) {
    for (const offset of [0, WINDOW, 4 * WINDOW].filter((o) => o + 2 + WINDOW <= field.length)) {
      const plain = field.subarray(offset, offset + WINDOW);
      needles.add(plain.toString('latin1'));
      needles.add(plain.toString('hex'));
      needles.add(plain.toString('hex').toUpperCase());
      for (const shift of [0, 1, 2]) {
        const base64 = field.subarray(offset + shift, offset + shift + WINDOW).toString('base64');
        needles.add(base64);
        needles.add(base64.replace(/\+/g, '-').replace(/\//g, '_'));
        needles.add(base64.replace(/\+/g, '-').replace(/\//g, '~'));
      }
    }
  }
  return [...needles];
}

/** Texts that give away a signature or policy: a stretch from the middle of each (policies share their start). */
export function signatureNeedles(): string[] {
  return [...registry().signatures].filter((value) => value.length >= 40).map((value) => value.slice(value.length / 2 - 12, value.length / 2 + 12));
}

export function rememberedKeyNeedles(): string[] {
  return [...registry().privateKeys.values()].flatMap(privateKeyNeedles);
}

export interface Hit {
  file: string;
  needle: string;
}

/** Files below `root` (bytes read as latin1) that contain one of `needles`; sockets, links and files over 50 MB are skipped. */
export function filesContaining(root: string, needles: readonly string[]): Hit[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return []; // not there (yet), or not readable
  }
  const hits: Hit[] = [];
  for (const entry of entries) {
    const file = join(entry.parentPath, entry.name);
    const stat = statSync(file, { throwIfNoEntry: false }); // gone meanwhile: skipped
    if (!stat?.isFile() || stat.size >= 50_000_000) continue;
    const hit = firstNeedleIn(readFileSync(file).toString('latin1'), needles);
    if (hit !== undefined) hits.push({ file, needle: hit });
  }
  return hits;
}

export function firstNeedleIn(text: string, needles: readonly string[]): string | undefined {
  return needles.find((needle) => text.includes(needle));
}
