// The policy's time window against the clock: expired and by how long, not yet valid, never valid,
// and, when a live check ran, the local clock against the Date header of CloudFront's answer (the
// edge decides by its own clock, and a signer with a wrong clock writes wrong expiries).
import { error, formatDuration, isoTime, ok, warning, type Finding } from './findings';
import { type LiveAnswer, type RequestPolicy } from './types';

/** Skews below this are normal (the Date header has whole seconds; requests take time). */
const SKEW_TOLERANCE_SECONDS = 30;
/** A URL that stops working within this is worth a warning: a slow download or a queued request fails. */
const EXPIRING_SOON_SECONDS = 60;

/** CloudFront's clock minus ours, in seconds, from a live answer's Date header; undefined without one. */
export function clockSkew(live: LiveAnswer | undefined): number | undefined {
  if (!live || !('status' in live) || !live.headers.date) return undefined;
  const serverTime = Date.parse(live.headers.date);
  return Number.isNaN(serverTime) ? undefined : Math.round(serverTime / 1000 - live.requestedAt);
}

function skewFinding(skew: number): Finding | undefined {
  if (Math.abs(skew) < SKEW_TOLERANCE_SECONDS) return undefined;
  return warning(
    'ClockSkew',
    `This computer's clock is ${formatDuration(skew)} ${skew > 0 ? 'behind' : 'ahead of'} the server's (its Date header); CloudFront decides expiry by its own clock, so the times below use the server's.`,
    'Synchronize the clocks (NTP) of this computer and of the server that signs URLs: a signer whose clock is off writes expiries that are off by as much.',
  );
}

export function timeFindings(policy: RequestPolicy, localNow: number, live?: LiveAnswer): Finding[] {
  const skew = clockSkew(live);
  const findings: Finding[] = [];
  const skewed = skew === undefined ? undefined : skewFinding(skew);
  if (skewed) findings.push(skewed);
  const now = localNow + (skewed && skew !== undefined ? skew : 0);
  const { expires, activeFrom } = policy.conditions;
  if (activeFrom !== undefined && activeFrom >= expires) {
    findings.push(
      error(
        'NeverValid',
        `The policy's DateGreaterThan (${isoTime(activeFrom)}) is not before its DateLessThan (${isoTime(expires)}): there is no moment when it is valid.`,
        'Sign again with a start time before the expiry.',
      ),
    );
    return findings;
  }
  if (expires <= now) {
    findings.push(
      error(
        'Expired',
        `The ${policy.kind === 'canned' ? 'URL' : 'policy'} expired ${formatDuration(now - expires)} ago (at ${isoTime(expires)}, epoch ${expires}); CloudFront answers AccessDenied.`,
        "Sign a new URL or cookies with an expiry in the future; if it expired the moment it was made, check the signer's clock and that it adds seconds, not milliseconds.",
      ),
    );
    return findings;
  }
  if (activeFrom !== undefined && activeFrom > now) {
    findings.push(
      error(
        'NotYetValid',
        `The policy becomes valid in ${formatDuration(activeFrom - now)} (DateGreaterThan ${isoTime(activeFrom)}); until then CloudFront answers AccessDenied.`,
        "Wait until then, or sign again without DateGreaterThan (or with an earlier one); check the signer's clock if this is unexpected.",
      ),
    );
    return findings;
  }
  if (expires - now < EXPIRING_SOON_SECONDS) {
    findings.push(
      warning('ExpiresSoon', `The URL expires in ${formatDuration(expires - now)} (at ${isoTime(expires)}).`, 'Sign with a longer lifetime if clients may start (or resume) the download later.'),
    );
    return findings;
  }
  findings.push(ok('NotExpired', `Valid now, for another ${formatDuration(expires - now)} (until ${isoTime(expires)})${activeFrom !== undefined ? `, since ${isoTime(activeFrom)}` : ''}.`));
  return findings;
}
