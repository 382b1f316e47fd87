// The host-to-address setting `cloudfront.hostAddresses` (like curl --resolve): requests to a host go
// to the address given for it, with the Host header and TLS server name unchanged, so a stream can be
// checked against the local edge or one edge location before DNS points at CloudFront. Machine scope,
// read from the user's settings only: nothing a workspace sets may redirect requests.
// (A minimal reader of the setting the first-run issue adds; the two meet at merge.)
import * as vscode from 'vscode';

/**
 * Host (lower case) → "address" or "address:port" ("[v6]:port" for IPv6); or "http://address:port" for
 * a local edge that terminates no TLS (npm run edge): plain HTTP, with X-Forwarded-Proto saying https.
 */
export type HostAddresses = Readonly<Record<string, string>>;

export function hostAddresses(): HostAddresses {
  const value = vscode.workspace.getConfiguration('cloudfront').inspect<unknown>('hostAddresses')?.globalValue;
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).flatMap(([host, address]) => (typeof address === 'string' && address.trim() ? [[host.toLowerCase(), address.trim()]] : [])),
  );
}
