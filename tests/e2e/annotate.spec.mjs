// A reader annotating the bundled Arabic article in the release build.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openFresh, dragSelect, storedEntry, highlightText, textRect, offsetOf, ENTRY_KEY, markClaims } from './helpers.mjs';

const ARTICLE_TEXT = fs.readFileSync(path.resolve('articles/article.ar.txt'), 'utf8').replace(/\r\n/g, '\n').trim();
const VALIDATOR = path.resolve('../shared/w3c-annotation-model/validate.py');

/** Console errors and uncaught exceptions of a page, to assert that there are none. */
function trackErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return errors;
}

test('select with the mouse, tag by toolbar and keyboard, overlap, reload, export', async ({ page }, info) => {
  const errors = trackErrors(page);
  await openFresh(page);
  const toolbar = page.getByRole('toolbar');

  // 1. A claim, by mouse selection and the toolbar.
  const claimText = await dragSelect(page, 1, 'والدور الذي لعبته روسيا بإقناع الأسد بالتنحي');
  expect(claimText.trim()).toBe('والدور الذي لعبته روسيا بإقناع الأسد بالتنحي');
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'ادعاء' }).click();
  await expect(toolbar).toBeHidden();

  // 2. An entity inside it, by mouse selection and the keyboard (1 = Russia).
  const russiaText = await dragSelect(page, 1, 'روسيا');
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('1');
  await expect(toolbar).toBeHidden();

  // 3. A claim overlapping the first one, by the keyboard (c).
  const overlapText = await dragSelect(page, 1, 'بإقناع الأسد بالتنحي، لتفادي دخول سوريا');
  await page.keyboard.press('c');
  await expect(toolbar).toBeHidden();

  const selected = [claimText, russiaText, overlapText].map((s) => s.trim());
  const entry = await storedEntry(page);
  expect(entry.schema).toBe(1);
  expect(entry.annotations.map((a) => a.exact).sort()).toEqual([...selected].sort());
  const byExact = Object.fromEntries(entry.annotations.map((a) => [a.exact, a]));
  expect(byExact['روسيا'].kind).toEqual({ entity: 'russia' });
  expect(byExact[selected[0]].kind).toBe('claim');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(3);
  // Every annotation is visible: the overlap region carries both claims.
  for (const a of entry.annotations) expect(await highlightText(page, a.id)).toBe(a.exact);
  await page.screenshot({ path: info.outputPath('annotated.png'), fullPage: false });

  // Reload: all three are back where they were.
  await page.reload();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(3);
  for (const a of entry.annotations) expect(await highlightText(page, a.id)).toBe(a.exact);

  // Export and check the file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Export JSON|تصدير JSON/ }).click(),
  ]);
  const file = info.outputPath('export.json');
  await download.saveAs(file);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(doc['@context'][1].stance).toBe('urn:hamish:terms:stance');
  expect(doc.type).toBe('AnnotationCollection');
  const items = doc.first.items;
  expect(items).toHaveLength(3);
  const codePoints = Array.from(ARTICLE_TEXT);
  for (const item of items) {
    const [quote, position] = item.target.selector;
    expect(selected).toContain(quote.exact);
    expect(codePoints.slice(position.start, position.end).join('')).toBe(quote.exact);
    expect(item.target.language).toBe('ar');
    expect(item.target.textDirection).toBe('rtl');
  }
  const russia = items.find((i) => i.target.selector[0].exact === 'روسيا');
  expect(russia.body.find((b) => b.purpose === 'tagging').value).toBe('Russia');
  const out = execFileSync('python3', [VALIDATOR, file], { encoding: 'utf8' });
  expect(out.trim().split('\n').pop()).toMatch(/^\d+ passed, 0 failed/);
  expect(errors).toEqual([]);
});

test('a selection near the end of the article is stored at its code point position', async ({ page }) => {
  await openFresh(page);
  const text = await dragSelect(page, 10, 'ونقلت وسائل إعلام روسية');
  await page.keyboard.press('c');
  const [a] = (await storedEntry(page)).annotations;
  expect(a.exact).toBe(text.trim());
  expect(Array.from(ARTICLE_TEXT).slice(a.start, a.end).join('')).toBe(a.exact);
  // UTF-16 and code points agree for this text; the host and browser tests cover astral characters.
  expect(ARTICLE_TEXT.indexOf(a.exact)).toBe(a.start);
});

test('a partial highlight keeps the Arabic letters joined', async ({ page }) => {
  await openFresh(page);
  const word = 'بإقناع';
  const at = await offsetOf(page, 1, word);
  const before = await textRect(page, 1, at, at + word.length);
  const selected = await dragSelect(page, 1, 'بإق');
  expect(selected).toBe('بإق');
  await page.keyboard.press('c');
  const [a] = (await storedEntry(page)).annotations;
  expect(a.exact).toBe('بإق');
  const after = await textRect(page, 1, at, at + word.length);
  expect(Math.abs(after.width - before.width)).toBeLessThan(0.5);
  expect(Math.abs(after.height - before.height)).toBeLessThan(0.5);
  // The highlight is colour only.
  const box = await page.locator(`[data-ann="${a.id}"]`).first().evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.paddingLeft, s.paddingRight, s.marginLeft, s.marginRight, s.borderLeftWidth, s.borderRightWidth];
  });
  expect(box).toEqual(['0px', '0px', '0px', '0px', '0px', '0px']);
});

