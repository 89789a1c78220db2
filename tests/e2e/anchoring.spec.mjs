// Annotations surviving a changed article: re-anchoring, orphans, re-attaching, import.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openFresh, dragSelect, storedEntry, highlightText, ARTICLE_ID } from './helpers.mjs';

const ORIGINAL = fs.readFileSync(path.resolve('articles/article.ar.txt'), 'utf8').replace(/\r\n/g, '\n').trim();
const A = 'والدور الذي لعبته روسيا بإقناع الأسد بالتنحي';
const B = 'الأتراك';
const C = 'أكثر من مليون شخص';
/** The article as its publisher later changed it: a paragraph added at the top, a diacritic and a
 * tatweel added, one sentence rewritten so that C's words are gone. */
const EDITED = ORIGINAL
  .replace('\n\n', '\n\nتحديث: أضيفت هذه الفقرة بعد النشر لتوضيح بعض التفاصيل حول مصادر المعلومات.\n\n')
  .replace('والدور الذي', 'والدورُ الذي')
  .replace('مع الأتراك', 'مـع الأتراك')
  .replace('كان من الممكن أن يذهب ضحيتها أكثر من مليون شخص', 'وهو ما لم تؤكده مصادر مستقلة');
const EDITED_URL = `/?src=/edited.txt&id=${ARTICLE_ID}&ui=en`;

async function serveEdited(page) {
  await page.route('**/edited.txt', (route) => route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: EDITED }));
}

async function annotateThree(page) {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 1, A);
  await page.keyboard.press('c');
  await dragSelect(page, 5, B);
  await page.keyboard.press('2');
  await dragSelect(page, 9, C);
  await page.keyboard.press('c');
  const anns = (await storedEntry(page)).annotations;
  const byExact = Object.fromEntries(anns.map((a) => [a.exact, a.id]));
  // A note on C, which is about to lose its text.
  await page.locator(`[data-ann="${byExact[C]}"]`).first().click();
  await page.getByRole('dialog').getByLabel('Note').fill('casualty estimate');
  await page.keyboard.press('Escape');
  return byExact;
}

test('an edited article: annotations follow their words, the lost one is an orphan, and can be re-attached', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const ids = await annotateThree(page);
  await serveEdited(page);
  await page.goto(EDITED_URL);
  await expect(page.locator('article [data-block="1"]')).toContainText('تحديث: أضيفت هذه الفقرة');
  await expect(page.getByRole('alert')).toContainText('Annotations that followed their text to its new place: 2.');
  await expect(page.getByRole('alert')).toContainText('Not found, listed under Orphaned: 1.');
  expect(await highlightText(page, ids[A])).toBe('والدورُ الذي لعبته روسيا بإقناع الأسد بالتنحي');
  expect(await highlightText(page, ids[B])).toBe(B);
  await expect(page.locator(`[data-ann="${ids[C]}"]`)).toHaveCount(0);
  const orphan = page.locator(`.orphans [data-orphan="${ids[C]}"]`);
  await expect(orphan).toContainText(C);
  await expect(orphan).toContainText('casualty estimate');
  await page.screenshot({ path: test.info().outputPath('orphan.png') });

  // Re-attach it to new text.
  await orphan.getByRole('button', { name: 'Re-attach' }).click();
  await expect(page.locator('.hamish-reattach')).toContainText(C);
  const chosen = await dragSelect(page, 10, 'حرب أهلية واسعة النطاق');
  await page.getByRole('toolbar').getByRole('button', { name: 'Attach here' }).click();
  await expect(page.locator('.orphans')).toHaveCount(0);
  expect(await highlightText(page, ids[C])).toBe(chosen.trim());

  // Reload: everything stays where it now is, with its note.
  await page.reload();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(3);
  expect(await highlightText(page, ids[A])).toBe('والدورُ الذي لعبته روسيا بإقناع الأسد بالتنحي');
  expect(await highlightText(page, ids[C])).toBe('حرب أهلية واسعة النطاق');
  const stored = await storedEntry(page);
  expect(stored.annotations.find((a) => a.id === ids[C]).note).toBe('casualty estimate');
  expect(stored.annotations.every((a) => !a.orphan)).toBe(true);
  expect(errors).toEqual([]);
});

