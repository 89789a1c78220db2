// Benchmark of the standalone page on a long article, in headless Chromium: the shared workload's
// ~1 MB Arabic text served as a .txt and opened by `?src=`. Fresh storage each run; medians of 3.
// Times from navigation start: the first screen painted (the first block in the DOM, then a frame),
// the whole article in the DOM (its last block), every suggestion there; then a claim made as a
// reader makes one (a mouse drag over a phrase, `c`) until its highlight is in the DOM and painted.
// Usage: node scripts/bench-long.mjs target/workload.json   (needs dist/: `trunk build --release`;
// HAMISH_DIST=dir measures another build, e.g. a copy of dist/ from another commit)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, median } from './bench-shared.mjs';

const workload = JSON.parse(fs.readFileSync(process.argv[2] || 'target/workload.json', 'utf8'));
const text = workload.text;
const paragraphs = text.split('\n\n').length;
const dist = path.resolve(process.env.HAMISH_DIST || 'dist');
const types = { '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/long.txt') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
    return;
  }
  let file = path.join(dist, decodeURIComponent(url.pathname));
  if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
  if (file.endsWith('/')) file += 'index.html';
  fs.readFile(file, (err, data) => (err
    ? res.writeHead(404).end()
    : res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' }).end(data)));
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}/`;

// Installed before the page's own scripts: notes when the first and last blocks, the suggestions and
// a claim's highlight enter the DOM, and the frame after each.
const watch = (last) => {
  const t = (window.benchTimes = {});
  const frame = (name) => requestAnimationFrame(() => setTimeout(() => { t[name] ??= performance.now(); }));
  const seen = (name) => { if (t[name] === undefined) { t[name] = performance.now(); frame(`${name}Painted`); } };
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        // The cheap checks first: tens of thousands of nodes arrive one by one.
        const block = n.hasAttribute('data-block');
        if (n.classList.contains('sg') || (block && n.querySelector('.sg'))) { t.sgFirst ??= now; t.sgLast = now; }
        if (t.keydown !== undefined && (n.classList.contains('hl-claim') || ((block || n.classList.contains('hl-run')) && n.querySelector('.hl-claim')))) seen('claim');
      }
    }
    if (t.first === undefined && document.querySelector('article [data-block="0"]')) seen('first');
    if (t.last === undefined && document.querySelector(`article [data-block="${last}"]`)) seen('last');
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('keydown', (e) => { if (e.key === 'c') t.keydown = performance.now(); }, true);
};

const browser = await launchChromium();
const runs = { first: [], firstPainted: [], last: [], sg: [], claim: [], claimPainted: [], fetched: [] };
let info = {};
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(watch, paragraphs - 1);
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(`${base}?src=/long.txt&ui=en`);
  await tab.waitForFunction(() => window.benchTimes.lastPainted !== undefined, null, { timeout: 60_000 });
  // Settled: nothing more added for a second.
  let before;
  do {
    before = await tab.evaluate(() => window.benchTimes.sgLast);
    await tab.waitForTimeout(1000);
  } while (before !== await tab.evaluate(() => window.benchTimes.sgLast));
  const sgLast = await tab.evaluate(() => window.benchTimes.sgLast);
  // A reader's claim: drag over four words of the second paragraph, right to left, then `c`.
  const box = await tab.evaluate(() => {
    const block = document.querySelector('article [data-block="1"]');
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let n; (n = walker.nextNode());) nodes.push(n);
    const full = nodes.map((n) => n.data).join('');
    const from = full.indexOf(' ', 40) + 1;
    let to = from;
    for (let i = 0; i < 4; i++) to = full.indexOf(' ', to + 1);
    const rect = (at) => {
      let seen = 0;
      for (const n of nodes) {
        if (at < seen + n.data.length) {
          const r = document.createRange();
          r.setStart(n, at - seen); r.setEnd(n, at - seen + 1);
          const b = r.getBoundingClientRect();
          return { x: b.left, y: b.top + b.height / 2, right: b.right };
        }
        seen += n.data.length;
      }
      return null;
    };
    return { first: rect(from), last: rect(to - 1) };
  });
  await tab.mouse.move(box.first.right - 1, box.first.y);
  await tab.mouse.down();
  await tab.mouse.move(box.last.x + 1, box.last.y, { steps: 8 });
  await tab.mouse.up();
  await tab.waitForSelector('.hamish-toolbar');
  await tab.keyboard.press('c');
  await tab.waitForFunction(() => window.benchTimes.claimPainted !== undefined, null, { timeout: 30_000 });
  const r = await tab.evaluate(() => {
    const t = window.benchTimes;
    const fetched = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/long.txt'));
    return {
      ...t, fetched: fetched ? fetched.responseEnd : null,
      blocks: document.querySelectorAll('article [data-block]').length,
      suggestions: document.querySelectorAll('article .sg[tabindex]').length,
      claims: document.querySelectorAll('article .hl-claim').length,
    };
  });
  if (errors.length) throw new Error(errors.join('\n'));
  if (r.claims < 1) throw new Error('the claim was not drawn');
  runs.first.push(r.first); runs.firstPainted.push(r.firstPainted); runs.last.push(r.last);
  runs.sg.push(sgLast); runs.claim.push(r.claim - r.keydown); runs.claimPainted.push(r.claimPainted - r.keydown);
  runs.fetched.push(r.fetched);
  info = r;
  await context.close();
}
await browser.close();
server.close();
const ms = (xs) => `${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
console.log(`bench: long article by ?src= ${text.length} chars, ${info.blocks} blocks (of ${paragraphs} paragraphs), ${info.suggestions} suggestions`);
console.log(`bench: long article fetched (response end): ${ms(runs.fetched)}`);
console.log(`bench: long article first block in the DOM: ${ms(runs.first)}; first screen painted: ${ms(runs.firstPainted)}`);
console.log(`bench: long article whole article in the DOM (last block): ${ms(runs.last)}`);
console.log(`bench: long article suggestions all in the DOM: ${ms(runs.sg)}`);
console.log(`bench: long article new claim (mouse drag, c) in the DOM: ${ms(runs.claim)}; painted: ${ms(runs.claimPainted)}`);
