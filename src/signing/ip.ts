// The policy's IpAddress condition takes one IPv4 address or CIDR range. CloudFront does not evaluate
// IPv6 viewers against it (AWS advises turning IPv6 off on distributions that use IP conditions), so
// an IPv6 range is refused rather than signed into a URL that can never work.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
import { SigningError } from './errors';
import { assertPolicySafeText } from './text';

// Decimal octets without leading zeros (010 would be octal to some parsers) and a prefix of 0-32.
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RANGE = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}(?:/(3[0-2]|[12]?\\d))?$`);

/**
 * Validates an IPv4 address or CIDR range and returns it in CIDR form. A lone address gets /32, the
 * form AWS documents for a single viewer and the one botocore and the AWS SDK for JavaScript produce.
 */
export function normalizeIpRange(ipRange: string): string {
  if (typeof ipRange !== 'string') {
    throw new SigningError(
      'INVALID_IP_RANGE',
      'ipRange',
      `ipRange must be a string with an IPv4 address or CIDR range, like 192.0.2.10 or 192.0.2.0/24; got ${ipRange === null ? 'null' : typeof ipRange}. Leave ipRange out to admit any address.`,
    );
  }
  assertPolicySafeText(ipRange, 'ipRange');
  if (ipRange.includes(':')) {
    throw new SigningError('IPV6_NOT_SUPPORTED', 'ipRange', `ipRange ${ipRange} is IPv6; CloudFront policies accept only IPv4 addresses or ranges (for example 192.0.2.0/24).`);
  }
  const match = IPV4_RANGE.exec(ipRange);
  if (!match) {
    throw new SigningError('INVALID_IP_RANGE', 'ipRange', `ipRange "${ipRange}" is not an IPv4 address or CIDR range; use a form like 192.0.2.10 or 192.0.2.0/24.`);
  }
  return match[5] === undefined ? `${ipRange}/32` : ipRange;
}
