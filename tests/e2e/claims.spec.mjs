// A fact-checker's claim: marked in the Arabic article, judged False, attributed to the al-Assad
// mention, refuted by a URL, marked Checked; it survives a reload, shows in the popover and the panel,
// and exports as W3C (assessing, moderating, linking bodies and a claimant link) — standalone and embedded.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openFresh, dragSelect, storedEntry, dragHost, hostRect, ARTICLE_ID, exportAll } from './helpers.mjs';

const VALIDATOR = path.resolve('../shared/w3c-annotation-model/validate.py');
const CLAIM = 'والدور الذي لعبته روسيا بإقناع الأسد بالتنحي';
const EVIDENCE = 'https://factcheck.example/assad-russia';

/** Opens the bundled article in English with nothing stored, marks CLAIM as a claim by mouse and
 * `c`, and returns it as stored. */
async function newClaim(page) {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 1, CLAIM);
  await page.keyboard.press('c');
  await expect.poll(async () => (await storedEntry(page)).annotations.length).toBe(1);
  return (await storedEntry(page)).annotations[0];
}

/** A new claim with its popover open at "Attributed to: Someone else…"; `stored()` reads its
 * claimant as saved. */
async function someoneElse(page) {
  const claim = await newClaim(page);
  const dialog = page.getByRole('dialog');
  const stored = async () => (await storedEntry(page)).annotations[0].claim?.claimant;
  await page.locator(`[data-ann="${claim.id}"]`).first().click();
  const attributed = dialog.getByLabel('Attributed to');
  await attributed.selectOption({ label: 'Someone else…' });
  return { dialog, attributed, stored };
}

/** Fills a claim's fact-checking controls in the open popover, as a reader does. */
async function checkClaim(dialog, assadOption) {
  await dialog.getByLabel('Verdict').selectOption({ label: 'False' });
  await dialog.getByLabel('Attributed to').selectOption({ label: assadOption });
  await dialog.getByLabel('Evidence URL').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Add evidence' }).click();
  await expect(dialog.getByRole('alert')).toContainText('http:// or https://');
  await dialog.getByLabel('Evidence URL').fill(EVIDENCE);
  await dialog.getByLabel('Stance', { exact: true }).last().selectOption('refutes');
  await dialog.getByRole('button', { name: 'Add evidence' }).click();
  await expect(dialog.locator('.claim-evidence li a')).toHaveText(EVIDENCE);
  await dialog.getByLabel('Status').selectOption({ label: 'Checked' });
  await dialog.getByLabel('Claim date').fill('2024-12-08');
  await dialog.getByLabel('Published fact-check URL (optional)').fill('https://factcheck.example/2026/assad');
  await dialog.getByLabel('Check-worthy').selectOption({ label: 'Yes' });
}

/** The claim's controls show what was recorded. */
async function expectChecked(dialog, assadId) {
  await expect(dialog.getByLabel('Verdict')).toHaveValue('false');
  await expect(dialog.getByLabel('Status')).toHaveValue('checked');
  await expect(dialog.getByLabel('Attributed to')).toHaveValue(assadId);
  await expect(dialog.locator('.claim-evidence li a')).toHaveText(EVIDENCE);
  await expect(dialog.getByLabel('Claim date')).toHaveValue('2024-12-08');
  await expect(dialog.getByLabel('Published fact-check URL (optional)')).toHaveValue('https://factcheck.example/2026/assad');
}

/** The W3C file carries the claim as the README says, and passes validate.py. */
function expectW3c(file, claimId, assadId) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const items = doc.first.items;
  const claim = items.find((i) => i.id === claimId);
  const body = (purpose) => claim.body.filter((b) => b.purpose === purpose);
  expect(body('assessing').filter((b) => b.type === 'TextualBody').map((b) => b.value)).toEqual(['false']);
  expect(body('moderating').map((b) => b.value)).toEqual(['checked']);
  expect(body('linking')).toEqual([{ type: 'SpecificResource', purpose: 'linking', source: EVIDENCE, stance: 'refutes' }]);
  expect(claim.body).toContainEqual({ type: 'SpecificResource', purpose: 'assessing', source: 'https://factcheck.example/2026/assad' });
  expect(claim.claimDate).toBe('2024-12-08');
  const link = items.find((i) => i.motivation === 'linking');
  expect(link.body).toEqual({ type: 'TextualBody', purpose: 'tagging', value: 'attributedTo' });
  expect(link.target).toEqual([claimId, assadId]);
  const out = execFileSync('python3', [VALIDATOR, file], { encoding: 'utf8' });
  expect(out.trim().split('\n').pop()).toMatch(/ 0 failed$/);
}

