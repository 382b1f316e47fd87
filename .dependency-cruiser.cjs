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
      name: 'cloudfront-rules-import-nothing',
      comment: "CloudFront's rules and quotas are the base every other part reads: they import nothing of the extension.",
      severity: 'error',
      from: { path: '^src/cloudfront/' },
      to: { path: '^src/', pathNot: '^src/cloudfront/' },
    },
    {
      name: 'signing-imports-only-pure-code',
      comment: 'The signing core (streams included: they read playlists through an injected function) imports nothing of the extension beyond itself and the rules.',
      severity: 'error',
      from: { path: '^src/signing/' },
      to: { path: '^src/', pathNot: '^src/(signing|cloudfront)/' },
    },
    {
      name: 'keys-import-pure-code',
      comment: 'Key material reads the signing core and the rules, and the AWS layer for its types only.',
      severity: 'error',
      from: { path: '^src/keys/' },
      to: { path: '^src/', pathNot: '^src/(keys|signing|cloudfront|aws)/' },
    },
    {
      name: 'keys-import-aws-types-only',
      comment: 'Key material names the shapes the AWS layer returns, never its code (which would pull the SDK into a pure core).',
      severity: 'error',
      from: { path: '^src/keys/' },
      to: { path: '^src/aws/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'codegen-imports-pure-code',
      comment: 'The generators are pure like key material: the signing core, the rules and key algorithms.',
      severity: 'error',
      from: { path: '^src/codegen/' },
      to: { path: '^src/', pathNot: '^src/(codegen|signing|cloudfront|keys)/' },
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
      comment: 'The AWS services know nothing of commands, views, editors, wizards or prompts: they read the pure cores and the top-level helpers.',
      severity: 'error',
      from: { path: '^src/aws/' },
      to: { path: '^src/', pathNot: ['^src/(aws|signing|cloudfront|iam|keys)/', '^src/(constants|errors|lazy|log)\\.ts$'] },
    },
    {
      name: 'ui-imports-helpers-and-cores',
      comment: "The Ui seam shows what it is given: top-level helpers, and the pure cores for the words it shows (expiries, a key's place).",
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/', pathNot: ['^src/(ui|signing|cloudfront|keys)/', '^src/(constants|errors|lazy|log)\\.ts$'] },
    },
    {
      name: 'wizard-imports-ui',
      comment: 'Wizards run prompts through the Ui seam and know nothing of what they create.',
      severity: 'error',
      from: { path: '^src/wizard/' },
      to: { path: '^src/', pathNot: ['^src/(wizard|ui)/', '^src/(constants|errors|lazy|log)\\.ts$'] },
    },
    {
      name: 'views-below-commands',
      comment: 'Views render what the AWS layer and the cores say, and commands act on them, never the other way round.',
      severity: 'error',
      from: { path: '^src/tree/' },
      to: { path: '^src/', pathNot: ['^src/(tree|aws|keys|signing|cloudfront|ui)/', '^src/(constants|errors|lazy|log)\\.ts$'] },
    },
    {
      name: 'editor-beside-commands',
      comment: 'The hover and CodeLens run commands by id and share words through the Ui seam; they import no command and no view.',
      severity: 'error',
      from: { path: '^src/editor/' },
      to: { path: '^src/', pathNot: ['^src/(editor|signing|cloudfront|keys|ui)/', '^src/(constants|errors|lazy|log)\\.ts$'] },
    },
    {
      name: 'commands-below-activation',
      comment: 'Commands use everything below them, never the editor features or the activation code that builds them.',
      severity: 'error',
      from: { path: '^src/commands/' },
      to: { path: '^src/(editor/|(extension|features|lazyFeatures|api|testingApi|walkthrough)\\.ts$)' },
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
