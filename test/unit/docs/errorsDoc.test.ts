// docs/errors.md must list exactly the messages of the bad-input table the integration suite checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderErrorsDoc } from '../../../scripts/lib/errorsDoc';
import { BAD_INPUTS } from '../../integration/badInputs.table';

describe('docs/errors.md', () => {
  it('is rendered from the current table of bad inputs (npm run docs:errors)', () => {
    assert.equal(readFileSync('docs/errors.md', 'utf8'), renderErrorsDoc(), 'docs/errors.md is stale: run npm run docs:errors');
  });

  it('lists at least 40 bad inputs, each once', () => {
    assert.ok(BAD_INPUTS.length >= 40, `${BAD_INPUTS.length} rows`);
    const keys = BAD_INPUTS.map((row) => `${row.command} ${row.case}`);
    assert.deepEqual([...new Set(keys)], keys);
  });

  it('goes stale when a message in the table changes', () => {
    const changed = BAD_INPUTS.map((row, i) => (i === 0 && 'rejects' in row.expect ? { ...row, expect: { ...row.expect, rejects: `${row.expect.rejects} (changed)` } } : row));
    assert.notEqual(renderErrorsDoc(changed), renderErrorsDoc());
  });
});
