// Hamish embedded in a news site's article page (examples/news-site/, bundle from `make embed`):
// a reader tags the host's own text in place; the site hears of it and reads it through the JS API.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dragHost, highlights, hostRect, fillStorage, freeStorage, tryToLeave } from './helpers.mjs';

const SITE = '/examples/news-site/';
const VALIDATOR = path.resolve('../shared/w3c-annotation-model/validate.py');
const MAIN_ID = 'https://news.example/2026/11/syria-russia-sources';
const BUNDLE = ['/hamish/hamish.js', '/hamish/hamish-core.js', '/hamish/hamish-core_bg.wasm'];

/** Console errors, uncaught exceptions and every request of a page. */
function watch(page) {
  const seen = { errors: [], requests: [] };
  page.on('pageerror', (e) => seen.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(`console: ${m.text()}`); });
  page.on('request', (r) => seen.requests.push(new URL(r.url()).pathname));
  return seen;
}

/** Opens an example page with empty storage, recording `hamish:change` events, and waits for every
 * marked article to be mounted. */
async function openSite(page, file = '', mounts = 1) {
  await page.addInitScript(() => {
    window.hamishEvents = [];
    window.hamishReady = [];
    document.addEventListener('hamish:ready', (e) => window.hamishReady.push([e.target.id, typeof e.detail.handle.annotations]));
    document.addEventListener('hamish:change', (e) => window.hamishEvents.push({ ...e.detail, from: e.target.id }));
  });
  await page.goto(SITE + file);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(mounts);
}

/** The handle of the article mounted on `selector`, through the page's own script. */
function api(page, selector, method, ...args) {
  return page.evaluate(async ({ selector, method, args }) => {
    const handle = await window.Hamish.handle(document.querySelector(selector));
    return handle[method](...args);
  }, { selector, method, args });
}

/** Tags `words` of the host element `selector` as a claim, waits for its highlight, and returns a
 * reader of the first annotation's stored start (its TextPositionSelector). */
async function claimOnHost(page, selector, words) {
  await dragHost(page, selector, words);
  await page.keyboard.press('c');
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-claim': [words] });
  return async () => (await api(page, '#story', 'annotations')).first.items[0].target.selector[1].start;
}

/** Layout and computed styles of host elements, to compare a page with and without Hamish. */
async function hostSnapshot(page, selectors) {
  return page.evaluate((selectors) => selectors.map((s) => {
    const el = document.querySelector(s);
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return {
      s, rect: [r.left, r.top, r.width, r.height].map((v) => Math.round(v * 10) / 10),
      style: ['display', 'direction', 'line-height', 'font-family', 'padding', 'border-top-style', 'background-color', 'color']
        .map((p) => cs.getPropertyValue(p)).join('|'),
    };
  }), selectors);
}

/** The same page without Hamish: the bundle's script answered with an empty module. */
async function withoutHamish(page, file, selectors) {
  await page.route('**/hamish/hamish.js', (route) => route.fulfill({ body: '', contentType: 'text/javascript' }));
  await page.goto(SITE + file);
  const snapshot = await hostSnapshot(page, selectors);
  const html = await page.locator('article.story').first().evaluate((el) => el.innerHTML);
  await page.unroute('**/hamish/hamish.js');
  return { snapshot, html };
}

