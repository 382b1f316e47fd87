// The setups "Export as Infrastructure Code" is checked on, each as CloudFront answers for it
// (DistributionConfig as GetDistributionConfig returns it, typed by the SDK): the default certificate,
// an ACM and an IAM certificate, aliases, several behaviors, names that collide once reduced to
// identifiers, private keys in every place (this machine, KMS, Secrets Manager, SSM, not known), an S3
// origin through an origin access control and a custom origin.
import type { CacheBehavior, DefaultCacheBehavior, DistributionConfig, Origin, ViewerCertificate } from '@aws-sdk/client-cloudfront';
import type { PrivateContentSetup } from '../../../src/codegen/infrastructure';
import type { ExportedKeyGroup, ExportedOriginAccessControl, ExportedPublicKey } from '../../../src/codegen/infrastructure/model';
import { TEST_KEYS } from '../signing/helpers';

const ACCOUNT = '123456789012';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const methods = (): CacheBehavior['AllowedMethods'] => ({ Quantity: 2, Items: ['GET', 'HEAD'], CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] } });

const trusted = (keyGroupIds: readonly string[]) => ({ Enabled: keyGroupIds.length > 0, Quantity: keyGroupIds.length, ...(keyGroupIds.length > 0 && { Items: [...keyGroupIds] }) });

const cacheBehavior = (pathPattern: string, targetOriginId: string, keyGroupIds: readonly string[] = []): CacheBehavior => ({
  PathPattern: pathPattern,
  ...defaultBehavior(targetOriginId, keyGroupIds),
});

function defaultBehavior(targetOriginId: string, keyGroupIds: readonly string[] = []): DefaultCacheBehavior {
  return {
    TargetOriginId: targetOriginId,
    ViewerProtocolPolicy: 'https-only',
    TrustedSigners: { Enabled: false, Quantity: 0 },
    TrustedKeyGroups: trusted(keyGroupIds),
    AllowedMethods: methods(),
    SmoothStreaming: false,
    Compress: true,
    CachePolicyId: CACHING_OPTIMIZED,
    FunctionAssociations: { Quantity: 0 },
    LambdaFunctionAssociations: { Quantity: 0 },
    FieldLevelEncryptionId: '',
  };
}

function s3Origin(id: string, bucket: string, oacId: string): Origin {
  return {
    Id: id,
    DomainName: `${bucket}.s3.us-east-1.amazonaws.com`,
    OriginPath: '',
    CustomHeaders: { Quantity: 0 },
    S3OriginConfig: { OriginAccessIdentity: '' },
    OriginAccessControlId: oacId,
    ConnectionAttempts: 3,
    ConnectionTimeout: 10,
    OriginShield: { Enabled: false },
  };
}

export function customOrigin(id: string, domainName: string): Origin {
  return {
    Id: id,
    DomainName: domainName,
    OriginPath: '/v1',
    CustomHeaders: { Quantity: 1, Items: [{ HeaderName: 'X-Origin-Secret', HeaderValue: 'not-a-key' }] },
    CustomOriginConfig: {
      HTTPPort: 80,
      HTTPSPort: 443,
      OriginProtocolPolicy: 'https-only',
      OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] },
      OriginReadTimeout: 30,
      OriginKeepaliveTimeout: 5,
    },
    ConnectionAttempts: 3,
    ConnectionTimeout: 10,
    OriginShield: { Enabled: false },
  };
}

/** The certificates as the API answers them: CloudFrontDefaultCertificate: false beside a custom one. */
const CERTIFICATES: Record<'default' | 'acm' | 'iam', ViewerCertificate> = {
  default: { CloudFrontDefaultCertificate: true, SSLSupportMethod: 'vip', MinimumProtocolVersion: 'TLSv1', CertificateSource: 'cloudfront' },
  acm: {
    CloudFrontDefaultCertificate: false,
    ACMCertificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789`,
    SSLSupportMethod: 'sni-only',
    MinimumProtocolVersion: 'TLSv1.2_2021',
    Certificate: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789`,
    CertificateSource: 'acm',
  },
  iam: {
    CloudFrontDefaultCertificate: false,
    IAMCertificateId: 'ASCAEXAMPLEIAMCERT01',
    SSLSupportMethod: 'sni-only',
    MinimumProtocolVersion: 'TLSv1.2_2019',
    Certificate: 'ASCAEXAMPLEIAMCERT01',
    CertificateSource: 'iam',
  },
};

