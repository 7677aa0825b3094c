// Prints the size of the release wasm and of the whole app: raw, gzip and brotli.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile());
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total = { raw: 0, gzip: 0, brotli: 0 };
for (const f of files) {
  const data = readFileSync(join(dir, f));
  const sizes = {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of Object.keys(total)) total[k] += sizes[k];
  if (f.endsWith('.wasm')) console.log(`wasm ${f}: ${kb(sizes.raw)} raw, ${kb(sizes.gzip)} gzip, ${kb(sizes.brotli)} brotli`);
}
console.log(`app total (${files.length} files): ${kb(total.raw)} raw, ${kb(total.gzip)} gzip, ${kb(total.brotli)} brotli`);
