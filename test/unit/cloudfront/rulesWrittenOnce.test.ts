// CloudFront's and S3's rules are written once, in src/cloudfront/: the diagnosis, the finder, the
// wizards and the typed fake import them. Each pattern below is how a copy of a rule would be spelt;
// it may appear only where the rule lives (and where a localized message must spell it: l10n needs the
// literal sentence).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const sources = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name).split('\\').join('/'));

const files = [...sources('src'), ...sources('test/fakes')].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

const rules: ReadonlyArray<{ rule: string; copy: RegExp; where: readonly string[] }> = [
  { rule: 'the key pair id pattern', copy: /\[A-Za-z0-9\]\{1,/, where: ['src/cloudfront/rules.ts'] },
  { rule: 'the legacy key pair id (APKA…)', copy: /['"`/]\^?APKA/, where: ['src/cloudfront/rules.ts'] },
  { rule: 'the name length (128)', copy: /slice\(0, 128\)|\b128 - |up to 128\b|_-\]\{1,128\}/, where: [] },
  { rule: 'the OAC name length (64)', copy: /slice\(0, 64\)/, where: [] },
  { rule: 'the keys per key group (5)', copy: /KEYS_PER_\w+ = \d/, where: ['src/cloudfront/rules.ts'] },
  { rule: 'which keys key groups take', copy: /bits (===|!==|<=|>=) 2048|2048-bit and ECDSA P-256 \(prime256v1\)/, where: ['src/cloudfront/rules.ts', 'src/commands/keys/importPrivateKey.ts'] },
  { rule: 'the path-pattern precedence', copy: /function matchBehavior|function pathPatternMatches/, where: ['src/cloudfront/routing.ts'] },
  { rule: 'host routing (aliases and wildcard aliases)', copy: /function findDistribution|function wildcardCovers/, where: ['src/cloudfront/routing.ts'] },
  { rule: 'the schemes CloudFront signs', copy: /'ws:?', 'wss:?'|wss\?/, where: ['src/cloudfront/rules.ts'] },
  { rule: "CloudFront's wildcard matching", copy: /starAt/, where: ['src/cloudfront/wildcard.ts'] },
];

describe('cloudfront: every rule written once', () => {
  for (const { rule, copy, where } of rules) {
    it(`${rule} is written only in ${where.join(', ') || 'src/cloudfront'}`, () => {
      const found = files.filter((f) => copy.test(f.text)).map((f) => f.path);
      assert.deepEqual(found, [...where], `${rule} written in ${found.join(', ')}`);
    });
  }
});
