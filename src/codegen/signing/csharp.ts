// Signing code for C#, on .NET 5+ alone for keys held as PEM: RSA/ECDsa.ImportFromPem reads PKCS#1, PKCS#8
// and SEC1, SignData signs (RSA PKCS#1 v1.5 with SHA-256; ECDSA with SHA-256 as the DER sequence CloudFront
// verifies, DSASignatureFormat.Rfc3279DerSequence), System.Text.Json's Utf8JsonWriter writes the policy, and
// the URL and cookies are laid out here, as the extension's core does. The SDK's signers
// (AWSSDK.Extensions.CloudFront.Signers) are not needed, and a key in KMS signs with KMS Sign
// (AWSSDK.KeyManagementService). Written in C# 7 so it builds on any .NET from 5 on.
import { CSHARP_COMMON, CSHARP_RESOURCE, CSHARP_URL } from './csharp.browser';
import { quoterFor } from './literals';
import { CSHARP_STREAM_RESOURCE, signsCookies, usageArguments } from './playlist';
import { lines } from './text';
import type { Plan } from './types';

export function csharpCode(plan: Plan): string {
  const quote = quoterFor('csharp');
  const source = plan.keySource;
  const cookies = signsCookies(plan.kind);
  const stream = plan.kind === 'streamCookies';
  const usings = lines(
    'using System;',
    'using System.Collections.Generic;',
    'using System.Globalization;',
    'using System.IO;',
    'using System.Linq;',
    !cookies && 'using System.Net;\nusing System.Net.Sockets;',
    !plan.kms && 'using System.Security.Cryptography;',
    'using System.Text;',
    'using System.Text.Encodings.Web;',
    'using System.Text.Json;',
    'using System.Threading.Tasks;',
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
      )
    : lines(
        '        // The PEM private key: PKCS#1, PKCS#8 or SEC1 (ImportFromPem reads each).',
        '        static async Task<string> ReadPemAsync()',
        '        {',
        !['secretsManager', 'ssm'].includes(source.kind) && '            await Task.CompletedTask;',
        pem,
        '            if (string.IsNullOrEmpty(pem)) throw new InvalidOperationException("No private key found.");',
        '            return pem;',
        '        }',
        '',
        plan.ecdsa
          ? '        // ECDSA P-256 with SHA-256, as the DER sequence CloudFront verifies (not the IEEE P1363 form .NET writes by default).'
          : '        // RSA PKCS#1 v1.5 with SHA-256, the signature CloudFront verifies.',
        '        static async Task<byte[]> SignPolicyAsync(byte[] policy)',
        '        {',
        '            var pem = await ReadPemAsync();',
        plan.ecdsa
          ? lines(
              '            using (var key = ECDsa.Create())',
              '            {',
              '                key.ImportFromPem(pem);',
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

  const helpers = lines(
    "        // CloudFront's URL-safe base64: + becomes -, = becomes _, / becomes ~.",
    '        static string CloudFrontBase64(byte[] data)',
    '        {',
    "            return Convert.ToBase64String(data).Replace('+', '-').Replace('=', '_').Replace('/', '~');",
    '        }',
    '',
    '        // The policy, written by System.Text.Json: one statement, the resource and the expiry in epoch seconds, compact and',
    "        // in the order CloudFront rebuilds a canned one. The relaxed encoder leaves / & + ' < > as they are (the resource",
    '        // is already in the form browsers send; quotes, backslashes and controls were refused).',
    '        static byte[] Policy(string resource, long expires)',
    '        {',
    '            var buffer = new MemoryStream();',
    '            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))',
    '            {',
    '                json.WriteStartObject();',
    '                json.WriteStartArray("Statement");',
    '                json.WriteStartObject();',
    '                json.WriteString("Resource", resource);',
    '                json.WriteStartObject("Condition");',
    '                json.WriteStartObject("DateLessThan");',
    '                json.WriteNumber("AWS:EpochTime", expires);',
    '                json.WriteEndObject();',
    '                json.WriteEndObject();',
    '                json.WriteEndObject();',
    '                json.WriteEndArray();',
    '                json.WriteEndObject();',
    '            }',
    '            return buffer.ToArray();',
    '        }',
  );

  const expiresOn = lines('            // Whole epoch seconds from UTC (not DateTime.Now, local time; not milliseconds).', '            var expires = Now().ToUnixTimeSeconds() + expiresInSeconds;');

  const body = cookies
    ? lines(
        '        // Signed cookies for every URL matching resource (wildcards * and ?): a custom policy, whose exact JSON',
        '        // travels along (CloudFront-Policy). Set them with Domain = your alternate domain name: *.cloudfront.net',
        '        // cannot hold cookies.',
        '        public static async Task<List<KeyValuePair<string, string>>> SignCookiesAsync(string resource, long expiresInSeconds)',
        '        {',
        expiresOn,
        '            // The Resource as browsers write the URLs it matches (wildcards kept): CloudFront compares it with the request.',
        '            var policy = Policy(BrowserResource(resource), expires);',
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
        '            var viewerUrl = BrowserUrl(url);',
        expiresOn,
        '            // The canned policy CloudFront rebuilds from the request URL and Expires, byte for byte.',
        '            var signature = CloudFrontBase64(await SignPolicyAsync(Policy(viewerUrl, expires)));',
        '            // Hash-Algorithm=SHA256: without it CloudFront assumes SHA-1.',
        '            return viewerUrl + (viewerUrl.Contains("?") ? "&" : "?") + "Expires=" + expires.ToString(CultureInfo.InvariantCulture) + "&Signature=" + signature + "&Key-Pair-Id=" + KeyPairId + "&Hash-Algorithm=SHA256";',
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
    '        // The clock the expiry counts from (a test may set a fixed one).',
    '        internal static Func<DateTimeOffset> Now = () => DateTimeOffset.UtcNow;',
    '',
    keyCode,
    '',
    helpers,
    '',
    CSHARP_COMMON,
    cookies ? CSHARP_RESOURCE : CSHARP_URL,
    body,
    '',
    stream && CSHARP_STREAM_RESOURCE,
    stream && '',
    '        public static async Task<int> Main(string[] args)',
    '        {',
    '            long seconds;',
    '            if (args.Length != 2 || !long.TryParse(args[1], out seconds) || seconds <= 0)',
    '            {',
    `                Console.Error.WriteLine(${quote(`usage: dotnet run -- ${usageArguments(plan.kind)}`)});`,
    '                return 2;',
    '            }',
    cookies
      ? lines(
          '            var parts = new List<string>();',
          `            foreach (var cookie in await SignCookiesAsync(${stream ? 'StreamResource(args[0])' : 'args[0]'}, seconds)) parts.Add(cookie.Key + "=" + cookie.Value);`,
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
