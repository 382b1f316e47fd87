// Localization: every string a person reads goes through vscode.l10n.t (src/) or package.nls.json
// (package.json), and l10n/bundle.l10n.json holds exactly the strings src/ asks for. src/signing is
// the pure signing core, English by design like the log; everything else is scanned.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BUNDLE_FILE, buildL10nBundle, sourceFiles } from '../../../scripts/lib/l10nBundle.mjs';

const LITERAL = String.raw`('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|` + '`' + String.raw`(?:[^` + '`' + String.raw`\\]|\\.)*` + '`)';

/** Where a person reads a string, each followed by a string literal instead of vscode.l10n.t(…). */
const USER_FACING = [
  String.raw`show(?:Information|Warning|Error)Message\(\s*`,
  String.raw`new\s+(?:vscode\.)?TreeItem\(\s*`,
  String.raw`\b(?:title|placeholder|placeHolder|prompt|label|description|detail|tooltip|okLabel)\s*:\s*`,
  String.raw`\.(?:description|tooltip|label|message|title)\s*=\s*`,
  String.raw`\bnotify\(\s*'\w+'\s*,\s*`,
  String.raw`withProgress\(\s*`,
  String.raw`new\s+(?:UserError|SigningError)\(\s*`,
].map((before) => new RegExp(before + LITERAL, 'g'));

/** Literals that are not language: formats and names a translation must keep as they are. */
const NOT_LANGUAGE = new Set([
  'YYYY-MM-DD HH:MM', // the date format the expiry input box parses
  'Set-Cookie', // the HTTP header name, a cookie output format
  'JSON', // a cookie output format
  'Lax', // SameSite attribute values, written in Set-Cookie as they are
  'Strict',
  'None',
]);

/** True when the literal (its text outside `${…}`) holds words a person reads. */
function isLanguage(literal: string): boolean {
  const text = literal.slice(1, -1).replace(/\$\{[^}]*\}/g, '').trim();
  if (NOT_LANGUAGE.has(text) || !/[A-Za-z]{2,}/.test(text)) return false;
  if (/^https?:\/\//.test(text)) return false; // an example URL
  if (/^[\w.]+:$/.test(text)) return false; // an argument name before a localized problem: `name: ${problem}`
  return /\s/.test(text) || /^[A-Z]/.test(text); // one lower-case token is an example value (media-signer-2026)
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
const scanned = sourceFiles('src').filter((file) => !file.startsWith('src/signing/'));

describe('localization', () => {
  it('every user-facing string in src/ (outside src/signing) goes through vscode.l10n.t', () => {
    const bypasses: string[] = [];
    for (const file of scanned) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of USER_FACING) {
        for (const match of text.matchAll(pattern)) {
          if (isLanguage(match[1])) bypasses.push(`${file}:${lineOf(text, match.index)}: ${match[0].replace(/\s+/g, ' ')}`);
        }
      }
    }
    assert.deepEqual(bypasses, [], `strings that bypass vscode.l10n.t:\n${bypasses.join('\n')}`);
  });

  it('vscode.l10n.t gets its message as a literal, so the bundle can hold it', () => {
    const dynamic: string[] = [];
    for (const file of scanned) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bl10n\.t\((?!\s*['"`])/g)) dynamic.push(`${file}:${lineOf(text, match.index)}`);
      for (const match of text.matchAll(/\bl10n\.t\(\s*`[^`]*\$\{/g)) dynamic.push(`${file}:${lineOf(text, match.index)} (template with \${…}: use {0})`);
    }
    assert.deepEqual(dynamic, []);
  });

  it('the scan finds what it looks for', () => {
    const sample = "vscode.window.showErrorMessage('Could not sign');\nitem.description = `unrestricted`;\nui.input({ prompt: vscode.l10n.t('Name') });";
    const found = USER_FACING.flatMap((pattern) => [...sample.matchAll(pattern)].filter((m) => isLanguage(m[1])).map((m) => lineOf(sample, m.index)));
    assert.deepEqual(found.sort(), [1]);
    assert.equal(isLanguage("'Default (*)'"), true);
    assert.equal(isLanguage("'media-signer-2026'"), false);
  });

  it(`${BUNDLE_FILE} is current: every vscode.l10n.t message of src/ and nothing else (npm run l10n)`, async function () {
    this.timeout(20_000);
    const checkedIn = JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as Record<string, string>;
    const current = await buildL10nBundle('src');
    const missing = Object.keys(current).filter((key) => !(key in checkedIn));
    const stale = Object.keys(checkedIn).filter((key) => !(key in current));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, 'run `npm run l10n`');
    assert.deepEqual(checkedIn, current);
  });

  it('every contributed title and description in package.json comes from package.nls.json', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: unknown };
    const literal: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          const text = /^(title|name|contents|description|markdownDescription|contextualTitle|altText)$/.test(key) && typeof v === 'string';
          if (text && !/^%[\w.]+%$/.test(v)) literal.push(`${path}.${key}: ${v}`);
          else walk(v, `${path}.${key}`);
        }
      }
    };
    walk(manifest.contributes, 'contributes');
    assert.deepEqual(literal, []);
  });
});
