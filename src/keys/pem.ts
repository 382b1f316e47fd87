// The one PEM form we store and export a private key in: PKCS#1 ("RSA PRIVATE KEY") for RSA, as
// CloudFront's documentation and `openssl genrsa` use, and SEC1 ("EC PRIVATE KEY") for ECDSA.
import { createPublicKey, type KeyObject } from 'node:crypto';

export function privateKeyPem(privateKey: KeyObject): string {
  const type = privateKey.asymmetricKeyType === 'ec' ? 'sec1' : 'pkcs1';
  return privateKey.export({ type, format: 'pem' }).toString();
}

/** SubjectPublicKeyInfo DER of a public key, or of a private key's public half. */
export function spkiDer(key: KeyObject | string): Buffer {
  const publicKey = typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key);
  return publicKey.export({ type: 'spki', format: 'der' });
}

/**
 * A PEM as pasted into a one-line input box, where line breaks become spaces: the armor lines, the
 * encryption headers and the base64 body on lines of their own again. Other text is returned as is.
 */
export function normalizePem(text: string): string {
  // Lines indented as in YAML, code or a quoted mail lose their indentation: PEM readers want none.
  const trimmed = text.trim().replace(/^[ \t]+|[ \t\r]+$/gm, '');
  const match = /^(-----BEGIN ([A-Z0-9 ]+)-----)\s+([\s\S]*?)\s+(-----END \2-----)$/.exec(trimmed);
  if (trimmed.includes('\n') || !match) return `${trimmed}\n`;
  const [, begin, , body, end] = match;
  const lines = body
    .replace(/(Proc-Type:|DEK-Info:) /g, '$1\u0000')
    .split(/\s+/)
    .map((token) => token.replace('\u0000', ' '));
  // Encryption headers end with an empty line before the base64 body (RFC 1421).
  const headers = lines.filter((line) => /^(Proc-Type|DEK-Info):/.test(line));
  const base64 = lines.filter((line) => !headers.includes(line));
  return [begin, ...headers, ...(headers.length ? [''] : []), ...base64, end, ''].join('\n');
}

/** True for an encrypted private key PEM (PKCS#8 ENCRYPTED, or traditional with Proc-Type). */
export function isEncryptedPem(pem: string): boolean {
  return /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/.test(pem);
}

/** The SubjectPublicKeyInfo PEM of a DER SubjectPublicKeyInfo (what kms:GetPublicKey returns; CreatePublicKey takes PEM). */
export function spkiPemOfDer(der: Buffer): string {
  return createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }).toString();
}