test('standalone: a checked claim with verdict, claimant, evidence; reload; panel; export', async ({ page }, info) => {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 1, 'الأسد');
  await page.keyboard.press('4');
  await dragSelect(page, 1, CLAIM);
  await page.keyboard.press('c');
  const entry = await storedEntry(page);
  const claimId = entry.annotations.find((a) => a.exact === CLAIM).id;
  const assadId = entry.annotations.find((a) => a.exact === 'الأسد').id;

  // Keyboard: focus the claim, `a` opens its popover at "Attributed to".
  await page.locator(`[data-ann="${claimId}"][tabindex="0"]`).focus();
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Attributed to')).toBeFocused();
  await checkClaim(dialog, 'al-Assad: الأسد');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await storedEntry(page)).annotations.find((a) => a.id === claimId).claim?.status).toBe('checked');

  await page.reload();
  // The claim's highlight is announced with its verdict.
  await expect(page.locator(`[data-ann="${claimId}"][tabindex="0"]`)).toHaveAttribute('aria-label', `Claim (False): ${CLAIM}`);
  const item = page.locator(`.hamish-panel .item[data-item="${claimId}"]`);
  await expect(item.locator('.claim-summary')).toContainText('False');
  await expect(item.locator('.claim-summary')).toContainText('Checked');
  const falseChip = page.locator('.filters-verdict .chip', { hasText: /^False\d/ });
  await expect(falseChip.locator('.count')).toHaveText('1');
  await falseChip.click();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  await page.locator(`[data-ann="${claimId}"]`).first().click();
  await expectChecked(dialog, assadId);
  await page.screenshot({ path: info.outputPath('claim-popover.png') });
  await page.keyboard.press('Escape');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const file = info.outputPath('claims.json');
  await download.saveAs(file);
  expectW3c(file, claimId, assadId);

  // Deleting the al-Assad tag removes the link; Undo brings both back.
  await page.locator(`[data-ann="${assadId}"]`).first().click();
  await dialog.locator(`[data-ann-id="${assadId}"]`).getByRole('button', { name: 'Delete' }).click();
  await expect.poll(async () => (await storedEntry(page)).annotations.find((a) => a.id === claimId).claim?.claimant).toBeUndefined();
  await page.locator('.hamish-notices .notice', { hasText: 'Annotation deleted' }).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await storedEntry(page)).annotations.find((a) => a.id === claimId).claim?.claimant).toEqual({ entity: assadId });
});

test('standalone: a checked claim without a verdict asks for one; settings choose the AraFacts scale', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 1, CLAIM);
  await page.keyboard.press('c');
  const [claim] = (await storedEntry(page)).annotations;
  await page.locator(`[data-ann="${claim.id}"]`).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Status').selectOption({ label: 'Checked' });
  await expect(dialog.getByRole('alert')).toContainText('Choose a verdict');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Verdict scale').selectOption('arafacts');
  await page.getByLabel("Reviewer's name").fill('سارة');
  await page.getByLabel('Organisation', { exact: true }).fill('مرصد التحقق');
  // A website that is not a web address is refused with a message; what was typed stays.
  await page.getByLabel("Organisation's website").fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.hamish-settings').getByRole('alert')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('hamish:v1:settings'))).toBeNull();
  await expect(page.getByLabel("Reviewer's name")).toHaveValue('سارة');
  await expect(page.getByLabel('Verdict scale')).toHaveValue('arafacts');
  await expect(page.getByLabel("Organisation's website")).toHaveValue('javascript:alert(1)');
  await page.getByLabel("Organisation's website").fill('https://observatory.example');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.locator('.hamish-settings')).toHaveCount(0);
  await page.locator(`[data-ann="${claim.id}"]`).first().click();
  await expect(dialog.getByLabel('Verdict').locator('option')).toHaveText(['— no verdict —', 'True', 'Partly false', 'False', 'Sarcasm', 'Unverifiable']);
  const settings = await page.evaluate(() => JSON.parse(localStorage.getItem('hamish:v1:settings')));
  expect(settings).toEqual({ scale: 'arafacts', reviewer: { name: 'سارة', organization: 'مرصد التحقق', url: 'https://observatory.example' } });
  // Saving the settings can be undone and redone like any change (and is saved each time).
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('hamish:v1:settings')));
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone — Settings changed.' })).toBeAttached();
  await expect.poll(async () => (await stored()).scale).not.toBe('arafacts');
  expect((await stored()).reviewer.name).toBe('');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(stored).toEqual(settings);
  // Another tab saves other settings: an undo here is refused rather than writing over them.
  const other = await page.context().newPage();
  await other.goto('/?ui=en');
  await other.getByRole('button', { name: 'Settings' }).click();
  await other.getByLabel("Reviewer's name").fill('مراجع آخر');
  await other.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await stored()).reviewer.name).toBe('مراجع آخر');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('alert').filter({ hasText: 'changed in another tab' })).toBeVisible();
  expect((await stored()).reviewer.name).toBe('مراجع آخر');
});

