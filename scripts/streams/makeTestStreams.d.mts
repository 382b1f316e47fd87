// Types of makeTestStreams.mjs for the TypeScript tests that import it.
export declare const TEST_STREAMS: Readonly<Record<'hls-ts' | 'hls-fmp4' | 'hls-aes' | 'hls-alt' | 'dash', { readonly master: string }>>;
/** Makes every test stream under `root` (one folder each); returns each stream's master playlist path below root. */
export declare function makeTestStreams(root: string): Record<keyof typeof TEST_STREAMS, string>;
