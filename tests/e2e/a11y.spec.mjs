// Accessibility: axe-core finds no violation on the standalone page (desktop and a phone) and on the
// example news site with Hamish embedded, with the toolbar, a popover and the panel shown; and a
// reader with the keyboard alone creates a claim and an entity tag on both pages.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { openFresh, dragSelect, storedEntry } from './helpers.mjs';

const SITE = '/examples/news-site/';
const MAIN_ID = 'https://news.example/2026/11/syria-russia-sources';
/** Where the screenshots of the keyboard mode are kept. */
const SHOTS = path.resolve('tests/e2e/.out');
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

// axe walks every element of a page three times here (toolbar, popover, panel): on a busy 2-core
// machine that takes longer than the default 30 s.
test.describe.configure({ timeout: 120_000 });

/** Runs axe on the page and expects no violation (listed by rule and element when there are). */
async function expectNoViolations(page, what) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, what).toEqual([]);
}

/** Selects `needle` of block `block` with a script (as a touch reader's selection ends up). */
async function scriptSelect(page, block, needle) {
  await page.evaluate(({ block, needle }) => {
    const el = document.querySelector(`article [data-block="${block}"]`);
    el.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const at = node.data.indexOf(needle);
      if (at >= 0) { window.getSelection().setBaseAndExtent(node, at, node, at + needle.length); return; }
    }
    throw new Error(`${needle} not in block ${block}`);
  }, { block, needle });
}

/** The text of the window's selection. */
const selected = (page) => page.evaluate(() => window.getSelection().toString());

test('standalone page, desktop: no violations with the toolbar, a popover and the panel', async ({ page }) => {
  await openFresh(page);
  await expect(page.locator('.hamish-panel')).toBeVisible();
  await expectNoViolations(page, 'fresh page');
  await dragSelect(page, 1, 'والدور الذي لعبته روسيا');
  await expect(page.getByRole('toolbar')).toBeVisible();
  await expectNoViolations(page, 'toolbar shown');
  await page.keyboard.press('c');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  await page.locator('article .hl-claim').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page, 'popover open');
});

test('a claim that starts on a suggestion: one button, which names both and takes the suggestion\'s keys', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 0, 'روسية تكشف');
  await page.keyboard.press('c');
  await expect.poll(async () => (await storedEntry(page)).annotations.length).toBe(1);
  const claim = (await storedEntry(page)).annotations[0];
  const holder = page.locator(`[data-ann="${claim.id}"][tabindex="0"]`);
  await expect(holder).toHaveAttribute('role', 'button');
  await expect(holder).toHaveAttribute('aria-label', /Claim: روسية تكشف; Suggested: Russia/);
  await expect(holder.locator('[tabindex]')).toHaveCount(0);
  await expectNoViolations(page, 'a claim on a suggestion');
  // The suggestions' walk reaches it: from the next one, p lands on the claim's highlight; x there
  // rejects the suggestion.
  await page.locator('[data-sg][tabindex="0"]').first().focus();
  await page.keyboard.press('p');
  await expect(holder).toBeFocused();
  await page.keyboard.press('x');
  await expect.poll(async () => (await storedEntry(page)).rejected?.length ?? 0).toBe(1);
  expect((await storedEntry(page)).rejected[0].entity).toBe('russia');
  await expect(page.locator(`[data-ann="${claim.id}"][tabindex="0"]`)).toHaveAttribute('aria-label', 'Claim: روسية تكشف');
});

