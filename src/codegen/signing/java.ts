// Signing code for Java. A PEM key goes to the SDK's CloudFrontUtilities (aws-sdk-java-v2, 2.53.0 or
// later): getSignedUrlWithCannedPolicy for URLs, getCookiesForCustomPolicy with resourceUrlPattern
// for cookies (PR #6779, which closed #6127), both with hashAlgorithm(SigningHashAlgorithm.SHA256)
// (PR #7253, released in 2.53.0; without it the SDK signs SHA-1) and ECDSA keys (PR #6627). A key in
// KMS is signed with KMS Sign and laid out here: CloudFrontUtilities wants a java.security.PrivateKey.
import { quoterFor } from './literals';
import { lines } from './text';
import type { Plan } from './types';

export function javaCode(plan: Plan): string {
  const quote = quoterFor('java');
  const source = plan.keySource;
  const cookies = plan.kind === 'cookies';
  const sdkSigner = !plan.kms;
  const manual = !sdkSigner;
  const imports = lines(
    !plan.kms && 'import java.io.ByteArrayOutputStream;',
    'import java.nio.charset.StandardCharsets;',
    source.kind === 'file' && 'import java.nio.file.Files;\nimport java.nio.file.Path;',
    !plan.kms && 'import java.security.KeyFactory;\nimport java.security.PrivateKey;',
    !plan.kms && 'import java.security.spec.PKCS8EncodedKeySpec;',
    sdkSigner && 'import java.time.Instant;',
    'import java.util.Base64;',
    !cookies && 'import java.util.Locale;',
    sdkSigner && 'import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;',
    sdkSigner && cookies && 'import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;',
    sdkSigner && (cookies ? 'import software.amazon.awssdk.services.cloudfront.model.CustomSignerRequest;' : 'import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;'),
    sdkSigner && 'import software.amazon.awssdk.services.cloudfront.utils.SigningHashAlgorithm;',
    source.kind === 'kms' &&
      'import software.amazon.awssdk.core.SdkBytes;\nimport software.amazon.awssdk.services.kms.KmsClient;\nimport software.amazon.awssdk.services.kms.model.MessageType;\nimport software.amazon.awssdk.services.kms.model.SignRequest;\nimport software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;',
    source.kind === 'secretsManager' &&
      'import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;\nimport software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;',
    source.kind === 'ssm' && 'import software.amazon.awssdk.services.ssm.SsmClient;\nimport software.amazon.awssdk.services.ssm.model.GetParameterRequest;',
  );

  const pem =
    source.kind === 'env'
      ? `        String pem = System.getenv(${quote(source.variable, 'keySource.variable')});`
      : source.kind === 'file'
        ? `        String pem = Files.readString(Path.of(${quote(source.path, 'keySource.path')}), StandardCharsets.US_ASCII);`
        : source.kind === 'secretsManager'
          ? lines(
              '        String pem;',
              '        try (SecretsManagerClient client = SecretsManagerClient.create()) { // credentials, region, AWS_ENDPOINT_URL',
              `            pem = client.getSecretValue(GetSecretValueRequest.builder().secretId(${quote(source.secretId, 'keySource.secretId')}).build()).secretString();`,
              '        }',
            )
          : source.kind === 'ssm'
            ? lines(
                '        String pem;',
                '        try (SsmClient client = SsmClient.create()) { // credentials, region, AWS_ENDPOINT_URL',
                `            pem = client.getParameter(GetParameterRequest.builder().name(${quote(source.parameterName, 'keySource.parameterName')}).withDecryption(true).build()).parameter().value();`,
                '        }',
              )
            : '';

  const keyLoading = plan.kms
    ? undefined
    : lines(
        '    /** The private key from its PEM. The JDK reads only PKCS#8; PKCS#1 (RSA) and SEC1 (EC) keys, which OpenSSL 1 and',
        '     *  this extension export, are wrapped into PKCS#8 first. */',
        '    static PrivateKey privateKey() throws Exception {',
        pem,
        '        if (pem == null || pem.isBlank()) throw new IllegalStateException("No private key found.");',
        '        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", ""));',
        plan.ecdsa ? '        if (pem.contains("BEGIN EC PRIVATE KEY")) der = pkcs8(EC_P256, der);' : '        if (pem.contains("BEGIN RSA PRIVATE KEY")) der = pkcs8(RSA, der);',
        `        return KeyFactory.getInstance(${quote(plan.ecdsa ? 'EC' : 'RSA')}).generatePrivate(new PKCS8EncodedKeySpec(der));`,
        '    }',
        '',
        '    // DER AlgorithmIdentifier of the key inside PKCS#8.',
        plan.ecdsa
          ? '    static final byte[] EC_P256 = {0x30, 0x13, 0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};'
          : '    static final byte[] RSA = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};',
        '',
        '    static byte[] pkcs8(byte[] algorithm, byte[] key) {',
        '        ByteArrayOutputStream body = new ByteArrayOutputStream();',
        '        body.writeBytes(new byte[] {0x02, 0x01, 0x00}); // version 0',
        '        body.writeBytes(algorithm);',
        '        body.writeBytes(derHeader(0x04, key.length));',
        '        body.writeBytes(key);',
        '        ByteArrayOutputStream out = new ByteArrayOutputStream();',
        '        out.writeBytes(derHeader(0x30, body.size()));',
        '        out.writeBytes(body.toByteArray());',
        '        return out.toByteArray();',
        '    }',
        '',
        '    static byte[] derHeader(int tag, int length) {',
        '        if (length < 0x80) return new byte[] {(byte) tag, (byte) length};',
        '        if (length < 0x100) return new byte[] {(byte) tag, (byte) 0x81, (byte) length};',
        '        return new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};',
        '    }',
      );

  const signPolicy = !plan.kms
    ? undefined
    : lines(
        '    /** Signs in KMS (SHA-256: KMS has no SHA-1 signing); ECDSA signatures come back DER-encoded, as CloudFront wants them. */',
        '    static byte[] signPolicy(String policy) {',
        '        try (KmsClient kms = KmsClient.create()) { // credentials, region, AWS_ENDPOINT_URL',
        '            return kms.sign(SignRequest.builder()',
        `                    .keyId(${quote((source as { keyId: string }).keyId, 'keySource.keyId')})`,
        '                    .message(SdkBytes.fromUtf8String(policy))',
        '                    .messageType(MessageType.RAW) // KMS hashes the policy itself',
        `                    .signingAlgorithm(SigningAlgorithmSpec.${plan.kmsAlgorithm})`,
        '                    .build()).signature().asByteArray();',
        '        }',
        '    }',
      );

  const base64 = manual
    ? lines(
        "    /** CloudFront's URL-safe base64: + becomes -, = becomes _, / becomes ~. */",
        '    static String cloudFrontBase64(byte[] data) {',
        "        return Base64.getEncoder().encodeToString(data).replace('+', '-').replace('=', '_').replace('/', '~');",
        '    }',
      )
    : undefined;

  const browserUrl = cookies
    ? undefined
    : lines(
        '    /** The URL as a browser sends it: spaces, quotes, <, >, ` and non-ASCII as UTF-8 %XX, existing escapes kept.',
        "     *  CloudFront checks the signature against the request's URL, so any other spelling is refused. */",
        '    static String browserUrl(String url) {',
        '        StringBuilder out = new StringBuilder();',
        '        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {',
        '            int c = b & 0xff;',
        "            boolean escape = c <= 0x20 || c >= 0x7f || c == '\"' || c == '<' || c == '>' || c == '`';",
        '            out.append(escape ? String.format(Locale.ROOT, "%%%02X", c) : String.valueOf((char) c));',
        '        }',
        '        return out.toString();',
        '    }',
      );

  const body = cookies
    ? sdkSigner
      ? lines(
          '    /** Signed cookies for every URL matching resource (wildcards * and ?), as one Cookie header value: a custom policy,',
          '     *  whose exact JSON travels along (CloudFront-Policy). Set them with Domain = your alternate domain name:',
          '     *  *.cloudfront.net cannot hold cookies. */',
          '    public static String signCookies(String resource, long expiresInSeconds) throws Exception {',
          '        CustomSignerRequest request = CustomSignerRequest.builder()',
          '                .resourceUrl(resource)',
          "                // The policy's Resource: without resourceUrlPattern the SDK would use resourceUrl as it is.",
          '                .resourceUrlPattern(resource)',
          '                .privateKey(privateKey())',
          '                .keyPairId(KEY_PAIR_ID)',
          "                // Whole epoch seconds: an Instant is UTC, so the server's zone does not matter.",
          '                .expirationDate(Instant.ofEpochSecond(System.currentTimeMillis() / 1000 + expiresInSeconds))',
          '                // SHA-256 and the CloudFront-Hash-Algorithm cookie; the default is SHA-1.',
          '                .hashAlgorithm(SigningHashAlgorithm.SHA256)',
          '                .build();',
          '        CookiesForCustomPolicy cookies = CloudFrontUtilities.create().getCookiesForCustomPolicy(request);',
          '        // Each header value is already name=value (CloudFront-Policy=..., and so on).',
          '        return cookies.policyHeaderValue() + "; " + cookies.signatureHeaderValue() + "; " + cookies.keyPairIdHeaderValue()',
          '                + "; " + cookies.hashAlgorithmHeaderValue();',
          '    }',
        )
      : lines(
          '    /** Signed cookies for every URL matching resource (wildcards * and ?), as one Cookie header value. Set them with',
          '     *  Domain = your alternate domain name: *.cloudfront.net cannot hold cookies. */',
          '    public static String signCookies(String resource, long expiresInSeconds) throws Exception {',
          '        // Epoch seconds (UTC by definition): not System.currentTimeMillis() as is, not local time.',
          '        long expires = System.currentTimeMillis() / 1000 + expiresInSeconds;',
          '        // A custom policy: cookies cover a pattern, so its exact JSON travels along (CloudFront-Policy).',
          '        String policy = "{\\"Statement\\":[{\\"Resource\\":\\"" + resource + "\\",\\"Condition\\":{\\"DateLessThan\\":{\\"AWS:EpochTime\\":" + expires + "}}}]}";',
          '        return "CloudFront-Policy=" + cloudFrontBase64(policy.getBytes(StandardCharsets.UTF_8))',
          '                + "; CloudFront-Signature=" + cloudFrontBase64(signPolicy(policy))',
          '                + "; CloudFront-Key-Pair-Id=" + KEY_PAIR_ID',
          '                + "; CloudFront-Hash-Algorithm=SHA256"; // without it CloudFront assumes SHA-1',
          '    }',
        )
    : sdkSigner
      ? lines(
          '    /** A signed URL with a canned policy. */',
          '    public static String signUrl(String url, long expiresInSeconds) throws Exception {',
          '        CannedSignerRequest request = CannedSignerRequest.builder()',
          '                .resourceUrl(browserUrl(url))',
          '                .privateKey(privateKey())',
          '                .keyPairId(KEY_PAIR_ID)',
          "                // Whole epoch seconds: an Instant is UTC, so the server's zone does not matter.",
          '                .expirationDate(Instant.ofEpochSecond(System.currentTimeMillis() / 1000 + expiresInSeconds))',
          '                // SHA-256 and Hash-Algorithm=SHA256; the default is SHA-1, which FIPS and OpenSSL 3 policies refuse.',
          '                .hashAlgorithm(SigningHashAlgorithm.SHA256)',
          '                .build();',
          '        return CloudFrontUtilities.create().getSignedUrlWithCannedPolicy(request).url();',
          '    }',
        )
      : lines(
          '    /** A signed URL with a canned policy. */',
          '    public static String signUrl(String url, long expiresInSeconds) throws Exception {',
          '        String viewerUrl = browserUrl(url);',
          '        // Epoch seconds (UTC by definition): not System.currentTimeMillis() as is, not local time.',
          '        long expires = System.currentTimeMillis() / 1000 + expiresInSeconds;',
          '        // The canned policy CloudFront rebuilds from the request URL and Expires, byte for byte.',
          '        String policy = "{\\"Statement\\":[{\\"Resource\\":\\"" + viewerUrl + "\\",\\"Condition\\":{\\"DateLessThan\\":{\\"AWS:EpochTime\\":" + expires + "}}}]}";',
          '        String signature = cloudFrontBase64(signPolicy(policy));',
          '        // Hash-Algorithm=SHA256: without it CloudFront assumes SHA-1.',
          '        return viewerUrl + (viewerUrl.contains("?") ? "&" : "?") + "Expires=" + expires + "&Signature=" + signature',
          '                + "&Key-Pair-Id=" + KEY_PAIR_ID + "&Hash-Algorithm=SHA256";',
          '    }',
        );

  const main = lines(
    '    public static void main(String[] args) throws Exception {',
    '        if (args.length != 2 || !args[1].matches("[1-9][0-9]{0,9}")) {',
    `            System.err.println(${quote(`usage: java Sign.java ${cookies ? 'RESOURCE' : 'URL'} SECONDS`)});`,
    '            System.exit(2);',
    '        }',
    cookies ? '        System.out.println(signCookies(args[0], Long.parseLong(args[1])));' : '        System.out.println(signUrl(args[0], Long.parseLong(args[1])));',
    '    }',
  );

  return lines(
    imports,
    '',
    'public final class Sign {',
    '    /** The CloudFront public key ID (K...): not an IAM access key ID, not the key group ID. */',
    `    static final String KEY_PAIR_ID = ${quote(plan.publicKeyId, 'publicKeyId')};`,
    '',
    keyLoading,
    keyLoading !== undefined && '',
    signPolicy,
    signPolicy !== undefined && '',
    base64,
    base64 !== undefined && '',
    browserUrl,
    browserUrl !== undefined && '',
    body,
    '',
    main,
    '}',
    '',
  );
}
