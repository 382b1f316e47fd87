// Signing code for Node.js, as an ES module in TypeScript (runs with Node's type stripping) or
// JavaScript. Keys held as PEM sign with node:crypto (RSA PKCS#1 v1.5 or ECDSA DER), KMS keys through KMS
// Sign; the URL and policy are laid out here, as the core does, not by @aws-sdk/cloudfront-signer: it
// cannot use ECDSA keys (aws-sdk-js-v3 #7851), re-reads the URL it is given and orders the parameters
// differently. Every path signs with SHA-256 and says so with Hash-Algorithm=SHA256.
import { javascriptBrowserForm } from './javascript.browser';
import { quoterFor } from './literals';
import { javascriptPlaylistRewriter, javascriptStreamResource, signsCookies, usageArguments } from './playlist';
import { lines } from './text';
import type { Plan } from './types';

export function javascriptCode(plan: Plan, typescript: boolean): string {
  const quote = quoterFor(typescript ? 'typescript' : 'javascript');
  const t = (annotation: string): string => (typescript ? annotation : '');
  const source = plan.keySource;
  const cookies = signsCookies(plan.kind);
  const stream = plan.kind === 'streamCookies';
  const rewriter = plan.kind === 'playlistRewriter';
  const imports = lines(
    source.kind === 'kms' && "import { KMSClient, SignCommand } from '@aws-sdk/client-kms';",
    source.kind === 'secretsManager' && "import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';",
    source.kind === 'ssm' && "import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';",
    !plan.kms && "import { sign } from 'node:crypto';",
    rewriter && "import { readFileSync } from 'node:fs';",
    source.kind === 'file' && "import { readFile } from 'node:fs/promises';",
    "import { pathToFileURL } from 'node:url';",
  );

  const loadKey =
    source.kind === 'kms'
      ? undefined
      : lines(
          '/** The PEM private key (PKCS#1, PKCS#8 or SEC1), read when first needed and kept. */',
          `let privateKeyPem${t(': Promise<string> | undefined')};`,
          `function privateKey()${t(': Promise<string>')} {`,
          '  privateKeyPem ??= (async () => {',
          source.kind === 'env' && `    const pem = process.env[${quote(source.variable, 'keySource.variable')}];`,
          source.kind === 'file' && `    const pem = await readFile(${quote(source.path, 'keySource.path')}, 'utf8');`,
          source.kind === 'secretsManager' &&
            `    const { SecretString: pem } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: ${quote(source.secretId, 'keySource.secretId')} }));`,
          source.kind === 'ssm' &&
            `    const { Parameter } = await new SSMClient({}).send(new GetParameterCommand({ Name: ${quote(source.parameterName, 'keySource.parameterName')}, WithDecryption: true }));`,
          source.kind === 'ssm' && '    const pem = Parameter?.Value;',
          `    if (!pem) throw new Error(${quote(`No private key in ${source.kind === 'env' ? `the environment variable ${source.variable}` : source.kind === 'file' ? source.path : source.kind === 'secretsManager' ? `the secret ${source.secretId}` : `the parameter ${source.parameterName}`}`)});`,
          '    return pem;',
          '  })();',
          '  return privateKeyPem;',
          '}',
        );

  const signPolicy = plan.kms
    ? lines(
        '/** Signs the policy in KMS (SHA-256; KMS has no SHA-1 signing). ECDSA signatures come back DER-encoded, the form CloudFront verifies. */',
        `const kms = new KMSClient({});`,
        `async function signPolicy(policy${t(': string')})${t(': Promise<Buffer>')} {`,
        '  const { Signature } = await kms.send(new SignCommand({',
        `    KeyId: ${quote((source as { keyId: string }).keyId, 'keySource.keyId')},`,
        "    Message: Buffer.from(policy, 'utf8'),",
        "    MessageType: 'RAW', // KMS hashes the policy itself",
        `    SigningAlgorithm: '${plan.kmsAlgorithm}',`,
        '  }));',
        "  if (!Signature) throw new Error('KMS returned no signature');",
        '  return Buffer.from(Signature);',
        '}',
      )
    : lines(
        `/** ${plan.ecdsa ? 'ECDSA P-256 with SHA-256; node:crypto writes the DER signature' : 'RSA PKCS#1 v1.5 with SHA-256, the signature'} CloudFront verifies. */`,
        `async function signPolicy(policy${t(': string')})${t(': Promise<Buffer>')} {`,
        "  return sign('sha256', Buffer.from(policy, 'utf8'), await privateKey());",
        '}',
      );

  const helpers = lines(
    "/** CloudFront's URL-safe base64: + becomes -, = becomes _, / becomes ~. */",
    `const cloudFrontBase64 = (bytes${t(': Buffer')})${t(': string')} => bytes.toString('base64').replace(/\\+/g, '-').replace(/=/g, '_').replace(/\\//g, '~');`,
  );

  const expiry = lines(
    '  // Epoch seconds, not milliseconds: Date.now() is milliseconds, and CloudFront refuses a policy that',
    "  // expires in the year 50000 (MalformedPolicy). UTC by definition, so the server's zone does not matter.",
    '  const expires = Math.floor(Date.now() / 1000) + expiresInSeconds;',
  );

  const body = cookies
    ? lines(
        '/**',
        ' * Signed cookies for every URL that matches `resource` (wildcards * and ?), valid for `expiresInSeconds`.',
        ' * Send them as cookies (Set-Cookie with Domain = your alternate domain name; *.cloudfront.net cannot hold cookies).',
        ' */',
        `export async function signCookies(resource${t(': string')}, expiresInSeconds${t(': number')})${t(': Promise<Record<string, string>>')} {`,
        expiry,
        '  // A custom policy: cookies cover a pattern, so its exact JSON is sent along (CloudFront-Policy).',
        '  // The Resource as browsers write the URLs it matches (wildcards kept): CloudFront compares it with the request.',
        "  const policy = JSON.stringify({ Statement: [{ Resource: browserResource(resource), Condition: { DateLessThan: { 'AWS:EpochTime': expires } } }] });",
        lines(
          '  return {',
          "    'CloudFront-Policy': cloudFrontBase64(Buffer.from(policy, 'utf8')),",
          "    'CloudFront-Signature': cloudFrontBase64(await signPolicy(policy)),",
          "    'CloudFront-Key-Pair-Id': KEY_PAIR_ID,",
          "    'CloudFront-Hash-Algorithm': 'SHA256',",
          '  };',
        ),
        '}',
      )
    : lines(
        '/** A signed URL for `url`, valid for `expiresInSeconds`, with a canned policy. */',
        `export async function signUrl(url${t(': string')}, expiresInSeconds${t(': number')})${t(': Promise<string>')} {`,
        '  const viewerUrl = browserUrl(url);',
        expiry,
        lines(
          '  // A canned policy: CloudFront rebuilds these exact bytes from the request URL and Expires.',
          "  const policy = JSON.stringify({ Statement: [{ Resource: viewerUrl, Condition: { DateLessThan: { 'AWS:EpochTime': expires } } }] });",
          '  const signature = cloudFrontBase64(await signPolicy(policy));',
          '  // Hash-Algorithm=SHA256 is required: without it CloudFront assumes SHA-1, which ECDSA and KMS keys cannot use.',
          "  return `${viewerUrl}${viewerUrl.includes('?') ? '&' : '?'}Expires=${expires}&Signature=${signature}&Key-Pair-Id=${KEY_PAIR_ID}&Hash-Algorithm=SHA256`;",
        ),
        '}',
      );

  const main = lines(
    `// Run as a script: print ${rewriter ? 'the playlist read from stdin with every URI signed' : `the signed ${cookies ? `cookies${stream ? " for the playlist's folder" : ''} as one Cookie header value (curl -b "...")` : 'URL'}`}.`,
    'if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {',
    '  const [target, seconds] = process.argv.slice(2);',
    '  const lifetime = Number(seconds);',
    '  if (!target || !Number.isSafeInteger(lifetime) || lifetime <= 0) {',
    `    console.error(${quote(`usage: ${typescript ? 'node sign.ts' : 'node sign.js'} ${usageArguments(plan.kind)}`)});`,
    '    process.exit(2);',
    '  }',
    cookies
      ? `  const cookies = await signCookies(${stream ? 'streamResource(target)' : 'target'}, lifetime);\n  console.log(Object.entries(cookies).map(([name, value]) => \`\${name}=\${value}\`).join('; '));`
      : rewriter
        ? "  process.stdout.write(await rewritePlaylist(target, readFileSync(0, 'utf8'), lifetime));"
        : '  console.log(await signUrl(target, lifetime));',
    '}',
  );

  return lines(
    imports,
    '',
    '// The CloudFront public key ID (K...): not an IAM access key ID, not the key group ID.',
    `const KEY_PAIR_ID = ${quote(plan.publicKeyId, 'publicKeyId')};`,
    '',
    loadKey,
    loadKey !== undefined && '',
    signPolicy,
    signPolicy !== undefined && '',
    helpers,
    '',
    javascriptBrowserForm(cookies ? 'cookies' : 'url', typescript),
    '',
    body,
    '',
    stream && javascriptStreamResource(typescript),
    rewriter && javascriptPlaylistRewriter(typescript),
    (stream || rewriter) && '',
    main,
    '',
  );
}
