// Minifies a built bundle in place: optimizes its WebAssembly (scripts/optimize-wasm.mjs), and minifies
// its JavaScript (terser, ES module): wasm-bindgen's glue and hamish.js ship unminified otherwise. First gives the WebAssembly's imports short names in the wasm
// and its glue (scripts/shorten-imports.mjs). Fixes the `integrity` hashes in index.html when there is one.
//   node scripts/minify.mjs DIR          (Trunk's post-build hook passes TRUNK_STAGING_DIR)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';
import { shortenImports } from './shorten-imports.mjs';
import { optimizeWasm } from './optimize-wasm.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const index = path.join(dir, 'index.html');
let html = fs.existsSync(index) ? fs.readFileSync(index, 'utf8') : null;
const sri = (text) => `sha384-${crypto.createHash('sha384').update(text).digest('base64')}`;

for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const file = path.join(dir, name);
  const original = fs.readFileSync(file, 'utf8');
  const wasm = file.replace(/\.js$/, '_bg.wasm');
  if (fs.existsSync(wasm)) {
    const wasmBefore = fs.readFileSync(wasm);
    // Trunk's debug builds (TRUNK_PROFILE=debug) are not optimized, as Trunk itself would not.
    if (process.env.TRUNK_PROFILE !== 'debug') optimizeWasm(wasm);
    console.log(`minify: ${shortenImports(wasm, file)} imports and exports of ${path.basename(wasm)} renamed`);
    if (html !== null) html = html.split(sri(wasmBefore)).join(sri(fs.readFileSync(wasm)));
  }
  const source = fs.readFileSync(file, 'utf8');
  const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  if (typeof result.code !== 'string') throw new Error(`minify: ${name} gave no code`);
  fs.writeFileSync(file, result.code);
  if (html !== null) {
    const before = sri(original);
    html = html.split(before).join(sri(result.code));
  }
  console.log(`minify: ${name} ${source.length} → ${result.code.length} bytes`);
}
if (html !== null) fs.writeFileSync(index, html);
