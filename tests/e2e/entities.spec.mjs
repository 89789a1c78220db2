// Entity suggestions and the entity registry, used as a reader would.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openFresh, storedEntry, dragSelect } from './helpers.mjs';

const VALIDATOR = path.resolve('../shared/w3c-annotation-model/validate.py');
const suggestions = (page) => page.locator('article .sg[tabindex]');

test('suggestions: accept one, accept all of an entity, reject one by keyboard, and it all survives a reload', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await openFresh(page, '?ui=en');
  await expect(suggestions(page)).toHaveCount(33);
  const style = await suggestions(page).first().evaluate((el) => getComputedStyle(el).textDecorationStyle);
  expect(style).toBe('dotted');
  expect((await storedEntry(page))?.annotations ?? []).toEqual([]);

  // Accept one: click it, Accept.
  const moscow = page.locator('article .sg', { hasText: 'موسكو' }).first();
  await moscow.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Suggested: Russia');
  await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
  let anns = (await storedEntry(page)).annotations;
  expect(anns.map((a) => [a.exact, a.kind])).toEqual([['موسكو', { entity: 'russia' }]]);
  await expect(suggestions(page)).toHaveCount(32);

  // Accept all of Iran from the panel.
  const panel = page.locator('.hamish-panel .suggestions');
  await panel.locator('[data-suggestions="iran"]').getByRole('button', { name: /Accept all Iran suggestions \(3\)/ }).click();
  anns = (await storedEntry(page)).annotations;
  expect(anns.filter((a) => a.kind.entity === 'iran').map((a) => a.exact).sort()).toEqual(['إيران', 'إيران', 'الإيراني'].sort());
  await expect(suggestions(page)).toHaveCount(29);

  // Walk the suggestions with the keyboard: Review focuses Turkey's first, n the next in reading
  // order, p the previous, x rejects (and moves on), a accepts.
  await panel.locator('[data-suggestions="turkey"]').getByRole('button', { name: 'Review' }).click();
  await expect(page.locator('article .sg:focus')).toHaveText('الأتراك');
  await page.keyboard.press('n');
  await expect(page.locator('article .sg:focus')).toHaveText('موسكو');
  await page.keyboard.press('p');
  await expect(page.locator('article .sg:focus')).toHaveText('الأتراك');
  await page.keyboard.press('x');
  await expect(suggestions(page)).toHaveCount(28);
  await expect(page.locator('article .sg:focus')).toHaveText('موسكو');
  await page.keyboard.press('a');
  await expect(suggestions(page)).toHaveCount(27);
  anns = (await storedEntry(page)).annotations;
  expect(anns.filter((a) => a.exact === 'موسكو' && a.kind.entity === 'russia')).toHaveLength(2);
  expect((await storedEntry(page)).rejected).toHaveLength(1);

  // Reload: tags, suggestions and the rejection are as they were.
  await page.reload();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(5);
  await expect(suggestions(page)).toHaveCount(27);
  await expect(page.locator('article .sg', { hasText: 'الأتراك' })).toHaveCount(0);

  // Suggestions are never exported; accepted tags are, with their Wikidata ids.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const file = test.info().outputPath('export.json');
  await download.saveAs(file);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(doc.total).toBe(5);
  const iran = doc.first.items.find((i) => i.body.some((b) => b.value === 'Iran'));
  expect(iran.body.find((b) => b.purpose === 'identifying').source).toBe('http://www.wikidata.org/entity/Q794');
  expect(execFileSync('python3', [VALIDATOR, file], { encoding: 'utf8' }).trim().split('\n').pop()).toMatch(/ 0 failed/);
  expect(errors).toEqual([]);
});

