// The decision a CloudFront edge makes on a request to a distribution with one restricted behavior,
// by the same rules as the diagnosis (./diagnose): the behavior is chosen by path pattern; an
// unrestricted behavior serves anyone; a restricted one serves only a request whose signed URL or
// signed cookies pass every check, and otherwise answers 403 with CloudFront's XML error. The local
// edge (`npm run edge`, scripts/edge/server.ts) serves files with it; tests use it as a stand-in for
// CloudFront.
import { CLOUDFRONT_ERROR_MESSAGES, cloudFrontAnswer, diagnose, matchBehavior, requestPath, type CloudFrontErrorCode, type Finding } from './diagnose';
import { type BehaviorData, type DistributionData } from './diagnose/types';

export interface EdgeConfig {
  /** Public keys of the key group the restricted behavior trusts, by key ID (SPKI PEM). */
  readonly publicKeys: ReadonlyMap<string, string>;
  /** The restricted behavior's path pattern; without one, the default behavior (*) is restricted. */
  readonly pathPattern?: string;
  readonly keyGroupName?: string;
  /**
   * A distribution's cache behaviors in CloudFront's order (the default one last, without a pattern),
   * each with the public keys its key groups hold (none: unrestricted). When given, it replaces
   * `publicKeys` and `pathPattern`: the local edge for `npm start`'s sample reads them from the API.
   */
  readonly behaviors?: readonly EdgeBehavior[];
}

export interface EdgeBehavior {
  readonly pathPattern?: string;
  /** The public keys of the key groups the behavior trusts, by key ID (SPKI PEM); absent: unrestricted. */
  readonly trustedKeys?: ReadonlyMap<string, string>;
}

export interface EdgeRequest {
  /** The absolute request URL as received: scheme, Host header, request target. */
  readonly url: string;
  readonly cookieHeader?: string;
  readonly viewerIp?: string;
  /** Epoch seconds; default now. */
  readonly now?: number;
}

export type EdgeDecision =
  | { readonly granted: true; readonly behavior: string }
  | { readonly granted: false; readonly behavior: string; readonly code: CloudFrontErrorCode; readonly message: string; readonly findings: readonly Finding[] };

const EDGE_KEY_GROUP_ID = 'EDGEKEYGROUP';
const UNRESTRICTED: BehaviorData = { trustedKeyGroupIds: [], trustedSigners: [] };
const RESTRICTED: BehaviorData = { trustedKeyGroupIds: [EDGE_KEY_GROUP_ID], trustedSigners: [] };

/** The behaviors of the edge's distribution, in evaluation order. */
export function edgeBehaviors(config: Pick<EdgeConfig, 'pathPattern'>): BehaviorData[] {
  return config.pathPattern === undefined ? [RESTRICTED] : [{ ...RESTRICTED, pathPattern: config.pathPattern }, UNRESTRICTED];
}

/** CloudFront's error document, byte for byte as it sends it. */
export function cloudFrontErrorXml(code: CloudFrontErrorCode): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${CLOUDFRONT_ERROR_MESSAGES[code]}</Message></Error>`;
}

/** The behaviors, key groups and public keys of the edge's distribution, as the diagnosis reads an account. */
function edgeAccount(config: EdgeConfig): { behaviors: BehaviorData[]; keyGroups: Array<{ id: string; name: string; publicKeyIds: string[] }>; keys: Map<string, string> } {
  if (!config.behaviors) {
    return {
      behaviors: edgeBehaviors(config),
      keyGroups: [{ id: EDGE_KEY_GROUP_ID, name: config.keyGroupName ?? 'edge', publicKeyIds: [...config.publicKeys.keys()] }],
      keys: new Map(config.publicKeys),
    };
  }
  const keys = new Map<string, string>();
  const keyGroups: Array<{ id: string; name: string; publicKeyIds: string[] }> = [];
  const behaviors = config.behaviors.map((b, index): BehaviorData => {
    if (!b.trustedKeys) return { ...UNRESTRICTED, ...(b.pathPattern !== undefined ? { pathPattern: b.pathPattern } : {}) };
    const id = `${EDGE_KEY_GROUP_ID}${index}`;
    keyGroups.push({ id, name: `${config.keyGroupName ?? 'edge'}-${index}`, publicKeyIds: [...b.trustedKeys.keys()] });
    for (const [keyId, pem] of b.trustedKeys) keys.set(keyId, pem);
    return { trustedKeyGroupIds: [id], trustedSigners: [], ...(b.pathPattern !== undefined ? { pathPattern: b.pathPattern } : {}) };
  });
  return { behaviors, keyGroups, keys };
}

export function evaluateEdgeRequest(request: EdgeRequest, config: EdgeConfig): EdgeDecision {
  const { behaviors, keyGroups, keys } = edgeAccount(config);
  const behavior = matchBehavior(behaviors, requestPath(request.url)) ?? UNRESTRICTED;
  const label = behavior.pathPattern ?? 'Default (*)';
  if (behavior.trustedKeyGroupIds.length === 0) return { granted: true, behavior: label };
  const host = URL.canParse(request.url) ? new URL(request.url).hostname : '';
  const distribution: DistributionData = { id: 'EDGE', domainName: host, aliases: [], behaviors };
  const publicKeys = [...keys].map(([id, encodedKey]) => ({ id, name: id, encodedKey }));
  const findings = diagnose({
    url: request.url,
    ...(request.cookieHeader !== undefined && { cookies: request.cookieHeader }),
    ...(request.viewerIp !== undefined && { viewerIp: request.viewerIp }),
    ...(request.now !== undefined && { now: request.now }),
    account: {
      distributions: [distribution],
      keyGroups,
      publicKeys,
    },
  });
  // Fails closed: without an error, the request still needs a trusted key and a signature that verifies.
  const passed = (code: string) => findings.some((finding) => finding.code === code && finding.severity === 'ok');
  const code = cloudFrontAnswer(findings) ?? (passed('KeyTrusted') ? (passed('SignatureValid') ? undefined : 'AccessDenied') : 'InvalidKey');
  if (code === undefined) return { granted: true, behavior: label };
  return { granted: false, behavior: label, code, message: CLOUDFRONT_ERROR_MESSAGES[code], findings };
}
