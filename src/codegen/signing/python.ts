// Signing code for Python: botocore's CloudFrontSigner builds the URL and the policy, the
// `cryptography` package (or KMS Sign) makes the signature. botocore has no signed cookies
// (boto3 #706), so cookies are laid out here from its build_policy.
import { quoterFor } from './literals';
import { PYTHON_PLAYLIST_REWRITER, PYTHON_STREAM_RESOURCE, signsCookies, usageArguments } from './playlist';
import { PYTHON_COMMON, PYTHON_RESOURCE, PYTHON_URL } from './python.browser';
import { lines } from './text';
import type { Plan } from './types';

export function pythonCode(plan: Plan): string {
  const quote = quoterFor('python');
  const source = plan.keySource;
  const cookies = signsCookies(plan.kind);
  const stream = plan.kind === 'streamCookies';
  const rewriter = plan.kind === 'playlistRewriter';
  const usesBoto3 = source.kind === 'kms' || source.kind === 'secretsManager' || source.kind === 'ssm';
  const imports = lines(
    'import base64',
    'import datetime',
    !plan.kms && 'import functools',
    (source.kind === 'env' || usesBoto3) && 'import os',
    rewriter && 'import re',
    'import sys',
    'import time',
    rewriter && 'import urllib.parse',
    '',
    usesBoto3 && 'import boto3',
    'from botocore.signers import CloudFrontSigner',
    !plan.kms && 'from cryptography.hazmat.primitives import hashes, serialization',
    !plan.kms && `from cryptography.hazmat.primitives.asymmetric import ${plan.ecdsa ? 'ec' : 'padding'}`,
  );

  const loadKey = plan.kms
    ? undefined
    : lines(
        '@functools.lru_cache(maxsize=1)',
        'def _private_key():',
        '    """The private key (PEM: PKCS#1, PKCS#8 or SEC1), read when first needed and kept."""',
        source.kind === 'env' && `    pem = os.environ.get(${quote(source.variable, 'keySource.variable')})`,
        source.kind === 'file' && `    with open(${quote(source.path, 'keySource.path')}, encoding="ascii") as file:\n        pem = file.read()`,
        source.kind === 'secretsManager' && `    pem = _aws_client("secretsmanager").get_secret_value(SecretId=${quote(source.secretId, 'keySource.secretId')})["SecretString"]`,
        source.kind === 'ssm' && `    pem = _aws_client("ssm").get_parameter(Name=${quote(source.parameterName, 'keySource.parameterName')}, WithDecryption=True)["Parameter"]["Value"]`,
        '    if not pem:',
        '        raise RuntimeError("no private key found")',
        '    return serialization.load_pem_private_key(pem.encode("ascii"), password=None)',
      );

  const signPolicy = plan.kms
    ? lines(
        '_kms = _aws_client("kms")',
        '',
        '',
        'def sign_policy(message: bytes) -> bytes:',
        '    """Signs the policy in KMS (SHA-256: KMS has no SHA-1 signing); ECDSA comes back DER-encoded, as CloudFront wants it."""',
        '    answer = _kms.sign(',
        `        KeyId=${quote((source as { keyId: string }).keyId, 'keySource.keyId')},`,
        '        Message=message,',
        '        MessageType="RAW",  # KMS hashes the policy itself',
        `        SigningAlgorithm="${plan.kmsAlgorithm}",`,
        '    )',
        '    return answer["Signature"]',
      )
    : lines(
        'def sign_policy(message: bytes) -> bytes:',
        plan.ecdsa
          ? '    """ECDSA P-256 with SHA-256; `cryptography` returns the DER signature CloudFront verifies."""'
          : '    """RSA PKCS#1 v1.5 with SHA-256 (botocore\'s docs show SHA-1, which FIPS and OpenSSL 3 policies refuse)."""',
        plan.ecdsa ? '    return _private_key().sign(message, ec.ECDSA(hashes.SHA256()))' : '    return _private_key().sign(message, padding.PKCS1v15(), hashes.SHA256())',
      );

  const expiry = lines(
    "    # Whole epoch seconds in UTC: a naive datetime would be read in the server's zone.",
    '    expires = datetime.datetime.fromtimestamp(int(time.time()) + expires_in_seconds, tz=datetime.timezone.utc)',
  );

  const body = cookies
    ? lines(
        'def _cloudfront_base64(data: bytes) -> str:',
        '    """CloudFront\'s URL-safe base64: + becomes -, = becomes _, / becomes ~."""',
        '    return base64.b64encode(data).decode("ascii").translate(str.maketrans("+=/", "-_~"))',
        '',
        '',
        'def sign_cookies(resource: str, expires_in_seconds: int) -> dict:',
        '    """Signed cookies for every URL matching `resource` (wildcards * and ?).',
        '',
        '    Send them with Domain = your alternate domain name: *.cloudfront.net cannot hold cookies.',
        '    """',
        expiry,
        '    # botocore writes the custom policy; it has no cookie API (boto3 #706), so the cookies are laid out here.',
        '    # The Resource as browsers write the URLs it matches (wildcards kept): CloudFront compares it with the request.',
        '    policy = CloudFrontSigner(KEY_PAIR_ID, sign_policy).build_policy(browser_resource(resource), expires).encode("utf8")',
        '    return {',
        '        "CloudFront-Policy": _cloudfront_base64(policy),',
        '        "CloudFront-Signature": _cloudfront_base64(sign_policy(policy)),',
        '        "CloudFront-Key-Pair-Id": KEY_PAIR_ID,',
        '        # Without it CloudFront assumes SHA-1.',
        '        "CloudFront-Hash-Algorithm": "SHA256",',
        '    }',
      )
    : lines(
        PYTHON_URL,
        '',
        '',
        'def sign_url(url: str, expires_in_seconds: int) -> str:',
        '    """A signed URL for `url` with a canned policy, valid for `expires_in_seconds`."""',
        expiry,
        '    signed = CloudFrontSigner(KEY_PAIR_ID, sign_policy).generate_presigned_url(browser_url(url), date_less_than=expires)',
        '    # botocore signs with sign_policy (SHA-256) but does not add the parameter that says so;',
        '    # without it CloudFront assumes SHA-1 and the signature does not verify.',
        '    return signed + "&Hash-Algorithm=SHA256"',
      );

  const main = lines(
    'if __name__ == "__main__":',
    '    if len(sys.argv) != 3 or not sys.argv[2].isdigit() or int(sys.argv[2]) <= 0:',
    `        sys.exit(${quote(`usage: python3 sign.py ${usageArguments(plan.kind)}`)})`,
    cookies
      ? `    # One Cookie header value (curl -b "...").\n    print("; ".join(f"{name}={value}" for name, value in sign_cookies(${stream ? 'stream_resource(sys.argv[1])' : 'sys.argv[1]'}, int(sys.argv[2])).items()))`
      : rewriter
        ? '    sys.stdout.write(rewrite_playlist(sys.argv[1], sys.stdin.read(), int(sys.argv[2])))'
        : '    print(sign_url(sys.argv[1], int(sys.argv[2])))',
  );

  const awsClient =
    usesBoto3 &&
    lines(
      'def _aws_client(service: str):',
      '    """A boto3 client in the region of AWS_REGION, else AWS_DEFAULT_REGION, else the profile (boto3 reads only the last two)."""',
      '    return boto3.client(service, region_name=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or None)',
      '',
      '',
    );

  return lines(
    imports,
    '',
    '# The CloudFront public key ID (K...): not an IAM access key ID, not the key group ID.',
    `KEY_PAIR_ID = ${quote(plan.publicKeyId, 'publicKeyId')}`,
    '',
    '',
    awsClient,
    PYTHON_COMMON,
    '',
    '',
    cookies && PYTHON_RESOURCE,
    cookies && '\n',
    loadKey,
    loadKey !== undefined && '\n',
    signPolicy,
    '',
    '',
    body,
    '',
    '',
    stream && PYTHON_STREAM_RESOURCE,
    rewriter && PYTHON_PLAYLIST_REWRITER,
    (stream || rewriter) && '\n',
    main,
    '',
  );
}
