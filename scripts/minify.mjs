// Minifies the page-facing loader for dist/ (scripts/build): it is the one file every page with the
// widget downloads, before the visitor has scrolled anywhere, so every byte counts. dist-test/
// keeps the readable source (the end-to-end tests measure its line coverage and append test hooks).
// Usage: node scripts/minify.mjs <file.js>...   (rewrites each file in place)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(join(resolve(import.meta.dirname, '..'), 'e2e/package.json'));
const { minify } = require('terser');

/** The same options everywhere, so a test can check dist/ holds exactly the current loader. */
export const OPTIONS = { module: true, ecma: 2022, compress: { passes: 2 }, mangle: true, format: { comments: false } };

export async function minifyLoader(source) {
  return (await minify(source, OPTIONS)).code + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const file of process.argv.slice(2)) {
    const before = readFileSync(file, 'utf8');
    const after = await minifyLoader(before);
    writeFileSync(file, after);
    console.error(`minified ${file}: ${before.length} -> ${after.length} bytes`);
  }
}
