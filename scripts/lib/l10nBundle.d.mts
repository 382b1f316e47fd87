// Types of l10nBundle.mjs for the TypeScript tests that use it.
export declare const BUNDLE_FILE: string;
export declare function sourceFiles(dir?: string): string[];
export declare function buildL10nBundle(dir?: string): Promise<Record<string, string>>;
export declare function formatBundle(bundle: Record<string, string>): string;
