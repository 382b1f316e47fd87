// Generates a small signing module for a backend, in one of six languages, for one CloudFront public
// key. Pure: no `vscode`, no AWS call; the command (src/commands/codegen) looks up what it needs.
//
// Every generated file signs with SHA-256 and writes Hash-Algorithm=SHA256 (CloudFront, 2026-04):
// ECDSA keys need it, KMS cannot sign with SHA-1, and SHA-1 is refused by FIPS and OpenSSL 3
// policies. The key pair ID, epoch seconds and the URL as a browser sends it are the other traps
// each file avoids, with a comment where it does. Each file also runs as a script and prints the
// signed URL (or the cookies as one Cookie header value).
import type { KeyAlgorithm } from '../../keys/algorithms';
import { csharpCode } from './csharp';
import { goCode } from './go';
import { javaCode } from './java';
import { javascriptCode } from './javascript';
import { pythonCode } from './python';
import { normalizeResource } from '../../signing/resource';
import { SigningError } from '../../signing/errors';
import { normalizeViewerUrl } from '../../signing/url';
import { CodegenInputError, commentLine, commentValue, shellWord } from './literals';
import { PLAYLIST_REWRITER_LANGUAGES, signsCookies } from './playlist';
import { keySourceWords } from './text';
import { type GeneratedCode, type KeySource, type Plan, type SigningCodeOptions, type SigningKind, type SigningLanguage } from './types';

export { CodegenInputError } from './literals';
export { PLAYLIST_REWRITER_LANGUAGES } from './playlist';
export { DEFAULT_KEY_VARIABLE, SIGNING_KINDS, SIGNING_LANGUAGES, type GeneratedCode, type KeySource, type SigningCodeOptions, type SigningKind, type SigningLanguage } from './types';

interface LanguageFacts {
  readonly fileName: string;
  readonly languageId: string;
  readonly run: (target: string) => string;
  readonly comment: '#' | '//';
  readonly write: (plan: Plan) => string;
  /** What the code needs installed. */
  readonly needs: (plan: Plan) => string;
}

const awsPackages = (plan: Plan, names: Partial<Record<KeySource['kind'], string>>): string[] => {
  const name = names[plan.keySource.kind];
  return name ? [name] : [];
};

const LANGUAGES: Record<SigningLanguage, LanguageFacts> = {
  typescript: {
    fileName: 'sign.ts',
    languageId: 'typescript',
    run: (target) => `node sign.ts ${target}`,
    comment: '//',
    write: (plan) => javascriptCode(plan, true),
    needs: (plan) => `Node.js 22.18+ (runs TypeScript as is), ES modules${jsPackages(plan)}`,
  },
  javascript: {
    fileName: 'sign.js',
    languageId: 'javascript',
    run: (target) => `node sign.js ${target}`,
    comment: '//',
    write: (plan) => javascriptCode(plan, false),
    needs: (plan) => `Node.js 20+, ES modules ("type": "module")${jsPackages(plan)}`,
  },
  python: {
    fileName: 'sign.py',
    languageId: 'python',
    run: (target) => `python3 sign.py ${target}`,
    comment: '#',
    write: pythonCode,
    needs: (plan) => `pip install ${plan.kms || plan.keySource.kind === 'secretsManager' || plan.keySource.kind === 'ssm' ? 'boto3' : 'botocore'}${plan.kms ? '' : ' cryptography'}`,
  },
  go: {
    fileName: 'sign.go',
    languageId: 'go',
    run: (target) => `go run sign.go ${target}`,
    comment: '//',
    write: goCode,
    needs: (plan) =>
      [
        'Go 1.18+, go get github.com/aws/aws-sdk-go-v2/feature/cloudfront/sign',
        ...(plan.kind === 'url' ? ['golang.org/x/net/idna'] : []),
        ...awsPackages(plan, { kms: 'service/kms', secretsManager: 'service/secretsmanager', ssm: 'service/ssm' }).map(
          (name) => `github.com/aws/aws-sdk-go-v2/config github.com/aws/aws-sdk-go-v2/${name}`,
        ),
      ].join(' '),
  },
  csharp: {
    fileName: 'Sign.cs',
    languageId: 'csharp',
    run: (target) => `dotnet run -- ${target}`,
    comment: '//',
    write: csharpCode,
    needs: (plan) =>
      `.NET 5+${awsPackages(plan, { kms: 'AWSSDK.KeyManagementService', secretsManager: 'AWSSDK.SecretsManager', ssm: 'AWSSDK.SimpleSystemsManagement' })
        .map((name) => `, dotnet add package ${name}`)
        .join('')}`,
  },
  java: {
    fileName: 'Sign.java',
    languageId: 'java',
    run: (target) => `java Sign.java ${target}`,
    comment: '//',
    write: javaCode,
    needs: (plan) => {
      // The JDK signs keys held as PEM; the SDK only reaches KMS, Secrets Manager or SSM.
      const artifacts = awsPackages(plan, { kms: 'kms', secretsManager: 'secretsmanager', ssm: 'ssm' });
      return `Java 11+${artifacts.map((name) => `, software.amazon.awssdk:${name} on the class path`).join('')}`;
    },
  },
};