test.describe('on a phone', () => {
  test.use(PHONE);

  test('standalone page, 390×844 touch: no violations with the toolbar, a popover and the panel', async ({ page }) => {
    await openFresh(page);
    await expectNoViolations(page, 'fresh page');
    await scriptSelect(page, 1, 'والدور الذي لعبته');
    await expect(page.getByRole('toolbar')).toBeVisible();
    await expectNoViolations(page, 'toolbar shown');
    await page.getByRole('toolbar').getByRole('button', { name: 'ادعاء' }).tap();
    await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
    await page.locator('article .hl-claim').first().tap();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoViolations(page, 'popover open');
    await page.keyboard.press('Escape');
    await page.locator('.hamish-panel').scrollIntoViewIfNeeded();
    await expectNoViolations(page, 'panel in view');
  });

  test('by touch alone every change can be undone and redone: the panel\'s Undo and Redo', async ({ page }) => {
    await openFresh(page, '?ui=en');
    const undo = page.locator('.hamish-history').getByRole('button', { name: 'Undo' });
    const redo = page.locator('.hamish-history').getByRole('button', { name: 'Redo' });
    await expect(undo).toBeDisabled();
    await expect(redo).toBeDisabled();
    await scriptSelect(page, 1, 'والدور الذي لعبته');
    await page.getByRole('toolbar').getByRole('button', { name: 'Claim' }).tap();
    await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
    await page.locator('article .hl-claim').first().tap();
    await page.getByRole('dialog').getByLabel('Verdict').selectOption('false');
    await expect.poll(async () => (await storedEntry(page)).annotations[0]?.claim?.verdict).toBe('false');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).tap();
    await page.locator('.hamish-panel').scrollIntoViewIfNeeded();
    // Every button of the panel is at least 24 px tall (WCAG 2.5.8): Review and Accept all were 22.
    const heights = await page.locator('.hamish-panel button').evaluateAll((all) => all
      .filter((b) => b.offsetParent !== null).map((b) => [b.textContent, b.getBoundingClientRect().height]));
    expect(heights.filter(([, h]) => h < 24)).toEqual([]);
    expect(heights.length).toBeGreaterThan(5);
    await undo.tap();
    await expect.poll(async () => (await storedEntry(page)).annotations[0]?.claim?.verdict).toBeUndefined();
    await expect(redo).toBeEnabled();
    await undo.tap();
    await expect.poll(async () => (await storedEntry(page)).annotations.length).toBe(0);
    await expect(undo).toBeDisabled();
    await redo.tap();
    await redo.tap();
    await expect.poll(async () => (await storedEntry(page)).annotations[0]?.claim?.verdict).toBe('false');
    await expect(redo).toBeDisabled();
    await expectNoViolations(page, 'undo and redo buttons');
  });

  test('keyboard mode on a phone: the cursor is drawn and announced', async ({ page }) => {
    await openFresh(page);
    await page.keyboard.press('k');
    await expect.poll(() => selected(page)).toBe('مصادر');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => selected(page)).toBe('روسية تكشف');
    await expect(page.getByRole('toolbar')).toBeVisible();
    await expect(page.locator('.hamish-sr[role="status"]').last()).toContainText('روسية تكشف');
    await page.screenshot({ path: path.join(SHOTS, 'keyboard-mode-phone.png') });
    await expectNoViolations(page, 'keyboard mode');
  });
});

test('embedded news site: no violations with its panel and a popover open', async ({ page }) => {
  await page.goto(SITE);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  await expect(page.locator('.hamish-dock')).toBeVisible();
  await expectNoViolations(page, 'panel open');
  await page.locator('.hamish-keyboard').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  // The toolbar floats over the host page, inside Hamish's own region (axe's "region" rule).
  await expect(page.getByRole('toolbar')).toBeVisible();
  await expectNoViolations(page, 'toolbar shown');
  await page.keyboard.press('c');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  await page.locator('.hamish-panel .item').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page, 'popover open');
});

