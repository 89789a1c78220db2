// Benchmark of the embed bundle in headless Chromium on the shared workload (../shared/bench/workload.mjs):
// a host page holding the workload's ~1 MB article as <p> elements; Hamish mounted on it through the
// JS API, then the workload's 1,000 annotations imported. Times are medians of 3 runs, wasm load excluded.
// Usage: node scripts/bench-embed.mjs target/workload.json   (needs dist-embed/: `make embed`)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { articleBody, launchChromium, median } from './bench-shared.mjs';

const workload = JSON.parse(fs.readFileSync(process.argv[2] || 'target/workload.json', 'utf8'));
const body = articleBody(workload.text);
const page = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>bench</title></head><body><article id="bench">${body}</article>
<script type="module" src="/hamish/hamish.js"></script></body></html>`;
const collection = {
  '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection',
  first: { type: 'AnnotationPage', items: workload.anns.map((a) => ({
    id: `urn:bench:${a.id}`, type: 'Annotation', motivation: 'classifying',
    created: '2026-11-29T00:00:00Z', modified: '2026-11-29T00:00:00Z',
    body: [{ type: 'TextualBody', purpose: 'classifying', value: 'claim' }],
    target: { source: 'urn:bench', selector: [
      { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      { type: 'TextPositionSelector', start: a.start, end: a.end },
    ] },
  })) },
};

const dist = path.resolve('dist-embed');
const examples = path.resolve('examples');
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page); return; }
  let file = url.pathname.startsWith('/examples/')
    ? path.join(examples, decodeURIComponent(url.pathname.slice('/examples/'.length)))
    : path.join(dist, url.pathname.replace(/^\/hamish\//, ''));
  if (file.endsWith('/')) file += 'index.html';
  const types = { '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const type = types[path.extname(file)] || 'text/javascript';
  fs.readFile(file, (err, data) => (err ? res.writeHead(404).end() : res.writeHead(200, { 'content-type': type }).end(data)));
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await launchChromium();
const runs = { mount: [], mountNoSuggest: [], importPaint: [], idle: [], idleWithout: [] };
let info;
for (let run = 0; run < 3; run++) {
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(base);
  await tab.evaluate(() => localStorage.clear());
  // The same clock before Hamish is mounted: the page's own cost.
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Performance.enable');
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const tick = () => tab.evaluate(() => {
    const clock = document.createElement('p');
    document.body.prepend(clock);
    window.benchClock = setInterval(() => { clock.textContent = String(performance.now()); }, 100);
  });
  await tick();
  await tab.waitForTimeout(500);
  let before = await task();
  await tab.waitForTimeout(3000);
  const idleWithout = ((await task()) - before) / 3 * 1000;
  await tab.evaluate(() => clearInterval(window.benchClock));
  const r = await tab.evaluate(async (json) => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    await window.Hamish.ready();
    const el = document.getElementById('bench');
    let t = performance.now();
    let h = await window.Hamish.mount(el, { id: 'bench' });
    await frame();
    const mount = performance.now() - t;
    const suggestions = [...CSS.highlights.keys()].filter((k) => k.includes('suggestion'))
      .reduce((n, k) => n + CSS.highlights.get(k).size, 0);
    await h.unmount();
    localStorage.clear();
    // The annotations-only figure: an entity that the article never names, so no suggestions.
    t = performance.now();
    h = await window.Hamish.mount(el, { id: 'bench', entities: [{ label: 'Absent', color: '#1d4ed8', forms: ['zzzz'] }] });
    await frame();
    const mountNoSuggest = performance.now() - t;
    t = performance.now();
    const report = h.import(json);
    await frame();
    const importPaint = performance.now() - t;
    const claims = CSS.highlights.get('hamish-2-claim')?.size ?? 0;
    return { mount, mountNoSuggest, importPaint, suggestions, report: { anchored: report.anchored, orphaned: report.orphaned }, claims, blocks: el.children.length };
  }, JSON.stringify(collection));
  // Main-thread work while a clock elsewhere on the page ticks every 100 ms for 3 s, with Hamish
  // mounted (with its suggestions) — what every small change to a page costs with Hamish on it.
  await tab.evaluate(async () => {
    await (await window.Hamish.handle(document.getElementById('bench'))).unmount();
    await window.Hamish.mount(document.getElementById('bench'), { id: 'bench' });
  });
  await tick();
  await tab.waitForTimeout(500);
  before = await task();
  await tab.waitForTimeout(3000);
  r.idle = ((await task()) - before) / 3 * 1000;
  r.idleWithout = idleWithout;
  await tab.evaluate(() => clearInterval(window.benchClock));
  if (errors.length) throw new Error(errors.join('\n'));
  runs.mount.push(r.mount); runs.mountNoSuggest.push(r.mountNoSuggest); runs.importPaint.push(r.importPaint);
  runs.idle.push(r.idle); runs.idleWithout.push(r.idleWithout);
  info = r;
  await tab.close();
}

// The news site's own page (examples/news-site/) while it loads: long tasks (PerformanceObserver
// `longtask`, over 50 ms) in its first 4 s, with Hamish in each `data-hamish-load` mode and without
// it (hamish.js answered with an empty module); when the core's request starts and the article is
// mounted, against the page's load event. Fresh storage each run, medians of 3.
const loading = {};
for (const mode of ['without', 'idle', 'interaction', 'eager']) {
  loading[mode] = [];
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.benchLong = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.benchLong.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });
      document.addEventListener('hamish:ready', () => { window.benchMounted ??= performance.now(); });
    });
    if (mode === 'without') {
      await context.route('**/hamish/hamish.js', (route) => route.fulfill({ body: '', contentType: 'text/javascript' }));
    } else {
      await context.route('**/examples/news-site/', async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace('data-hamish>', `data-hamish data-hamish-load="${mode}">`);
        await route.fulfill({ response, body: html });
      });
    }
    const tab = await context.newPage();
    await tab.goto(`${base}examples/news-site/`);
    await tab.waitForTimeout(4000);
    loading[mode].push(await tab.evaluate(() => {
      const load = performance.getEntriesByType('navigation')[0].loadEventEnd;
      const core = performance.getEntriesByType('resource').find((e) => e.name.endsWith('hamish-core_bg.wasm'));
      const long = window.benchLong.filter(([start]) => start < 4000);
      return {
        load, core: core ? core.startTime : null, mounted: window.benchMounted ?? null,
        long: long.reduce((n, [, d]) => n + d, 0), count: long.length,
        beforeLoad: long.filter(([start]) => start < load).reduce((n, [, d]) => n + d, 0),
      };
    }));
    await context.close();
  }
}
await browser.close();
server.close();
const ms = (xs) => `${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
console.log(`bench: embed host page ${workload.text.length} chars, ${info.blocks} <p>`);
console.log(`bench: embed mount with the 4 default entities (${info.suggestions} suggestions drawn near the screen): ${ms(runs.mount)}`);
console.log(`bench: embed mount without suggestions: ${ms(runs.mountNoSuggest)}`);
console.log(`bench: embed import ${workload.anns.length} annotations (${info.report.anchored} anchored, ${info.report.orphaned} orphaned) (${info.claims} claim ranges drawn near the screen): ${ms(runs.importPaint)}`);
console.log(`bench: embed main-thread work per second while a clock elsewhere on the page ticks every 100 ms: ${ms(runs.idle)} with Hamish mounted (1,000 claims and 11,764 suggestions, those near the screen drawn), ${ms(runs.idleWithout)} without Hamish`);
const mid = (xs) => (xs.some((x) => x == null) ? '—' : `${median(xs).toFixed(0)} ms`);
for (const [mode, rs] of Object.entries(loading)) {
  const pick = (k) => rs.map((r) => r[k]);
  console.log(`bench: news-site page load, ${mode === 'without' ? 'without Hamish' : `data-hamish-load=${mode}`}: `
    + `long tasks in the first 4 s ${mid(pick('long'))} (${pick('count').join('/')} tasks; ${mid(pick('beforeLoad'))} before the load event), `
    + `load event ${mid(pick('load'))}, core requested at ${mid(pick('core'))}, mounted at ${mid(pick('mounted'))}`);
}
