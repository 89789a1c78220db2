// Shared steps for the end-to-end tests: open the page fresh, select text with the mouse as a reader
// does, read the stored entry.
import fs from 'node:fs';
import { expect } from '@playwright/test';

export const ARTICLE_ID = 'seed-ar-assad-fall';
export const ENTRY_KEY = `hamish:v1:annotations:${ARTICLE_ID}`;

/** Opens the page with empty storage and waits for the article. */
export async function openFresh(page, query = '') {
  await page.goto(`/${query}`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('article [data-block="0"]')).toBeVisible();
}

/** Client rectangles of the UTF-16 range [from, to) of a block's text (which may span several text nodes). */
export async function textRect(page, block, from, to) {
  return page.evaluate(({ block, from, to }) => {
    const el = document.querySelector(`article [data-block="${block}"]`);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0, node, startSet = false;
    while ((node = walker.nextNode())) {
      const len = node.data.length;
      if (!startSet && from <= seen + len) { range.setStart(node, from - seen); startSet = true; }
      if (to <= seen + len) { range.setEnd(node, to - seen); break; }
      seen += len;
    }
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
  }, { block, from, to });
}

/** UTF-16 offset of the `nth` occurrence of `needle` in a block's rendered text. */
export async function offsetOf(page, block, needle, nth = 0) {
  const text = await page.locator(`article [data-block="${block}"]`).textContent();
  let at = -1;
  for (let i = 0; i <= nth; i++) { at = text.indexOf(needle, at + 1); if (at < 0) throw new Error(`${needle} not in block ${block}`); }
  return at;
}

/**
 * Drags the mouse over `needle` in a block, right to left as in Arabic: press just inside the right edge
 * of its first character and release just inside the left edge of its last character. Returns the
 * browser's selected text.
 */
export async function dragSelect(page, block, needle, nth = 0) {
  const at = await offsetOf(page, block, needle, nth);
  await page.evaluate((block) => document.querySelector(`article [data-block="${block}"]`)
    .scrollIntoView({ block: 'center' }), block);
  const first = await textRect(page, block, at, at + 1);
  const last = await textRect(page, block, at + needle.length - 1, at + needle.length);
  return dragAcross(page, first, last);
}

/** Presses the mouse just inside the right edge of `first` (a character's box) and releases it just
 * inside the left edge of `last`, as a reader selects Arabic; returns the browser's selected text. */
async function dragAcross(page, first, last) {
  const y1 = first.top + first.height / 2, y2 = last.top + last.height / 2;
  await page.mouse.move(first.right - 1, y1);
  await page.mouse.down();
  await page.mouse.move((first.right + last.left) / 2, (y1 + y2) / 2, { steps: 5 });
  await page.mouse.move(last.left + 1, y2, { steps: 5 });
  await page.mouse.up();
  return page.evaluate(() => window.getSelection().toString());
}

/** The stored entry for the bundled article, parsed. */
export async function storedEntry(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) || 'null'), ENTRY_KEY);
}

/** The text of every highlight of annotation `id`, joined. */
export async function highlightText(page, id) {
  return page.evaluate((id) => [...document.querySelectorAll(`[data-ann="${id}"]`)]
    .filter((el) => !el.parentElement.closest(`[data-ann="${id}"]`))
    .map((el) => el.textContent).join(''), id);
}

/** Client rectangle of the `nth` occurrence of `needle` in the text of the host element `selector`
 * (its text nodes joined as they are in the DOM; a space in `needle` matches any run of white space,
 * as the page renders source line breaks and indentation). */
export async function hostRect(page, selector, needle, nth = 0, part = 'all') {
  return page.evaluate(({ selector, needle, nth, part }) => {
    const el = document.querySelector(selector);
    const nodes = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let text = '', node;
    while ((node = walker.nextNode())) { nodes.push([node, text.length]); text += node.data; }
    const pattern = new RegExp(needle.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
    const found = [...text.matchAll(pattern)][nth];
    if (!found) throw new Error(`${needle} not in ${selector}`);
    const at = found.index, length = found[0].length;
    const [from, to] = part === 'first' ? [at, at + 1] : part === 'last' ? [at + length - 1, at + length] : [at, at + length];
    const point = (offset) => { const [n, s] = nodes.filter(([, s]) => s <= offset).pop(); return [n, offset - s]; };
    const range = document.createRange();
    range.setStart(...point(from));
    range.setEnd(...(to - 1 >= 0 ? (() => { const [n, o] = point(to - 1); return [n, o + 1]; })() : point(to)));
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
  }, { selector, needle, nth, part });
}

/** Drags the mouse over `needle` in the host element `selector`, right to left as in Arabic. Returns
 * the browser's selected text. */
export async function dragHost(page, selector, needle, nth = 0) {
  await page.evaluate(({ selector }) => document.querySelector(selector).scrollIntoView({ block: 'center' }), { selector });
  const first = await hostRect(page, selector, needle, nth, 'first');
  const last = await hostRect(page, selector, needle, nth, 'last');
  return dragAcross(page, first, last);
}

/** The text of every range of every CSS highlight whose name starts with `prefix`, by name. */
export async function highlights(page, prefix = 'hamish-') {
  return page.evaluate((prefix) => Object.fromEntries([...CSS.highlights.entries()]
    .filter(([name]) => name.startsWith(prefix))
    .map(([name, h]) => [name, [...h].map((r) => r.toString().replace(/\s+/g, ' ').trim())])), prefix);
}

/** Fills localStorage to the brim with `filler:` keys, as a reader's full storage (256 KB chunks,
 * then `small`-character ones). */
export async function fillStorage(page, small = 1024) {
  await page.evaluate((small) => {
    const chunk = 'x'.repeat(256 * 1024);
    let i = 0;
    try { for (;;) localStorage.setItem(`filler:${i++}`, chunk); } catch (e) { /* full */ }
    const rest = 'x'.repeat(small);
    try { for (;;) localStorage.setItem(`filler:${i++}`, rest); } catch (e) { /* full */ }
  }, small);
}

/** Frees what `fillStorage` took. */
export async function freeStorage(page) {
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler:')).forEach((k) => localStorage.removeItem(k)));
}

/** Tries to close `page` as a reader would (its `beforeunload` handlers run); every prompt the
 * browser shows is dismissed — the reader stays — and recorded, by type, in the returned list,
 * which goes on recording for later tries. */
export async function tryToLeave(page) {
  const asked = [];
  page.on('dialog', (dialog) => { asked.push(dialog.type()); dialog.dismiss(); });
  await page.close({ runBeforeUnload: true });
  return asked;
}

/** Clicks Export all, as a reader does, and returns the backup file it downloads, parsed (kept as
 * `backup.json` among the test's outputs). */
export async function exportAll(page, info) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all' }).click(),
  ]);
  const file = info.outputPath('backup.json');
  await download.saveAs(file);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Marks each word of block 1 as a claim, as a reader does (drag, `c`), and waits until all are
 * stored. */
export async function markClaims(page, words) {
  for (const word of words) {
    await dragSelect(page, 1, word);
    await page.keyboard.press('c');
  }
  await expect.poll(async () => (await storedEntry(page)).annotations.length).toBe(words.length);
}
