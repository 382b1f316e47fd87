// typescript-eslint's recommended type-aware rules over src, test and scripts. Every linted .ts (and
// .d.mts) file belongs to a tsconfig the project service finds: tsconfig.json (src),
// test/tsconfig.json (test) and scripts/tsconfig.json (scripts). The .mjs/.js/.cjs files are linted
// without type information.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-output/**', '.vscode-test/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Every prompt goes through the Ui seam (src/ui/ui.ts, scripted in tests), and what a command shows
    // outside a prompt through src/ui/workbench.ts: commands never reach the window or env themselves.
    files: ['src/commands/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='vscode'][property.name=/^(window|env)$/]",
          message: 'Ask through the Ui seam (context.ui) or show through src/ui/workbench.ts, never vscode.window or vscode.env in a command.',
        },
        {
          selector: "ImportDeclaration[source.value='vscode'] > ImportSpecifier[imported.name=/^(window|env)$/]",
          message: 'Ask through the Ui seam (context.ui) or show through src/ui/workbench.ts, never vscode.window or vscode.env in a command.',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
