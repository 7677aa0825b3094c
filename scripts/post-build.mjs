// Runs after Trunk has written the app (hashed file names included):
// - adds a Content-Security-Policy whose script hashes match Trunk's inline loader;
// - writes the service worker with the exact list of files to precache and a version that
//   changes whenever any file does.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
writeFileSync(indexPath, html);

function walk(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(dir, path).split('\\').join('/')];
  });
}
const files = walk(dir).filter((f) => f !== 'sw.js').sort();
const version = createHash('sha256');
for (const f of files) version.update(f).update(readFileSync(join(dir, f)));
const sw = readFileSync(join(dir, 'sw.js'), 'utf8')
  .replace('__CAIRN_VERSION__', version.digest('hex').slice(0, 16))
  .replace('__CAIRN_PRECACHE__', JSON.stringify(files));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`post-build: CSP with ${hashes.length} script hash(es); service worker precaches ${files.length} files`);