test('keyboard only, standalone: a claim and an entity tag, by word and by sentence', async ({ page }) => {
  await openFresh(page);
  const status = page.locator('.hamish-sr[role="status"]').last();
  // `k` starts at the first word; ArrowLeft goes forward in the right-to-left title.
  await page.keyboard.press('k');
  await expect(status).toContainText('التحديد بلوحة المفاتيح');
  await expect.poll(() => selected(page)).toBe('مصادر');
  await expect(page.locator('.hamish-keyboard')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => selected(page)).toBe('روسية');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toBe('مصادر');
  // Two keys in one go, the second before the first is drawn (a fast typist, a held key): the
  // second goes on from the first.
  await page.evaluate(() => {
    for (const shiftKey of [false, true]) {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', shiftKey, bubbles: true, cancelable: true }));
    }
  });
  await expect.poll(() => selected(page)).toBe('روسية تكشف');
  await expect(status).toContainText('روسية تكشف');
  await page.screenshot({ path: path.join(SHOTS, 'keyboard-mode-desktop.png') });
  // Enter moves into the toolbar; `c` tags a claim.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('toolbar').getByRole('button').first()).toBeFocused();
  await page.keyboard.press('c');
  await expect(page.getByRole('toolbar')).toBeHidden();
  // The next sentence (the first paragraph), then word by word to Russia; `1` tags it.
  await page.keyboard.press('ArrowDown');
  const first = (await page.locator('article [data-block="1"]').textContent()).split(/\s/)[0];
  await expect.poll(() => selected(page)).toBe(first);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => selected(page)).toBe('مصادر');
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 40 && (await selected(page)) !== 'روسيا'; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => selected(page)).toBe('روسيا');
  await expect(page.getByRole('toolbar')).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByRole('toolbar')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(status).toHaveText(/انتهى/);
  await expect(page.locator('.hamish-keyboard')).toHaveAttribute('aria-pressed', 'false');
  const entry = await storedEntry(page);
  const kinds = Object.fromEntries(entry.annotations.map((a) => [a.exact, a.kind]));
  expect(kinds).toEqual({ 'روسية تكشف': 'claim', 'روسيا': { entity: 'russia' } });
});

test('keyboard only: keys pressed faster than they are drawn tag what the moves selected', async ({ page }) => {
  await openFresh(page);
  await page.keyboard.press('k');
  await expect.poll(() => selected(page)).toBe('مصادر');
  // A move, a longer selection and `c` (twice), all before any of them is drawn: one claim.
  await page.evaluate(() => {
    const key = (key, shiftKey = false) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true }));
    key('ArrowLeft');
    key('ArrowLeft', true);
    key('c');
    key('c');
  });
  await expect.poll(async () => (await storedEntry(page))?.annotations.map((a) => [a.exact, a.kind])).toEqual([['روسية تكشف', 'claim']]);
});

test('a selection grown with Shift+arrows and tagged at once is tagged as it is shown', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 1, 'روسيا');
  await expect(page.getByRole('toolbar')).toBeVisible();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowLeft');
  const shown = await selected(page);
  expect(shown.length).toBeGreaterThan('روسيا'.length);
  // `c` at once, before the selection's pause is over.
  await page.keyboard.press('c');
  await expect.poll(async () => (await storedEntry(page))?.annotations.map((a) => a.exact)).toEqual([shown]);
});

test('keyboard only, embedded: a claim and an entity tag from the panel\'s button', async ({ page }) => {
  await page.goto(SITE);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  const button = page.locator('.hamish-keyboard');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => selected(page)).toBe('مصادر');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => selected(page)).toBe('روسية تكشف');
  await page.screenshot({ path: path.join(SHOTS, 'keyboard-mode-embed.png') });
  await page.keyboard.press('c');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  for (let i = 0; i < 12 && (await selected(page)) !== 'الأسد'; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => selected(page)).toBe('الأسد');
  await page.keyboard.press('Enter');
  await page.keyboard.press('4');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(2);
  // The toolbar went with the tag: the focus is back on the mode's button (not the page's start),
  // and the mode is still on.
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `hamish:v1:annotations:${MAIN_ID}`);
  const kinds = Object.fromEntries(stored.annotations.map((a) => [a.exact, a.kind]));
  expect(kinds).toEqual({ 'روسية تكشف': 'claim', 'الأسد': { entity: 'al-assad' } });
});

test('the first Tab stop leads to the panel; on a phone the way to it is always shown', async ({ page, browser }) => {
  await openFresh(page, '?ui=en');
  await page.keyboard.press('Tab');
  const toPanel = page.getByRole('button', { name: 'Annotations', exact: true });
  await expect(toPanel).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.hamish-panel')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.hamish-panel button').first()).toBeFocused();

  const phone = await browser.newContext(PHONE);
  const tap = await phone.newPage();
  await tap.goto('/?ui=en');
  const button = tap.getByRole('button', { name: 'Annotations', exact: true });
  await expect(button).toBeVisible();
  await expect(tap.locator('.hamish-panel')).not.toBeInViewport();
  await button.tap();
  await expect(tap.locator('.hamish-panel')).toBeInViewport();
  await expectNoViolations(tap, 'phone, after going to the panel');
  await phone.close();
});