test('a reader tags the host article in place, across a link; the site hears it; reload keeps it', async ({ page }, info) => {
  const seen = watch(page);
  await openSite(page);
  const toolbar = page.getByRole('toolbar');

  // A claim across the host's own link (وسائل التواصل الاجتماعي is an <a> inside the sentence).
  const claim = 'سيل من المعلومات في وسائل التواصل الاجتماعي';
  const selected = await dragHost(page, '#story > p:nth-of-type(1)', claim);
  expect(selected.trim()).toBe(claim);
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'ادعاء' }).click();
  await expect(toolbar).toBeHidden();
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-claim': [claim] });

  // An entity by the keyboard (1 = Russia), inside emphasis the host rendered.
  await dragHost(page, '#story > p:nth-of-type(2)', 'المخابرات الروسية');
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('1');
  await expect(toolbar).toBeHidden();
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-entity-0': ['المخابرات الروسية'] });

  // The host's link is still the host's link.
  await expect(page.locator('#story a[href="#social"]')).toHaveText('وسائل التواصل الاجتماعي');

  // The site heard both, as W3C annotations, through its own listener.
  await expect.poll(() => page.evaluate(() => window.hamishEvents.map((e) => e.type))).toEqual(['created', 'created']);
  const events = await page.evaluate(() => window.hamishEvents);
  expect(events[0].article).toBe(MAIN_ID);
  expect(events[0].annotation.target.source).toBe(MAIN_ID);
  expect(events[0].annotation.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: claim });
  expect(events[1].annotation.body.map((b) => b.purpose)).toContain('tagging');
  await expect(page.locator('#backend-log li')).toHaveCount(2);

  // The page heard that Hamish was ready, with its handle.
  expect(await page.evaluate(() => window.hamishReady)).toEqual([['story', 'function']]);

  // Stored under the page's canonical URL.
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `hamish:v1:annotations:${MAIN_ID}`);
  expect(stored.annotations.map((a) => a.exact).sort()).toEqual([claim, 'المخابرات الروسية'].sort());
  await page.screenshot({ path: info.outputPath('embedded.png') });

  // A click on the claim opens its popover; a note is an update the site hears of.
  const spot = await hostRect(page, '#story > p:nth-of-type(1)', 'المعلومات');
  await page.mouse.click(spot.left + spot.width / 2, spot.top + spot.height / 2);
  const popover = page.getByRole('dialog');
  await expect(popover).toBeVisible();
  await expect(popover.locator('.pop-quote')).toHaveText(claim);
  await popover.getByLabel('ملاحظة').fill('مصادر مجهولة');
  await popover.getByRole('button', { name: 'إغلاق' }).click();
  await expect(popover).toBeHidden();
  await expect.poll(async () => (await page.evaluate(() => window.hamishEvents)).map((e) => e.type).pop())
    .toBe('updated');
  const updated = (await page.evaluate(() => window.hamishEvents)).pop().annotation;
  expect(updated.body.find((b) => b.purpose === 'commenting').value).toBe('مصادر مجهولة');

  // Reload: both are back in place, with the note.
  await page.reload();
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  await expect.poll(() => highlights(page)).toMatchObject({
    'hamish-1-claim': [claim], 'hamish-1-entity-0': ['المخابرات الروسية'],
  });
  await expect(page.locator('.hamish-panel .item')).toHaveCount(2);
  await expect(page.locator('.hamish-panel .item .note')).toHaveText('مصادر مجهولة');

  // annotations() returns what the Export button downloads; the file is valid W3C.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'تصدير JSON' }).click(),
  ]);
  const file = info.outputPath('export.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  const fromApi = await api(page, '#story', 'annotations');
  expect(fromApi.first.items).toEqual(exported.first.items);
  expect(fromApi.type).toBe('AnnotationCollection');
  expect(fromApi.total).toBe(2);
  execFileSync('python3', [VALIDATOR, file]);

  // Nothing was fetched but the page, its stylesheet and the bundle; nothing went wrong.
  const unexpected = seen.requests.filter((p) => !p.startsWith(SITE) && !BUNDLE.includes(p));
  expect(unexpected).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('hostile CSS: Hamish still works, and the host keeps its own styles, layout and markup', async ({ page }) => {
  const selectors = ['body', '#story h1', '#story > p:nth-of-type(1)', '#story > p:nth-of-type(6)', '#host-mark',
    '#host-button', '#host-span', '.sidebar', '.comment-form', '#comment-text'];
  const before = await withoutHamish(page, 'hostile.html', selectors);
  const seen = watch(page);
  await openSite(page, 'hostile.html');
  await expect.poll(() => highlights(page)).toHaveProperty('hamish-1-suggestion-0');
  // Nothing of the host moved or changed style, and its article's markup is untouched.
  expect(await hostSnapshot(page, selectors)).toEqual(before.snapshot);
  expect(await page.locator('#story').evaluate((el) => el.innerHTML)).toBe(before.html);
  expect(await page.locator('#host-mark').evaluate((el) => getComputedStyle(el).display)).toBe('block');
  expect(await page.locator('#host-span').evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dotted');

  // The page hides [role=toolbar] and unsets every button: Hamish's own still show, in its style.
  const toolbar = page.getByRole('toolbar');
  await dragHost(page, '#story > p:nth-of-type(1)', 'والدور الذي لعبته روسيا');
  await expect(toolbar).toBeVisible();
  const claim = toolbar.getByRole('button', { name: 'ادعاء' });
  const look = await claim.evaluate((b) => { const cs = getComputedStyle(b); return [cs.display, cs.backgroundColor, cs.borderTopStyle]; });
  expect(look).toEqual(['flex', 'rgb(255, 224, 138)', 'none']);
  const chrome = await page.locator('.hamish-embed').evaluate((el) => { const cs = getComputedStyle(el); return [cs.lineHeight, cs.direction, cs.fontSize]; });
  expect(chrome).toEqual(['24px', 'rtl', '16px']);
  await claim.click();
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-claim': ['والدور الذي لعبته روسيا'] });
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  expect(seen.errors).toEqual([]);
});

test('two articles on one page keep separate annotations, storage, events and handles', async ({ page }) => {
  await openSite(page, 'two-articles.html', 2);
  await dragHost(page, '#story-a > p:nth-of-type(1)', 'سيل من المعلومات');
  await page.keyboard.press('c');
  // Across a source line break in the host's HTML: stored as the page shows it, one space.
  const across = 'وزراء خارجية روسيا وتركيا وإيران، خُصص لبحث';
  await dragHost(page, '#story-b > p:nth-of-type(1)', across);
  await page.keyboard.press('c');
  await expect.poll(async () => (await api(page, '#story-b', 'annotations')).total).toBe(1);

  const a = await api(page, '#story-a', 'annotations');
  const b = await api(page, '#story-b', 'annotations');
  expect(a.first.items.map((i) => i.target.selector[0].exact)).toEqual(['سيل من المعلومات']);
  expect(b.first.items.map((i) => i.target.selector[0].exact)).toEqual([across]);
  const ids = await page.evaluate(async () => Promise.all(['#story-a', '#story-b']
    .map(async (s) => (await window.Hamish.handle(document.querySelector(s))).id)));
  expect(ids).toEqual(['https://news.example/2026/11/live-syria#story-a', 'https://news.example/2026/11/live-syria#story-b']);
  expect([a.first.items[0].target.source, b.first.items[0].target.source]).toEqual(ids);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':annotations:')).sort());
  expect(keys).toEqual(ids.map((id) => `hamish:v1:annotations:${id}`).sort());
  await expect.poll(() => page.evaluate(() => window.hamishEvents.map((e) => [e.type, e.from])))
    .toEqual([['created', 'story-a'], ['created', 'story-b']]);
  expect(await highlights(page)).toMatchObject({ 'hamish-1-claim': ['سيل من المعلومات'], 'hamish-2-claim': [across] });

  // The first article's panel is open, the second's waits as a launcher; opening it closes the first.
  const docks = page.locator('.hamish-dock');
  await expect(docks).toHaveCount(1);
  await expect(docks.locator('.hamish-dock-title')).toHaveText('مصادر روسية تكشف بعض الحقائق حول سقوط نظام الأسد');
  await page.locator('.hamish-launcher').click();
  await expect(docks).toHaveCount(1);
  await expect(docks.locator('.hamish-dock-title')).toHaveText(/^اجتماع ثلاثي في أستانا/);
  await expect(docks.locator('.hamish-panel .item')).toHaveCount(1);
  // While one panel is open the other article's launcher keeps out of its way; closing it brings both back.
  await expect(page.locator('.hamish-launcher')).toHaveCount(0);
  await page.getByRole('button', { name: 'إخفاء اللوحة' }).click();
  await expect(page.locator('.hamish-launcher')).toHaveCount(2);
  await expect(page.locator('.hamish-launcher').nth(1)).toBeFocused();

  // After a reload each finds its own again.
  await page.reload();
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(2);
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-claim': ['سيل من المعلومات'], 'hamish-2-claim': [across] });

  // Unmounting one leaves the other alone.
  await page.evaluate(async () => (await window.Hamish.handle(document.querySelector('#story-a'))).unmount());
  const left = await highlights(page);
  expect(Object.keys(left).some((n) => n.startsWith('hamish-1-'))).toBe(false);
  expect(left['hamish-2-claim']).toEqual([across]);
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  await expect(page.locator('hamish-chrome')).toHaveCount(1);
});

