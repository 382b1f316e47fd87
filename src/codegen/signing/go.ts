// Signing code for Go over aws-sdk-go-v2's feature/cloudfront/sign. The policy is the SDK's own model
// (sign.NewCannedPolicy, sign.Policy with sign.NewAWSEpochTime, which writes epoch seconds in UTC) and
// the cookie names are its constants. The signature is made here, with SHA-256, through any
// crypto.Signer (a PEM key parsed by crypto/x509, or a KMS key): URLSigner.Sign and Policy.Sign hash
// with SHA-1, and the SDK's SHA-256 entry point, SignWithAlgorithm (aws-sdk-go-v2 PR #3406, 2026-05),
// could not be read offline, so this file does not guess its signature.
import { GO_COMMON, GO_RESOURCE, GO_URL } from './go.browser';
import { quoterFor } from './literals';
import { GO_STREAM_RESOURCE, signsCookies, usageArguments } from './playlist';
import { lines } from './text';
import type { Plan } from './types';

export function goCode(plan: Plan): string {
  const quote = quoterFor('go');
  const source = plan.keySource;
  const cookies = signsCookies(plan.kind);
  const stream = plan.kind === 'streamCookies';
  const needsConfig = source.kind !== 'env' && source.kind !== 'file';
  const imports = lines(
    'import (',
    '\t"bytes"',
    '\t"context"',
    '\t"crypto"',
    '\t"crypto/rand"',
    '\t"crypto/sha256"',
    '\t"crypto/x509"',
    '\t"encoding/base64"',
    '\t"encoding/json"',
    !plan.kms && '\t"encoding/pem"',
    '\t"errors"',
    '\t"fmt"',
    plan.kms && '\t"io"',
    !cookies && '\t"net/netip"',
    !cookies && '\t"net/url"',
    '\t"os"',
    '\t"strconv"',
    '\t"strings"',
    '\t"time"',
    '',
    needsConfig && '\t"github.com/aws/aws-sdk-go-v2/aws"',
    needsConfig && '\t"github.com/aws/aws-sdk-go-v2/config"',
    '\t"github.com/aws/aws-sdk-go-v2/feature/cloudfront/sign"',
    source.kind === 'kms' && '\t"github.com/aws/aws-sdk-go-v2/service/kms"',
    source.kind === 'kms' && '\tkmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"',
    source.kind === 'secretsManager' && '\t"github.com/aws/aws-sdk-go-v2/service/secretsmanager"',
    source.kind === 'ssm' && '\t"github.com/aws/aws-sdk-go-v2/service/ssm"',
    !cookies && '\t"golang.org/x/net/idna"',
    ')',
  );

  const pemText =
    source.kind === 'env'
      ? `\tpemText := os.Getenv(${quote(source.variable, 'keySource.variable')})`
      : source.kind === 'file'
        ? lines(`\tbytes, err := os.ReadFile(${quote(source.path, 'keySource.path')})`, '\tif err != nil {', '\t\treturn nil, err', '\t}', '\tpemText := string(bytes)')
        : source.kind === 'secretsManager'
          ? lines(
              '\tout, err := secretsmanager.NewFromConfig(cfg).GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{',
              `\t\tSecretId: aws.String(${quote(source.secretId, 'keySource.secretId')}),`,
              '\t})',
              '\tif err != nil {',
              '\t\treturn nil, err',
              '\t}',
              '\tpemText := aws.ToString(out.SecretString)',
            )
          : source.kind === 'ssm'
            ? lines(
                '\tout, err := ssm.NewFromConfig(cfg).GetParameter(ctx, &ssm.GetParameterInput{',
                `\t\tName:           aws.String(${quote(source.parameterName, 'keySource.parameterName')}),`,
                '\t\tWithDecryption: aws.Bool(true),',
                '\t})',
                '\tif err != nil {',
                '\t\treturn nil, err',
                '\t}',
                '\tpemText := aws.ToString(out.Parameter.Value)',
              )
            : '';

  const signer = plan.kms
    ? lines(
        '// kmsSigner is a crypto.Signer whose private key stays in KMS (KMS signs SHA-256 only, which is what',
        '// Hash-Algorithm=SHA256 tells CloudFront).',
        'type kmsSigner struct {',
        '\tclient *kms.Client',
        '\tpublic crypto.PublicKey',
        '}',
        '',
        'func (s kmsSigner) Public() crypto.PublicKey { return s.public }',
        '',
        'func (s kmsSigner) Sign(_ io.Reader, digest []byte, _ crypto.SignerOpts) ([]byte, error) {',
        '\tout, err := s.client.Sign(context.Background(), &kms.SignInput{',
        '\t\tKeyId:            aws.String(kmsKeyID),',
        '\t\tMessage:          digest,',
        '\t\tMessageType:      kmstypes.MessageTypeDigest, // signPolicy hands over the SHA-256 digest',
        `\t\tSigningAlgorithm: kmstypes.SigningAlgorithmSpec${plan.ecdsa ? 'EcdsaSha256' : 'RsassaPkcs1V15Sha256'},`,
        '\t})',
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\treturn out.Signature, nil // ECDSA signatures come back DER-encoded, as CloudFront wants them',
        '}',
        '',
        `const kmsKeyID = ${quote((source as { keyId: string }).keyId, 'keySource.keyId')}`,
        '',
        'func loadSigner(ctx context.Context) (crypto.Signer, error) {',
        '\tcfg, err := config.LoadDefaultConfig(ctx) // credentials, region, AWS_ENDPOINT_URL',
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\tclient := kms.NewFromConfig(cfg)',
        '\tout, err := client.GetPublicKey(ctx, &kms.GetPublicKeyInput{KeyId: aws.String(kmsKeyID)})',
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\tpublic, err := x509.ParsePKIXPublicKey(out.PublicKey)',
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\treturn kmsSigner{client: client, public: public}, nil',
        '}',
      )
    : lines(
        '// loadSigner reads the PEM private key. OpenSSL 3 writes PKCS#8, older tools PKCS#1 or SEC1: all three are read.',
        'func loadSigner(ctx context.Context) (crypto.Signer, error) {',
        needsConfig && '\tcfg, err := config.LoadDefaultConfig(ctx) // credentials, region, AWS_ENDPOINT_URL',
        needsConfig && '\tif err != nil {\n\t\treturn nil, err\n\t}',
        !needsConfig && '\t_ = ctx',
        pemText,
        '\tblock, _ := pem.Decode([]byte(pemText))',
        '\tif block == nil {',
        '\t\treturn nil, errors.New("no PEM private key found")',
        '\t}',
        '\tif key, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {',
        '\t\tif signer, ok := key.(crypto.Signer); ok {',
        '\t\t\treturn signer, nil',
        '\t\t}',
        '\t}',
        plan.ecdsa ? '\treturn x509.ParseECPrivateKey(block.Bytes)' : '\treturn x509.ParsePKCS1PrivateKey(block.Bytes)',
        '}',
      );

  const signPolicy = lines(
    '// signPolicy encodes the policy as the SDK does (JSON without HTML escaping, so & stays &) and signs it',
    '// with SHA-256: crypto.Signer writes PKCS#1 v1.5 for RSA and DER for ECDSA, as CloudFront verifies them.',
    'func signPolicy(key crypto.Signer, policy *sign.Policy) ([]byte, string, error) {',
    '\tvar buffer bytes.Buffer',
    '\tencoder := json.NewEncoder(&buffer)',
    '\tencoder.SetEscapeHTML(false)',
    '\tif err := encoder.Encode(policy); err != nil {',
    '\t\treturn nil, "", err',
    '\t}',
    '\tpolicyJSON := bytes.TrimSpace(buffer.Bytes())',
    '\tdigest := sha256.Sum256(policyJSON)',
    '\tsignature, err := key.Sign(rand.Reader, digest[:], crypto.SHA256)',
    '\tif err != nil {',
    '\t\treturn nil, "", err',
    '\t}',
    '\treturn policyJSON, cloudFrontBase64(signature), nil',
    '}',
    '',
    "// cloudFrontBase64 is CloudFront's URL-safe base64: + becomes -, = becomes _, / becomes ~.",
    'func cloudFrontBase64(data []byte) string {',
    '\treturn strings.NewReplacer("+", "-", "=", "_", "/", "~").Replace(base64.StdEncoding.EncodeToString(data))',
    '}',
  );

  const body = cookies
    ? lines(
        '// signCookies returns the signed cookies for every URL matching resource (wildcards * and ?), as',
        '// name=value pairs. Set them with Domain = your alternate domain name: *.cloudfront.net cannot hold cookies.',
        'func signCookies(key crypto.Signer, resource string, lifetime time.Duration) ([][2]string, error) {',
        '\t// A custom policy: cookies cover a pattern, so its exact JSON travels along (CloudFront-Policy).',
        '\t// sign.AWSEpochTime writes epoch seconds in UTC: no milliseconds, no local zone.',
        '\t// The Resource as browsers write the URLs it matches (wildcards kept): CloudFront compares it with the request.',
        '\tresource, err := browserResource(resource)',
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\tpolicy := &sign.Policy{Statements: []sign.Statement{{',
        '\t\tResource:  resource,',
        '\t\tCondition: sign.Condition{DateLessThan: sign.NewAWSEpochTime(now().Add(lifetime))},',
        '\t}}}',
        '\tpolicyJSON, signature, err := signPolicy(key, policy)',
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\treturn [][2]string{',
        '\t\t{sign.CookiePolicyName, cloudFrontBase64(policyJSON)},',
        '\t\t{sign.CookieSignatureName, signature},',
        '\t\t{sign.CookieKeyIDName, keyPairID},',
        '\t\t{"CloudFront-Hash-Algorithm", "SHA256"}, // without it CloudFront assumes SHA-1',
        '\t}, nil',
        '}',
      )
    : lines(
        '// signURL signs rawURL with a canned policy.',
        'func signURL(key crypto.Signer, rawURL string, lifetime time.Duration) (string, error) {',
        '\tviewerURL, err := browserURL(rawURL)',
        '\tif err != nil {',
        '\t\treturn "", err',
        '\t}',
        '\t// Whole epoch seconds in UTC (sign.AWSEpochTime writes the same): no milliseconds, no local zone.',
        '\texpires := now().Add(lifetime).Unix()',
        '\t// The canned policy CloudFront rebuilds from the request URL and Expires, byte for byte.',
        '\t_, signature, err := signPolicy(key, sign.NewCannedPolicy(viewerURL, time.Unix(expires, 0)))',
        '\tif err != nil {',
        '\t\treturn "", err',
        '\t}',
        '\tseparator := "?"',
        '\tif strings.Contains(viewerURL, "?") {',
        '\t\tseparator = "&"',
        '\t}',
        '\t// Hash-Algorithm=SHA256: without it CloudFront assumes SHA-1.',
        '\treturn viewerURL + separator + "Expires=" + strconv.FormatInt(expires, 10) + "&Signature=" + signature + "&Key-Pair-Id=" + keyPairID + "&Hash-Algorithm=SHA256", nil',
        '}',
      );

  const main = lines(
    'func main() {',
    '\tif len(os.Args) != 3 {',
    `\t\tfmt.Fprintln(os.Stderr, ${quote(`usage: go run sign.go ${usageArguments(plan.kind)}`)})`,
    '\t\tos.Exit(2)',
    '\t}',
    '\tseconds, err := strconv.Atoi(os.Args[2])',
    '\tif err != nil || seconds <= 0 {',
    '\t\tfmt.Fprintln(os.Stderr, "SECONDS must be a positive whole number")',
    '\t\tos.Exit(2)',
    '\t}',
    '\tkey, err := loadSigner(context.Background())',
    '\tif err != nil {',
    '\t\tfmt.Fprintln(os.Stderr, err)',
    '\t\tos.Exit(1)',
    '\t}',
    cookies
      ? `\tcookies, err := signCookies(key, ${stream ? 'streamResource(os.Args[1])' : 'os.Args[1]'}, time.Duration(seconds)*time.Second)`
      : '\tsigned, err := signURL(key, os.Args[1], time.Duration(seconds)*time.Second)',
    '\tif err != nil {',
    '\t\tfmt.Fprintln(os.Stderr, err)',
    '\t\tos.Exit(1)',
    '\t}',
    cookies
      ? lines(
          '\t// One Cookie header value (curl -b "...").',
          '\tfor i, cookie := range cookies {',
          '\t\tif i > 0 {',
          '\t\t\tfmt.Print("; ")',
          '\t\t}',
          '\t\tfmt.Print(cookie[0] + "=" + cookie[1])',
          '\t}',
          '\tfmt.Println()',
        )
      : '\tfmt.Println(signed)',
    '}',
  );

  return lines(
    'package main',
    '',
    imports,
    '',
    '// keyPairID is the CloudFront public key ID (K...): not an IAM access key ID, not the key group ID.',
    `const keyPairID = ${quote(plan.publicKeyId, 'publicKeyId')}`,
    '',
    '// now is the clock the expiry counts from (a test may set a fixed one).',
    'var now = time.Now',
    '',
    signer,
    '',
    signPolicy,
    '',
    GO_COMMON,
    cookies ? GO_RESOURCE : GO_URL,
    body,
    '',
    stream && GO_STREAM_RESOURCE,
    stream && '',
    main,
    '',
  );
}
