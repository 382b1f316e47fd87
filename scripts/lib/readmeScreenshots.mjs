// The screenshots README.md shows: `media/screenshots/<name>.png`, each written by a UI test as
// `<outputDir>/<name>.png` (see scripts/screenshots.mjs).
import { readFileSync } from 'node:fs';

/** @returns {string[]} file names, e.g. ['explore-behaviors.png'] */
export function readmeScreenshots(readme = readFileSync('README.md', 'utf8')) {
  return [...new Set([...readme.matchAll(/\]\(media\/screenshots\/([\w.-]+\.png)\)/g)].map((m) => m[1]))];
}
