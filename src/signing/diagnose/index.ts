// "Why is my signed URL denied?": every check CloudFront makes on a signed URL or signed cookies, run
// on plain data, each reported as a finding with its fix. No vscode, no network: the caller reads the
// account (distributions, key groups, the public key) and runs the live request, and passes the results.
import { cloudFrontAnswerOf, EDGE_ANSWER_ORDER, type CloudFrontErrorCode, type Finding } from './findings';
import { ipFindings } from './ipFindings';
import { distributionFor, hostOf, keyTrustFindings, otherHostsOf } from './keyTrustFindings';
import { liveFindings } from './liveCheck';
import { originFindings } from './originFindings';
import { parseFindings } from './parseFindings';
import { resourceFindings } from './resourceFindings';
import { signatureFindings } from './signatureFindings';
import { timeFindings } from './timeFindings';
import { type DiagnoseInput } from './types';

export { CLOUDFRONT_ERROR_MESSAGES, cloudFrontAnswerOf, formatDuration, type CloudFrontErrorCode, type Finding, type Severity } from './findings';
export { isLegacyKeyPairId } from '../../cloudfront/rules';
export { behaviorLabel, findDistribution, matchBehavior, pathPatternMatches, requestPath } from '../../cloudfront/routing';
export { liveFindings, readXmlError, unreachableFix } from './liveCheck';
export { readCookieHeader } from './signedSource';
export { originServing } from './originFindings';
export { ipv4InRange, viewerAddress } from './ipFindings';
export type { AccountData, BehaviorData, DiagnoseInput, DistributionData, KeyGroupData, LiveAnswer, OriginData, PublicKeyData, Unreachable } from './types';

/** Every finding for a signed URL (or a URL and signed cookies), in the order of CloudFront's checks. */
export function diagnose(input: DiagnoseInput): Finding[] {
  const { findings, request } = parseFindings(input);
  const live = input.live ? liveFindings(input.live) : [];
  if (!request) return [...findings, ...live];
  const otherHosts = otherHostsOf(distributionFor(request, input.account), hostOf(request.requestUrl));
  const now = input.now ?? Math.floor(Date.now() / 1000);
  const policy = request.policy;
  const signature = signatureFindings(request, input, otherHosts);
  const signatureExplained = signature.some((finding) => finding.code === 'SignatureValid' || finding.code === 'SignedDifferentUrl');
  return [
    ...findings,
    ...(input.account ? keyTrustFindings(request, input.account) : []),
    ...(input.account ? originFindings(request, input.account) : []),
    ...signature,
    ...resourceFindings(request, otherHosts, signatureExplained),
    ...(policy ? timeFindings(policy, now, input.live) : []),
    ...(policy ? ipFindings(policy, input.viewerIp) : []),
    ...live,
  ];
}

/** The answer CloudFront gives for these findings: undefined when none is an error (granted). */
export function cloudFrontAnswer(findings: readonly Finding[]): CloudFrontErrorCode | undefined {
  const answers = new Set(findings.filter((finding) => finding.severity === 'error').map((finding) => cloudFrontAnswerOf(finding.code)));
  return EDGE_ANSWER_ORDER.find((answer) => answers.has(answer));
}

/** The Key-Pair-Id the request carries (the URL's, else the cookies'), to look the key up before diagnosing. */
export function keyPairIdOf(input: Pick<DiagnoseInput, 'url' | 'cookies'>): string | undefined {
  return parseFindings(input).request?.keyPairId;
}