test('a custom entity: its suggestions appear, it has a key, it follows the reader to other articles, and is deleted with its tags retagged', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await page.getByRole('button', { name: 'Entities…' }).click();
  const editor = page.getByRole('region', { name: 'Entities' });
  await expect(editor.locator('.entity')).toHaveCount(4);
  // A default with more forms than a row shows says how many more.
  await expect(editor.locator('[data-entity="russia"] .forms')).toContainText(/, … \(\+\d+\)$/);
  await editor.getByRole('button', { name: 'Add entity' }).click();
  await expect(editor.getByLabel('Arabic name')).toBeFocused();
  await editor.getByLabel('English name').fill('Syrian opposition');
  await editor.getByLabel('Arabic name').fill('المعارضة السورية');
  await editor.getByLabel('Colour').fill('#ffee00');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('alert')).toContainText('choose a darker colour');
  await editor.getByLabel('Colour').fill('#0f766e');
  await editor.getByLabel('Wikidata id (optional, like Q12345)').fill('Q6500773');
  await editor.getByLabel('Forms it is named by (comma-separated)').fill('المعارضة، قوات المعارضة');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.locator('.entity')).toHaveCount(5);
  // المعارضة السورية, مع المعارضة, تحرك المعارضة, قوات المعارضة, للمعارضة (ل + المعارضة).
  const opposition = page.locator('article .sg[tabindex][data-sg^="syrian-opposition:"]');
  await expect(opposition).toHaveText(['المعارضة السورية', 'المعارضة', 'المعارضة', 'قوات المعارضة', 'لمعارضة']);
  await expect(page.locator('[data-suggestions="syrian-opposition"]')).toBeVisible();
  // The toolbar has it as key 5.
  await page.locator('article [data-block="2"]').scrollIntoViewIfNeeded();
  const box = await page.locator('article [data-block="2"]').boundingBox();
  await page.mouse.dblclick(box.x + box.width - 30, box.y + 12);
  await expect(page.getByRole('toolbar').getByRole('button', { name: 'Syrian opposition' })).toBeVisible();
  await page.keyboard.press('Escape');
  // Accept all of them, and export carries its label and Wikidata id.
  await page.locator('[data-suggestions="syrian-opposition"]').getByRole('button', { name: /Accept all/ }).click();
  expect((await storedEntry(page)).annotations.filter((a) => a.kind.entity === 'syrian-opposition')).toHaveLength(5);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const doc = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const item = doc.first.items.find((i) => i.body.some((b) => b.value === 'Syrian opposition'));
  expect(item.body.find((b) => b.purpose === 'identifying').source).toBe('http://www.wikidata.org/entity/Q6500773');

  // Another article sees the custom entity too.
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByLabel("Or paste the article's text here").fill('خبر\n\nتقدمت قوات المعارضة نحو المدينة.');
  await page.getByRole('button', { name: 'Open text' }).click();
  await expect(page.locator('article .sg[tabindex]')).toHaveText(['قوات المعارضة']);
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('button', { name: 'The bundled article' }).click();
  await expect(page.locator('article h1')).toContainText('مصادر روسية');

  // Delete it, retagging its tags as claims.
  await page.getByRole('button', { name: 'Entities…' }).click();
  await page.locator('.hamish-entities [data-entity="syrian-opposition"]').getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByRole('combobox', { name: 'What its tags become' })).toBeFocused();
  await expect(confirm).toContainText('Annotations in this article that use');
  await expect(confirm).toContainText('”: 5. What should happen');
  await confirm.getByRole('combobox').selectOption({ label: 'Retag them as Claim' });
  await confirm.getByRole('button', { name: 'Delete entity' }).click();
  await expect(page.locator('.hamish-entities .entity')).toHaveCount(4);
  let anns = (await storedEntry(page)).annotations;
  expect(anns.filter((a) => a.kind === 'claim')).toHaveLength(5);
  await page.reload();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(5);
  anns = (await storedEntry(page)).annotations;
  expect(anns.every((a) => a.kind === 'claim')).toBe(true);
  expect(await page.evaluate(() => localStorage.getItem('hamish:v1:entities'))).toBe('[]');
});

test('a tag whose entity is gone (deleted in another tab as it was made) is drawn in grey, and can be retagged', async ({ page }) => {
  await openFresh(page, '?ui=en');
  // A tag of an entity no list holds, as another tab's deletion leaves it.
  await dragSelect(page, 1, 'سوريا');
  await expect(page.getByRole('toolbar')).toBeVisible();
  await page.keyboard.press('1');
  await expect.poll(async () => (await storedEntry(page))?.annotations.length).toBe(1);
  const entry = await storedEntry(page);
  entry.annotations[0].kind = { entity: 'opposition' };
  entry.annotations[0].modified = new Date().toISOString();
  await page.evaluate((value) => localStorage.setItem('hamish:v1:annotations:seed-ar-assad-fall', value), JSON.stringify(entry));
  await page.reload();
  const tag = page.locator(`article [data-ann="${entry.annotations[0].id}"]`);
  await expect(tag).toHaveCount(1);
  await expect(tag).toHaveCSS('--hl-color', '#555');
  await tag.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tag').selectOption({ label: 'Turkey' });
  await expect.poll(async () => (await storedEntry(page)).annotations[0].kind).toEqual({ entity: 'turkey' });
});

test('an entity named in Arabic only: its id from the name, a second of that name refused, and renamed in Arabic it is renamed everywhere', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await page.getByRole('button', { name: 'Entities…' }).click();
  const editor = page.getByRole('region', { name: 'Entities' });
  const add = async (ar, forms) => {
    await editor.getByRole('button', { name: 'Add entity' }).click();
    await editor.getByLabel('Arabic name').fill(ar);
    await editor.getByLabel('Colour').fill('#0f766e');
    await editor.getByLabel('Forms it is named by (comma-separated)').fill(forms);
    await editor.getByRole('button', { name: 'Save' }).click();
  };
  await add('سوريا', 'سوريا');
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('hamish:v1:entities') || '[]'));
  await expect.poll(async () => (await stored()).map((e) => e.id)).toEqual([expect.stringMatching(/^entity-[0-9a-f]{8}$/)]);
  const [{ id }] = await stored();
  // A second entity of that name could not be told apart in an export: refused.
  await add('سوريا', '');
  await expect(editor.getByRole('alert')).toContainText('is the name of another entity already');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  expect((await stored()).length).toBe(1);
  // Renamed in Arabic (the English field is empty, as the reader left it): the old name goes.
  await editor.locator(`[data-entity="${id}"]`).getByRole('button', { name: /Edit/ }).click();
  await expect(editor.getByLabel('English name')).toHaveValue('');
  await expect(editor.getByLabel('Arabic name')).toHaveValue('سوريا');
  await editor.getByLabel('Arabic name').fill('سورية');
  await editor.getByLabel('Forms it is named by (comma-separated)').fill('سورية، السورية');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await stored())[0]).toMatchObject({ id, label_en: 'سورية', label_ar: 'سورية', forms: ['سورية', 'السورية'] });
});