/** `, npm i …` for the AWS SDK client the key source needs; nothing for a key from the environment or a file. */
function jsPackages(plan: Plan): string {
  const packages = awsPackages(plan, { kms: '@aws-sdk/client-kms', secretsManager: '@aws-sdk/client-secrets-manager', ssm: '@aws-sdk/client-ssm' });
  return packages.length > 0 ? `, npm i ${packages.join(' ')}` : '';
}

const KIND_WORDS: Record<SigningKind, { readonly signs: string; readonly prints: string }> = {
  url: { signs: 'URLs', prints: 'the signed URL' },
  cookies: { signs: 'cookies', prints: 'the signed cookies (one Cookie header value)' },
  streamCookies: { signs: "cookies for a video stream's folder", prints: "the signed cookies for the playlist's folder (one Cookie header value)" },
  playlistRewriter: { signs: 'every URI of an HLS playlist', prints: 'the playlist read from stdin with every URI signed' },
};

const ALGORITHM_WORDS: Record<KeyAlgorithm, string> = { RSA_2048: 'RSA 2048', ECDSA_P256: 'ECDSA P-256' };

function header(plan: Plan, facts: LanguageFacts, language: SigningLanguage): string {
  const show = (value: string): string => commentValue(language, value);
  const text = [
    `Signs CloudFront ${KIND_WORDS[plan.kind].signs} with the public key ${show(plan.publicKeyId)} (${ALGORITHM_WORDS[plan.algorithm]}), SHA-256.`,
    `The private key comes from ${keySourceWords(plan.keySource, show)}; it is never in this file.`,
    `Run: ${runLine(plan, facts)}`,
    `It prints ${KIND_WORDS[plan.kind].prints}, valid for 3600 seconds.`,
    `AWS access, where used: ${language === 'python' ? 'credentials from the standard chain; the region from AWS_REGION, else AWS_DEFAULT_REGION, else the profile; AWS_ENDPOINT_URL' : 'the standard environment (credentials, AWS_REGION, AWS_ENDPOINT_URL)'}.`,
    `Needs: ${facts.needs(plan)}.`,
    'Generated by the CloudFront Private Content extension for VS Code.',
  ];
  // Python reads a source-encoding declaration (PEP 263) in either of the first two lines: this one
  // comes first, so no value can be read as one.
  const first = language === 'python' ? ['# -*- coding: utf-8 -*-'] : [];
  // Go 1.19+ gofmt rewrites a package's doc comment ('' becomes a typographic quote): a blank line keeps this one
  // a plain comment, so a value shown in it stays as written.
  const after = language === 'go' ? '\n\n' : '\n';
  return `${[...first, ...text.map((line) => commentLine(facts.comment, line))].join('\n')}${after}`;
}

