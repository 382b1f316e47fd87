// The policy's IpAddress condition against the viewer's address. CloudFront evaluates it for IPv4
// viewers only: an IPv6 viewer never matches, so AWS advises turning IPv6 off on distributions whose
// policies restrict IP addresses.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
import { SigningError } from '../errors';
import { normalizeIpRange } from '../ip';
import { error, ok, warning, type Finding } from './findings';
import { type RequestPolicy } from './types';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4ToNumber(address: string): number | undefined {
  const match = IPV4.exec(address);
  if (!match) return undefined;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  return octets.reduce((value, octet) => value * 256 + octet, 0);
}

/** Node reports IPv4 peers of a dual-stack socket as ::ffff:a.b.c.d; that is an IPv4 viewer. */
export function viewerAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/** True when an IPv4 address is inside an IPv4 CIDR range (a.b.c.d/n). */
export function ipv4InRange(address: string, range: string): boolean {
  const [base = '', prefixText = '32'] = range.split('/');
  const value = ipv4ToNumber(address);
  const start = ipv4ToNumber(base);
  const prefix = Number(prefixText);
  if (value === undefined || start === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return false;
  const size = 2 ** (32 - prefix);
  return Math.floor(value / size) === Math.floor(start / size);
}

function rangeFindings(range: string): { findings: Finding[]; usable: boolean } {
  try {
    normalizeIpRange(range);
  } catch (cause) {
    if (!(cause instanceof SigningError)) throw cause;
    const ipv6 = cause.code === 'IPV6_NOT_SUPPORTED';
    return {
      usable: false,
      findings: [
        error(
          ipv6 ? 'IpRangeIpv6' : 'IpRangeInvalid',
          ipv6
            ? `The policy's AWS:SourceIp is the IPv6 range ${range}; CloudFront policies accept IPv4 only, so no viewer matches.`
            : `The policy's AWS:SourceIp "${range}" is not an IPv4 address or CIDR range, so no viewer matches.`,
          'Sign with an IPv4 CIDR range such as 192.0.2.0/24 (or 192.0.2.10/32 for one address), or without an IP condition.',
        ),
      ],
    };
  }
  if (!range.includes('/')) {
    return {
      usable: true,
      findings: [warning('IpRangeNoPrefix', `The policy's AWS:SourceIp ${range} has no prefix length; AWS documents CIDR form.`, `Write ${range}/32 for a single address.`)],
    };
  }
  return { usable: true, findings: [] };
}

export function ipFindings(policy: RequestPolicy, viewerIp: string | undefined): Finding[] {
  const range = policy.conditions.ipRange;
  if (range === undefined) return [];
  const { findings, usable } = rangeFindings(range);
  if (!usable) return findings;
  if (viewerIp === undefined || viewerIp === '') {
    findings.push(
      warning(
        'IpUnchecked',
        `The policy admits only viewers from ${range}; their address is not known here. A viewer that reaches CloudFront over IPv6 never matches an IPv4 range.`,
        'Check the address your server sees for the viewer (the one it signed for), and turn off IPv6 on the distribution if viewers can use it.',
      ),
    );
    return findings;
  }
  const address = viewerAddress(viewerIp);
  if (address.includes(':')) {
    findings.push(
      error(
        'ViewerIpv6',
        `The viewer's address ${address} is IPv6, which never matches the policy's IPv4 range ${range}; CloudFront answers AccessDenied.`,
        'Turn off IPv6 on the distribution (viewers then connect over IPv4), or sign without an IP condition.',
      ),
    );
  } else if (ipv4InRange(address, range)) {
    findings.push(ok('IpInRange', `The viewer's address ${address} is inside the policy's range ${range}.`));
  } else {
    findings.push(
      error(
        'IpOutOfRange',
        `The viewer's address ${address} is outside the policy's range ${range}; CloudFront answers AccessDenied.`,
        'Sign for the address CloudFront sees (behind a proxy or NAT that is the public address, not the one in X-Forwarded-For at your server), or widen the range.',
      ),
    );
  }
  return findings;
}
