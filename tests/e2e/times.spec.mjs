// Two tabs and outside times cannot undo the reader's work: a future-dated import loses to the
// reader's later edit and deletion, Undo never wipes out another tab's later note, and a backup
// restore never deletes (and is undone by Undo).
import { test, expect } from '@playwright/test';
import { openFresh, dragSelect, storedEntry, ARTICLE_ID, exportAll, markClaims } from './helpers.mjs';

/** A second tab on the same article, loaded. */
async function secondTab(context) {
  const other = await context.newPage();
  await other.goto('/?ui=en');
  await expect(other.locator('article [data-block="0"]')).toBeVisible();
  return other;
}

/** Types `note` in annotation `id`'s popover and closes it. */
async function writeNote(page, id, note) {
  await page.locator(`[data-ann="${id}"]`).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Note').fill(note);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test('a future-dated import loses to the reader\'s later edit and deletion while a second tab is open', async ({ page, context }) => {
  await openFresh(page, '?ui=en');
  const hour = new Date(Date.now() + 3_600_000).toISOString();
  const file = JSON.stringify({
    id: 'urn:uuid:0f0e0d0c-0b0a-4908-8706-050403020100', type: 'Annotation',
    created: hour, modified: hour, bodyValue: 'from a fast clock',
    target: { selector: { type: 'TextQuoteSelector', exact: 'سوريا' } },
  });
  await page.locator('.hamish-import input[type=file]').setInputFiles({
    name: 'fast.json', mimeType: 'application/json', buffer: Buffer.from(file),
  });
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  const [a] = (await storedEntry(page)).annotations;
  expect(Date.parse(a.modified)).toBeLessThanOrEqual(Date.now() + 1_000);
  const other = await secondTab(context);
  await expect(other.locator('.hamish-panel .item')).toHaveCount(1);

  await writeNote(page, a.id, 'edited here');
  await expect(other.locator('.hamish-panel .item')).toContainText('edited here');
  await other.bringToFront();
  await page.bringToFront();
  await expect.poll(async () => (await storedEntry(page)).annotations[0]?.note).toBe('edited here');
  await expect(page.locator('.hamish-panel .item')).toContainText('edited here');

  await page.locator(`[data-ann="${a.id}"]`).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(other.locator('.hamish-panel .item')).toHaveCount(0);
  await other.bringToFront();
  await page.bringToFront();
  await expect.poll(async () => (await storedEntry(page)).annotations.length).toBe(0);
  await page.reload();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(0);
  await other.close();
});

test('the same future-dated or undated file imported again leaves the reader\'s edit made in between', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const year = new Date(Date.now() + 365 * 86_400_000).toISOString();
  for (const [name, times] of [['future', { created: year, modified: year }], ['undated', {}]]) {
    const id = name === 'future' ? 'urn:uuid:0f0e0d0c-0b0a-4908-8706-0504030201aa' : 'urn:uuid:0f0e0d0c-0b0a-4908-8706-0504030201bb';
    const file = { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({
      id, type: 'Annotation', ...times, bodyValue: 'from the file',
      target: { selector: { type: 'TextQuoteSelector', exact: name === 'future' ? 'سوريا' : 'روسيا' } },
    })) };
    const input = page.locator('.hamish-import input[type=file]');
    await input.setInputFiles(file);
    await expect(page.locator(`[data-ann="${id}"]`).first()).toBeVisible();
    await writeNote(page, id, `edited after the ${name} import`);
    await input.setInputFiles([]);
    await input.setInputFiles(file);
    await expect(page.getByText(/Added 0, updated 0, unchanged 1/)).toBeVisible();
    await page.reload();
    await expect.poll(async () => (await storedEntry(page)).annotations.find((a) => a.id === id)?.note).toBe(`edited after the ${name} import`);
  }
});

test('a file imported again after its import was undone says its annotations were deleted here and stay deleted', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const file = { name: 'past.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({
    id: 'urn:uuid:0f0e0d0c-0b0a-4908-8706-0504030201cc', type: 'Annotation',
    created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', bodyValue: 'from the file',
    target: { selector: { type: 'TextQuoteSelector', exact: 'سوريا' } },
  })) };
  const input = page.locator('.hamish-import input[type=file]');
  await input.setInputFiles(file);
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(0);
  await input.setInputFiles([]);
  await input.setInputFiles(file);
  await expect(page.getByText('1 of the unchanged were deleted here, and stay deleted')).toBeVisible();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(0);
});

test('Undo in one tab does not wipe out another tab\'s later note; it says why', async ({ page, context }) => {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 1, 'سوريا');
  await page.keyboard.press('c');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  const [a] = (await storedEntry(page)).annotations;
  await writeNote(page, a.id, 'A note');
  const other = await secondTab(context);
  await expect(other.locator('.hamish-panel .item')).toContainText('A note');
  await writeNote(other, a.id, 'B long careful note');
  await expect(page.locator('.hamish-panel .item')).toContainText('B long careful note');

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.locator('.hamish-notices')).toContainText('Undo/redo not applied');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await storedEntry(page)).annotations.map((x) => x.note))
    .toEqual(['B long careful note']);
  await expect(page.locator('.hamish-panel .item')).toContainText('B long careful note');
  await expect(other.locator('.hamish-panel .item')).toContainText('B long careful note');
  await other.close();
});

test('restoring a backup whose tombstones name live annotations deletes nothing, and Undo takes it back', async ({ page }, info) => {
  await openFresh(page, '?ui=en');
  await markClaims(page, ['سوريا', 'روسيا']);
  const backup = await exportAll(page, info);
  const article = backup.articles.find((x) => x.id === ARTICLE_ID);
  const [first] = article.entry.annotations;
  const ids = article.entry.annotations.map((x) => x.id);
  // The backup deletes both (dated 2099) and brings one new claim.
  article.entry.deleted = ids.map((id) => ({ id, deleted: '2099-01-01T00:00:00Z' }));
  article.entry.annotations = [{ ...first, id: 'urn:uuid:00000000-0000-4000-8000-000000000001', note: 'from the backup' }];
  await page.locator('.hamish-import input[type=file]').setInputFiles({
    name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(page.locator('.hamish-notices')).toContainText('Annotations added: 1; updated: 0; articles: 1. Nothing was deleted');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(3);
  await expect.poll(async () => (await storedEntry(page)).annotations.length).toBe(3);
  const stored = await storedEntry(page);
  expect(stored.annotations.map((x) => x.id)).toEqual(expect.arrayContaining(ids));

  // The restore is one notice, and of this article one step: its Undo takes the added claim back, and only it.
  await expect(page.locator('.hamish-notices .notice')).toHaveCount(1);
  await page.locator('.hamish-notices .notice', { hasText: 'Backup restored' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(2);
  await expect.poll(async () => (await storedEntry(page)).annotations.map((x) => x.id).sort()).toEqual([...ids].sort());
  await page.reload();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(2);
});