test('click a highlight to retag it, write a note, and delete it', async ({ page }) => {
  const errors = trackErrors(page);
  await openFresh(page, '?ui=en');
  await dragSelect(page, 5, 'الأتراك');
  await page.getByRole('toolbar').getByRole('button', { name: 'Russia' }).click();
  const [a] = (await storedEntry(page)).annotations;
  expect(a.kind).toEqual({ entity: 'russia' });

  await page.locator(`[data-ann="${a.id}"]`).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(`[data-ann-id="${a.id}"]`).getByRole('heading')).toHaveText('Russia');
  // الأتراك is also suggested as Turkey: the popover shows that suggestion too.
  await expect(dialog.locator('.pop-suggestion')).toContainText('Suggested: Turkey');
  await dialog.getByLabel('Tag').selectOption({ label: 'Turkey' });
  await dialog.getByLabel('Note').fill('Which Turkish officials?');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator(`[data-ann="${a.id}"][tabindex="0"]`)).toBeFocused();

  await page.reload();
  const [b] = (await storedEntry(page)).annotations;
  expect(b.kind).toEqual({ entity: 'turkey' });
  expect(b.note).toBe('Which Turkish officials?');
  expect(b.modified >= b.created).toBe(true);
  await expect(page.locator('.hamish-panel .item')).toContainText('Which Turkish officials?');

  // Keyboard: focus the highlight, Enter opens it; delete.
  await page.locator(`[data-ann="${b.id}"][tabindex="0"]`).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-ann]')).toHaveCount(0);
  await page.reload();
  expect((await storedEntry(page)).annotations).toEqual([]);
  await expect(page.locator('[data-ann]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the panel filters by kind with counts and reveals a highlight', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 2, 'المخابرات الروسية');
  await page.keyboard.press('c');
  await dragSelect(page, 5, 'وإيران');
  await page.keyboard.press('3');
  await dragSelect(page, 9, 'دمشق');
  await page.keyboard.press('c');
  const panel = page.locator('.hamish-panel');
  await expect(panel.getByRole('button', { name: /^All\s*3$/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Claims\s*2$/ })).toBeVisible();
  await panel.getByRole('button', { name: /^Iran\s*1$/ }).click();
  await expect(panel.locator('.item')).toHaveCount(1);
  await expect(panel.locator('.item')).toContainText('وإيران');
  await panel.getByRole('button', { name: /^Claims/ }).click();
  await expect(panel.locator('.item')).toHaveCount(2);
  // Reading order.
  await expect(panel.locator('.item').first()).toContainText('المخابرات الروسية');
  await page.evaluate(() => window.scrollTo(0, 0));
  await panel.locator('.item').last().click();
  const id = (await storedEntry(page)).annotations.find((a) => a.exact === 'دمشق').id;
  const hl = page.locator(`[data-ann="${id}"]`).first();
  await expect(hl).toHaveClass(/flash/);
  await expect(hl).toBeInViewport();
  await expect(hl).toBeFocused();
});

test('Esc dismisses the toolbar; a selection across paragraphs is annotated whole', async ({ page }) => {
  await openFresh(page);
  await dragSelect(page, 1, 'انتشر في');
  await expect(page.getByRole('toolbar')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('toolbar')).toBeHidden();
  expect(await page.evaluate(() => window.getSelection().toString())).toBe('');
  expect((await storedEntry(page))?.annotations ?? []).toEqual([]);

  // From the end of the title into the first paragraph.
  const title = await textRect(page, 0, 40, 41);
  const at = await offsetOf(page, 1, 'في');
  const para = await textRect(page, 1, at + 1, at + 2);
  await page.mouse.move(title.right - 1, title.top + title.height / 2);
  await page.mouse.down();
  await page.mouse.move(para.left + 1, para.top + para.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.press('c');
  const [a] = (await storedEntry(page)).annotations;
  expect(a.exact).toContain('\n\nانتشر في');
  expect(Array.from(ARTICLE_TEXT).slice(a.start, a.end).join('')).toBe(a.exact);
  const blocks = await page.locator(`[data-ann="${a.id}"]`).evaluateAll((els) => [...new Set(els.map((el) => el.closest('[data-block]').dataset.block))]);
  expect(blocks).toEqual(['0', '1']);
});

test('the interface speaks English on request and switches back to Arabic', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const root = page.locator('.hamish');
  await expect(root).toHaveAttribute('lang', 'en');
  await expect(root).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('article')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('article')).toHaveAttribute('lang', 'ar');
  await dragSelect(page, 1, 'سوريا');
  const names = await page.getByRole('toolbar').getByRole('button').evaluateAll((bs) => bs.map((b) => b.innerText.replace(/\s*\d$|\s*c$/, '').trim()));
  expect(names).toEqual(['Claim', 'Russia', 'Turkey', 'Iran', 'al-Assad']);
  for (const name of ['Claim', 'Russia', 'Turkey', 'Iran', 'al-Assad']) {
    await expect(page.getByRole('toolbar').getByRole('button', { name, exact: true })).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(root).toHaveAttribute('lang', 'ar');
  await expect(root).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('button', { name: 'تصدير JSON' })).toBeVisible();
  await page.reload();
  await expect(root).toHaveAttribute('lang', 'ar');
});

