// The peer beside scripts/bench-embed.mjs: @recogito/text-annotator (its self-contained UMD build from
// node_modules) in headless Chromium on the same host page — the workload's ~1 MB article as <p>
// elements, every tenth with a link — created on the article, then given the workload's 1,000
// annotations (its own format: quote + start/end in the article's text) and painted. Medians of 3 runs,
// script load excluded; with its default renderer (SPANS) and with CSS_HIGHLIGHTS (what Hamish uses).
// (The UMD build reads `process.env`, so the page defines it.)
// Usage: node scripts/bench-peer-paint.mjs target/workload.json
import http from 'node:http';
import fs from 'node:fs';
import { articleBody, launchChromium, median } from './bench-shared.mjs';

const workload = JSON.parse(fs.readFileSync(process.argv[2] || 'target/workload.json', 'utf8'));
const body = articleBody(workload.text);
const page = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>bench</title><link rel="stylesheet" href="/ta.css"></head><body><article id="bench">${body}</article>
<script>window.process = { env: { NODE_ENV: "production" } };</script><script src="/ta.js"></script></body></html>`;
// The article's text in the DOM joins paragraphs with one '\n' where the workload has '\n\n': shift
// each offset by the number of paragraph breaks before it (and quotes across a break likewise).
const breaks = [];
for (let at = workload.text.indexOf('\n\n'); at !== -1; at = workload.text.indexOf('\n\n', at + 2)) breaks.push(at);
const domOffset = (o) => { let lo = 0, hi = breaks.length; while (lo < hi) { const m = (lo + hi) >> 1; if (breaks[m] < o) lo = m + 1; else hi = m; } return o - lo; };
const annotations = workload.anns.map((a) => ({
  id: `bench-${a.id}`, bodies: [],
  target: { annotation: `bench-${a.id}`, selector: [{ quote: a.exact.replaceAll('\n\n', '\n'), start: domOffset(a.start), end: domOffset(a.end) }] },
}));

const dist = 'node_modules/@recogito/text-annotator/dist/';
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  if (url.pathname === '/ta.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(dist + 'text-annotator.umd.js'));
  if (url.pathname === '/ta.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(fs.readFileSync(dist + 'text-annotator.css'));
  res.writeHead(404).end();
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await launchChromium();
const ms = (xs) => `${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
const version = JSON.parse(fs.readFileSync('node_modules/@recogito/text-annotator/package.json', 'utf8')).version;
for (const renderer of ['SPANS', 'CSS_HIGHLIGHTS']) {
  const runs = { create: [], paint: [] };
  let info;
  for (let run = 0; run < 3; run++) {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(base);
    const r = await tab.evaluate(async ({ annotations, renderer }) => {
      const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const el = document.getElementById('bench');
      let t = performance.now();
      const anno = window.RecogitoJS.createTextAnnotator(el, { renderer });
      await frame();
      const create = performance.now() - t;
      t = performance.now();
      anno.setAnnotations(annotations);
      await frame();
      const paint = performance.now() - t;
      const spans = document.querySelectorAll('.r6o-annotation').length;
      const highlights = CSS.highlights ? [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0) : 0;
      return { create, paint, stored: anno.getAnnotations().length, spans, highlights };
    }, { annotations, renderer });
    if (errors.length) throw new Error(errors.join('\n'));
    runs.create.push(r.create); runs.paint.push(r.paint); info = r;
    await tab.close();
  }
  console.log(`bench: peer @recogito/text-annotator ${version} (${renderer}) create on the host page: ${ms(runs.create)}`);
  console.log(`bench: peer @recogito/text-annotator ${version} (${renderer}) setAnnotations ${annotations.length} annotations and paint (${info.stored} stored, ${info.spans} spans, ${info.highlights} highlight ranges): ${ms(runs.paint)}`);
}
await browser.close();
server.close();
