// The host-to-address setting `cloudfront.hostAddresses` (like curl --resolve) for the stream checks:
// requests to a host go to the address given for it, with the Host header and TLS server name
// unchanged, so a stream can be checked against the local edge or one edge location before DNS points
// at CloudFront. One reader for every check (src/commands/diagnose/hostAddressesSetting.ts: user and
// machine values only, an entry with no usable address refused by name); here in the string form
// httpRequest.ts takes.
import { configuredHostAddresses } from '../diagnose/hostAddressesSetting';

/**
 * Host (lower case) → "address" or "address:port" ("[v6]:port" for IPv6); or "http://address:port" for
 * a local edge that terminates no TLS (npm run edge): plain HTTP, with X-Forwarded-Proto saying https.
 */
export type HostAddresses = Readonly<Record<string, string>>;

export function hostAddresses(): HostAddresses {
  return Object.fromEntries(
    [...configuredHostAddresses()].map(([host, target]) => {
      const address = target.address.includes(':') ? `[${target.address}]` : target.address;
      return [host, `${target.plainHttp ? 'http://' : ''}${address}${target.port !== undefined ? `:${target.port}` : ''}`];
    }),
  );
}
