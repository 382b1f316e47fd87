// docs/errors.md, rendered from the table of bad inputs the integration suite checks against the real
// extension (test/integration/badInputs.table.ts), so that every message a user can meet is listed
// with what causes it. `npm run docs:errors` writes it; a unit test fails when it is stale.
import { BAD_INPUTS, EXAMPLES, fillPlaceholders, type BadInput } from '../../test/integration/badInputs.table';
import manifest from '../../package.json';
import nls from '../../package.nls.json';

function commandTitle(id: string): string {
  const command = manifest.contributes.commands.find((c) => c.command === id);
  const key = command?.title.replace(/^%|%$/g, '') ?? '';
  return `${command?.category ?? 'CloudFront'}: ${(nls as Record<string, string>)[key] ?? id}`;
}

/** A Markdown table cell: one line, pipes escaped (also inside code spans, as GitHub requires). */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Prose as it is: no emphasis from `/paid/*`, no HTML from `<file>`. */
function plain(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function whatYouSee(row: BadInput): string {
  const expect = row.expect;
  if ('rejects' in expect) {
    const message = fillPlaceholders(expect.rejects, EXAMPLES);
    return plain(expect.unexpected ? `${message} (passed through as it is; in a notification: "Unexpected error: ${expect.unexpected}: ${message}")` : message);
  }
  if ('finding' in expect) return `Finding ${code(expect.finding.code)}: ${plain(fillPlaceholders(expect.finding.message, EXAMPLES))}`;
  return plain(expect.succeeds);
}

function argumentNamed(row: BadInput): string {
  return 'rejects' in row.expect && row.expect.input ? code(row.expect.input) : '';
}

const SETUP: Record<NonNullable<BadInput['setup']>, string> = {
  noEditor: ' (no editor open)',
  document: ' (a document open)',
  noAnswer: '',
  updateDenied: ' (UpdateDistribution denied)',
  bucketForbidden: '',
  badHostAddresses: ` (user setting cloudfront.hostAddresses: { "${EXAMPLES.domain}": "edge:99999" })`,
};

export function renderErrorsDoc(rows: readonly BadInput[] = BAD_INPUTS): string {
  const lines = [
    '# Error messages',
    '',
    '<!-- Generated from test/integration/badInputs.table.ts by `npm run docs:errors`: edit the table, not this file. -->',
    '',
    'What each command says when it cannot do what was asked, and why. Every row is checked against the real',
    'extension by the integration suite, which also makes sure that nothing was created in CloudFront and',
    'nothing stored, lost or copied on your machine.',
    '',
    'Called with options (by a keybinding, a task or another extension) a command rejects with the message and',
    'names the argument at fault; run from the Command Palette, a menu or a tree row it shows the same message',
    'as a notification. Ids, names and domains below are examples.',
    '',
  ];
  for (const command of [...new Set(rows.map((row) => row.command))]) {
    lines.push(`## ${commandTitle(command)} (${code(command)})`, '', '| What is wrong | Options | What you see | Argument |', '| --- | --- | --- | --- |');
    for (const row of rows.filter((r) => r.command === command)) {
      const options = code(JSON.stringify(fillPlaceholders(row.args, EXAMPLES)));
      lines.push(`| ${cell(plain(row.case + (row.setup ? SETUP[row.setup] : '')))} | ${cell(options)} | ${cell(whatYouSee(row))} | ${argumentNamed(row)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
