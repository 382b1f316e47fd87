// Runs the corpus (corpusCases.ts): each broken URL or cookie set must produce the findings it names,
// and no error it does not name.
import assert from 'node:assert/strict';
import { diagnose, type Finding } from '../../../src/signing/diagnose';
import { CORPUS } from './corpusCases';

const describeFindings = (findings: readonly Finding[]): string => findings.map((f) => `  ${f.severity} ${f.code}: ${f.message}`).join('\n');

describe('diagnose: corpus of broken signed URLs and cookies', () => {
  it('has at least 40 cases, each with a distinct name', () => {
    assert.ok(CORPUS.length >= 40, `${CORPUS.length} cases`);
    assert.equal(new Set(CORPUS.map((c) => c.name)).size, CORPUS.length);
  });

  for (const testCase of CORPUS) {
    it(testCase.name, () => {
      const findings = diagnose(testCase.input);
      for (const [severity, code, fragment] of testCase.expect) {
        const found = findings.find((f) => f.code === code && f.severity === severity);
        assert.ok(found, `expected ${severity} ${code}; got\n${describeFindings(findings)}`);
        assert.ok(found.message.includes(fragment), `${code} message lacks "${fragment}": ${found.message}`);
        if (severity !== 'ok') assert.ok(found.fix.length > 0, `${code} has no fix`);
      }
      const unexpected = findings.filter((f) => f.severity === 'error' && !testCase.expect.some(([, code]) => code === f.code));
      assert.deepEqual(unexpected, [], `unexpected errors:\n${describeFindings(unexpected)}`);
    });
  }
});
