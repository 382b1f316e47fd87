// Small helpers for writing source text: lines that may be left out, and string literals.
import type { KeySource } from './types';

/** Joins the lines that are strings; `false`/`undefined` leave a line out. */
export const lines = (...parts: ReadonlyArray<string | false | undefined>): string => parts.filter((part): part is string => typeof part === 'string').join('\n');

/** A double-quoted literal valid in JavaScript, TypeScript, Python, Go, C# and Java (JSON's escapes are a common subset). */
export const quote = (value: string): string => JSON.stringify(value);

/** Where the key comes from, in words, for the header comment. */
export function keySourceWords(source: KeySource): string {
  switch (source.kind) {
    case 'env':
      return `the environment variable ${source.variable} (the PEM text)`;
    case 'file':
      return `the PEM file ${source.path}`;
    case 'kms':
      return `AWS KMS: the key ${source.keyId} signs through the KMS Sign API and never leaves KMS`;
    case 'secretsManager':
      return `AWS Secrets Manager: the secret ${source.secretId} (the PEM text), read with GetSecretValue`;
    case 'ssm':
      return `AWS Systems Manager Parameter Store: the SecureString ${source.parameterName} (the PEM text), read with GetParameter and decryption`;
  }
}
