// CloudFront's URL-safe base64: standard base64 with + -> -, = -> _ and / -> ~ (not RFC 4648 base64url,
// which uses - and _ for + and / and drops the padding). The Policy and Signature parameters and
// cookies use it. https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html

const CLOUDFRONT_BASE64 = /^[A-Za-z0-9~_-]*$/;

/** Encodes bytes (or a string as UTF-8) in CloudFront's URL-safe base64. */
export function encodeCloudFrontBase64(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return bytes.toString('base64').replaceAll('+', '-').replaceAll('=', '_').replaceAll('/', '~');
}

/** Decodes CloudFront's URL-safe base64; undefined when the text uses any other character. */
export function decodeCloudFrontBase64(text: string): Buffer | undefined {
  if (!CLOUDFRONT_BASE64.test(text)) return undefined;
  return Buffer.from(text.replaceAll('-', '+').replaceAll('_', '=').replaceAll('~', '/'), 'base64');
}
