// Signing code for Go: aws-sdk-go-v2's feature/cloudfront/sign. Its signers take any crypto.Signer,
// so a PEM key (parsed with crypto/x509) and a KMS key (a crypto.Signer over KMS Sign) go the same
// way; HashAlg = sign.HashSHA256 writes Hash-Algorithm=SHA256 (aws-sdk-go-v2 PR #3406).
import { lines, quote } from './text';
import type { Plan } from './types';

export function goCode(plan: Plan): string {
  const source = plan.keySource;
  const cookies = plan.kind === 'cookies';
  const needsConfig = source.kind !== 'env' && source.kind !== 'file';
  const imports = lines(
    'import (',
    '\t"context"',
    '\t"crypto"',
    '\t"crypto/x509"',
    !plan.kms && '\t"encoding/pem"',
    !plan.kms && '\t"errors"',
    '\t"fmt"',
    plan.kms && '\t"io"',
    !cookies && '\t"net/url"',
    '\t"os"',
    '\t"strconv"',
    !cookies && '\t"strings"',
    '\t"time"',
    '',
    needsConfig && '\t"github.com/aws/aws-sdk-go-v2/aws"',
    needsConfig && '\t"github.com/aws/aws-sdk-go-v2/config"',
    '\t"github.com/aws/aws-sdk-go-v2/feature/cloudfront/sign"',
    source.kind === 'kms' && '\t"github.com/aws/aws-sdk-go-v2/service/kms"',
    source.kind === 'kms' && '\tkmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"',
    source.kind === 'secretsManager' && '\t"github.com/aws/aws-sdk-go-v2/service/secretsmanager"',
    source.kind === 'ssm' && '\t"github.com/aws/aws-sdk-go-v2/service/ssm"',
    ')',
  );

  const pemText =
    source.kind === 'env'
      ? `\tpemText := os.Getenv(${quote(source.variable)})`
      : source.kind === 'file'
        ? lines(`\tbytes, err := os.ReadFile(${quote(source.path)})`, '\tif err != nil {', '\t\treturn nil, err', '\t}', '\tpemText := string(bytes)')
        : source.kind === 'secretsManager'
          ? lines(
              '\tout, err := secretsmanager.NewFromConfig(cfg).GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{',
              `\t\tSecretId: aws.String(${quote(source.secretId)}),`,
              '\t})',
              '\tif err != nil {',
              '\t\treturn nil, err',
              '\t}',
              '\tpemText := aws.ToString(out.SecretString)',
            )
          : source.kind === 'ssm'
            ? lines(
                '\tout, err := ssm.NewFromConfig(cfg).GetParameter(ctx, &ssm.GetParameterInput{',
                `\t\tName:           aws.String(${quote(source.parameterName)}),`,
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
        '\t\tMessageType:      kmstypes.MessageTypeDigest, // the SDK hands over the SHA-256 digest',
        `\t\tSigningAlgorithm: kmstypes.SigningAlgorithmSpec${plan.ecdsa ? 'EcdsaSha256' : 'RsassaPkcs1V15Sha256'},`,
        '\t})',
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\treturn out.Signature, nil // ECDSA signatures come back DER-encoded, as CloudFront wants them',
        '}',
        '',
        `const kmsKeyID = ${quote((source as { keyId: string }).keyId)}`,
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

  const body = cookies
    ? lines(
        '// signCookies returns the signed cookies for every URL matching resource (wildcards * and ?), as',
        '// name=value pairs. Set them with Domain = your alternate domain name: *.cloudfront.net cannot hold cookies.',
        'func signCookies(key crypto.Signer, resource string, lifetime time.Duration) ([][2]string, error) {',
        '\t// time.Time is written as epoch seconds in UTC by the SDK: no milliseconds, no local zone.',
        '\tpolicy := &sign.Policy{Statements: []sign.Statement{{',
        '\t\tResource:  resource,',
        '\t\tCondition: sign.Condition{DateLessThan: sign.NewAWSEpochTime(time.Now().Add(lifetime))},',
        '\t}}}',
        '\tsignature, encodedPolicy, err := policy.SignWithHash(key, sign.HashSHA256)',
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\treturn [][2]string{',
        '\t\t{"CloudFront-Policy", string(encodedPolicy)},',
        '\t\t{"CloudFront-Signature", string(signature)},',
        '\t\t{"CloudFront-Key-Pair-Id", keyPairID},',
        '\t\t{"CloudFront-Hash-Algorithm", "SHA256"}, // without it CloudFront assumes SHA-1',
        '\t}, nil',
        '}',
      )
    : lines(
        '// browserURL is the URL as a browser sends it (spaces and non-ASCII as %XX, host in lowercase):',
        "// CloudFront checks the signature against the request's URL, so any other spelling is refused.",
        'func browserURL(raw string) (string, error) {',
        '\tu, err := url.Parse(raw)',
        '\tif err != nil {',
        '\t\treturn "", err',
        '\t}',
        '\tu.Host = strings.ToLower(u.Host)',
        '\treturn u.String(), nil',
        '}',
        '',
        '// signURL signs rawURL with a canned policy.',
        'func signURL(key crypto.Signer, rawURL string, lifetime time.Duration) (string, error) {',
        '\tviewerURL, err := browserURL(rawURL)',
        '\tif err != nil {',
        '\t\treturn "", err',
        '\t}',
        '\tsigner := sign.NewURLSigner(keyPairID, key)',
        '\t// SHA-256 and Hash-Algorithm=SHA256: without it CloudFront assumes SHA-1.',
        '\tsigner.HashAlg = sign.HashSHA256',
        '\t// Expires is written as epoch seconds in UTC by the SDK: no milliseconds, no local zone.',
        '\treturn signer.Sign(viewerURL, time.Now().Add(lifetime))',
        '}',
      );

  const main = lines(
    'func main() {',
    '\tif len(os.Args) != 3 {',
    `\t\tfmt.Fprintln(os.Stderr, ${quote(`usage: go run sign.go ${cookies ? 'RESOURCE' : 'URL'} SECONDS`)})`,
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
    cookies ? '\tcookies, err := signCookies(key, os.Args[1], time.Duration(seconds)*time.Second)' : '\tsigned, err := signURL(key, os.Args[1], time.Duration(seconds)*time.Second)',
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
    `const keyPairID = ${quote(plan.publicKeyId)}`,
    '',
    signer,
    '',
    body,
    '',
    main,
    '',
  );
}
