// Small helpers for writing source text: lines that may be left out, and the key source in words.
// Values reach the text only through the writers of literals.ts.
import type { KeySource } from './types';

/** Joins the lines that are strings; `false`/`undefined` leave a line out. */
export const lines = (...parts: ReadonlyArray<string | false | undefined>): string => parts.filter((part): part is string => typeof part === 'string').join('\n');

/** Where the key comes from, in words, for the header comment. */
export function keySourceWords(source: KeySource, show: (value: string) => string): string {
  switch (source.kind) {
    case 'env':
      return `the environment variable ${show(source.variable)} (the PEM text)`;
    case 'file':
      return `the PEM file ${show(source.path)}`;
    case 'kms':
      return `AWS KMS: the key ${show(source.keyId)} signs through the KMS Sign API and never leaves KMS`;
    case 'secretsManager':
      return `AWS Secrets Manager: the secret ${show(source.secretId)} (the PEM text), read with GetSecretValue`;
    case 'ssm':
      return `AWS Systems Manager Parameter Store: the SecureString ${show(source.parameterName)} (the PEM text), read with GetParameter and decryption`;
  }
}
