// Shipped size, gzip -9, side by side: Hamish's standalone page (dist/) and embed bundle (dist-embed/)
// against the peers' own builds from npm (devDependencies): RecogitoJS (its full UI: script, CSS,
// polyfills) and the Hypothesis client (boot, annotator and sidebar scripts, their CSS; without
// fonts, KaTeX and the PDF styles, which load only when needed). `node scripts/bench-size.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

// GNU gzip -9, as scripts/size.sh measures (Node's zlib compresses these files a few KB worse).
const gzip = (file) => execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 28 }).length;
const shipped = (dir, exts = ['.wasm', '.js', '.css']) =>
  fs.readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => fs.statSync(f).isFile() && exts.includes(path.extname(f)))
    .reduce((sum, f) => sum + gzip(f), 0);
const files = (base, list) => list.reduce((sum, f) => sum + gzip(path.join(base, f)), 0);

const recogito = files('node_modules/@recogito/recogito-js/dist',
  ['recogito.min.js', 'recogito.min.css', 'recogito-polyfills.js']);
const recogitoCore = files('node_modules/@recogito/recogito-js/dist', ['recogito.min.js', 'recogito.min.css']);
const hypothesis = files('node_modules/hypothesis/build', ['boot.js', 'scripts/annotator.bundle.js',
  'scripts/sidebar.bundle.js', 'styles/annotator.css', 'styles/highlights.css', 'styles/sidebar.css']);
const textAnnotator = files('node_modules/@recogito/text-annotator/dist', ['text-annotator.es.js', 'text-annotator.css']);
const standalone = shipped('dist');
const embed = shipped('dist-embed');
const embedFirst = gzip('dist-embed/hamish.js');

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log('bench: size, gzip -9 (what a page downloads)');
console.log(`bench: size Hamish standalone page ${kb(standalone)}; embed bundle ${kb(embed)}, of which ${kb(embedFirst)} before the reader needs it`);
console.log(`bench: size RecogitoJS 1.8.4 ${kb(recogitoCore)} (+ polyfills ${kb(recogito - recogitoCore)}); @recogito/text-annotator ${kb(textAnnotator)} (no UI); Hypothesis client ${kb(hypothesis)}`);
console.log(`bench: size ratio Hamish standalone ÷ RecogitoJS ${(standalone / recogitoCore).toFixed(2)}×, ÷ Hypothesis ${(standalone / hypothesis).toFixed(2)}×; embed before use ÷ Hypothesis ${(embedFirst / hypothesis).toFixed(3)}×`);