test('an undo with a link typed in the open popover keeps the popover, the link and what can be redone', async ({ page }) => {
  const claim = await newClaim(page);
  await page.locator(`[data-ann="${claim.id}"]`).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Verdict').selectOption({ label: 'False' });
  await dialog.getByLabel('Evidence URL').fill(EVIDENCE);
  // Undo from the popover's own button area (not a field): the verdict goes, the popover stays.
  await dialog.locator('.pop-delete').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await storedEntry(page)).annotations[0].claim?.verdict ?? null).toBeNull();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Evidence URL')).toHaveValue(EVIDENCE);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await storedEntry(page)).annotations[0].claim?.verdict).toBe('false');
  // Closed, the link is added to the claim as it now is.
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await storedEntry(page)).annotations[0].claim?.evidence?.length ?? 0).toBe(1);
  expect((await storedEntry(page)).annotations[0].claim.verdict).toBe('false');
});

test('embedded: the same claim checked on the news site; the site hears the update; reload; export', async ({ page }, info) => {
  await page.addInitScript(() => {
    window.hamishEvents = [];
    document.addEventListener('hamish:change', (e) => window.hamishEvents.push(e.detail));
  });
  await page.goto('/examples/news-site/?ui=en');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/examples/news-site/');
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  const para = '#story > p:nth-of-type(1)';
  await dragHost(page, para, 'الأسد', 1);
  await page.keyboard.press('4');
  await dragHost(page, para, CLAIM);
  await page.keyboard.press('c');
  await expect.poll(() => page.evaluate(() => window.hamishEvents.length)).toBe(2);
  const created = await page.evaluate(() => window.hamishEvents.map((e) => e.annotation));
  const claimId = created.find((a) => a.target.selector[0].exact === CLAIM).id;
  const assadId = created.find((a) => a.target.selector[0].exact === 'الأسد').id;

  const spot = await hostRect(page, para, 'والدور');
  await page.mouse.click(spot.left + spot.width / 2, spot.top + spot.height / 2);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // The embedded interface is Arabic here: the controls are named in Arabic.
  await expect(dialog.getByLabel('الحكم')).toBeVisible();
  await dialog.getByLabel('الحكم').selectOption('false');
  await dialog.getByLabel('منسوب إلى').selectOption(assadId);
  await dialog.getByLabel('الحالة').selectOption('checked');
  await dialog.getByLabel('رابط الدليل').fill(EVIDENCE);
  await dialog.getByRole('button', { name: 'أضف الدليل' }).click();
  await page.keyboard.press('Escape');
  await expect.poll(async () => {
    const last = (await page.evaluate(() => window.hamishEvents)).filter((e) => e.annotation.id === claimId).pop();
    return last && last.type === 'updated' && last.annotation.body.some((b) => b.purpose === 'assessing' && b.value === 'false');
  }).toBe(true);

  await page.reload();
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  const item = page.locator(`.hamish-panel .item[data-item="${claimId}"]`);
  await expect(item.locator('.claim-summary')).toContainText('خاطئ');
  await page.evaluate(() => document.querySelector('#story > p').scrollIntoView({ block: 'center' }));
  const again = await hostRect(page, para, 'والدور');
  await page.mouse.click(again.left + again.width / 2, again.top + again.height / 2);
  await expect(dialog.getByLabel('الحالة')).toHaveValue('checked');
  await expect(dialog.getByLabel('منسوب إلى')).toHaveValue(assadId);
  await page.keyboard.press('Escape');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'تصدير JSON' }).click(),
  ]);
  const file = info.outputPath('embedded-claims.json');
  await download.saveAs(file);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const link = doc.first.items.find((i) => i.motivation === 'linking');
  expect(link.target).toEqual([claimId, assadId]);
  const out = execFileSync('python3', [VALIDATOR, file], { encoding: 'utf8' });
  expect(out.trim().split('\n').pop()).toMatch(/ 0 failed$/);
});