function distributionConfig(fields: {
  origins: Origin[];
  defaultBehavior: DefaultCacheBehavior;
  behaviors?: CacheBehavior[];
  certificate: keyof typeof CERTIFICATES;
  aliases?: string[];
}): DistributionConfig {
  return {
    CallerReference: 'console-2026-01-01',
    Aliases: { Quantity: fields.aliases?.length ?? 0, ...(fields.aliases && { Items: fields.aliases }) },
    DefaultRootObject: '',
    Origins: { Quantity: fields.origins.length, Items: fields.origins },
    OriginGroups: { Quantity: 0 },
    DefaultCacheBehavior: fields.defaultBehavior,
    CacheBehaviors: { Quantity: fields.behaviors?.length ?? 0, ...(fields.behaviors && { Items: fields.behaviors }) },
    CustomErrorResponses: { Quantity: 1, Items: [{ ErrorCode: 403, ResponsePagePath: '/denied.html', ResponseCode: '403', ErrorCachingMinTTL: 10 }] },
    Comment: 'media',
    Logging: { Enabled: false, IncludeCookies: false, Bucket: '', Prefix: '' },
    PriceClass: 'PriceClass_100',
    Enabled: true,
    ViewerCertificate: CERTIFICATES[fields.certificate],
    Restrictions: { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } },
    WebACLId: '',
    HttpVersion: 'http2and3',
    IsIPV6Enabled: true,
    Staging: false,
  };
}

const publicKey = (id: string, name: string, algorithm: 'rsa2048' | 'ec' = 'rsa2048', comment = ''): ExportedPublicKey => ({
  id,
  name,
  comment,
  encodedKey: TEST_KEYS[algorithm].publicPem,
  callerReference: `ref-${id}`,
});
const keyGroup = (id: string, name: string, publicKeyIds: string[], comment = ''): ExportedKeyGroup => ({ id, name, comment, publicKeyIds });
const oac = (id: string, name: string, description = ''): ExportedOriginAccessControl => ({ id, name, description, originType: 's3', signingBehavior: 'always', signingProtocol: 'sigv4' });

function setup(id: string, config: DistributionConfig, parts: Omit<PrivateContentSetup, 'distribution'>): PrivateContentSetup {
  return { distribution: { id, arn: `arn:aws:cloudfront::${ACCOUNT}:distribution/${id}`, domainName: `${id.toLowerCase()}.cloudfront.net`, config }, ...parts };
}