test('an orphan can be deleted, and stays an orphan (not a guess) until then', async ({ page }) => {
  const ids = await annotateThree(page);
  await serveEdited(page);
  await page.goto(EDITED_URL);
  await expect(page.locator('.orphans li')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('.orphans li')).toHaveCount(1);
  await expect(page.locator('.hamish-panel .item')).toHaveCount(2);
  const stored = await storedEntry(page);
  expect(stored.annotations.find((a) => a.id === ids[C]).orphan).toBe(true);
  await page.locator('.orphans').getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.orphans')).toHaveCount(0);
  expect((await storedEntry(page)).annotations).toHaveLength(2);
});

test('import a collection exported from an earlier version of the article', async ({ page: first, browser }, info) => {
  await annotateThree(first);
  const [download] = await Promise.all([first.waitForEvent('download'), first.getByRole('button', { name: 'Export JSON' }).click()]);
  const file = info.outputPath('earlier.json');
  await download.saveAs(file);
  // A different reader, in another browser with nothing stored, opens the edited article and imports the file.
  const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await other.newPage();
  await serveEdited(page);
  await page.goto(EDITED_URL);
  await expect(page.locator('[data-ann]')).toHaveCount(0);
  await page.locator('.hamish-import input[type=file]').setInputFiles(file);
  await expect(page.locator('.notice').last()).toContainText('Imported 3: 2 anchored, 1 orphaned, 0 rejected. Added 3, updated 0, unchanged 0.');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(2);
  await expect(page.locator('.orphans li')).toHaveCount(1);
  // The same file again: nothing is duplicated.
  await page.locator('.hamish-import input[type=file]').setInputFiles(file);
  await expect(page.locator('.notice').last()).toContainText('Added 0, updated 0, unchanged 3.');
  expect((await storedEntry(page)).annotations).toHaveLength(3);
  await other.close();
});

test('a file of many bad items names the first twenty and counts the rest', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const items = Array.from({ length: 25 }, (_, i) => ({
    type: 'Annotation', id: `urn:uuid:bad-${i}`,
    body: { type: 'TextualBody', purpose: 'tagging', value: 'NoSuchEntity' },
    target: { selector: { type: 'TextQuoteSelector', exact: 'روسيا' } },
  }));
  await page.locator('.hamish-import input[type=file]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(items)) });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Imported 25: 0 anchored, 0 orphaned, 25 rejected.');
  await expect(alert).toContainText('#20: its tag «NoSuchEntity» is not a known entity');
  await expect(alert).not.toContainText('#21:');
  await expect(alert).toContainText('… and 5 more rejected.');
  await expect(page.locator('[data-ann]')).toHaveCount(0);
});

test('importing garbage says what is wrong and changes nothing', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 1, 'روسيا');
  await page.keyboard.press('1');
  const before = await storedEntry(page);
  const input = page.locator('.hamish-import input[type=file]');
  const cases = [
    ['garbage.json', 'this is { not json', 'Nothing was imported: it is not valid JSON'],
    ['empty.json', '{"hello": "world"}', 'Nothing was imported: it holds no annotations'],
  ];
  for (const [name, body, message] of cases) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await expect(page.getByRole('alert')).toContainText(message);
    expect(await storedEntry(page)).toEqual(before);
  }
  // Partly bad: the good one comes in, the bad ones are listed with reasons.
  const mixed = JSON.stringify([
    { type: 'Annotation', target: 'https://example.com/' },
    { type: 'Annotation', body: { type: 'TextualBody', purpose: 'tagging', value: 'Iran' }, target: { selector: { type: 'TextQuoteSelector', exact: 'وإيران' } } },
  ]);
  await input.setInputFiles({ name: 'mixed.json', mimeType: 'application/json', buffer: Buffer.from(mixed) });
  await expect(page.getByRole('alert')).toContainText('1 anchored, 0 orphaned, 1 rejected');
  await expect(page.getByRole('alert')).toContainText('#1: its target has no usable TextQuoteSelector or TextPositionSelector');
  expect((await storedEntry(page)).annotations).toHaveLength(2);
});

test('a failed article load keeps the bundled article and says why', async ({ page }) => {
  await page.route('**/missing.txt', (route) => route.fulfill({ status: 404, body: 'nope' }));
  await page.goto('/?src=/missing.txt&ui=en');
  await expect(page.getByRole('alert')).toContainText('The article could not be loaded');
  await expect(page.getByRole('alert')).toContainText('404');
  await expect(page.locator('article [data-block="0"]')).toContainText('مصادر روسية تكشف');
});

/** A claim on A, judged False (stored); its id. */
async function falseClaimOnA(page) {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 1, A);
  await page.keyboard.press('c');
  const id = (await storedEntry(page)).annotations[0].id;
  await page.locator(`[data-ann="${id}"]`).first().click();
  await page.getByRole('dialog').getByLabel('Verdict').selectOption('false');
  await expect.poll(async () => (await storedEntry(page)).annotations[0].claim?.verdict).toBe('false');
  await page.keyboard.press('Escape');
  return id;
}