test('a backup whose evidence address is javascript: restores it as text, never as a link', async ({ page }, info) => {
  await newClaim(page);
  const backup = await exportAll(page, info);
  const article = backup.articles.find((x) => x.id === ARTICLE_ID);
  const [claim] = article.entry.annotations;
  const hostile = 'javascript:document.title="owned"';
  article.entry.annotations = [{
    ...claim, modified: '2030-01-01T00:00:00Z',
    claim: { evidence: [{ url: hostile, stance: 'supports' }, { url: EVIDENCE, stance: 'refutes' }] },
  }];
  await page.locator('.hamish-import input[type=file]').setInputFiles({
    name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(page.locator('.hamish-notices')).toContainText('Annotations added: 0; updated: 1');
  await page.locator(`[data-ann="${claim.id}"]`).first().click();
  const evidence = page.getByRole('dialog').locator('.claim-evidence li');
  await expect(evidence).toHaveCount(2);
  await expect(evidence.first()).toContainText(hostile);
  await expect(evidence.first().locator('a')).toHaveCount(0);
  await expect(evidence.last().locator('a')).toHaveAttribute('href', EVIDENCE);
  expect(await page.locator('a[href^="javascript" i]').count()).toBe(0);
});

test('an evidence link or Wikidata id typed but not added is kept when the popover closes; one that is not a web address is shown in a notice', async ({ page }) => {
  const claim = await newClaim(page);
  const highlight = page.locator(`[data-ann="${claim.id}"]`).first();
  const dialog = page.getByRole('dialog');
  // Typed, then Esc.
  await highlight.click();
  await dialog.getByLabel('Attributed to').selectOption({ label: 'Someone else…' });
  await dialog.getByLabel('Name', { exact: true }).fill('مسؤول روسي');
  await dialog.getByLabel('Wikidata id (optional)').fill('Q7747');
  await dialog.getByLabel('Evidence URL').fill(EVIDENCE);
  await dialog.getByLabel('Stance', { exact: true }).last().selectOption('supports');
  await dialog.getByLabel('Wikidata id (optional)').focus();
  await dialog.getByLabel('Wikidata id (optional)').press('End');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await storedEntry(page)).annotations[0].claim?.evidence).toEqual([{ url: EVIDENCE, stance: 'supports' }]);
  expect(JSON.stringify((await storedEntry(page)).annotations[0].claim.claimant)).toContain('Q7747');
  // Typed, then a click elsewhere; and one that is not a web address.
  await highlight.click();
  await expect(dialog.locator('.claim-evidence li a')).toHaveText(EVIDENCE);
  // The same link again: refused with a word, not listed twice; typed again and closed: not added.
  await dialog.getByLabel('Evidence URL').fill(EVIDENCE);
  await dialog.getByLabel('Evidence URL').press('Enter');
  await expect(dialog.getByText('This link is already listed.')).toBeVisible();
  await expect(dialog.locator('.claim-evidence li a')).toHaveCount(1);
  await page.mouse.click(5, 5);
  await expect(dialog).toBeHidden();
  await highlight.click();
  await expect(dialog.locator('.claim-evidence li a')).toHaveCount(1);
  await dialog.getByLabel('Evidence URL').fill('www.example.org/report');
  await page.mouse.click(5, 5);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'was not added' })).toContainText('www.example.org/report');
  expect((await storedEntry(page)).annotations[0].claim.evidence).toHaveLength(1);
  // A web address refused for another reason: the notice gives that reason.
  await highlight.click();
  await dialog.getByLabel('Evidence URL').fill('https://trusted.example@evil.example/');
  await page.mouse.click(5, 5);
  await expect(page.getByRole('alert').filter({ hasText: 'evil.example' })).toContainText('user name before the site');
  expect((await storedEntry(page)).annotations[0].claim.evidence).toHaveLength(1);
  // A Wikidata id that is not one, typed and then Esc: shown in a notice; the claimant keeps its id.
  await highlight.click();
  await dialog.getByLabel('Wikidata id (optional)').fill('Putin');
  await dialog.getByLabel('Wikidata id (optional)').press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'Putin' })).toContainText('Q12345');
  expect(JSON.stringify((await storedEntry(page)).annotations[0].claim.claimant)).toContain('Q7747');
  // A published fact-check URL that is not an address, typed and then Esc: shown in a notice, not kept.
  await highlight.click();
  await dialog.getByLabel('Published fact-check URL (optional)').fill('misbar.com/factcheck/1');
  await dialog.getByLabel('Published fact-check URL (optional)').press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'misbar.com/factcheck/1' })).toContainText('was not kept');
  expect((await storedEntry(page)).annotations[0].claim.review).toBeUndefined();
  // Typed key by key, an address whose beginning reads as one (`https://user`) is not taken for it.
  await highlight.click();
  await dialog.getByLabel('Published fact-check URL (optional)').pressSequentially('https://user@example.org/x');
  await dialog.getByLabel('Published fact-check URL (optional)').press('Escape');
  await expect(page.getByRole('alert').filter({ hasText: 'https://user@example.org/x' })).toContainText('was not kept');
  expect((await storedEntry(page)).annotations[0].claim.review).toBeUndefined();
  // Adding it is one undoable step.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await storedEntry(page)).annotations[0].claim?.evidence ?? []).toEqual([]);
});

