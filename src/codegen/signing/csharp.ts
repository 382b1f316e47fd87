// Signing code for C#. A PEM key (RSA or ECDSA, from an environment variable, a file, Secrets Manager or
// SSM) goes to the SDK's signers in AWSSDK.Extensions.CloudFront.Signers 4.0.1+ (2026-04-17):
// AmazonCloudFrontUrlSigner.SignUrlCanned and AmazonCloudFrontCookieSigner.GetCookiesForCustomPolicy
// with HashAlgorithmName.SHA256; they tell RSA from ECDSA by the PEM (aws-sdk-net #4304) and write
// Hash-Algorithm / CloudFront-Hash-Algorithm (aws-sdk-net #4345). Without the hash argument they sign
// SHA-1 with RSA only, as every 3.x signer in AWSSDK.CloudFront does (which also cannot read OpenSSL 3
// PKCS#8 keys, aws-sdk-net #3567). A key in KMS is signed with KMS Sign and laid out here: the signers'
// ICloudFrontSigner seam for external keys (aws-sdk-net PR #4468, merged 2026-07-14) is in no release
// this extension could check. Written in C# 7 so it builds on any .NET from 5 on.
import { quoterFor } from './literals';
import { lines } from './text';
import type { Plan } from './types';

export function csharpCode(plan: Plan): string {
  const quote = quoterFor('csharp');
  const source = plan.keySource;
  const cookies = plan.kind === 'cookies';
  const sdkSigner = !plan.kms;
  const usings = lines(
    'using System;',
    'using System.Collections.Generic;',
    'using System.IO;',
    sdkSigner && 'using System.Security.Cryptography; // HashAlgorithmName',
    plan.kms && 'using System.Text;',
    'using System.Threading.Tasks;',
    sdkSigner && 'using Amazon.CloudFront;',
    source.kind === 'kms' && 'using Amazon.KeyManagementService;\nusing Amazon.KeyManagementService.Model;',
    source.kind === 'secretsManager' && 'using Amazon.SecretsManager;\nusing Amazon.SecretsManager.Model;',
    source.kind === 'ssm' && 'using Amazon.SimpleSystemsManagement;\nusing Amazon.SimpleSystemsManagement.Model;',
  );

  const pem =
    source.kind === 'env'
      ? `            var pem = Environment.GetEnvironmentVariable(${quote(source.variable, 'keySource.variable')});`
      : source.kind === 'file'
        ? `            var pem = File.ReadAllText(${quote(source.path, 'keySource.path')});`
        : source.kind === 'secretsManager'
          ? lines(
              '            var client = new AmazonSecretsManagerClient(); // credentials, region, AWS_ENDPOINT_URL',
              `            var answer = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ${quote(source.secretId, 'keySource.secretId')} });`,
              '            var pem = answer.SecretString;',
            )
          : source.kind === 'ssm'
            ? lines(
                '            var client = new AmazonSimpleSystemsManagementClient(); // credentials, region, AWS_ENDPOINT_URL',
                `            var answer = await client.GetParameterAsync(new GetParameterRequest { Name = ${quote(source.parameterName, 'keySource.parameterName')}, WithDecryption = true });`,
                '            var pem = answer.Parameter.Value;',
              )
            : '';

  const keyCode = plan.kms
    ? lines(
        '        // Signs in KMS (SHA-256: KMS has no SHA-1 signing); ECDSA signatures come back DER-encoded, as CloudFront wants them.',
        '        static async Task<byte[]> SignPolicyAsync(byte[] policy)',
        '        {',
        '            var kms = new AmazonKeyManagementServiceClient(); // credentials, region, AWS_ENDPOINT_URL',
        '            var answer = await kms.SignAsync(new SignRequest',
        '            {',
        `                KeyId = ${quote((source as { keyId: string }).keyId, 'keySource.keyId')},`,
        '                Message = new MemoryStream(policy),',
        '                MessageType = MessageType.RAW, // KMS hashes the policy itself',
        `                SigningAlgorithm = SigningAlgorithmSpec.${plan.kmsAlgorithm},`,
        '            });',
        '            return answer.Signature.ToArray();',
        '        }',
        '',
        "        // CloudFront's URL-safe base64: + becomes -, = becomes _, / becomes ~.",
        '        static string CloudFrontBase64(byte[] data)',
        '        {',
        "            return Convert.ToBase64String(data).Replace('+', '-').Replace('=', '_').Replace('/', '~');",
        '        }',
      )
    : lines(
        '        // The PEM private key: PKCS#1, PKCS#8 or SEC1; the SDK signer tells RSA from ECDSA by itself.',
        '        static async Task<string> ReadPemAsync()',
        '        {',
        !['secretsManager', 'ssm'].includes(source.kind) && '            await Task.CompletedTask;',
        pem,
        '            if (string.IsNullOrEmpty(pem)) throw new InvalidOperationException("No private key found.");',
        '            return pem;',
        '        }',
      );

  const expiresOn = lines(
    '            // Whole epoch seconds from UTC (not DateTime.Now, local time; not milliseconds); a UTC DateTime',
    '            // is what the SDK writes as AWS:EpochTime.',
    '            var expires = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + expiresInSeconds;',
  );

  const body = cookies
    ? lines(
        '        // Signed cookies for every URL matching resource (wildcards * and ?): a custom policy, whose exact JSON',
        '        // travels along (CloudFront-Policy). Set them with Domain = your alternate domain name: *.cloudfront.net',
        '        // cannot hold cookies.',
        '        public static async Task<List<KeyValuePair<string, string>>> SignCookiesAsync(string resource, long expiresInSeconds)',
        '        {',
        expiresOn,
        plan.kms
          ? lines(
              '            var policy = Encoding.UTF8.GetBytes("{\\"Statement\\":[{\\"Resource\\":\\"" + resource + "\\",\\"Condition\\":{\\"DateLessThan\\":{\\"AWS:EpochTime\\":" + expires + "}}}]}");',
              '            return new List<KeyValuePair<string, string>>',
              '            {',
              '                new KeyValuePair<string, string>("CloudFront-Policy", CloudFrontBase64(policy)),',
              '                new KeyValuePair<string, string>("CloudFront-Signature", CloudFrontBase64(await SignPolicyAsync(policy))),',
              '                new KeyValuePair<string, string>("CloudFront-Key-Pair-Id", KeyPairId),',
              '                new KeyValuePair<string, string>("CloudFront-Hash-Algorithm", "SHA256"), // without it CloudFront assumes SHA-1',
              '            };',
            )
          : lines(
              '            var expiresOn = DateTimeOffset.FromUnixTimeSeconds(expires).UtcDateTime;',
              '            using (var key = new StringReader(await ReadPemAsync()))',
              '            {',
              '                // SHA-256 and the CloudFront-Hash-Algorithm cookie; without the hash argument the SDK signs SHA-1.',
              '                // DateTime.MinValue: no start date; null: no IP range.',
              '                var signed = AmazonCloudFrontCookieSigner.GetCookiesForCustomPolicy(resource, key, KeyPairId, expiresOn, DateTime.MinValue, null, HashAlgorithmName.SHA256);',
              '                return new List<KeyValuePair<string, string>> { signed.Policy, signed.Signature, signed.KeyPairId, signed.HashAlgorithm };',
              '            }',
            ),
        '        }',
      )
    : lines(
        '        // A signed URL with a canned policy.',
        '        public static async Task<string> SignUrlAsync(string url, long expiresInSeconds)',
        '        {',
        '            // The URL as a browser sends it (spaces and non-ASCII as UTF-8 %XX, host in lowercase): CloudFront',
        "            // checks the signature against the request's URL, so any other spelling is refused.",
        '            var viewerUrl = new Uri(url).AbsoluteUri;',
        expiresOn,
        plan.kms
          ? lines(
              '            // The canned policy CloudFront rebuilds from the request URL and Expires, byte for byte.',
              '            var policy = Encoding.UTF8.GetBytes("{\\"Statement\\":[{\\"Resource\\":\\"" + viewerUrl + "\\",\\"Condition\\":{\\"DateLessThan\\":{\\"AWS:EpochTime\\":" + expires + "}}}]}");',
              '            var signature = CloudFrontBase64(await SignPolicyAsync(policy));',
              '            // Hash-Algorithm=SHA256: without it CloudFront assumes SHA-1.',
              '            return viewerUrl + (viewerUrl.Contains("?") ? "&" : "?") + "Expires=" + expires + "&Signature=" + signature + "&Key-Pair-Id=" + KeyPairId + "&Hash-Algorithm=SHA256";',
            )
          : lines(
              '            var expiresOn = DateTimeOffset.FromUnixTimeSeconds(expires).UtcDateTime;',
              '            using (var key = new StringReader(await ReadPemAsync()))',
              '            {',
              '                // SHA-256 and Hash-Algorithm=SHA256 in the URL; without the hash argument the SDK signs SHA-1.',
              '                return AmazonCloudFrontUrlSigner.SignUrlCanned(viewerUrl, KeyPairId, key, expiresOn, HashAlgorithmName.SHA256);',
              '            }',
            ),
        '        }',
      );

  return lines(
    usings,
    '',
    'namespace CloudFrontSigning',
    '{',
    '    public static class Signer',
    '    {',
    '        // The CloudFront public key ID (K...): not an IAM access key ID, not the key group ID.',
    `        const string KeyPairId = ${quote(plan.publicKeyId, 'publicKeyId')};`,
    '',
    keyCode,
    '',
    body,
    '',
    '        public static async Task<int> Main(string[] args)',
    '        {',
    '            long seconds;',
    '            if (args.Length != 2 || !long.TryParse(args[1], out seconds) || seconds <= 0)',
    '            {',
    `                Console.Error.WriteLine(${quote(`usage: dotnet run -- ${cookies ? 'RESOURCE' : 'URL'} SECONDS`)});`,
    '                return 2;',
    '            }',
    cookies
      ? lines(
          '            var parts = new List<string>();',
          '            foreach (var cookie in await SignCookiesAsync(args[0], seconds)) parts.Add(cookie.Key + "=" + cookie.Value);',
          '            Console.WriteLine(string.Join("; ", parts)); // one Cookie header value (curl -b "...")',
        )
      : '            Console.WriteLine(await SignUrlAsync(args[0], seconds));',
    '            return 0;',
    '        }',
    '    }',
    '}',
    '',
  );
}
