// For tests of edits that must keep a text: the one run of text inserted into `before` to give
// `after`, failing when anything else changed (so every other byte is proven kept).
import assert from 'node:assert/strict';

export function insertion(before: string, after: string): string {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  const length = after.length - before.length;
  assert.ok(length > 0, 'something was inserted');
  assert.equal(after.slice(0, prefix) + after.slice(prefix + length), before, 'the old text minus the insertion is the original');
  return after.slice(prefix, prefix + length);
}