test('an evidence link typed but not added is kept when the tab is closed with the popover open', async ({ page, context }) => {
  const claim = await newClaim(page);
  await page.locator(`[data-ann="${claim.id}"]`).first().click();
  await page.getByRole('dialog').getByLabel('Evidence URL').fill(EVIDENCE);
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto('/?ui=en');
  await expect(again.locator(`[data-ann="${claim.id}"]`).first()).toBeVisible();
  // (Polled: the closed tab's last write can reach the browser's storage a moment after it closed.)
  await expect.poll(async () => (await storedEntry(again)).annotations[0].claim?.evidence)
    .toEqual([{ url: EVIDENCE, stance: 'refutes' }]);
});

test('"Attributed to" lists an entity\'s tags with the same words once, and keeps the one a claim is attributed to', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await page.locator('.hamish-panel .suggestions li').filter({ hasText: 'Iran' }).getByRole('button', { name: /Accept all/ }).click();
  const stored = async () => (await storedEntry(page)).annotations;
  await expect.poll(async () => (await stored()).length).toBeGreaterThan(1);
  const irans = (await stored()).filter((a) => a.kind.entity === 'iran' && a.exact === 'إيران');
  expect(irans.length).toBeGreaterThan(1);
  await dragSelect(page, 1, CLAIM);
  await page.keyboard.press('c');
  await expect.poll(async () => (await stored()).some((a) => a.kind === 'claim')).toBe(true);
  const claim = (await stored()).find((a) => a.kind === 'claim');
  await page.locator(`[data-ann="${claim.id}"]`).first().click();
  const dialog = page.getByRole('dialog');
  const options = dialog.getByLabel('Attributed to').locator('option', { hasText: 'Iran: إيران' });
  await expect(options).toHaveCount(1);
  // A claim attributed (by an import) to a later tag of the same words still shows it.
  const later = irans[irans.length - 1];
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const entry = await storedEntry(page);
  entry.annotations = entry.annotations.map((a) => (a.id === claim.id ? { ...a, modified: '2030-01-01T00:00:00Z', claim: { claimant: { entity: later.id } } } : a));
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`hamish:v1:annotations:${ARTICLE_ID}`, JSON.stringify(entry)]);
  await page.reload();
  await page.locator(`[data-ann="${claim.id}"]`).first().click();
  await expect(dialog.getByLabel('Attributed to')).toHaveValue(later.id);
  await expect(dialog.getByLabel('Attributed to').locator('option', { hasText: 'Iran: إيران' })).toHaveCount(2);
});

