// Signing code for C#. It signs with .NET's own RSA/ECDsa (or KMS Sign) and lays out the URL and
// cookies itself: SHA-256 and ECDSA need AWSSDK.Extensions.CloudFront.Signers 4.x, whose SHA-256
// API could not be checked here, while these few lines can be, and the older signer in
// AWSSDK.CloudFront cannot read OpenSSL 3 (PKCS#8) keys (aws-sdk-net #3567). Written in C# 7 so it
// builds on any .NET from 5 on (ImportFromPem).
import { lines, quote } from './text';
import type { Plan } from './types';

export function csharpCode(plan: Plan): string {
  const source = plan.keySource;
  const cookies = plan.kind === 'cookies';
  const usings = lines(
    'using System;',
    'using System.Collections.Generic;',
    source.kind === 'kms' && 'using System.IO;',
    'using System.Security.Cryptography;',
    'using System.Text;',
    'using System.Threading.Tasks;',
    source.kind === 'kms' && 'using Amazon.KeyManagementService;\nusing Amazon.KeyManagementService.Model;',
    source.kind === 'secretsManager' && 'using Amazon.SecretsManager;\nusing Amazon.SecretsManager.Model;',
    source.kind === 'ssm' && 'using Amazon.SimpleSystemsManagement;\nusing Amazon.SimpleSystemsManagement.Model;',
  );

  const pem =
    source.kind === 'env'
      ? `            var pem = Environment.GetEnvironmentVariable(${quote(source.variable)});`
      : source.kind === 'file'
        ? `            var pem = System.IO.File.ReadAllText(${quote(source.path)});`
        : source.kind === 'secretsManager'
          ? lines(
              '            var client = new AmazonSecretsManagerClient(); // credentials, region, AWS_ENDPOINT_URL',
              `            var answer = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ${quote(source.secretId)} });`,
              '            var pem = answer.SecretString;',
            )
          : source.kind === 'ssm'
            ? lines(
                '            var client = new AmazonSimpleSystemsManagementClient(); // credentials, region, AWS_ENDPOINT_URL',
                `            var answer = await client.GetParameterAsync(new GetParameterRequest { Name = ${quote(source.parameterName)}, WithDecryption = true });`,
                '            var pem = answer.Parameter.Value;',
              )
            : '';

  const signPolicy = plan.kms
    ? lines(
        '        // Signs in KMS (SHA-256: KMS has no SHA-1 signing); ECDSA signatures come back DER-encoded, as CloudFront wants them.',
        '        static async Task<byte[]> SignPolicyAsync(byte[] policy)',
        '        {',
        '            var kms = new AmazonKeyManagementServiceClient(); // credentials, region, AWS_ENDPOINT_URL',
        '            var answer = await kms.SignAsync(new SignRequest',
        '            {',
        `                KeyId = ${quote((source as { keyId: string }).keyId)},`,
        '                Message = new MemoryStream(policy),',
        '                MessageType = MessageType.RAW, // KMS hashes the policy itself',
        `                SigningAlgorithm = SigningAlgorithmSpec.${plan.kmsAlgorithm},`,
        '            });',
        '            return answer.Signature.ToArray();',
        '        }',
      )
    : lines(
        '        // The PEM private key: PKCS#1, PKCS#8 or SEC1, as ImportFromPem reads them all.',
        '        static async Task<byte[]> SignPolicyAsync(byte[] policy)',
        '        {',
        !['secretsManager', 'ssm'].includes(source.kind) && '            await Task.CompletedTask;',
        pem,
        '            if (string.IsNullOrEmpty(pem)) throw new InvalidOperationException("No private key found.");',
        plan.ecdsa
          ? lines(
              '            using (var key = ECDsa.Create())',
              '            {',
              '                key.ImportFromPem(pem);',
              '                // .NET writes ECDSA signatures as r||s (IEEE P1363) by default; CloudFront verifies DER.',
              '                return key.SignData(policy, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);',
              '            }',
            )
          : lines(
              '            using (var key = RSA.Create())',
              '            {',
              '                key.ImportFromPem(pem);',
              '                return key.SignData(policy, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);',
              '            }',
            ),
        '        }',
      );

  const body = cookies
    ? lines(
        '        // Signed cookies for every URL matching resource (wildcards * and ?). Set them with Domain = your',
        '        // alternate domain name: *.cloudfront.net cannot hold cookies.',
        '        public static async Task<List<KeyValuePair<string, string>>> SignCookiesAsync(string resource, long expiresInSeconds)',
        '        {',
        '            // Epoch seconds in UTC: not DateTime.Now (local time), not milliseconds.',
        '            var expires = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + expiresInSeconds;',
        '            // A custom policy: cookies cover a pattern, so its exact JSON travels along (CloudFront-Policy).',
        '            var policy = Encoding.UTF8.GetBytes("{\\"Statement\\":[{\\"Resource\\":\\"" + resource + "\\",\\"Condition\\":{\\"DateLessThan\\":{\\"AWS:EpochTime\\":" + expires + "}}}]}");',
        '            return new List<KeyValuePair<string, string>>',
        '            {',
        '                new KeyValuePair<string, string>("CloudFront-Policy", CloudFrontBase64(policy)),',
        '                new KeyValuePair<string, string>("CloudFront-Signature", CloudFrontBase64(await SignPolicyAsync(policy))),',
        '                new KeyValuePair<string, string>("CloudFront-Key-Pair-Id", KeyPairId),',
        '                new KeyValuePair<string, string>("CloudFront-Hash-Algorithm", "SHA256"), // without it CloudFront assumes SHA-1',
        '            };',
        '        }',
      )
    : lines(
        '        // A signed URL with a canned policy.',
        '        public static async Task<string> SignUrlAsync(string url, long expiresInSeconds)',
        '        {',
        '            // The URL as a browser sends it (spaces and non-ASCII as UTF-8 %XX, host in lowercase): CloudFront',
        "            // checks the signature against the request's URL, so any other spelling is refused.",
        '            var viewerUrl = new Uri(url).AbsoluteUri;',
        '            // Epoch seconds in UTC: not DateTime.Now (local time), not milliseconds.',
        '            var expires = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + expiresInSeconds;',
        '            // The canned policy CloudFront rebuilds from the request URL and Expires, byte for byte.',
        '            var policy = Encoding.UTF8.GetBytes("{\\"Statement\\":[{\\"Resource\\":\\"" + viewerUrl + "\\",\\"Condition\\":{\\"DateLessThan\\":{\\"AWS:EpochTime\\":" + expires + "}}}]}");',
        '            var signature = CloudFrontBase64(await SignPolicyAsync(policy));',
        '            // Hash-Algorithm=SHA256: without it CloudFront assumes SHA-1.',
        '            return viewerUrl + (viewerUrl.Contains("?") ? "&" : "?") + "Expires=" + expires + "&Signature=" + signature + "&Key-Pair-Id=" + KeyPairId + "&Hash-Algorithm=SHA256";',
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
    `        const string KeyPairId = ${quote(plan.publicKeyId)};`,
    '',
    signPolicy,
    '',
    "        // CloudFront's URL-safe base64: + becomes -, = becomes _, / becomes ~.",
    '        static string CloudFrontBase64(byte[] data)',
    '        {',
    "            return Convert.ToBase64String(data).Replace('+', '-').Replace('=', '_').Replace('/', '~');",
    '        }',
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
