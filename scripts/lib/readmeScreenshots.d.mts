// Types of readmeScreenshots.mjs for the TypeScript tests that use it.
export declare function readmeScreenshots(readme?: string): string[];
