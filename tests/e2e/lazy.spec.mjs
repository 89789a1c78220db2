// The lazy embed: hamish.js alone is small and fetches the WebAssembly core when the article needs it
// (`data-hamish-load`: idle after the page loads by default, `interaction`, `eager`; at once when the
// reader has annotations stored for the article). The example news site, its article marked per test.
import { test, expect } from '@playwright/test';
import { dragHost, highlights } from './helpers.mjs';

const SITE = '/examples/news-site/';
const MAIN_ID = 'https://news.example/2026/11/syria-russia-sources';
const KEY = `hamish:v1:annotations:${MAIN_ID}`;
const WASM = '/hamish/hamish-core_bg.wasm';

/** Opens the news site with its article marked `data-hamish-load="<mode>"` (none: the default),
 * recording errors and requests; `clear` empties storage first. */
async function open(page, mode, { clear = true } = {}) {
  const seen = { errors: [], requests: [] };
  page.on('pageerror', (e) => seen.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(`console: ${m.text()}`); });
  page.on('request', (r) => seen.requests.push(new URL(r.url()).pathname));
  await page.route('**/examples/news-site/', async (route) => {
    const response = await route.fetch();
    let body = await response.text();
    if (mode) body = body.replace('id="story" data-hamish>', `id="story" data-hamish data-hamish-load="${mode}">`);
    await route.fulfill({ response, body });
  });
  if (clear) {
    await page.goto(`${SITE}README.md`); // the same origin, without Hamish
    await page.evaluate(() => localStorage.clear());
  }
  await page.goto(SITE);
  return seen;
}

/** Holds the core's WebAssembly back until the returned function is called. */
async function holdCore(page) {
  let release;
  const held = new Promise((done) => { release = done; });
  await page.route(`**${WASM}`, async (route) => { await held; await route.continue(); });
  return release;
}

/** When the core's request started and when the page's load event ended (ms since navigation). */
const timing = (page) => page.evaluate((wasm) => ({
  core: performance.getEntriesByType('resource').find((e) => e.name.endsWith(wasm))?.startTime ?? null,
  load: performance.getEntriesByType('navigation')[0].loadEventEnd,
}), WASM);

test('by default the core is fetched only after the page has loaded, then the article is mounted', async ({ page }) => {
  const seen = await open(page);
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  const t = await timing(page);
  expect(t.load).toBeGreaterThan(0);
  expect(t.core).toBeGreaterThanOrEqual(t.load);
  expect(seen.requests.filter((r) => r === WASM)).toHaveLength(1);
  await expect(page.locator('[data-hamish-launcher]')).toHaveCount(0);
  expect(seen.errors).toEqual([]);
});

test('interaction: nothing is fetched until the reader selects in the article; that selection gets the toolbar; stored annotations load at once next time', async ({ page }) => {
  const seen = await open(page, 'interaction');
  const launcher = page.getByRole('button', { name: /هامش/ });
  await expect(launcher).toBeVisible();
  await page.waitForTimeout(1500);
  expect(seen.requests.filter((r) => r.startsWith('/hamish/hamish-core'))).toEqual([]);
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(0);
  // A selection outside the article fetches nothing.
  await page.evaluate(() => {
    const r = document.createRange();
    r.selectNodeContents(document.querySelector('header, nav, aside') || document.body.firstElementChild);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  });
  await page.waitForTimeout(300);
  expect(seen.requests.filter((r) => r === WASM)).toEqual([]);

  // The reader selects before Hamish is here: the core comes, and the toolbar shows for that selection.
  const claim = 'سيل من المعلومات';
  expect((await dragHost(page, '#story > p:nth-of-type(1)', claim)).trim()).toBe(claim);
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  await expect(page.getByRole('toolbar')).toBeVisible();
  await expect(page.locator('[data-hamish-launcher]')).toHaveCount(0);
  await page.keyboard.press('c');
  await expect.poll(() => page.evaluate((key) => JSON.stringify(localStorage.getItem(key) ?? ''), KEY)).toContain(claim);
  expect(seen.requests.filter((r) => r === WASM)).toHaveLength(1);

  // Next visit: annotations are stored for this article, so the core is fetched at once, no interaction.
  seen.requests.length = 0;
  await page.goto(SITE);
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  await expect(page.locator('[data-hamish-launcher]')).toHaveCount(0);
  expect(seen.requests.filter((r) => r === WASM)).toHaveLength(1);
  expect(seen.errors).toEqual([]);
});

