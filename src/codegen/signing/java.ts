// Signing code for Java, on the JDK alone for keys held as PEM: java.security.Signature signs (SHA256withRSA,
// PKCS#1 v1.5; SHA256withECDSA, DER) and the URL and policy are laid out here, as the extension's core does.
// The SDK's CloudFrontUtilities is not used: getSignedUrlWithCannedPolicy signs the URL it is given but
// writes uri.getHost() and uri.getPath() into the signed URL, which drops a non-default port and decodes
// %XX escapes (aws-sdk-java-v2 services/cloudfront/.../CloudFrontUtilities.java), so the URL clients send
// is not the one signed. A key in KMS is signed with KMS Sign (software.amazon.awssdk:kms). The JDK has no
// JSON writer: the policy's one text value goes through jsonString, which escapes as RFC 8259 says.
import { JAVA_COMMON, JAVA_RESOURCE, JAVA_URL } from './java.browser';
import { quoterFor } from './literals';
import { JAVA_STREAM_RESOURCE, signsCookies, usageArguments } from './playlist';
import { lines } from './text';
import type { Plan } from './types';

export function javaCode(plan: Plan): string {
  const quote = quoterFor('java');
  const source = plan.keySource;
  const cookies = signsCookies(plan.kind);
  const stream = plan.kind === 'streamCookies';
  const imports = lines(
    !plan.kms && 'import java.io.ByteArrayOutputStream;',
    !cookies && 'import java.net.IDN;\nimport java.net.InetAddress;',
    'import java.nio.charset.StandardCharsets;',
    source.kind === 'file' && 'import java.nio.file.Files;\nimport java.nio.file.Path;',
    !plan.kms && 'import java.security.KeyFactory;\nimport java.security.PrivateKey;\nimport java.security.Signature;',
    !plan.kms && 'import java.security.spec.PKCS8EncodedKeySpec;',
    'import java.time.Clock;',
    'import java.util.ArrayList;',
    'import java.util.Base64;',
    'import java.util.List;',
    'import java.util.Locale;',
    'import java.util.Map;',
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
    ? lines(
        `    /** ${plan.ecdsa ? 'ECDSA P-256 with SHA-256; the JDK writes the DER signature' : 'RSA PKCS#1 v1.5 with SHA-256, the signature'} CloudFront verifies. */`,
        '    static byte[] signPolicy(String policy) throws Exception {',
        `        Signature signer = Signature.getInstance(${quote(plan.ecdsa ? 'SHA256withECDSA' : 'SHA256withRSA')});`,
        '        signer.initSign(privateKey());',
        '        signer.update(policy.getBytes(StandardCharsets.UTF_8));',
        '        return signer.sign();',
        '    }',
      )
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

  const helpers = lines(
    "    /** CloudFront's URL-safe base64: + becomes -, = becomes _, / becomes ~. */",
    '    static String cloudFrontBase64(byte[] data) {',
    "        return Base64.getEncoder().encodeToString(data).replace('+', '-').replace('=', '_').replace('/', '~');",
    '    }',
    '',
    '    /** A JSON string as RFC 8259 writes it (the JDK has no JSON writer): quote, backslash and controls escaped. */',
    '    static String jsonString(String value) {',
    "        StringBuilder out = new StringBuilder().append('\"');",
    '        for (char c : value.toCharArray()) {',
    "            if (c == '\"' || c == '\\\\') out.append('\\\\').append(c);",
    '            else if (c < 0x20) out.append(String.format(Locale.ROOT, "\\\\u%04x", (int) c));',
    '            else out.append(c);',
    '        }',
    "        return out.append('\"').toString();",
    '    }',
    '',
    '    /** The policy: one statement, the resource and the expiry in epoch seconds, in the order CloudFront rebuilds a canned one. */',
    '    static String policy(String resource, long expires) {',
    '        return "{\\"Statement\\":[{\\"Resource\\":" + jsonString(resource) + ",\\"Condition\\":{\\"DateLessThan\\":{\\"AWS:EpochTime\\":" + expires + "}}}]}";',
    '    }',
  );

  const body = cookies
    ? lines(
        '    /** Signed cookies for every URL matching resource (wildcards * and ?), as one Cookie header value. Set them with',
        '     *  Domain = your alternate domain name: *.cloudfront.net cannot hold cookies. */',
        '    public static String signCookies(String resource, long expiresInSeconds) throws Exception {',
        '        // Epoch seconds (UTC by definition): not System.currentTimeMillis() as is, not local time.',
        '        long expires = clock.instant().getEpochSecond() + expiresInSeconds;',
        '        // A custom policy: cookies cover a pattern, so its exact JSON travels along (CloudFront-Policy). The Resource as',
        '        // browsers write the URLs it matches (wildcards kept): CloudFront compares it with the request.',
        '        String policy = policy(browserResource(resource), expires);',
        '        return "CloudFront-Policy=" + cloudFrontBase64(policy.getBytes(StandardCharsets.UTF_8))',
        '                + "; CloudFront-Signature=" + cloudFrontBase64(signPolicy(policy))',
        '                + "; CloudFront-Key-Pair-Id=" + KEY_PAIR_ID',
        '                + "; CloudFront-Hash-Algorithm=SHA256"; // without it CloudFront assumes SHA-1',
        '    }',
      )
    : lines(
        '    /** A signed URL with a canned policy. */',
        '    public static String signUrl(String url, long expiresInSeconds) throws Exception {',
        '        String viewerUrl = browserUrl(url);',
        '        // Epoch seconds (UTC by definition): not System.currentTimeMillis() as is, not local time.',
        '        long expires = clock.instant().getEpochSecond() + expiresInSeconds;',
        '        // The canned policy CloudFront rebuilds from the request URL and Expires, byte for byte.',
        '        String signature = cloudFrontBase64(signPolicy(policy(viewerUrl, expires)));',
        '        // Hash-Algorithm=SHA256: without it CloudFront assumes SHA-1.',
        '        return viewerUrl + (viewerUrl.contains("?") ? "&" : "?") + "Expires=" + expires + "&Signature=" + signature',
        '                + "&Key-Pair-Id=" + KEY_PAIR_ID + "&Hash-Algorithm=SHA256";',
        '    }',
      );

  const main = lines(
    '    public static void main(String[] args) throws Exception {',
    '        if (args.length != 2 || !args[1].matches("[1-9][0-9]{0,9}")) {',
    `            System.err.println(${quote(`usage: java Sign.java ${usageArguments(plan.kind)}`)});`,
    '            System.exit(2);',
    '        }',
    cookies
      ? `        System.out.println(signCookies(${stream ? 'streamResource(args[0])' : 'args[0]'}, Long.parseLong(args[1])));`
      : '        System.out.println(signUrl(args[0], Long.parseLong(args[1])));',
    '    }',
  );

  return lines(
    imports,
    '',
    'public final class Sign {',
    '    /** The CloudFront public key ID (K...): not an IAM access key ID, not the key group ID. */',
    `    static final String KEY_PAIR_ID = ${quote(plan.publicKeyId, 'publicKeyId')};`,
    '',
    '    /** The clock the expiry counts from (a test may set a fixed one). */',
    '    static Clock clock = Clock.systemUTC();',
    '',
    keyLoading,
    keyLoading !== undefined && '',
    signPolicy,
    '',
    helpers,
    '',
    JAVA_COMMON,
    cookies ? JAVA_RESOURCE : JAVA_URL,
    body,
    '',
    stream && JAVA_STREAM_RESOURCE,
    stream && '',
    main,
    '}',
    '',
  );
}
