// Prints raw, gzip and brotli sizes of every file a host page downloads before the widget is
// interactive, and the total. Usage: node scripts/size.mjs [dist-dir]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
// In load order: the loader, then (in parallel) the glue, the wasm and the stylesheet.
const files = ['treatment-widget.js', 'treatment-widget-app.js', 'treatment-widget-app_bg.wasm', 'treatment-widget.css'];

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log(`${'file'.padEnd(32)}${'raw'.padStart(11)}${'gzip -9'.padStart(11)}${'brotli 11'.padStart(11)}`);
for (const file of files) {
  const data = readFileSync(join(dist, file));
  const raw = data.length;
  const gzip = gzipSync(data, { level: 9 }).length;
  const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total = { raw: total.raw + raw, gzip: total.gzip + gzip, brotli: total.brotli + brotli };
  console.log(`${file.padEnd(32)}${kb(raw)}${kb(gzip)}${kb(brotli)}`);
}
console.log(`${'total'.padEnd(32)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