test('data-src: the article is loaded from a URL into the element and annotated there', async ({ page }) => {
  const seen = watch(page);
  await openSite(page, 'remote.html');
  await expect(page.locator('#remote-story h1')).toHaveText('روسيا تؤكد وصول الأسد إلى موسكو وتركيا تدعو إلى انتقال سلمي');
  await expect(page.locator('#remote-story p')).toHaveCount(4);
  await expect(page.locator('#remote-story nav, #remote-story footer, #remote-story style')).toHaveCount(0);
  const quote = 'بشار الأسد وصل إلى موسكو';
  await dragHost(page, '#remote-story p:nth-of-type(1)', quote);
  await page.keyboard.press('c');
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-claim': [quote] });
  const origin = new URL(page.url()).origin;
  const id = await page.evaluate(async () => (await window.Hamish.handle(document.querySelector('#remote-story'))).id);
  expect(id).toBe(`${origin}${SITE}story.html`);
  await page.reload();
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-claim': [quote] });
  expect(seen.requests.filter((p) => !p.startsWith(SITE) && !BUNDLE.includes(p))).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('data-src that cannot be loaded says why in the element', async ({ page }) => {
  await page.route('**/story.html', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(SITE + 'remote.html');
  await expect(page.locator('#remote-story [role=alert]')).toContainText('تعذّر تحميل نص المقال');
  await expect(page.locator('#remote-story [role=alert]')).toContainText('404');
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(0);
});

test('shortcuts act only on a selection in the mounted article; the host page types as usual', async ({ page }) => {
  const seen = watch(page);
  await openSite(page);
  await dragHost(page, '.most-read li:nth-of-type(1)', 'انتخابات بلدية');
  await page.keyboard.press('c');
  await page.keyboard.press('1');
  await expect(page.getByRole('toolbar')).toBeHidden();
  await page.locator('#comment-text').click();
  await page.keyboard.type('c1 تعليق');
  await page.keyboard.press('Escape');
  await expect(page.locator('#comment-text')).toHaveValue('c1 تعليق');
  expect((await api(page, '#story', 'annotations')).total).toBe(0);
  expect(seen.errors).toEqual([]);
});

test('undo right after tagging in the host text: Ctrl+Z undoes there, Ctrl+Shift+Z redoes; typing in the host\'s fields is left alone', async ({ page }) => {
  const seen = watch(page);
  await openSite(page);
  const toolbar = page.getByRole('toolbar');
  const total = async () => (await api(page, '#story', 'annotations')).total;
  // Tagged by the key: the selection is gone, the focus is on the page itself.
  await dragHost(page, '#story > p:nth-of-type(1)', 'سيل من المعلومات');
  await page.keyboard.press('c');
  await expect(toolbar).toBeHidden();
  await expect.poll(total).toBe(1);
  await page.keyboard.press('Control+z');
  await expect.poll(total).toBe(0);
  await expect.poll(async () => (await highlights(page))['hamish-1-claim']).toBeUndefined();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(total).toBe(1);
  // Tagged by the toolbar's button, whose focus goes when the toolbar does.
  await dragHost(page, '#story > p:nth-of-type(2)', 'المخابرات الروسية');
  await toolbar.getByRole('button', { name: 'ادعاء' }).click();
  await expect.poll(total).toBe(2);
  await page.keyboard.press('Control+z');
  await expect.poll(total).toBe(1);
  // Ctrl+Z in the host's comment box is the box's own.
  await page.locator('#comment-text').click();
  await page.keyboard.type('تعليق');
  await page.keyboard.press('Control+z');
  expect(await total()).toBe(1);
  await page.reload();
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  await expect.poll(async () => (await highlights(page))['hamish-1-claim']).toEqual(['سيل من المعلومات']);
  expect(seen.errors).toEqual([]);
});

test('the JS API: import into a read-only mount with its own namespace, entities and panel; clear errors', async ({ page }) => {
  await openSite(page);
  await dragHost(page, '#story > p:nth-of-type(1)', 'سيل من المعلومات');
  await page.keyboard.press('c');
  await expect.poll(async () => (await api(page, '#story', 'annotations')).total).toBe(1);
  const exported = await api(page, '#story', 'annotations');

  const result = await page.evaluate(async (json) => {
    const el = document.querySelector('#story');
    await (await window.Hamish.handle(el)).unmount();
    const after = { mounted: el.hasAttribute('data-hamish-mounted'), highlights: CSS.highlights.size };
    const h = await window.Hamish.mount(el, {
      namespace: 'newsroom', readOnly: true, panel: 'bottom',
      entities: ['russia', { label: 'NATO', labelAr: 'الناتو', color: '#7c3aed', forms: ['الناتو', 'حلف الناتو'] }],
    });
    const report = h.import(json);
    const immediately = h.annotations().total;
    await h.settled();
    return { after, report, immediately, total: h.annotations().total, keys: Object.keys(localStorage) };
  }, exported);
  expect(result.after).toEqual({ mounted: false, highlights: 0 });
  expect(result.report).toMatchObject({ anchored: 1, orphaned: 0, rejected: [] });
  expect([result.immediately, result.total]).toEqual([1, 1]);
  expect(result.keys).toContain(`newsroom:v1:annotations:${MAIN_ID}`);
  await expect(page.locator('.hamish-embed[data-panel="bottom"] .hamish-dock')).toBeVisible();
  await expect(page.locator('.hamish-panel .filters').first().locator('.chip')).toHaveText([/الكل/, /الادعاءات/, /روسيا/, /الناتو/]);

  // Read-only: a selection gets no toolbar; a highlight shows its annotation without controls.
  await dragHost(page, '#story > p:nth-of-type(2)', 'المخابرات الروسية');
  await expect(page.getByRole('toolbar')).toBeHidden();
  const spot = await hostRect(page, '#story > p:nth-of-type(1)', 'المعلومات');
  await page.mouse.click(spot.left + spot.width / 2, spot.top + spot.height / 2);
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').locator('select, textarea, .pop-delete')).toHaveCount(0);

  // Mistakes get clear messages.
  const messages = await page.evaluate(async () => {
    const out = [];
    const attempts = [
      () => window.Hamish.mount(document.querySelector('.sidebar'), { panel: 'top' }),
      () => window.Hamish.mount(document.querySelector('.sidebar'), { entities: ['mars'] }),
      () => window.Hamish.mount('#story'),
      async () => (await window.Hamish.handle(document.querySelector('#story'))).import('not json'),
      // An article inside a mounted one, or around it: one selection would tag both.
      () => window.Hamish.mount(document.querySelector('#story > p'), { id: 'inner' }),
      () => window.Hamish.mount(document.body, { id: 'outer' }),
    ];
    for (const attempt of attempts) {
      try { await attempt(); out.push('no error'); } catch (e) { out.push(e.message); }
    }
    return out;
  });
  expect(messages[0]).toMatch(/^Hamish: option “panel” must be side, bottom or collapsed/);
  expect(messages[1]).toMatch(/^Hamish: unknown entity “mars”/);
  expect(messages[2]).toBe('Hamish: mount needs an element');
  expect(messages[3]).toMatch(/^Hamish: /);
  expect(messages[4]).toMatch(/^Hamish: Hamish is already mounted on an element inside or around this one/);
  expect(messages[5]).toBe(messages[4]);
  await expect(page.locator('hamish-chrome')).toHaveCount(1);

  // The interface language follows the article's lang unless the site asks for another.
  await page.evaluate(async () => {
    const el = document.querySelector('#story');
    await (await window.Hamish.handle(el)).unmount();
    await window.Hamish.mount(el, { ui: 'en' });
  });
  await expect(page.locator('.hamish-dock .hamish-brand')).toHaveText('Hamish');
  await expect(page.locator('.hamish-panel .chip').first()).toContainText('All');
});

test('a second tab of the article follows the first, without telling the site twice', async ({ page, context }) => {
  await openSite(page);
  const second = await context.newPage();
  await second.addInitScript(() => {
    window.hamishEvents = [];
    document.addEventListener('hamish:change', (e) => window.hamishEvents.push(e.detail));
  });
  await second.goto(SITE);
  await expect(second.locator('[data-hamish-mounted]')).toHaveCount(1);
  await dragHost(page, '#story > p:nth-of-type(1)', 'سيل من المعلومات');
  await page.keyboard.press('c');
  await expect.poll(() => highlights(second)).toMatchObject({ 'hamish-1-claim': ['سيل من المعلومات'] });
  await expect.poll(() => page.evaluate(() => window.hamishEvents.length)).toBe(1);
  await second.waitForTimeout(600);
  expect(await second.evaluate(() => window.hamishEvents.length)).toBe(0);
});

test('the panel sits beside the article, never over its text; on a phone it waits as a launcher', async ({ page }) => {
  /** How many sampled points over the article's paragraphs hit Hamish's controls instead of the text. */
  const covered = () => page.evaluate(() => {
    let hits = 0;
    for (const p of document.querySelectorAll('#story p, #story h1')) {
      const r = p.getBoundingClientRect();
      for (let x = r.left + 4; x < r.right; x += 24) {
        for (let y = r.top + 4; y < r.bottom; y += 12) {
          if (y < 0 || y > innerHeight) continue;
          if (document.elementFromPoint(x, y)?.localName === 'hamish-chrome') hits++;
        }
      }
    }
    return hits;
  });
  for (const file of ['', 'hostile.html']) {
    await openSite(page, file);
    await expect(page.locator('.hamish-dock')).toBeVisible();
    for (const y of [0, 600, 1200]) {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      expect(await covered(), `${file || 'index'} at ${y}px`).toBe(0);
    }
  }
  // Narrowing the window folds the panel into its launcher once neither side has room.
  await page.setViewportSize({ width: 700, height: 800 });
  await expect(page.locator('.hamish-dock')).toHaveCount(0);
  await expect(page.locator('.hamish-launcher')).toBeVisible();
  expect(await covered()).toBe(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await openSite(page);
  await expect(page.locator('.hamish-dock')).toHaveCount(0);
  await expect(page.locator('.hamish-launcher')).toBeVisible();
  // The toolbar stays inside the narrow window.
  await dragHost(page, '#story > p:nth-of-type(2)', 'وتقول المعلومات المتداولة');
  const box = await page.getByRole('toolbar').boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
});

test('a root font size of 62.5% on the host does not shrink Hamish', async ({ page }) => {
  await openSite(page, 'hostile.html');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('10px');
  // Hamish's sizes follow the reader's default font size instead (16 px in this browser).
  expect(await page.locator('hamish-chrome').evaluate((el) => getComputedStyle(el).getPropertyValue('--hamish-rem'))).toBe('16px');
  expect(await page.locator('.hamish-embed').evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
  const dock = await page.locator('.hamish-dock').boundingBox();
  expect(dock.width).toBe(340);
  const chip = await page.locator('.hamish-panel .chip').first().evaluate((el) => getComputedStyle(el).fontSize);
  expect(parseFloat(chip)).toBeGreaterThanOrEqual(13);
});

test('keyboard: the focus follows the panel, its launcher and popovers opened from it', async ({ page }) => {
  await openSite(page);
  await dragHost(page, '#story > p:nth-of-type(1)', 'سيل من المعلومات');
  await page.keyboard.press('c');
  const item = page.locator('.hamish-panel .item').first();
  await item.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(item).toBeFocused();
  await page.getByRole('button', { name: 'إخفاء اللوحة' }).click();
  await expect(page.locator('.hamish-launcher')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'إخفاء اللوحة' })).toBeFocused();
  // Deleting from a popover opened in the panel leaves the focus on the Undo that brings it back
  // (not on the panel's close button); undone, the focus is on its item again.
  await page.locator('.hamish-panel .item').first().click();
  await dialog.getByRole('button', { name: 'حذف' }).click();
  const undo = page.locator('.notice-undo');
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  await expect(page.locator('.hamish-panel .item').first()).toBeFocused();
});

test('a pull quote the host puts before an annotated paragraph does not take its claim', async ({ page }) => {
  await openSite(page);
  const startOf = await claimOnHost(page, '#story > p:nth-of-type(2)', 'المخابرات الروسية');
  const before = await startOf();
  // The host quotes the paragraph's text in a pull quote placed just before it.
  const quoted = await page.evaluate(() => {
    const p = document.querySelector('#story > p:nth-of-type(2)');
    const quote = document.createElement('blockquote');
    quote.className = 'pull';
    quote.textContent = p.textContent.replace(/\s+/g, ' ').trim();
    p.before(quote);
    return quote.textContent.length;
  });
  await expect.poll(startOf).toBe(before + quoted + 2);
  // Drawn on the reader's paragraph, not on the quote.
  const where = () => page.evaluate(() => [...CSS.highlights.get('hamish-1-claim')]
    .map((r) => r.startContainer.parentElement.closest('blockquote, p').tagName));
  await expect.poll(where).toEqual(['P']);
});

test('a single-page site that puts another story in the article element: Hamish follows it to the new story, and the first keeps its work', async ({ page }) => {
  const seen = watch(page);
  await openSite(page);
  await dragHost(page, '#story > p:nth-of-type(1)', 'سيل من المعلومات');
  await page.keyboard.press('c');
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-claim': ['سيل من المعلومات'] });
  // A second marked element appears (a related story's card) and the byline changes: the page's
  // address is the same, so this is still the same article.
  await page.evaluate(() => {
    const related = document.createElement('section');
    related.id = 'related';
    related.setAttribute('data-hamish', '');
    related.textContent = 'قصة ذات صلة';
    document.body.append(related);
    document.querySelector('#story .byline').append(' — محدَّث');
  });
  await page.waitForTimeout(900);
  await expect(page.locator('#story')).toHaveAttribute('data-hamish-mounted', MAIN_ID);
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  await page.evaluate(() => document.getElementById('related').remove());
  const story = await (await page.request.get(SITE + 'story.html')).text();
  await page.evaluate((html) => {
    document.getElementById('story').addEventListener('hamish:unmounted', (e) => { window.left = e.detail.reason; });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    document.querySelector('link[rel=canonical]').href = 'https://news.example/2026/12/another-story';
    history.pushState({}, '', 'story.html');
    document.getElementById('story').innerHTML = doc.querySelector('article').innerHTML;
  }, story);
  await expect(page.locator('#story')).toHaveAttribute('data-hamish-mounted', 'https://news.example/2026/12/another-story');
  expect(await page.evaluate(() => window.left)).toBe('another-article');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(0);
  // What the reader tags now belongs to the new story; the first story's claim is kept as it was.
  const word = await page.evaluate(() => document.querySelector('#story p:not(.byline)').textContent.trim().split(/\s+/).slice(0, 2).join(' '));
  await dragHost(page, '#story p:not(.byline)', word);
  await page.keyboard.press('c');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  const entry = (id) => page.evaluate((id) => JSON.parse(localStorage.getItem(`hamish:v1:annotations:${id}`)), id);
  await expect.poll(async () => (await entry('https://news.example/2026/12/another-story'))?.annotations.map((a) => a.exact)).toEqual([word]);
  const first = await entry(MAIN_ID);
  expect(first.annotations.map((a) => [a.exact, a.orphan ?? false])).toEqual([['سيل من المعلومات', false]]);
  // A site that draws the next story first and sets its address later (after Hamish re-read the
  // text): Hamish follows when the address changes.
  await page.evaluate(() => {
    document.getElementById('story').innerHTML = '<h1>قصة ثالثة</h1><p>نص قصة ثالثة عن حلب ودمشق.</p>';
    setTimeout(() => { document.querySelector('link[rel=canonical]').href = 'https://news.example/2026/12/third-story'; }, 700);
  });
  await expect(page.locator('#story')).toHaveAttribute('data-hamish-mounted', 'https://news.example/2026/12/third-story');
  // Its canonical link taken away during a small edit is not another story.
  await page.evaluate(() => {
    document.querySelector('link[rel=canonical]').remove();
    document.querySelector('#story p').append(' تحديث');
  });
  await page.waitForTimeout(900);
  await expect(page.locator('#story')).toHaveAttribute('data-hamish-mounted', 'https://news.example/2026/12/third-story');
  expect(seen.errors).toEqual([]);
});

test('when the host changes its article after mounting, Hamish reads it again; when it removes it, Hamish leaves', async ({ page }) => {
  const seen = watch(page);
  await openSite(page);
  const startOf = await claimOnHost(page, '#story > p:nth-of-type(2)', 'المخابرات الروسية');
  const before = await startOf();
  // A live update: a paragraph inserted before it, and the byline's text node replaced — while a
  // clock in the byline ticks every 100 ms (the article is re-read all along, at most every 400 ms).
  await page.evaluate(() => {
    const clock = document.createElement('span');
    document.querySelector('#story .byline').append(clock);
    setInterval(() => { clock.textContent = new Date().toISOString(); }, 100);
    const p = document.createElement('p');
    p.textContent = 'تحديث: أعلنت موسكو صباح اليوم عن اجتماع جديد.';
    document.querySelector('#story > p:nth-of-type(1)').before(p);
    const time = document.querySelector('#story time');
    time.replaceChildren(document.createTextNode('15 تشرين الثاني/نوفمبر 2026'));
  });
  // Hamish has read the article again once the claim's position counts the new paragraph.
  await expect.poll(startOf).toBeGreaterThan(before + 40);
  // The new text can be tagged, and the old claim is still drawn on its words.
  await dragHost(page, '#story > p:nth-of-type(1)', 'عن اجتماع جديد');
  await expect(page.getByRole('toolbar')).toBeVisible();
  await page.keyboard.press('c');
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-claim': ['عن اجتماع جديد', 'المخابرات الروسية'] });
  const exact = (await api(page, '#story', 'annotations')).first.items.map((i) => i.target.selector[0].exact);
  expect(exact).toEqual(['عن اجتماع جديد', 'المخابرات الروسية']);
  // Re-reading kept the open panel and told the site only of what the reader did.
  await expect(page.locator('.hamish-dock .hamish-panel .item')).toHaveCount(2);
  await expect.poll(() => page.evaluate(() => window.hamishEvents.map((e) => e.type))).toEqual(['created', 'created']);
  // A framework moves the article (out of the page and straight back): Hamish stays, highlights redrawn.
  await page.evaluate(() => {
    const story = document.querySelector('#story');
    const parent = story.parentElement;
    story.remove();
    setTimeout(() => parent.prepend(story), 50);
  });
  await page.waitForTimeout(900);
  await expect(page.locator('hamish-chrome')).toHaveCount(1);
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-claim': ['عن اجتماع جديد', 'المخابرات الروسية'] });
  // The site removes the article (say, a client-side navigation): Hamish's controls and highlights go,
  // and the page's script can mount it again when it comes back.
  const story = await page.evaluate(() => { window.kept = document.querySelector('#story'); window.kept.remove(); });
  await expect(page.locator('hamish-chrome')).toHaveCount(0);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  expect(await page.evaluate(() => window.Hamish.handle(window.kept))).toBeUndefined();
  const total = await page.evaluate(async () => {
    document.querySelector('main').prepend(window.kept);
    const h = await window.Hamish.mount(window.kept);
    return h.annotations().total;
  });
  expect(total).toBe(2);
  expect(seen.errors).toEqual([]);
});

test('if the core ever stops, the reader is told on the host page; the site\'s own errors are not Hamish stopping', async ({ page }) => {
  await openSite(page);
  const trap = (where) => page.evaluate((where) => setTimeout(() => {
    const error = new WebAssembly.RuntimeError('unreachable');
    Object.defineProperty(error, 'stack', { value: `RuntimeError: unreachable\n    at ${where}:wasm-function[12]:0x3f0` });
    throw error;
  }), where);
  await trap('http://127.0.0.1/other/site-module.wasm');
  await page.evaluate(() => setTimeout(() => { throw new TypeError('a site script'); }));
  await page.waitForTimeout(200);
  await expect(page.locator('#hamish-stopped')).toHaveCount(0);
  await trap('http://127.0.0.1/hamish/hamish-core_bg.wasm');
  const alert = page.getByRole('alert').filter({ hasText: 'أعد تحميل الصفحة' });
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('lang', 'ar');
});

test('storage full, then the host removes the article: the unsaved claim is kept, the page asks before leaving, and a remount brings it back and saves it', async ({ page }) => {
  await openSite(page);
  await fillStorage(page, 64);
  await dragHost(page, '#story > p:nth-of-type(1)', 'سيل من المعلومات');
  await page.keyboard.press('c');
  await expect.poll(() => api(page, '#story', 'annotations').then((c) => c.total ?? c.items?.length ?? c.first?.items?.length)).toBe(1);
  // A single-page site navigates: the article element goes, and Hamish with it.
  const story = await page.evaluate(() => {
    const el = document.querySelector('#story');
    el.addEventListener('hamish:unmounted', () => { window.hamishLeft = true; });
    const html = el.outerHTML;
    el.remove();
    return html;
  });
  await page.waitForFunction(() => window.hamishLeft === true);
  const asked = await tryToLeave(page);
  await expect.poll(() => asked).toEqual(['beforeunload']);
  // Room is made and the article comes back: the claim is there and saved.
  await freeStorage(page);
  await page.evaluate(async (html) => {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    const el = holder.firstElementChild;
    el.removeAttribute('data-hamish-mounted');
    document.querySelector('main, body').append(el);
    await window.Hamish.mount(el);
  }, story);
  await expect.poll(() => api(page, '#story', 'annotations').then((c) => c.total ?? c.items?.length ?? c.first?.items?.length)).toBe(1);
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':annotations:'))
    .map((k) => JSON.parse(localStorage.getItem(k)).annotations.length))).toEqual([1]);
});

