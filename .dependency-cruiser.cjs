// The architecture's import rules, checked by test/unit/architecture/imports.test.ts (and by
// `npx depcruise src`). ARCHITECTURE.md explains each; change both together.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only imports included: each file can be read, tested and moved on its own.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'pure-core-no-vscode',
      comment: 'The pure cores (signing, diagnosis, streams (src/signing/stream), key parsing, CloudFront rules, code generation) run in plain Node: unit tests, benchmarks, a backend.',
      severity: 'error',
      from: { path: '^src/(signing|keys|cloudfront|codegen|iam)/' },
      // `vscode` resolves to its type declarations (@types/vscode), the only form it has outside VS Code.
      to: { path: '^(vscode|node_modules/@types/vscode/)' },
    },
    {
      name: 'signing-imports-only-pure-code',
      comment: 'The signing core (streams included: they read playlists through an injected function) and the rules import nothing of the extension beyond each other.',
      severity: 'error',
      from: { path: '^src/(signing|cloudfront)/' },
      to: { path: '^src/', pathNot: '^src/(signing|cloudfront)/' },
    },
    {
      name: 'iam-imports-only-rules',
      comment: "IAM's rules and the bucket-policy merge read CloudFront's rules (src/cloudfront) and nothing else of the extension.",
      severity: 'error',
      from: { path: '^src/iam/' },
      to: { path: '^src/', pathNot: '^src/(iam|cloudfront)/' },
    },
    {
      name: 'aws-below-ui',
      comment: 'The AWS services know nothing of commands, views, editors or wizards.',
      severity: 'error',
      from: { path: '^src/aws/' },
      to: { path: '^src/(commands|tree|editor|wizard)/' },
    },
    {
      name: 'views-below-commands',
      comment: 'Views render and commands act on them, never the other way round.',
      severity: 'error',
      from: { path: '^src/tree/' },
      to: { path: '^src/commands/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|out)/' },
  },
};