test('undo in the claim form: a verdict chosen in its select is undone by Ctrl+Z there; a typed claimant with its Wikidata id is one step; an entity attribution gives way to "Someone else…"', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 1, 'الأسد');
  await page.keyboard.press('4');
  await dragSelect(page, 1, CLAIM);
  await page.keyboard.press('c');
  await expect.poll(async () => (await storedEntry(page)).annotations.length).toBe(2);
  const entry = await storedEntry(page);
  const claim = entry.annotations.find((a) => a.exact === CLAIM);
  const assad = entry.annotations.find((a) => a.exact === 'الأسد');
  const stored = async () => (await storedEntry(page)).annotations.find((a) => a.id === claim.id).claim ?? {};
  const dialog = page.getByRole('dialog');
  await page.locator(`[data-ann="${claim.id}"]`).first().click();
  // A verdict chosen, the focus still on its select: Ctrl+Z undoes it, Ctrl+Shift+Z redoes it.
  await dialog.getByLabel('Verdict').focus();
  await dialog.getByLabel('Verdict').selectOption({ label: 'False' });
  await expect.poll(async () => (await stored()).verdict).toBe('false');
  await expect(dialog.getByLabel('Verdict')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await stored()).verdict).toBeUndefined();
  await expect(dialog.getByLabel('Verdict')).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await stored()).verdict).toBe('false');
  // From one chosen value to another and back by Ctrl+Z: the select shows the recorded one.
  await dialog.getByLabel('Verdict').selectOption({ label: 'True' });
  await expect.poll(async () => (await stored()).verdict).toBe('true');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await stored()).verdict).toBe('false');
  await expect(dialog.getByLabel('Verdict')).toHaveValue('false');
  // Attributed to the entity tag, then straight to "Someone else…": the name field shows, and the
  // tag no longer says who.
  await dialog.getByLabel('Attributed to').selectOption(assad.id);
  await expect.poll(async () => JSON.stringify((await stored()).claimant)).toContain(assad.id);
  await dialog.getByLabel('Attributed to').selectOption({ label: 'Someone else…' });
  await expect(dialog.getByLabel('Name', { exact: true })).toBeVisible();
  await expect.poll(async () => (await stored()).claimant).toBeUndefined();
  // A name and its Wikidata id typed in one sitting: one step.
  await dialog.getByLabel('Name', { exact: true }).fill('مسؤول روسي');
  await dialog.getByLabel('Wikidata id (optional)').fill('Q7747');
  await dialog.getByLabel('Wikidata id (optional)').press('Tab');
  await expect.poll(async () => JSON.stringify((await stored()).claimant)).toContain('Q7747');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await stored()).claimant).toBeUndefined();
  // The step before: the attribution given up for the name comes back.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => JSON.stringify((await stored()).claimant)).toContain(assad.id);
});

test('a claim keeps at most 100 evidence links: a file of 20,000 opens, the form says why no more can be added, and a link typed then is kept in its field or a notice', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const body = [{ type: 'TextualBody', purpose: 'classifying', value: 'claim' },
    ...Array.from({ length: 20_000 }, (_, i) => ({ type: 'SpecificResource', purpose: 'linking', source: `https://e.example/${i}` }))];
  const file = [{ type: 'Annotation', id: 'urn:uuid:00000000-0000-4000-8000-000000000100', body,
    target: { selector: { type: 'TextQuoteSelector', exact: CLAIM } } }];
  await page.locator('.hamish-import input[type=file]').setInputFiles({ name: 'links.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.locator('.hamish-notices')).toContainText('Imported 1: 1 anchored');
  await expect(page.locator('.hamish-notices')).toContainText('19900 evidence links were left out: not web addresses, addresses that could pose as another, or over 100 for one claim.');
  expect((await storedEntry(page)).annotations[0].claim.evidence).toHaveLength(100);
  await page.locator('[data-ann="urn:uuid:00000000-0000-4000-8000-000000000100"]').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('.claim-evidence li')).toHaveCount(100);
  await expect(dialog).toContainText('A claim keeps at most 100 evidence links; remove one to add another.');
  // A link typed and added then stays in its field; one typed when the form closes is shown in a notice.
  const field = dialog.getByLabel('Evidence URL');
  await expect(field).toHaveAttribute('maxlength', '2048');
  await field.fill('https://typed.example/keep-me');
  await dialog.getByRole('button', { name: 'Add evidence' }).click();
  await expect(field).toHaveValue('https://typed.example/keep-me');
  await expect(dialog.locator('.claim-evidence li')).toHaveCount(100);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.hamish-notices')).toContainText('the claim has 100 links, as many as it keeps: https://typed.example/keep-me');
  // Removing one makes room again.
  await page.locator('[data-ann="urn:uuid:00000000-0000-4000-8000-000000000100"]').first().click();
  await dialog.getByRole('button', { name: /e\.example\/99\b/ }).click();
  await expect(dialog.locator('.claim-evidence li')).toHaveCount(99);
  await expect(dialog).not.toContainText('A claim keeps at most 100');
  await field.fill('https://typed.example/added');
  await dialog.getByRole('button', { name: 'Add evidence' }).click();
  await expect(dialog.locator('.claim-evidence li')).toHaveCount(100);
  await expect.poll(async () => (await storedEntry(page)).annotations[0].claim.evidence.at(-1).url).toBe('https://typed.example/added');
  expect(errors).toEqual([]);
});

