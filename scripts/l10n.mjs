// `npm run l10n`: writes l10n/bundle.l10n.json from the vscode.l10n.t calls in src/ (see
// scripts/lib/l10nBundle.mjs). Translators copy it to bundle.l10n.<locale>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BUNDLE_FILE, buildL10nBundle, formatBundle } from './lib/l10nBundle.mjs';

const bundle = await buildL10nBundle();
mkdirSync(dirname(BUNDLE_FILE), { recursive: true });
writeFileSync(BUNDLE_FILE, formatBundle(bundle));
console.log(`${BUNDLE_FILE}: ${Object.keys(bundle).length} strings`);