test('interaction: the launcher loads Hamish', async ({ page }) => {
  const seen = await open(page, 'interaction');
  const launcher = page.getByRole('button', { name: /هامش/ });
  await expect(launcher).toBeVisible();
  await page.evaluate(() => { window.readyFired = 0; document.addEventListener('hamish:ready', () => window.readyFired++); });
  await launcher.click();
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  await expect(page.locator('[data-hamish-launcher]')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.readyFired)).toBe(1);
  expect(seen.errors).toEqual([]);
});

test('interaction: Hamish.handle and Hamish.mount still work, fetching the core', async ({ page }) => {
  const seen = await open(page, 'interaction');
  const total = await page.evaluate(async () => (await window.Hamish.handle(document.getElementById('story'))).annotations().total);
  expect(total).toBe(0);
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  await expect(page.locator('[data-hamish-launcher]')).toHaveCount(0);
  expect(seen.errors).toEqual([]);
});

test('eager: the core is fetched at once', async ({ page }) => {
  const seen = await open(page, 'eager');
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  await expect(page.locator('[data-hamish-launcher]')).toHaveCount(0);
  expect(seen.requests.filter((r) => r === WASM)).toHaveLength(1);
  expect(seen.errors).toEqual([]);
});

test('interaction: a key pressed on the selection while the core is on its way acts once it is here, once', async ({ page }) => {
  // The core takes a second to arrive: the reader selects and presses `c`, then `1`, at once.
  const release = await holdCore(page);
  const seen = await open(page, 'interaction');
  const claim = 'سيل من المعلومات';
  expect((await dragHost(page, '#story > p:nth-of-type(1)', claim)).trim()).toBe(claim);
  await page.keyboard.press('c');
  await page.keyboard.press('c');
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(0);
  release();
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  const stored = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{"annotations":[]}').annotations, KEY);
  await expect.poll(async () => (await stored()).length).toBe(1);
  const [made] = await stored();
  expect(made.exact).toBe(claim);
  expect(made.kind).toBe('claim');
  await page.waitForTimeout(500);
  expect(await stored()).toHaveLength(1);
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-claim': [claim] });
  expect(seen.errors).toEqual([]);
});

test('interaction: keys pressed on two selections while the core is on its way each act on their own selection', async ({ page }) => {
  const release = await holdCore(page);
  const seen = await open(page, 'interaction');
  const claim = 'سيل من المعلومات';
  const russia = 'المخابرات الروسية';
  expect((await dragHost(page, '#story > p:nth-of-type(1)', claim)).trim()).toBe(claim);
  await page.keyboard.press('c');
  expect((await dragHost(page, '#story > p:nth-of-type(2)', russia)).trim()).toBe(russia);
  await page.keyboard.press('1');
  // A third selection, no key: it gets nothing, and stays selected for the reader.
  await dragHost(page, '#story > p:nth-of-type(1)', 'المعلومات');
  release();
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  await expect.poll(() => highlights(page)).toMatchObject({ 'hamish-1-claim': [claim], 'hamish-1-entity-0': [russia] });
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).annotations.map((a) => [a.exact, a.kind]), KEY);
  expect(stored).toHaveLength(2);
  expect(await page.evaluate(() => getSelection().toString().trim())).toBe('المعلومات');
  expect(seen.errors).toEqual([]);
});

test('interaction: keys held for the core reach the page\'s own listeners once, and Ctrl+Z pressed meanwhile undoes as it would have', async ({ page }) => {
  const release = await holdCore(page);
  const seen = await open(page, 'interaction');
  await page.evaluate(() => { window.hostKeys = []; document.addEventListener('keydown', (e) => window.hostKeys.push(e.key)); });
  const claim = 'سيل من المعلومات';
  expect((await dragHost(page, '#story > p:nth-of-type(1)', claim)).trim()).toBe(claim);
  await page.keyboard.press('c');
  await page.keyboard.press('Control+z');
  release();
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  await page.waitForTimeout(800);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{"annotations":[]}').annotations, KEY);
  expect(stored).toHaveLength(0);
  expect((await page.evaluate(() => window.hostKeys)).filter((k) => k !== 'Control')).toEqual(['c', 'z']);
  expect(seen.errors).toEqual([]);
});