/** The usage line's command: the example in the form the code signs, as one POSIX shell word. */
function runLine(plan: Plan, facts: LanguageFacts): string {
  return facts.run(`${shellWord(plan.example, 'example')} 3600${plan.kind === 'playlistRewriter' ? ' < master.m3u8' : ''}`);
}

/** The example as the generated code will sign it (the core's browser form), or a refusal naming `example`. */
function exampleInBrowserForm(kind: SigningKind, example: string): string {
  try {
    return kind === 'cookies' ? normalizeResource(example) : normalizeViewerUrl(example);
  } catch (error) {
    if (error instanceof SigningError) throw new CodegenInputError('example', `example: ${error.message}`);
    throw error;
  }
}

/** The example the usage comment shows: a URL for signed URLs, a wildcard resource for cookies, a master playlist for streams. */
export function defaultExample(kind: SigningKind): string {
  return exampleForBehavior('d111111abcdef8.cloudfront.net', '/private/*', kind);
}

export function generateSigningCode(options: SigningCodeOptions): GeneratedCode {
  if (options.kind === 'playlistRewriter' && !PLAYLIST_REWRITER_LANGUAGES.includes(options.language)) {
    throw new CodegenInputError('kind', `kind: a playlistRewriter is generated in ${PLAYLIST_REWRITER_LANGUAGES.join(', ')}, not ${options.language}`);
  }
  const ecdsa = options.algorithm === 'ECDSA_P256';
  const plan: Plan = {
    ...options,
    example: exampleInBrowserForm(options.kind, options.example ?? defaultExample(options.kind)),
    ecdsa,
    kms: options.keySource.kind === 'kms',
    kmsAlgorithm: ecdsa ? 'ECDSA_SHA_256' : 'RSASSA_PKCS1_V1_5_SHA_256',
  };
  const facts = LANGUAGES[options.language];
  return {
    code: `${header(plan, facts, options.language)}${facts.write(plan)}`,
    fileName: facts.fileName,
    languageId: facts.languageId,
    run: runLine(plan, facts),
  };
}

/**
 * The language a workspace is written in, from the names of files at its root (and one level down):
 * the first of go.mod, *.csproj / *.sln, pom.xml / build.gradle(.kts), pyproject.toml /
 * requirements.txt, tsconfig.json, package.json. Undefined when none is there.
 */
export function languageOfWorkspace(fileNames: readonly string[]): SigningLanguage | undefined {
  const base = fileNames.map((name) => name.split('/').at(-1) ?? name);
  const has = (test: (name: string) => boolean) => base.some(test);
  if (has((name) => name === 'go.mod')) return 'go';
  if (has((name) => name.endsWith('.csproj') || name.endsWith('.sln'))) return 'csharp';
  if (has((name) => name === 'pom.xml' || name === 'build.gradle' || name === 'build.gradle.kts')) return 'java';
  if (has((name) => name === 'pyproject.toml' || name === 'requirements.txt' || name === 'setup.py')) return 'python';
  if (has((name) => name === 'tsconfig.json')) return 'typescript';
  if (has((name) => name === 'package.json')) return 'javascript';
  return undefined;
}

/**
 * An example request that the behavior with `pathPattern` serves, on `domain`: wildcards become a
 * sample name (`/paid/*` → `/paid/example.txt`, `*.mp4` → `/example.mp4`; a stream's master playlist
 * `/paid/example/master.m3u8` for streamCookies and playlistRewriter). For cookies, the pattern itself is
 * the resource (`https://domain/paid/*`).
 */
export function exampleForBehavior(domain: string, pathPattern: string | undefined, kind: SigningKind): string {
  const pattern = pathPattern === undefined || pathPattern === '*' ? '/*' : pathPattern.startsWith('/') ? pathPattern : `/${pathPattern}`;
  if (kind === 'cookies') return `https://${domain}${pattern}`;
  const name = signsCookies(kind) || kind === 'playlistRewriter' ? 'example/master.m3u8' : 'example.txt';
  const path = pattern.endsWith('/*') ? `${pattern.slice(0, -1)}${name}` : pattern.replaceAll('*', 'example').replaceAll('?', 'x');
  return `https://${domain}${path}`;
}
