// Counts of the house rules that grep cannot tell apart (a `!` that asserts non-null from one that
// negates), read from the TypeScript syntax tree of src/. test/unit/architecture/houseCounts.test.ts
// holds the goals; `node_modules/.bin/node scripts/lib/houseCounts.ts` prints the counts per file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface HouseCounts {
  /** `value!`: an answer the type says may be missing, asserted present. */
  readonly nonNullAssertions: Record<string, number>;
  /** In src/commands: `x.kind === 'interactive' | 'automation'`, and conditions on an `interactive` or `automation` value. */
  readonly callKindBranches: Record<string, number>;
  /** In src/commands: `vscode.window.…` and `vscode.env.…` (every prompt goes through the Ui seam). */
  readonly directWindowCalls: Record<string, number>;
  /** `error.name === 'SomeError'` and `$metadata` probes: an AWS error recognized by sniffing. */
  readonly errorSniffs: Record<string, number>;
}

const CALL_KINDS = new Set(['interactive', 'automation']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(dir, name))
    .sort();
}

const isStringLiteral = (node: ts.Node, test: (text: string) => boolean): boolean => ts.isStringLiteralLike(node) && test(node.text);

/** `interactive`, `x.interactive`, `automation`, `x.automation`: a value that says how the command was called. */
function isCallKindValue(node: ts.Node): boolean {
  const inner = ts.isParenthesizedExpression(node) ? node.expression : node;
  if (ts.isIdentifier(inner)) return CALL_KINDS.has(inner.text);
  if (ts.isPropertyAccessExpression(inner)) return CALL_KINDS.has(inner.name.text);
  return false;
}

/** Whether `node` is tested as a condition: of an if, a ternary, `!`, `&&`, `||` or `??`. */
function isCondition(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent)) return parent.expression === node;
  if (ts.isConditionalExpression(parent)) return parent.condition === node;
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    return op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken;
  }
  return false;
}

const isEquality = (node: ts.BinaryExpression): boolean =>
  [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(node.operatorToken.kind);

/** The counts over the .ts files under `root`/src. */
export function houseCounts(root = '.'): HouseCounts {
  const counts: HouseCounts = { nonNullAssertions: {}, callKindBranches: {}, directWindowCalls: {}, errorSniffs: {} };
  const add = (table: Record<string, number>, file: string) => (table[file] = (table[file] ?? 0) + 1);
  for (const path of sourceFiles(join(root, 'src'))) {
    const file = relative(root, path).split('\\').join('/');
    const inCommands = file.startsWith('src/commands/');
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isNonNullExpression(node)) add(counts.nonNullAssertions, file);
      if (ts.isBinaryExpression(node) && isEquality(node)) {
        const sides = [node.left, node.right];
        const kindTest = sides.some((s) => ts.isPropertyAccessExpression(s) && s.name.text === 'kind') && sides.some((s) => isStringLiteral(s, (t) => CALL_KINDS.has(t)));
        if (inCommands && kindTest) add(counts.callKindBranches, file);
        // An error's name is PascalCase ('NoSuchDistribution'); a profile's ('default') is not.
        const nameTest = sides.some((s) => ts.isPropertyAccessExpression(s) && s.name.text === 'name') && sides.some((s) => isStringLiteral(s, (t) => /^[A-Z]/.test(t)));
        if (nameTest) add(counts.errorSniffs, file);
      }
      if (inCommands && isCallKindValue(node) && isCondition(node)) add(counts.callKindBranches, file);
      if (ts.isPropertyAccessExpression(node) && node.name.text === '$metadata') add(counts.errorSniffs, file);
      if (
        inCommands &&
        ts.isPropertyAccessExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ts.isIdentifier(node.expression.expression) &&
        node.expression.expression.text === 'vscode' &&
        (node.expression.name.text === 'window' || node.expression.name.text === 'env')
      ) {
        add(counts.directWindowCalls, file);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return counts;
}

export const total = (table: Record<string, number>): number => Object.values(table).reduce((a, b) => a + b, 0);

if (process.argv[1]?.endsWith('houseCounts.ts')) {
  const counts = houseCounts();
  for (const [name, table] of Object.entries(counts) as Array<[string, Record<string, number>]>) {
    console.log(`${name}: ${total(table)}`);
    for (const [file, n] of Object.entries(table).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(3)} ${file}`);
  }
}
