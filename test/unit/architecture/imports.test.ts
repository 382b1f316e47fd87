// The architecture's import rules (.dependency-cruiser.cjs, explained in ARCHITECTURE.md) hold for
// src/, and the check is not blind: a planted cycle and a planted forbidden import each fail it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface CruiseResult {
  summary: { violations: Array<{ rule: { name: string }; from: string; to: string; cycle?: Array<{ name: string }> }> };
}

const repo = resolve('.');
const cli = join(repo, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');

/** Each violation as `rule: from → to`. */
function violations(root: string): string[] {
  const run = spawnSync(process.execPath, [cli, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!run.stdout) throw new Error(`dependency-cruiser printed nothing (status ${run.status}): ${run.stderr}`);
  const result = JSON.parse(run.stdout) as CruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

/** A copy of the repository's sources and rules, with `plant` written into it. */
function plantedCopy(plant: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cfpc-architecture-'));
  cpSync(join(repo, 'src'), join(root, 'src'), { recursive: true });
  for (const file of ['tsconfig.json', '.dependency-cruiser.cjs']) cpSync(join(repo, file), join(root, file));
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  for (const [path, text] of Object.entries(plant)) writeFileSync(join(root, path), text);
  return root;
}

describe('architecture: import rules', function () {
  this.timeout(60_000);
  const copies: string[] = [];
  after(() => copies.forEach((root) => rmSync(root, { recursive: true, force: true })));
  const check = (plant: Record<string, string>) => {
    const root = plantedCopy(plant);
    copies.push(root);
    return violations(root);
  };

  it('src/ has no import cycle and breaks no rule', () => {
    assert.deepEqual(violations(repo), []);
  });

  it('fails on a planted cycle, type-only imports included', () => {
    const found = check({
      'src/tree/plantedA.ts': "import type { B } from './plantedB';\nexport interface A { b?: B }\n",
      'src/tree/plantedB.ts': "import type { A } from './plantedA';\nexport interface B { a?: A }\n",
    });
    assert.ok(
      found.some((v) => v.startsWith('no-circular: src/tree/plantedA.ts')),
      JSON.stringify(found),
    );
  });

  it('fails when the signing core imports vscode, or the extension around it', () => {
    const found = check({
      'src/signing/planted.ts': "import * as vscode from 'vscode';\nimport { Commands } from '../constants';\nexport const planted = [vscode.version, Commands.signUrl];\n",
    });
    assert.ok(found.includes('pure-core-no-vscode: src/signing/planted.ts → node_modules/@types/vscode/index.d.ts'), JSON.stringify(found));
    assert.ok(found.includes('signing-imports-only-pure-code: src/signing/planted.ts → src/constants.ts'), JSON.stringify(found));
  });

  it('fails when the AWS layer imports a view, or a view a command', () => {
    const found = check({
      'src/aws/planted.ts': "import { DistributionNode } from '../tree/distributionNode';\nexport const planted = DistributionNode;\n",
      'src/tree/planted.ts': "import { signUrlCommand } from '../commands/sign/signUrl';\nexport const planted = signUrlCommand;\n",
    });
    assert.ok(found.includes('aws-below-ui: src/aws/planted.ts → src/tree/distributionNode.ts'), JSON.stringify(found));
    assert.ok(found.includes('views-below-commands: src/tree/planted.ts → src/commands/sign/signUrl.ts'), JSON.stringify(found));
  });
});