test('a claimant\'s name typed by hand comes back when "Someone else…" is chosen again after another choice', async ({ page }) => {
  const { dialog, attributed, stored } = await someoneElse(page);
  await dialog.getByLabel('Name', { exact: true }).fill('مسؤول روسي');
  await dialog.getByLabel('Wikidata id (optional)').fill('Q7747');
  await dialog.getByLabel('Wikidata id (optional)').press('Tab');
  await expect.poll(async () => JSON.stringify(await stored())).toContain('Q7747');
  // Nobody, then someone else again: the name and its id are back, in the form and stored.
  await attributed.selectOption({ index: 0 });
  await expect.poll(stored).toBeUndefined();
  await attributed.selectOption({ label: 'Someone else…' });
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('مسؤول روسي');
  await expect(dialog.getByLabel('Wikidata id (optional)')).toHaveValue('Q7747');
  await expect.poll(async () => JSON.stringify(await stored())).toContain('مسؤول روسي');
  // Undo takes back only the last choice.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect.poll(stored).toBeUndefined();
});

test('a Wikidata id typed but not yet taken shows again with the name when "Someone else…" is chosen again, and is what the claim keeps', async ({ page }) => {
  const { dialog, attributed, stored } = await someoneElse(page);
  await dialog.getByLabel('Name', { exact: true }).fill('Vladimir Putin');
  await dialog.getByLabel('Wikidata id (optional)').fill('Q7747');
  await attributed.selectOption({ index: 0 });
  await attributed.selectOption({ label: 'Someone else…' });
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Vladimir Putin');
  await expect(dialog.getByLabel('Wikidata id (optional)')).toHaveValue('Q7747');
  await page.keyboard.press('Escape');
  await expect.poll(async () => JSON.stringify(await stored())).toContain('Q7747');
  expect(JSON.stringify(await stored())).toContain('Vladimir Putin');
});

test('a published fact-check URL being typed stays in its field when another tab saves the same claim', async ({ page, context }) => {
  const claim = await newClaim(page);
  const other = await context.newPage();
  await other.goto('/?ui=en');
  await page.bringToFront();
  await page.locator(`[data-ann="${claim.id}"]`).first().click();
  const field = page.getByRole('dialog').getByLabel('Published fact-check URL (optional)');
  await field.pressSequentially('https://factcheck.exa');
  await other.bringToFront();
  await other.locator(`[data-ann="${claim.id}"]`).first().click();
  await other.getByRole('dialog').getByLabel(/Note/).fill('from the other tab');
  await other.keyboard.press('Escape');
  await expect.poll(async () => (await storedEntry(other)).annotations[0].note).toBe('from the other tab');
  await page.bringToFront();
  await expect(field).toHaveValue('https://factcheck.exa');
  await field.pressSequentially('mple/fc1');
  await field.press('Tab');
  await expect.poll(async () => (await storedEntry(page)).annotations[0].claim?.review).toBe('https://factcheck.example/fc1');
  expect((await storedEntry(page)).annotations[0].note).toBe('from the other tab');
});
