// A long article (about 1 MB of Arabic, 2,000+ paragraphs) opened by ?src= as a reader would: all of
// it is there, a claim can be made with the mouse and `c`, a suggestion far down can be accepted, and
// a reload keeps the work. (Its timings are measured by scripts/bench-long.mjs, not here.)
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { dragSelect } from './helpers.mjs';

/** A deterministic long article from the bundled article's words; the last paragraph names Russia. */
function longArticle() {
  const words = fs.readFileSync('articles/article.ar.txt', 'utf8').match(/[\u0621-\u064A]+/g);
  let seed = 7;
  const next = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const paragraphs = [];
  for (let length = 0; length < 1_000_000;) {
    const count = 40 + Math.floor(next() * 80);
    const p = `${Array.from({ length: count }, () => words[Math.floor(next() * words.length)]).join(' ')}.`;
    paragraphs.push(p);
    length += p.length + 2;
  }
  paragraphs.push('وفي الختام قالت مصادر إن روسيا لن تتدخل بعد اليوم.');
  return paragraphs;
}

const paragraphs = longArticle();
const last = paragraphs.length - 1;

test('a 1 MB article opens whole; a claim by mouse and c, a suggestion at its end accepted, both kept after a reload', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.route('**/long-article.txt', (route) => route.fulfill({
    status: 200, contentType: 'text/plain; charset=utf-8', body: paragraphs.join('\n\n'),
  }));
  await page.goto('/?ui=en');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/?src=/long-article.txt&ui=en');
  const article = page.locator('article.hamish-article');

  // The whole article: every paragraph, the last one included, in order.
  await expect(article.locator(`[data-block="${last}"]`)).toHaveText(paragraphs[last]);
  await expect(article.locator('[data-block]')).toHaveCount(paragraphs.length);
  await expect(article.locator('[data-block="0"]')).toHaveText(paragraphs[0]);

  // A claim: the mouse drags over four words of the second paragraph, then `c`.
  const phrase = paragraphs[1].split(' ').slice(3, 7).join(' ');
  expect(await dragSelect(page, 1, phrase)).toBe(phrase);
  await page.keyboard.press('c');
  const claim = article.locator('[data-block="1"] .hl-claim[tabindex="0"]');
  await expect(claim).toHaveCount(1);
  await expect(claim).toHaveAttribute('role', 'button');
  await expect(claim).toHaveAttribute('aria-label', `Claim: ${phrase}`);
  await claim.focus();
  await expect(claim).toBeFocused();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);

  // The suggestion in the last paragraph, drawn once its turn comes: focus it, `a` accepts it.
  const russia = article.locator(`[data-block="${last}"] .sg[tabindex="0"]`);
  await expect(russia).toHaveText('روسيا', { timeout: 30_000 });
  await expect(russia).toHaveAttribute('aria-label', 'Suggested: Russia');
  await russia.focus();
  await page.keyboard.press('a');
  await expect(article.locator(`[data-block="${last}"] .hl-entity`)).toHaveText('روسيا');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(2);

  // A reload brings both back, drawn where they were.
  await page.reload();
  await expect(article.locator('[data-block="1"] .hl-claim[tabindex="0"]')).toHaveAttribute('aria-label', `Claim: ${phrase}`);
  await expect(article.locator(`[data-block="${last}"] .hl-entity`)).toHaveText('روسيا');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('the long article with a claim, on a desktop screen', async ({ page }) => {
  test.setTimeout(60_000);
  await page.route('**/long-article.txt', (route) => route.fulfill({
    status: 200, contentType: 'text/plain; charset=utf-8', body: paragraphs.join('\n\n'),
  }));
  await page.goto('/?ui=en');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/?src=/long-article.txt&ui=en');
  await expect(page.locator(`article [data-block="${last}"]`)).toHaveText(paragraphs[last]);
  await dragSelect(page, 2, paragraphs[2].split(' ').slice(5, 11).join(' '));
  await page.keyboard.press('c');
  await expect(page.locator('article [data-block="2"] .hl-claim')).not.toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath('long.png') });
});
