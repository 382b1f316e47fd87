// Types of moto.mjs for the TypeScript suites that start moto themselves.
export interface Moto {
  /** e.g. http://127.0.0.1:40123, the AWS endpoint */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}
export function startMoto(options?: { port?: number; logFile?: string; python?: string; timeoutMs?: number }): Promise<Moto>;
export function resetMoto(url: string): Promise<void>;