test('Esc inside the Open, Entities or Settings panel closes it and returns to its button', async ({ page }) => {
  await openFresh(page, '?ui=en');
  for (const [button, panel, inside] of [
    ['.hamish-open-toggle', '.hamish-open', '.hamish-open input'],
    ['.hamish-entities-toggle', '.hamish-entities', '.hamish-entities button'],
    ['.hamish-settings-toggle', '.hamish-settings', '.hamish-settings input'],
  ]) {
    await page.locator(button).click();
    await expect(page.locator(panel)).toBeVisible();
    await page.locator(inside).first().focus();
    if (inside.endsWith('input')) await page.keyboard.type('x');
    await page.keyboard.press('Escape');
    await expect(page.locator(panel), panel).toHaveCount(0);
    await expect(page.locator(button)).toBeFocused();
    await expect(page.locator(button)).toHaveAttribute('aria-expanded', 'false');
  }
});

test('a change made twice in a row is announced twice: its notice\'s text changes each time', async ({ page }) => {
  await openFresh(page, '?ui=en');
  for (const words of ['حمام دم', 'لن تعرف']) {
    await dragSelect(page, 1, words);
    await page.keyboard.press('c');
  }
  await expect(page.locator('.hl-claim')).toHaveCount(2);
  const heard = [];
  for (let n = 0; n < 2; n++) {
    await page.locator('.hl-claim').first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    const notice = page.locator('.notice[role="status"]').filter({ hasText: 'Annotation deleted.' });
    await expect(notice).toHaveCount(1);
    heard.push(await notice.locator('p').textContent());
  }
  expect(heard[0]).not.toEqual(heard[1]);
  expect(heard.map((t) => t.replace('\u200B', ''))).toEqual(['Annotation deleted.', 'Annotation deleted.']);
});

test('a suggestion\'s popover closed by Esc or × gives the focus back to the suggestion; Reject moves it to the next one', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const second = page.locator('.sg').nth(1);
  const name = await second.getAttribute('data-sg');
  for (const close of [() => page.keyboard.press('Escape'), () => page.locator('.pop-close').press('Enter')]) {
    await second.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    await close();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.locator(`.sg[data-sg="${name}"]`)).toBeFocused();
  }
  await second.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).press('Enter');
  await expect(page.locator(`.sg[data-sg="${name}"]`)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.matches('[data-sg], [data-sg-here]'))).toBe(true);
  // The article's last suggestion rejected: the focus goes to the one before it.
  const last = page.locator('.sg').last();
  const lastKey = await last.getAttribute('data-sg');
  await last.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).press('Enter');
  await expect(page.locator(`.sg[data-sg="${lastKey}"]`)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.matches('[data-sg], [data-sg-here]'))).toBe(true);
});

test('keyboard mode, standalone: after a tag from the toolbar and after Esc ends the mode, the focus is on the mode\'s button', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const button = page.locator('.hamish-keyboard');
  await button.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page.locator('.hamish-toolbar button').first()).toBeFocused();
  await page.keyboard.press('c');
  await expect.poll(async () => (await storedEntry(page))?.annotations.length).toBe(1);
  await expect(button).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(button).toBeFocused();
});

test('Tab past the popover\'s last control closes it and returns to its highlight, not out of the page', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 1, 'حمام دم');
  await page.keyboard.press('c');
  const highlight = page.locator('.hl-claim').first();
  await highlight.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('.pop-delete').focus();
  await page.keyboard.press('Tab');
  await expect(dialog).toBeHidden();
  await expect(highlight).toBeFocused();
  // Shift+Tab inside it still moves back through its controls.
  await page.keyboard.press('Enter');
  await dialog.locator('.pop-delete').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog).toBeVisible();
});

test('keyboard mode started with K on a focused suggestion: the focus goes to the mode\'s button, and the arrows and Delete act on the mode only', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const count = await page.locator('.sg').count();
  await page.locator('.sg').first().focus();
  await page.keyboard.press('k');
  await expect(page.locator('.hamish-keyboard')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Delete');
  await expect(page.locator('.hamish-keyboard')).toBeFocused();
  await expect(page.locator('.sg')).toHaveCount(count);
});
