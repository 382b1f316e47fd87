// The architecture's import rules (.dependency-cruiser.cjs, explained in ARCHITECTURE.md) hold for
// src/, and the check is not blind: a planted cycle and a planted forbidden import each fail it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface CruiseResult {
  summary: { violations: Array<{ rule: { name: string }; from: string; to: string; cycle?: Array<{ name: string }> }> };
}

const repo = resolve('.');
const requireFromRepo = createRequire(join(repo, 'package.json'));
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

  // One planted import per permitted-imports line of ARCHITECTURE.md: each must be refused by its rule.
  const plantedBreaks: ReadonlyArray<{ rule: string; from: string; text: string; to: string }> = [
    {
      rule: 'cloudfront-rules-import-nothing',
      from: 'src/cloudfront/planted.ts',
      text: "import { signUrl } from '../signing/signUrl';\nexport const planted = signUrl;\n",
      to: 'src/signing/signUrl.ts',
    },
    {
      rule: 'signing-imports-only-pure-code',
      from: 'src/signing/planted.ts',
      text: "import { KEY_ALGORITHMS } from '../keys/algorithms';\nexport const planted = KEY_ALGORITHMS;\n",
      to: 'src/keys/algorithms.ts',
    },
    { rule: 'keys-import-pure-code', from: 'src/keys/planted.ts', text: "import { Commands } from '../constants';\nexport const planted = Commands;\n", to: 'src/constants.ts' },
    {
      rule: 'keys-import-aws-types-only',
      from: 'src/keys/planted.ts',
      text: "import { readAllPages } from '../aws/readAllPages';\nexport const planted = readAllPages;\n",
      to: 'src/aws/readAllPages.ts',
    },
    {
      rule: 'iam-imports-only-rules',
      from: 'src/iam/planted.ts',
      text: "import { KEY_ALGORITHMS } from '../keys/algorithms';\nexport const planted = KEY_ALGORITHMS;\n",
      to: 'src/keys/algorithms.ts',
    },
    {
      rule: 'codegen-imports-pure-code',
      from: 'src/codegen/planted.ts',
      text: "import { readAllPages } from '../aws/readAllPages';\nexport const planted = readAllPages;\n",
      to: 'src/aws/readAllPages.ts',
    },
    {
      rule: 'aws-below-ui',
      from: 'src/aws/planted.ts',
      text: "import { DistributionNode } from '../tree/distributionNode';\nexport const planted = DistributionNode;\n",
      to: 'src/tree/distributionNode.ts',
    },
    {
      rule: 'ui-imports-helpers-and-cores',
      from: 'src/ui/planted.ts',
      text: "import { readAllPages } from '../aws/readAllPages';\nexport const planted = readAllPages;\n",
      to: 'src/aws/readAllPages.ts',
    },
    { rule: 'wizard-imports-ui', from: 'src/wizard/planted.ts', text: "import { readAllPages } from '../aws/readAllPages';\nexport const planted = readAllPages;\n", to: 'src/aws/readAllPages.ts' },
    {
      rule: 'views-below-commands',
      from: 'src/tree/planted.ts',
      text: "import { signUrlCommand } from '../commands/sign/signUrl';\nexport const planted = signUrlCommand;\n",
      to: 'src/commands/sign/signUrl.ts',
    },
    {
      rule: 'editor-beside-commands',
      from: 'src/editor/planted.ts',
      text: "import { DistributionNode } from '../tree/distributionNode';\nexport const planted = DistributionNode;\n",
      to: 'src/tree/distributionNode.ts',
    },
    {
      rule: 'commands-below-activation',
      from: 'src/commands/planted.ts',
      text: "import { SignedUrlHover } from '../editor/signedUrlLens';\nexport const planted = SignedUrlHover;\n",
      to: 'src/editor/signedUrlLens.ts',
    },
  ];

  it('fails on a planted import across each layer, one per rule', () => {
    // One copy holds every plant (each in its own file), so the rules run once.
    const found = check(Object.fromEntries(plantedBreaks.map((p, i) => [p.from.replace('planted', `planted${i}`), p.text])));
    for (const [i, p] of plantedBreaks.entries()) {
      const expected = `${p.rule}: ${p.from.replace('planted', `planted${i}`)} → ${p.to}`;
      assert.ok(found.includes(expected), `${expected} not in ${JSON.stringify(found)}`);
    }
  });

  it('lets the key core name the AWS layer’s types (import type) but not its code', () => {
    const found = check({ 'src/keys/plantedTypes.ts': "import type { KeyGroupSummary } from '../aws/cloudFrontService';\nexport type Planted = KeyGroupSummary;\n" });
    assert.deepEqual(
      found.filter((v) => v.includes('plantedTypes')),
      [],
    );
  });

  it('has a rule for every permitted-imports line of ARCHITECTURE.md, and the test plants each', () => {
    const config = requireFromRepo(join(repo, '.dependency-cruiser.cjs')) as { forbidden: Array<{ name: string }> };
    const rules = config.forbidden.map((r) => r.name);
    const planted = new Set([...plantedBreaks.map((p) => p.rule), 'no-circular', 'pure-core-no-vscode']);
    assert.deepEqual(
      rules.filter((r) => !planted.has(r)),
      [],
    );
    const architecture = readFileSync(join(repo, 'ARCHITECTURE.md'), 'utf8');
    for (const rule of rules) assert.ok(architecture.includes(`\`${rule}\``), `ARCHITECTURE.md names no rule ${rule}`);
  });
});
