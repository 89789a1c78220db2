// Shared steps for the end-to-end tests: open the page fresh, select text with the mouse as a reader
// does, read the stored entry.
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