test('a checked claim whose words the publisher changed: the reader is told the words checked and the words now', async ({ page }) => {
  const id = await falseClaimOnA(page);
  // A diacritic added (EDITED) is the same words: no warning.
  await serveEdited(page);
  await page.goto(EDITED_URL);
  await expect(page.locator('.notice', { hasText: 'Annotations that followed their text to its new place: 1.' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'already looked at' })).toHaveCount(0);
  // A word changed is other words.
  const reworded = EDITED.replace('بإقناع الأسد', 'بإقناع بشار الأسد');
  await page.unroute('**/edited.txt');
  await page.route('**/edited.txt', (route) => route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: reworded }));
  await page.goto(EDITED_URL);
  const told = page.getByRole('alert').filter({ hasText: 'The words of claims already looked at changed (claims: 1)' });
  await expect(told).toBeVisible();
  // Each quote isolated (U+2068 … U+2069), so the words and the arrow keep their order.
  await expect(told).toContainText('«\u2068والدورُ الذي لعبته روسيا بإقناع الأسد بالتنحي\u2069» → «\u2068والدورُ الذي لعبته روسيا بإقناع بشار الأسد بالتنحي\u2069»');
  expect(await highlightText(page, id)).toBe('والدورُ الذي لعبته روسيا بإقناع بشار الأسد بالتنحي');
  await page.screenshot({ path: test.info().outputPath('reworded.png') });
  // "Not this claim's words": back on the words checked, as an orphan, with its verdict; the warning
  // goes; a reload does not put it on the new words again; Undo would.
  await told.getByRole('button', { name: /Not this claim's words/ }).click();
  await expect(told).toBeHidden();
  // The focus, gone with the warning, is on the orphan's Re-attach.
  await expect(page.locator(`[data-orphan="${id}"] button`).first()).toBeFocused();
  await expect(page.locator(`article [data-ann="${id}"]`)).toHaveCount(0);
  const orphans = page.locator('.hamish-panel .orphans');
  await expect(orphans).toContainText('والدورُ الذي لعبته روسيا بإقناع الأسد بالتنحي');
  await expect.poll(async () => (await storedEntry(page)).annotations[0]).toMatchObject({
    orphan: true, detached: true, exact: 'والدورُ الذي لعبته روسيا بإقناع الأسد بالتنحي', claim: { verdict: 'false' },
  });
  await page.goto(EDITED_URL);
  await expect(page.locator('.hamish-panel .orphans')).toContainText('والدورُ الذي لعبته روسيا بإقناع الأسد بالتنحي');
  await expect(page.getByRole('alert').filter({ hasText: 'already looked at' })).toHaveCount(0);
  await expect(page.locator(`article [data-ann="${id}"]`)).toHaveCount(0);
});

test('a checked claim found in other words is listed at every opening until the reader decides; "The verdict holds for these words" ends it', async ({ page }) => {
  const id = await falseClaimOnA(page);
  const reworded = EDITED.replace('بإقناع الأسد', 'بإقناع بشار الأسد');
  await page.route('**/edited.txt', (route) => route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: reworded }));
  const told = page.getByRole('alert').filter({ hasText: 'The words of claims already looked at changed (claims: 1)' });
  for (let opening = 0; opening < 2; opening++) {
    await page.goto(EDITED_URL);
    await expect(told, `opening ${opening + 1}`).toBeVisible();
    await expect(told).toContainText('بإقناع الأسد');
  }
  await expect.poll(async () => (await storedEntry(page)).annotations[0].checked?.exact).toContain('بإقناع الأسد');
  await told.getByRole('button', { name: /The verdict holds for these words/ }).click();
  await expect(told).toBeHidden();
  await expect(page.locator(`[data-ann="${id}"][tabindex]`).first()).toBeFocused();
  await expect.poll(async () => (await storedEntry(page)).annotations[0].checked).toBeUndefined();
  // Undone, the claim is listed again; redone, it goes.
  await page.keyboard.press('Control+z');
  await expect(told).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(told).toBeHidden();
  await expect.poll(async () => (await storedEntry(page)).annotations[0].checked).toBeUndefined();
  await page.goto(EDITED_URL);
  await expect(page.locator(`article [data-ann="${id}"]`).first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'already looked at' })).toHaveCount(0);
  expect((await storedEntry(page)).annotations[0].claim.verdict).toBe('false');
});