test('the host rewords a checked claim while the reader is on the page: the reader is told the words checked and the words now', async ({ page }) => {
  const seen = watch(page);
  await openSite(page);
  await claimOnHost(page, '#story > p:nth-of-type(2)', 'المخابرات الروسية');
  const item = page.locator('.hamish-panel .item').first();
  await item.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('الحكم').selectOption('false');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await api(page, '#story', 'annotations')).first.items[0].body
    .some((b) => b.purpose === 'assessing' && b.value === 'false')).toBe(true);
  // A live update rewrites the claim's words (a spelling change alone would not count).
  await page.evaluate(() => {
    const p = document.querySelector('#story > p:nth-of-type(2)');
    p.textContent = p.textContent.replace('المخابرات الروسية', 'المخابرات العسكرية الروسية');
  });
  const told = page.getByRole('alert').filter({ hasText: 'المخابرات العسكرية الروسية' });
  await expect(told).toBeVisible();
  await expect(told).toContainText('المخابرات الروسية');
  // The arrow points the way Arabic reads, from the words checked to the words now.
  await expect(told).toContainText('\u2069» ← «\u2068');
  // Undo and redo of the verdict leave the claim on the new words (they put back the old ones).
  const exact = async () => (await api(page, '#story', 'annotations')).first.items[0].target.selector[0].exact;
  await expect.poll(exact).toBe('المخابرات العسكرية الروسية');
  const history = page.locator('.hamish-history');
  await history.getByRole('button', { name: 'تراجع' }).click();
  await expect.poll(async () => (await api(page, '#story', 'annotations')).first.items[0].body
    .some((b) => b.purpose === 'assessing')).toBe(false);
  expect(await exact()).toBe('المخابرات العسكرية الروسية');
  await history.getByRole('button', { name: 'إعادة' }).click();
  await expect.poll(async () => (await api(page, '#story', 'annotations')).first.items[0].body
    .some((b) => b.purpose === 'assessing' && b.value === 'false')).toBe(true);
  expect(await exact()).toBe('المخابرات العسكرية الروسية');
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-claim': ['المخابرات العسكرية الروسية'] });
  expect(seen.errors).toEqual([]);
});
