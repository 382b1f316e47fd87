// CloudFront's API writes lists as { Quantity, Items } and CloudFormation as plain arrays, and a few
// names differ (IsIPV6Enabled is IPV6Enabled, CustomHeaders is OriginCustomHeaders, the
// ViewerCertificate's ACM/IAM/SSL spellings). This turns a DistributionConfig from
// GetDistributionConfig into AWS::CloudFront::Distribution's DistributionConfig; the unit tests
// check the result against CloudFormation's resource specification (@aws-cdk/aws-service-spec).
import type { DistributionConfig } from '@aws-sdk/client-cloudfront';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Names CloudFormation spells differently from the API, wherever they appear. */
const RENAMED: Readonly<Record<string, string>> = {
  IsIPV6Enabled: 'IPV6Enabled',
  CustomHeaders: 'OriginCustomHeaders',
  OriginSslProtocols: 'OriginSSLProtocols',
  ACMCertificateArn: 'AcmCertificateArn',
  IAMCertificateId: 'IamCertificateId',
  SSLSupportMethod: 'SslSupportMethod',
};

/** Fields the API returns that the template has no place for (informational or set at creation). */
const DROPPED = new Set(['CallerReference', 'Certificate', 'CertificateSource']);

/** Lists CloudFormation keeps as { Quantity, Items } objects. */
const KEEPS_QUANTITY = new Set(['OriginGroups', 'FailoverCriteria.StatusCodes', 'Members']);

function convert(value: unknown, path: string, replaceKeyGroupId: (id: string) => Json): Json | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((item) => convert(item, path, replaceKeyGroupId) ?? null);
  if (!isObject(value)) return value as Json;
  const name = path.split('.').at(-1) ?? '';
  if ('Quantity' in value && !KEEPS_QUANTITY.has(name) && !KEEPS_QUANTITY.has(path.split('.').slice(-2).join('.'))) {
    const items = (value.Items as unknown[] | undefined) ?? [];
    if (name === 'TrustedKeyGroups') return items.map((id) => replaceKeyGroupId(id as string));
    if (name === 'GeoRestriction') return { RestrictionType: value.RestrictionType as string, Locations: items as string[] };
    return items.map((item) => convert(item, `${path}[]`, replaceKeyGroupId) ?? null);
  }
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (DROPPED.has(key)) continue;
    // AllowedMethods carries CachedMethods inside it in the API; CloudFormation puts both on the behavior.
    if (key === 'AllowedMethods' && isObject(child)) {
      out.AllowedMethods = (child.Items as string[] | undefined) ?? [];
      if (isObject(child.CachedMethods)) out.CachedMethods = (child.CachedMethods.Items as string[] | undefined) ?? [];
      continue;
    }
    // Logging is off when the API says Enabled: false; CloudFormation has no Enabled and means on when present.
    if (key === 'Logging' && isObject(child)) {
      if (child.Enabled === true) out.Logging = { Bucket: child.Bucket as string, IncludeCookies: Boolean(child.IncludeCookies), Prefix: (child.Prefix as string | undefined) ?? '' };
      continue;
    }
    // The API writes a custom error response's ResponseCode as a string; CloudFormation wants an integer.
    if (key === 'ResponseCode' && typeof child === 'string' && /^\d+$/.test(child)) {
      out.ResponseCode = Number(child);
      continue;
    }
    const converted = convert(child, `${path}.${key}`, replaceKeyGroupId);
    if (converted === undefined || converted === '') continue;
    out[RENAMED[key] ?? key] = converted;
  }
  return out;
}

/**
 * The DistributionConfig for CloudFormation; key group ids become `replaceKeyGroupId(id)` (a Ref to the
 * template's key group, or the id itself). TrustedSigners with Enabled: false become an empty list.
 */
export function cloudFormationDistributionConfig(config: DistributionConfig, replaceKeyGroupId: (id: string) => Json): JsonObject {
  const converted = convert(config, 'DistributionConfig', replaceKeyGroupId) as JsonObject;
  if (isObject(converted.ViewerCertificate)) converted.ViewerCertificate = viewerCertificate(converted.ViewerCertificate);
  return converted;
}

/**
 * The API answers a custom certificate with `CloudFrontDefaultCertificate: false` beside it, and the
 * default one with the SSL settings it implies; CloudFormation takes exactly one certificate
 * (AcmCertificateArn, IamCertificateId or CloudFrontDefaultCertificate: true, cfn-lint E3014), and
 * SslSupportMethod only with a custom one.
 */
function viewerCertificate(certificate: JsonObject): JsonObject {
  const { CloudFrontDefaultCertificate, SslSupportMethod, ...rest } = certificate;
  if (rest.AcmCertificateArn !== undefined || rest.IamCertificateId !== undefined) return { ...rest, ...(SslSupportMethod !== undefined && { SslSupportMethod }) };
  return { ...rest, CloudFrontDefaultCertificate: CloudFrontDefaultCertificate ?? true };
}
