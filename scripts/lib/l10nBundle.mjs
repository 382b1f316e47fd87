// The English string bundle of the extension: every message passed to vscode.l10n.t in src/,
// extracted by @vscode/l10n-dev (the tool VS Code documents for this). `npm run l10n` writes it to
// l10n/bundle.l10n.json; a unit test checks that the checked-in file is current.
// https://code.visualstudio.com/api/references/vscode-api#l10n
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

export const BUNDLE_FILE = join('l10n', 'bundle.l10n.json');

/** @param {string} dir */
export function sourceFiles(dir = 'src') {
  /** @type {string[]} */
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) found.push(path);
  }
  return found;
}

/**
 * The bundle for the sources under `dir`, keys sorted so the file only changes when a string does.
 * @returns {Promise<Record<string, string>>}
 */
export async function buildL10nBundle(dir = 'src') {
  const bundle = await getL10nJson(sourceFiles(dir).map((file) => ({ contents: readFileSync(file, 'utf8'), extension: '.ts' })));
  return Object.fromEntries(
    Object.keys(bundle)
      .sort()
      .map((key) => [key, /** @type {string} */ (bundle[key])]),
  );
}

/** @param {Record<string, string>} bundle */
export const formatBundle = (bundle) => `${JSON.stringify(bundle, null, 2)}\n`;
