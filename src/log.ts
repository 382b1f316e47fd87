// One LogOutputChannel for the whole extension. Logs stay in English (they are for bug reports) and
// never carry key material, signatures or policies: callers log ids and error names, not payloads.
import type * as vscode from 'vscode';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  debug(message: string): void;
  show(): void;
}

export function createLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    debug: (message) => channel.debug(message),
    error: (message, error) => channel.error(error === undefined ? message : `${message}: ${describeError(error)}`),
    show: () => channel.show(true),
  };
}

/** The name and message of an error, without its stack or any attached request/response payload. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
