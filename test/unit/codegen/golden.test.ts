// Golden files for the generated Go, C# and Java signing code, whose AWS SDKs are not on this machine
// (no Go module proxy, NuGet or Maven offline), so the SDK calls cannot be compiled here. Each golden
// file was reviewed against the SDK API facts below; a change to a template fails this test until the
// files are regenerated (CFPC_UPDATE_GOLDEN=1 node_modules/.bin/node scripts/lib/runUnit.mjs --grep golden)
// and the diff reviewed against the same facts.
//
// API facts, with where they were read (2026):
// C#: keys held as PEM sign on .NET 5+ alone, not through AWSSDK.Extensions.CloudFront.Signers:
// - AsymmetricAlgorithm.ImportFromPem(ReadOnlySpan<char>) reads PKCS#1, PKCS#8 and SEC1 (.NET 5);
//   RSA.SignData(byte[], HashAlgorithmName, RSASignaturePadding) and ECDsa.SignData(byte[], HashAlgorithmName,
//   DSASignatureFormat.Rfc3279DerSequence) (.NET 5): https://learn.microsoft.com/dotnet/api/system.security.cryptography.
// - System.Text.Json.Utf8JsonWriter(Stream, JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
//   writes the policy compact, in the order written, without escaping / & + ' < >.
// - KMS: AmazonKeyManagementServiceClient.SignAsync(SignRequest { KeyId, Message (MemoryStream), MessageType.RAW,
//   SigningAlgorithm }) (AWSSDK.KeyManagementService). The browser form runs on Mono in conformance.test.ts.
// Java: keys held as PEM sign with the JDK alone (java.security.Signature), not software.amazon.awssdk:cloudfront:
// - CloudFrontUtilities.getSignedUrlWithCannedPolicy signs request.resourceUrl() but writes
//   URI.create(resourceUrl).getHost() + getPath() + getQuery() into the signed URL: the port is dropped and
//   %XX escapes are decoded, so the URL clients send is not the one signed (aws/aws-sdk-java-v2
//   services/cloudfront/src/main/java/software/amazon/awssdk/services/cloudfront/CloudFrontUtilities.java,
//   commit f656cbf0). The JDK-only variants run for real in conformance.test.ts.
// - KMS: KmsClient.sign(SignRequest.builder().keyId(..).message(SdkBytes).messageType(MessageType.RAW)
//   .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256 | ECDSA_SHA_256)) (software.amazon.awssdk:kms).
// Go, github.com/aws/aws-sdk-go-v2/feature/cloudfront/sign:
// - Policy{Statements []Statement `json:"Statement"`}, Statement{Resource, Condition}, Condition{DateLessThan
//   *AWSEpochTime}, NewAWSEpochTime(time.Time) (writes {"AWS:EpochTime":<UTC seconds>}), NewCannedPolicy(resource,
//   expires), the SDK's own encoding (json.Encoder with SetEscapeHTML(false), trimmed): feature/cloudfront/sign/policy.go;
//   CookiePolicyName, CookieSignatureName, CookieKeyIDName: sign_cookie.go; NewURLSigner(keyID, crypto.Signer): sign_url.go.
// - URLSigner.Sign and Policy.Sign hash with SHA-1. SHA-256 came as SignWithAlgorithm
//   (https://github.com/aws/aws-sdk-go-v2/pull/3406, 2026-05), whose signature no stored source shows, so the
//   Go template signs the SDK's policy with SHA-256 through crypto.Signer itself instead of guessing it.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateSigningCode, type KeySource, type SigningKind, type SigningLanguage } from '../../../src/codegen/signing';
import type { KeyAlgorithm } from '../../../src/keys/algorithms';

const GOLDEN_DIR = resolve('test/unit/codegen/golden');
const UPDATE = process.env.CFPC_UPDATE_GOLDEN === '1';

const SOURCES: Record<KeySource['kind'], KeySource> = {
  env: { kind: 'env', variable: 'CLOUDFRONT_PRIVATE_KEY' },
  file: { kind: 'file', path: '/run/secrets/cloudfront.pem' },
  kms: { kind: 'kms', keyId: 'alias/cloudfront-signing' },
  secretsManager: { kind: 'secretsManager', secretId: 'cloudfront/signing-key' },
  ssm: { kind: 'ssm', parameterName: '/cloudfront/signing-key' },
};

/**
 * Seven variants per language reach every branch of its template: each key source, both kinds with a
 * PEM key and with KMS, both algorithms, and a stream's cookies.
 */
const VARIANTS: ReadonlyArray<[KeyAlgorithm, SigningKind, KeySource['kind']]> = [
  ['RSA_2048', 'url', 'env'],
  ['ECDSA_P256', 'url', 'file'],
  ['ECDSA_P256', 'url', 'ssm'],
  ['RSA_2048', 'url', 'kms'],
  ['RSA_2048', 'cookies', 'secretsManager'],
  ['ECDSA_P256', 'cookies', 'kms'],
  ['RSA_2048', 'streamCookies', 'env'],
];

const LANGUAGES: readonly SigningLanguage[] = ['go', 'csharp', 'java'];

describe('generated Go, C# and Java signing code matches its reviewed golden files', () => {
  for (const language of LANGUAGES) {
    for (const [algorithm, kind, source] of VARIANTS) {
      const name = `${algorithm}-${kind}-${source}`;
      it(`${language} ${name}`, () => {
        const generated = generateSigningCode({ publicKeyId: 'K2JCJMDEHXQW5F', algorithm, language, kind, keySource: SOURCES[source] });
        const file = join(GOLDEN_DIR, language, name, generated.fileName);
        if (UPDATE) {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, generated.code);
        }
        assert.ok(existsSync(file), `no golden file ${file}: run with CFPC_UPDATE_GOLDEN=1 and review it`);
        assert.equal(generated.code, readFileSync(file, 'utf8'), `${file} differs: review the change, then run with CFPC_UPDATE_GOLDEN=1`);
      });
    }
  }
});
