// CloudFront's URL-safe base64: standard base64 with + -> -, = -> _ and / -> ~ (not RFC 4648 base64url,
// which uses - and _ for + and / and drops the padding). The Policy and Signature parameters and
// cookies use it. https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html
//
// Decoding is strict, as a strict parser on the other side would be: only the canonical encoding of
// some bytes is accepted. Node's own decoder skips data after the padding, fills in missing padding
// and ignores the unused bits of the last character, so two different texts could pass for one
// signature; those are refused here.

const CLOUDFRONT_BASE64 = /^[A-Za-z0-9~_-]*$/;

/** Why a text is not canonical CloudFront base64. */
export type Base64Problem =
  /** A character outside A-Z a-z 0-9 - _ ~. */
  | 'alphabet'
  /** Not a multiple of 4 characters: cut short, or unpadded (RFC 4648 base64url). */
  | 'length'
  /** Padding (_) other than one or two at the very end: data after the padding. */
  | 'padding'
  /** The unused low bits of the last character before the padding are not zero: the text was altered. */
  | 'unusedBits';

/** Encodes bytes (or a string as UTF-8) in CloudFront's URL-safe base64. */
export function encodeCloudFrontBase64(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return bytes.toString('base64').replaceAll('+', '-').replaceAll('=', '_').replaceAll('/', '~');
}

/** Reads CloudFront base64: the bytes, or why a strict decoder refuses the text. */
export function readCloudFrontBase64(text: string): { readonly bytes: Buffer } | { readonly problem: Base64Problem } {
  if (!CLOUDFRONT_BASE64.test(text)) return { problem: 'alphabet' };
  if (text.length % 4 !== 0) return { problem: 'length' };
  if (!/^[^_]*_{0,2}$/.test(text)) return { problem: 'padding' };
  const bytes = Buffer.from(text.replaceAll('-', '+').replaceAll('_', '=').replaceAll('~', '/'), 'base64');
  // Every other difference from the canonical encoding is in the unused bits of the last character.
  return encodeCloudFrontBase64(bytes) === text ? { bytes } : { problem: 'unusedBits' };
}

/** Decodes CloudFront's URL-safe base64; undefined unless the text is the canonical encoding of some bytes. */
export function decodeCloudFrontBase64(text: string): Buffer | undefined {
  const read = readCloudFrontBase64(text);
  return 'bytes' in read ? read.bytes : undefined;
}
