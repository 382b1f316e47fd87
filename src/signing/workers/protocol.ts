// The messages between the extension and a signing worker (node:worker_threads). The key travels once
// per worker as a KeyObject, which postMessage clones from memory to memory (Node's KeyObject is
// cloneable): it is never written to a file, an environment variable or a command line.
import type { KeyObject } from 'node:crypto';
import type { SignOptions } from '../types';
import type { WorkerOutcome } from './chunks';

/** What every URL of a document is signed with: the options of signUrl but the URL, with a parsed key. */
export type SignJob = Omit<SignOptions, 'url' | 'privateKey' | 'passphrase'> & { readonly privateKey: KeyObject };

export type ToWorker = { readonly kind: 'job'; readonly job: SignJob } | { readonly kind: 'chunk'; readonly start: number; readonly urls: readonly string[] };

export type FromWorker = { readonly start: number; readonly outcomes: readonly WorkerOutcome[] } | { readonly start: number; readonly failure: string };