export const FIXTURES: Readonly<Record<string, PrivateContentSetup>> = {
  // The default certificate, no aliases; one S3 origin through OAC; the default behavior is restricted; the key is on this machine.
  defaultCertificate: setup(
    'E1DEFAULTCERT',
    distributionConfig({ origins: [s3Origin('media', 'media-default', 'E1OACDEFAULT')], defaultBehavior: defaultBehavior('media', ['kg-default']), certificate: 'default' }),
    {
      publicKeys: [publicKey('K1LOCALKEY', 'media-signer', 'rsa2048', 'rotated 2026-11')],
      keyGroups: [keyGroup('kg-default', 'media-signers', ['K1LOCALKEY'])],
      originAccessControls: [oac('E1OACDEFAULT', 'media-default-oac', 'reads media-default')],
      buckets: ['media-default'],
      privateKeys: { K1LOCALKEY: { kind: 'local' } },
    },
  ),
  // An ACM certificate and aliases; several behaviors, each with its key group; an S3 origin through OAC and a custom
  // origin; private keys in every place AWS keeps them, named every way (and one that VS Code does not list).
  acmCertificateEveryKeyPlace: setup(
    'E2ACMCERT',
    distributionConfig({
      origins: [s3Origin('media-bucket', 'media-bucket', 'E2OACMEDIA'), customOrigin('api', 'api.example.com')],
      defaultBehavior: defaultBehavior('media-bucket'),
      behaviors: [cacheBehavior('/paid/*', 'media-bucket', ['kg-kms']), cacheBehavior('/partners/*', 'media-bucket', ['kg-secrets']), cacheBehavior('/api/private/*', 'api', ['kg-ssm', 'kg-kms'])],
      certificate: 'acm',
      aliases: ['media.example.com', 'www.media.example.com'],
    }),
    {
      publicKeys: [
        publicKey('K2KMSARN', 'kms-by-arn', 'ec'),
        publicKey('K2KMSALIAS', 'kms-by-alias'),
        publicKey('K2KMSKEYID', 'kms-by-key-id', 'ec'),
        publicKey('K2SECRETCOMPLETE', 'secret-complete-arn'),
        publicKey('K2SECRETPARTIAL', 'secret-partial-arn'),
        publicKey('K2SECRETNAME', 'secret-name'),
        publicKey('K2SSM', 'ssm-parameter'),
        publicKey('K2UNKNOWN', 'not-listed'),
      ],
      keyGroups: [
        keyGroup('kg-kms', 'kms-signers', ['K2KMSARN', 'K2KMSALIAS', 'K2KMSKEYID'], 'signs in KMS'),
        keyGroup('kg-secrets', 'secret-signers', ['K2SECRETCOMPLETE', 'K2SECRETPARTIAL', 'K2SECRETNAME']),
        keyGroup('kg-ssm', 'ssm-signers', ['K2SSM', 'K2UNKNOWN']),
      ],
      originAccessControls: [oac('E2OACMEDIA', 'media-bucket-oac')],
      buckets: ['media-bucket'],
      privateKeys: {
        K2KMSARN: { kind: 'kms', keyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/0f8c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b`, alias: 'alias/cloudfront/kms-by-arn' },
        K2KMSALIAS: { kind: 'kms', keyId: 'alias/cloudfront-signing' },
        K2KMSKEYID: { kind: 'kms', keyId: '6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b' },
        K2SECRETCOMPLETE: { kind: 'secretsManager', secretId: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:cloudfront/media-AbCdEf`, name: 'cloudfront/media' },
        K2SECRETPARTIAL: { kind: 'secretsManager', secretId: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:cloudfront/partners` },
        K2SECRETNAME: { kind: 'secretsManager', secretId: 'media/transcoding=hls' },
        K2SSM: { kind: 'ssm', parameterName: '/cloudfront/api-signer' },
      },
    },
  ),
  // An IAM certificate; a custom origin only (nothing to read through OAC); two behaviors.
  iamCertificateCustomOrigin: setup(
    'E3IAMCERT',
    distributionConfig({
      origins: [customOrigin('api', 'api.example.com')],
      defaultBehavior: defaultBehavior('api', ['kg-api']),
      behaviors: [cacheBehavior('/public/*', 'api')],
      certificate: 'iam',
      aliases: ['api.example.com'],
    }),
    {
      publicKeys: [publicKey('K3APIKEY', 'api-signer', 'ec')],
      keyGroups: [keyGroup('kg-api', 'api-signers', ['K3APIKEY'])],
      originAccessControls: [],
      buckets: [],
      privateKeys: { K3APIKEY: { kind: 'local' } },
    },
  ),
  // Names that are one identifier once reduced to ASCII letters and digits: by '-', '_', '.', case and
  // non-ASCII letters; names that start with a digit; two buckets and two OACs likewise.
  collidingNames: setup(
    'E4COLLIDING',
    distributionConfig({
      origins: [s3Origin('dash', 'media-bucket', 'E4OACDASH'), s3Origin('dot', 'media.bucket', 'E4OACUNDERSCORE')],
      defaultBehavior: defaultBehavior('dash', ['kg-dash']),
      behaviors: [cacheBehavior('/a/*', 'dot', ['kg-underscore']), cacheBehavior('/b/*', 'dot', ['kg-case', 'kg-cyrillic', 'kg-han'])],
      certificate: 'default',
    }),
    {
      publicKeys: [
        publicKey('K4DASH', 'media-signer'),
        publicKey('K4UNDERSCORE', 'media_signer'),
        publicKey('K4CASE', 'Media-Signer'),
        publicKey('K4UPPER', 'MEDIA-SIGNER'),
        publicKey('K4CYRILLIC', 'MediaSigner'),
        publicKey('K4HAN', 'mediasigner'),
        publicKey('K4DIGIT', '2026-signer'),
        publicKey('K4PRIVATE', 'media-signer-private-key'),
      ],
      keyGroups: [
        keyGroup('kg-dash', 'signers-a', ['K4DASH', 'K4UNDERSCORE']),
        keyGroup('kg-underscore', 'signers_a', ['K4CASE', 'K4UPPER']),
        keyGroup('kg-case', 'Signers-A', ['K4CYRILLIC']),
        keyGroup('kg-cyrillic', 'подписи', ['K4HAN']),
        keyGroup('kg-han', '签名', ['K4DIGIT', 'K4PRIVATE']),
      ],
      originAccessControls: [oac('E4OACDASH', 'media-oac'), oac('E4OACUNDERSCORE', 'media_oac')],
      buckets: ['media-bucket', 'media.bucket'],
      privateKeys: {
        K4DASH: { kind: 'secretsManager', secretId: 'cloudfront/media-signer' },
        K4UNDERSCORE: { kind: 'secretsManager', secretId: 'cloudfront/media_signer' },
        K4CASE: { kind: 'kms', keyId: 'alias/cloudfront/Media-Signer' },
        K4UPPER: { kind: 'kms', keyId: 'alias/cloudfront/MEDIA-SIGNER' },
        K4CYRILLIC: { kind: 'local' },
        K4HAN: { kind: 'ssm', parameterName: '/cloudfront/han' },
        K4DIGIT: { kind: 'local' },
        K4PRIVATE: { kind: 'secretsManager', secretId: 'cloudfront/media-signer-private-key' },
      },
    },
  ),
  // Only an origin access control (no key group): the bucket policy and the OAC are what is private.
  oacOnly: setup('E5OACONLY', distributionConfig({ origins: [s3Origin('site', 'site-bucket', 'E5OACSITE')], defaultBehavior: defaultBehavior('site'), certificate: 'default' }), {
    publicKeys: [],
    keyGroups: [],
    originAccessControls: [oac('E5OACSITE', 'site-oac')],
    buckets: ['site-bucket'],
  }),
};
