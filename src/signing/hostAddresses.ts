// The `cloudfront.hostAddresses` setting, pure part: a map from a host to the address (and port) the
// live checks connect to instead of what DNS says, as `curl --resolve HOST:PORT:ADDRESS` does. The
// request keeps the real host in its Host header and TLS server name (SNI), and the certificate is
// checked against the real host: it verifies a distribution before DNS points at it, against one edge,
// or against a local stand-in. No vscode import; the VS Code layer reads the setting (user and machine
// values only: src/commands/diagnose/hostAddressesSetting.ts) and hands the map to the checks.

export const HOST_ADDRESSES_SETTING = 'cloudfront.hostAddresses';

export interface HostAddress {
  /** Where to connect: an IPv4 or IPv6 address (without brackets) or a host name. */
  readonly address: string;
  /** The port to connect to; absent: the URL's port. */
  readonly port?: number;
  /**
   * A PEM file with the certificate (or its CA) to trust for this host only, instead of the system's
   * CAs: a local edge's self-signed certificate. Absent: the system's CAs, as for any request.
   */
  readonly certificateFile?: string;
  /**
   * `"http://address:port"`: a local edge that terminates no TLS (`npm run edge`): the request goes as
   * plain HTTP, saying in X-Forwarded-Proto that the viewer used https.
   */
  readonly plainHttp?: boolean;
}

export type HostAddresses = ReadonlyMap<string, HostAddress>;

export interface ParsedHostAddresses {
  readonly addresses: HostAddresses;
  /** One sentence per entry that was left out, naming it and the fix. */
  readonly problems: readonly string[];
}

const HOST = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.?$/;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-f:.]*:[0-9a-f:.]*$/i;

/** `address[:port]`, `[ipv6]:port` or a bare IPv6 address; undefined when it is none of these. */
export function parseAddress(text: string): { address: string; port?: number } | undefined {
  const value = text.trim();
  let address: string;
  let port: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) {
    [, address, port] = bracketed;
    if (!address.includes(':')) return undefined; // brackets hold an IPv6 address only
  } else if (value.split(':').length > 2)
    address = value; // a bare IPv6 address has no port
  else [address, port] = value.split(':');
  const isIpv6 = address.includes(':');
  if (isIpv6 ? !IPV6.test(address) : !IPV4.test(address) && !HOST.test(address.toLowerCase())) return undefined;
  if (port === undefined) return { address };
  const number = Number(port);
  if (!/^\d+$/.test(port) || number < 1 || number > 65535) return undefined;
  return { address, port: number };
}

/** `http://address[:port]` with no path: a local edge without TLS. */
function parsePlainEdge(text: string): { address: string; port: number; plainHttp: true } | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (url.pathname !== '/' || url.search || url.username) return undefined;
  const parsed = parseAddress(url.host);
  return parsed ? { address: parsed.address, port: parsed.port ?? 80, plainHttp: true } : undefined;
}

function entryProblem(host: string, why: string): string {
  return `${HOST_ADDRESSES_SETTING}: "${host}" ${why}`;
}

/** Reads the setting's value; entries that cannot be used are left out and said in `problems`. */
export function parseHostAddresses(value: unknown): ParsedHostAddresses {
  const addresses = new Map<string, HostAddress>();
  const problems: string[] = [];
  if (value === undefined || value === null) return { addresses, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { addresses, problems: [`${HOST_ADDRESSES_SETTING} must be an object mapping a host to "address[:port]", e.g. { "d111111abcdef8.cloudfront.net": "203.0.113.10:443" }.`] };
  }
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    const host = key.trim().toLowerCase().replace(/\.$/, '');
    if (!HOST.test(host) || IPV4.test(host)) {
      problems.push(entryProblem(key, 'is not a host name: write the name alone, without scheme, port or path (e.g. d111111abcdef8.cloudfront.net).'));
      continue;
    }
    const text = typeof entry === 'string' ? entry : entry && typeof entry === 'object' ? (entry as { address?: unknown }).address : undefined;
    const parsed = typeof text === 'string' ? (/^http:\/\//i.test(text.trim()) ? parsePlainEdge(text.trim()) : parseAddress(text)) : undefined;
    if (!parsed) {
      problems.push(
        entryProblem(
          key,
          'maps to no address: write "address[:port]", e.g. "203.0.113.10", "127.0.0.1:8443" or "[2001:db8::1]:443", or "http://127.0.0.1:8787" for a local edge without TLS (or { "address": …, "certificate": "/path/cert.pem" }).',
        ),
      );
      continue;
    }
    const certificate = entry && typeof entry === 'object' ? (entry as { certificate?: unknown }).certificate : undefined;
    if (certificate !== undefined && (typeof certificate !== 'string' || certificate.trim() === '')) {
      problems.push(entryProblem(key, 'has a certificate that is not a file path: give the PEM file of the certificate to trust for this host.'));
      continue;
    }
    addresses.set(host, { ...parsed, ...(typeof certificate === 'string' ? { certificateFile: certificate.trim() } : {}) });
  }
  return { addresses, problems };
}

/** The address to connect to for `hostname` (case and a final dot ignored); undefined: as DNS says. */
export function addressFor(addresses: HostAddresses | undefined, hostname: string): HostAddress | undefined {
  if (!addresses || addresses.size === 0) return undefined;
  return addresses.get(
    hostname
      .replace(/^\[|\]$/g, '')
      .toLowerCase()
      .replace(/\.$/, ''),
  );
}

/** How a mapping reads in messages: `203.0.113.10:443`, `[2001:db8::1]:443`. */
export function describeAddress(target: HostAddress, defaultPort: number): string {
  const address = target.address.includes(':') ? `[${target.address}]` : target.address;
  return `${target.plainHttp ? 'http://' : ''}${address}:${target.port ?? defaultPort}`;
}