test('a corrupt stored entry is backed up, reported, and Hamish starts clean', async ({ page }) => {
  const errors = trackErrors(page);
  await openFresh(page);
  await dragSelect(page, 1, 'سوريا');
  await page.keyboard.press('c');
  await page.evaluate((key) => localStorage.setItem(key, '{"schema":1,"annotations":[{"id": BROKEN'), ENTRY_KEY);
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('hamish:backup:');
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hamish:backup:'))
    .map((k) => localStorage.getItem(k)));
  expect(backups).toEqual(['{"schema":1,"annotations":[{"id": BROKEN']);
  await expect(page.locator('[data-ann]')).toHaveCount(0);
  // It keeps working.
  await dragSelect(page, 1, 'روسيا');
  await page.keyboard.press('2');
  expect((await storedEntry(page)).annotations).toHaveLength(1);
  // A reload does not back up again.
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('an entry from a future schema version is kept, not overwritten', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const future = JSON.stringify({ schema: 9, article: 'seed-ar-assad-fall', annotations: [{ anything: true }] });
  await page.evaluate(([key, v]) => localStorage.setItem(key, v), [ENTRY_KEY, future]);
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'Saving is paused' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Export now' })).toBeVisible();
  // The reader's work stays in the tab; the newer entry is never written over.
  await dragSelect(page, 1, 'سوريا');
  await page.keyboard.press('c');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  expect(await page.evaluate((key) => localStorage.getItem(key), ENTRY_KEY)).toBe(future);
});

test('two tabs of the same article keep each other up to date', async ({ page, context }) => {
  await openFresh(page, '?ui=en');
  const other = await context.newPage();
  await other.goto('/?ui=en');
  await expect(other.locator('article [data-block="0"]')).toBeVisible();
  await dragSelect(page, 1, 'سوريا');
  await page.keyboard.press('c');
  await expect(other.locator('.hamish-panel .item')).toHaveCount(1);
  await expect(other.locator('.hamish-panel .item')).toContainText('سوريا');
  // A change in the other tab comes back; neither tab writes over the other.
  await dragSelect(other, 1, 'روسيا');
  await other.keyboard.press('1');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(2);
  expect((await storedEntry(page)).annotations).toHaveLength(2);
  await other.close();
});

test('deleting a claim far down the article by keyboard: the notice and its Undo are in view and take the focus; Enter undoes and focuses the claim', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const block = await page.locator('article [data-block]').filter({ hasText: 'موافقة الأسد جاءت' }).getAttribute('data-block');
  await dragSelect(page, Number(block), 'موافقة الأسد');
  await page.keyboard.press('c');
  const [a] = (await storedEntry(page)).annotations;
  const highlight = page.locator(`[data-ann="${a.id}"][tabindex="0"]`);
  await highlight.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Delete' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const undo = page.locator('.hamish-notices').getByRole('button', { name: 'Undo' });
  await expect(undo).toBeInViewport();
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-ann="${a.id}"]`)).not.toHaveCount(0);
  await expect.poll(async () => (await storedEntry(page)).annotations.length).toBe(1);
  // The Undo button went with its notice: the focus is on the claim it brought back.
  await expect(highlight).toBeFocused();
});

test('screen readers are told each tag, undo and redo in a polite status', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const status = page.locator('.hamish-sr[role="status"]');
  await dragSelect(page, 1, 'سوريا');
  await page.keyboard.press('c');
  await expect(status.filter({ hasText: 'Claim added.' })).toHaveCount(1);
  await dragSelect(page, 1, 'روسيا');
  await page.keyboard.press('1');
  await expect(status.filter({ hasText: 'Tagged Russia.' })).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(status.filter({ hasText: 'Undone — Tagged Russia.' })).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(status.filter({ hasText: 'Redone — Tagged Russia.' })).toHaveCount(1);
});

test('two deletions in a row by keyboard: each time the focus goes to the Undo, and that Undo undoes the latest deletion only', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await markClaims(page, ['سوريا', 'روسيا']);
  const dialog = page.getByRole('dialog');
  const undo = page.locator('.hamish-notices').getByRole('button', { name: 'Undo' });
  for (const id of (await storedEntry(page)).annotations.map((a) => a.id)) {
    await page.locator(`[data-ann="${id}"][tabindex="0"]`).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Delete' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(undo).toHaveCount(1);
    await expect(undo).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await storedEntry(page)).annotations.length).toBe(1);
  await expect(undo).toHaveCount(0);
});
