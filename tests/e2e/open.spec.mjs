// Opening articles: by URL, file and paste; switching; every bad input; a page full of payloads.
import { test, expect } from '@playwright/test';
import { openFresh, dragSelect, storedEntry, fillStorage, freeStorage } from './helpers.mjs';

const port = Number(process.env.HAMISH_E2E_PORT || 4173);

/** Console errors and page errors, to assert that none happened. */
function trackErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return errors;
}

async function openPanel(page) {
  const panel = page.getByRole('region', { name: 'Open an article' });
  // (After a failure it is still open, with what was typed.)
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Open…' }).click();
  return panel;
}

test('an HTML page by ?src=: its article only, headings kept, furniture dropped, per-paragraph direction', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto('/?src=/fixtures/news.html&ui=en');
  const article = page.locator('article.hamish-article');
  await expect(article.locator('h1')).toHaveText('محادثات في أنقرة حول مستقبل سوريا');
  await expect(article.locator('h2')).toHaveText('مواقف متباينة');
  await expect(article).toContainText('اجتمع مسؤولون من تركيا وروسيا وإيران في أنقرة لبحث مستقبل سوريا');
  for (const gone of ['سياسة', 'شارك على فيسبوك', 'إعلان', 'تعليق من قارئ', 'الأكثر قراءة', 'جميع الحقوق', 'body { background']) {
    await expect(article).not.toContainText(gone);
  }
  await expect(article.locator('p', { hasText: 'The Turkish foreign minister' })).toHaveAttribute('dir', 'ltr');
  await expect(article.locator('p', { hasText: 'اجتمع مسؤولون' })).toHaveAttribute('dir', 'rtl');
  expect(await page.evaluate(() => window.__newsScriptRan)).toBeUndefined();
  // Annotate, reload: the same URL brings the annotations back.
  await dragSelect(page, 2, 'وروسيا');
  await page.keyboard.press('1');
  await page.reload();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('hamish:v1:annotations:')));
  expect(key).toBe(`hamish:v1:annotations:http://127.0.0.1:${port}/fixtures/news.html`);
  expect(errors).toEqual([]);
});

test('mixed Arabic and English text keeps each paragraph readable', async ({ page }) => {
  await page.goto('/?src=/fixtures/mixed.txt&ui=en');
  const article = page.locator('article.hamish-article');
  await expect(article.locator('h1')).toHaveText('Talks in Ankara');
  await expect(article.locator('h1')).toHaveAttribute('dir', 'ltr');
  await expect(article.locator('p').nth(1)).toHaveAttribute('dir', 'rtl');
  await expect(article.locator('p').nth(1)).toHaveAttribute('lang', 'ar');
  await expect(article.locator('p').nth(0)).toHaveAttribute('lang', 'en');
  await page.screenshot({ path: test.info().outputPath('mixed.png') });
});

test('open a file, annotate, switch to another article and back through the recent list', async ({ page }) => {
  const errors = trackErrors(page);
  await openFresh(page, '?ui=en');
  let panel = await openPanel(page);
  const markdown = '# تقرير من طهران\n\nقال **مسؤول** [إيراني](https://example.com) إن المحادثات مستمرة.\n\n- بند أول\n- بند ثان\n';
  await panel.locator('input[type=file]').setInputFiles({ name: 'report.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
  const article = page.locator('article.hamish-article');
  await expect(article.locator('h1')).toHaveText('تقرير من طهران');
  await expect(article).toContainText('قال مسؤول إيراني إن المحادثات مستمرة.');
  await expect(article.locator('p')).toHaveCount(3);
  await dragSelect(page, 1, 'مسؤول إيراني');
  await page.keyboard.press('c');
  const fileId = (await page.evaluate(() => new URL(location.href).searchParams.get('text')));
  expect(fileId).toMatch(/^text-[0-9a-f]{16}$/);
  // Reload reopens it from storage, with its annotation.
  await page.reload();
  await expect(article.locator('h1')).toHaveText('تقرير من طهران');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  // Paste another text.
  panel = await openPanel(page);
  await panel.getByLabel("Or paste the article's text here").fill('خبر ملصوق\n\nوصل وفد روسي إلى دمشق صباح اليوم.');
  await panel.getByRole('button', { name: 'Open text' }).click();
  await expect(article.locator('h1')).toHaveText('خبر ملصوق');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(0);
  // The focus is on the new article's title (a screen reader reads it), and the panel is closed.
  await expect(article.locator('h1')).toBeFocused();
  await expect(panel).toBeHidden();
  // Back to the file through the recent list.
  panel = await openPanel(page);
  await expect(panel.locator('.recent-list')).toContainText('تقرير من طهران');
  await expect(panel.locator('.recent-list')).toContainText('annotations: 1');
  await panel.getByRole('button', { name: /تقرير من طهران/ }).click();
  await expect(article.locator('h1')).toHaveText('تقرير من طهران');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  // And to the bundled article.
  panel = await openPanel(page);
  await panel.getByRole('button', { name: 'The bundled article' }).click();
  await expect(article.locator('h1')).toContainText('مصادر روسية');
  expect(errors).toEqual([]);
});

test('every bad input says what went wrong and keeps the open article and its annotations', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openFresh(page, '?ui=en');
  await dragSelect(page, 1, 'روسيا');
  await page.keyboard.press('1');
  const before = await storedEntry(page);
  await page.route('**/offline.txt', (route) => route.abort('internetdisconnected'));
  await page.route('**/photo.png', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: Buffer.from([137, 80, 78, 71]) }));
  const urls = [
    ['/fixtures/missing.txt', 'the server answered 404'],
    ['/offline.txt', 'the request failed'],
    [`http://localhost:${port}/fixtures/mixed.txt`, 'CORS'],
    ['/photo.png', 'it is not a text document (its type is image/png)'],
    ['/fixtures/empty.txt', 'the document is empty'],
  ];
  for (const [url, message] of urls) {
    const panel = await openPanel(page);
    await panel.getByLabel('Article URL').fill(url);
    await panel.getByRole('button', { name: 'Open URL' }).click();
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('alert')).toContainText('The current article and its annotations are unchanged');
    await expect(page.locator('article h1')).toContainText('مصادر روسية');
    // The panel stays open with the address typed, to be corrected.
    await expect(panel.getByLabel('Article URL')).toHaveValue(url);
  }
  // Corrected, it opens, and the failure's alert (no longer true) goes.
  {
    const panel = await openPanel(page);
    await panel.getByLabel('Article URL').fill('/fixtures/news.html');
    await panel.getByRole('button', { name: 'Open URL' }).click();
    await expect(page.locator('article h1')).not.toContainText('مصادر روسية');
    await expect(page.getByRole('alert').filter({ hasText: 'Could not open the article' })).toHaveCount(0);
    await page.goto('/?ui=en');
  }
  const files = [
    [{ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(6 * 1024 * 1024, 0x61) }, 'it is too large (6.0 MB; the limit is 5 MB of UTF-8 text)'],
    [{ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x41, 0x20, 0xe9, 0x74, 0xe9]) }, 'it is not valid UTF-8 text (bad bytes at byte 2)'],
    [{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff]) }, 'it is not a text document'],
  ];
  for (const [file, message] of files) {
    const panel = await openPanel(page);
    await panel.locator('input[type=file]').setInputFiles(file);
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.locator('article h1')).toContainText('مصادر روسية');
  }
  const panel = await openPanel(page);
  await panel.getByRole('button', { name: 'Open text' }).click();
  await expect(page.getByRole('alert')).toContainText('the pasted text is empty');
  // Pasted text has a file's limit, in UTF-8 bytes: 2.9 million characters, 36 bytes for every 20.
  // (Hidden and on one line: the browser's own layout of megabytes in the box, and its handling of
  // many line breaks, would take longer than the test.)
  await openPanel(page);
  await panel.locator('textarea').evaluate((t) => {
    t.style.display = 'none';
    t.value = 'روسيا وتركيا كلمات. '.repeat(145_636);
    t.form.requestSubmit();
  });
  await expect(page.getByRole('alert')).toContainText('it is too large (5.1 MB; the limit is 5 MB of UTF-8 text)');
  await expect(page.locator('article h1')).toContainText('مصادر روسية');
  expect(await storedEntry(page)).toEqual(before);
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a page full of payloads: nothing runs, nothing renders as markup, its text is there to annotate', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?src=/fixtures/payload.html&ui=en');
  const article = page.locator('article.hamish-article');
  await expect(article.locator('h1')).toHaveText('عنوان سليم');
  await expect(article).toContainText('نص عربي سليم يمكن التعليق عليه. بعد الصورة.');
  await expect(article).toContainText('Click this link and hover.');
  await expect(article).toContainText('safe paragraph <script>alert(1)</script> shown as text.');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  for (const tag of ['img', 'iframe', 'svg', 'object', 'form', 'a', 'b', 'script', 'style']) {
    expect(await article.locator(tag).count(), tag).toBe(0);
  }
  expect(await page.evaluate(() => document.querySelectorAll('iframe, object, img').length)).toBe(0);
  await expect(page.locator('.hamish')).toBeVisible();
  // Its text can be annotated.
  await dragSelect(page, 1, 'نص عربي سليم');
  await page.keyboard.press('c');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  // Rich text pasted from a page goes the same way.
  const panel = await openPanel(page);
  await panel.getByLabel("Or paste the article's text here").evaluate((area) => {
    const data = new DataTransfer();
    data.setData('text/html', '<h1>ملصوق</h1><p>فقرة <img src=x onerror="window.__pwned=1">آمنة</p><script>window.__pwned=2</script>');
    data.setData('text/plain', 'ملصوق فقرة آمنة');
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    area.value = 'ملصوق فقرة آمنة';
  });
  await panel.getByRole('button', { name: 'Open text' }).click();
  await expect(article.locator('h1')).toHaveText('ملصوق');
  await expect(article.locator('p')).toHaveText('فقرة آمنة');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('the page forbids inline scripts by its Content-Security-Policy', async ({ page }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(policy).not.toContain("'unsafe-inline' ");
  const blocked = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.append(s);
    return window.__inline === true;
  });
  expect(blocked).toBe(false);
});

test('a file dropped on the page opens', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await page.locator('.hamish').evaluate((root) => {
    const data = new DataTransfer();
    data.items.add(new File(['خبر مسقط\n\nوصل وفد إيراني إلى دمشق.'], 'drop.txt', { type: 'text/plain' }));
    root.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    root.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('article h1')).toHaveText('خبر مسقط');
  await expect(page.locator('article p')).toHaveText('وصل وفد إيراني إلى دمشق.');
  await expect(page.locator('article .sg[tabindex]')).toHaveText(['إيراني']);
});

test('an annotated pasted article stays in the recent list and keeps its text however many others are opened; a long Arabic one is kept too', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = trackErrors(page);
  await openFresh(page, '?ui=en');
  async function paste(text) {
    const panel = await openPanel(page);
    // Set at once, as a paste does (typing 600,000 characters through `fill` takes minutes).
    await panel.getByLabel("Or paste the article's text here").evaluate((el, t) => {
      el.value = t;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
    await panel.getByRole('button', { name: 'Open text' }).click();
    await expect(page.locator('article h1')).toHaveText(text.split('\n')[0]);
  }
  // An Arabic article of about 610,000 characters (over a million bytes of UTF-8), annotated.
  const long = 'خبر طويل\n\n' + Array.from({ length: 8000 }, (_, i) =>
    `فقرة رقم ${i} قال المتحدث إن الحكومة ستجتمع في المنطقة خلال أيام قليلة جدا.`).join('\n\n');
  expect(long.length).toBeLessThan(1_000_000);
  expect(Buffer.byteLength(long)).toBeGreaterThan(1_000_000);
  await paste(long);
  await dragSelect(page, 1, 'الحكومة');
  await page.keyboard.press('c');
  const longId = new URL(page.url()).searchParams.get('text');
  await expect.poll(() => page.evaluate((id) => localStorage.getItem(`hamish:v1:text:${id}`) !== null, longId)).toBe(true);
  // A short one annotated, then more articles only opened than the list keeps.
  await paste('خبر مهم جدا\n\nقال مسؤول في موسكو إن الحكومة ستجتمع غدا.');
  await dragSelect(page, 1, 'الحكومة');
  await page.keyboard.press('c');
  for (let i = 1; i <= 21; i++) await paste(`خبر رقم ${i}\n\nنص قصير رقم ${i} عن الأحداث.`);
  const panel = await openPanel(page);
  const titles = await panel.locator('.recent-title').allTextContents();
  expect(titles).toContain('خبر مهم جدا');
  expect(titles).toContain('خبر طويل');
  expect(titles).not.toContain('خبر رقم 1');
  // Only an article without annotations can be removed from the list.
  const row = (title) => panel.locator('li').filter({ has: page.locator('.recent-title', { hasText: title }) });
  await expect(row('خبر مهم جدا').getByRole('button', { name: 'Remove' })).toHaveCount(0);
  const textKey = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('hamish:v1:text:') && localStorage.getItem(k).includes('خبر رقم 21')));
  const text = await page.evaluate((k) => localStorage.getItem(k), textKey);
  await row('خبر رقم 21').getByRole('button', { name: 'Remove' }).click();
  await expect(panel.locator('.recent-title', { hasText: 'خبر رقم 21' })).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), textKey)).toBe(null);
  // Removing can be undone: the article and its text come back.
  const status = panel.getByRole('status').filter({ hasText: 'was removed from the list' });
  await expect(status).toContainText('خبر رقم 21');
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.locator('.recent-title', { hasText: 'خبر رقم 21' })).toHaveCount(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), textKey)).toBe(text);
  await row('خبر رقم 21').getByRole('button', { name: 'Remove' }).click();
  await expect(panel.locator('.recent-title', { hasText: 'خبر رقم 21' })).toHaveCount(0);
  // Two removed: each Undo puts back the last, then the one before.
  await row('خبر رقم 20').getByRole('button', { name: 'Remove' }).click();
  await expect(panel.locator('.recent-title', { hasText: 'خبر رقم 20' })).toHaveCount(0);
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.locator('.recent-title', { hasText: 'خبر رقم 20' })).toHaveCount(1);
  await expect(status).toContainText('خبر رقم 21');
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.locator('.recent-title', { hasText: 'خبر رقم 21' })).toHaveCount(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), textKey)).toBe(text);
  // Both reopen from the list with their claims, the long one by a reload of its address too.
  await panel.getByRole('button', { name: 'خبر مهم جدا' }).click();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  await page.goto(`/?ui=en&text=${longId}`);
  await expect(page.locator('article h1')).toHaveText('خبر طويل');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('an address naming a text no longer stored says so over the bundled article', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await page.goto('/?ui=en&text=text-gone');
  await expect(page.locator('article h1')).toContainText('مصادر روسية');
  await expect(page.getByRole('alert')).toContainText('its text is no longer stored');
});

test('Back returns to the article open before, with its annotations, and Forward to the one after', async ({ page }) => {
  const errors = trackErrors(page);
  await openFresh(page, '?ui=en&src=/fixtures/mixed.txt');
  const article = page.locator('article.hamish-article');
  await expect(article).toContainText('Ankara');
  const entries = await page.evaluate(() => history.length);
  await dragSelect(page, 2, 'أنقرة');
  await page.keyboard.press('c');
  const panel = await openPanel(page);
  await panel.getByLabel("Or paste the article's text here").fill('خبر ملصوق\n\nوصل وفد روسي إلى دمشق صباح اليوم.');
  await panel.getByRole('button', { name: 'Open text' }).click();
  await expect(article.locator('h1')).toHaveText('خبر ملصوق');
  await dragSelect(page, 1, 'دمشق');
  await page.keyboard.press('c');
  // Opening the article at first (relative ?src= made absolute) added no entry; the paste added one.
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  await page.goBack();
  await expect(article).toContainText('Ankara');
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  await expect(page.locator('.hamish-panel .item')).toContainText('أنقرة');
  await page.goForward();
  await expect(article.locator('h1')).toHaveText('خبر ملصوق');
  await expect(page.locator('.hamish-panel .item')).toContainText('دمشق');
  // Switching the language stays on this article, and Back keeps the language chosen.
  await page.getByRole('button', { name: 'العربية' }).click();
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  await page.goBack();
  await expect(article).toContainText('Ankara');
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('Back with unsaved work (storage full): a reader who stays at the prompt keeps the article, its work and an address that opens it', async ({ page }) => {
  await openFresh(page, '?ui=en&src=/fixtures/mixed.txt');
  const article = page.locator('article.hamish-article');
  await expect(article).toContainText('Ankara');
  const panel = await openPanel(page);
  await panel.getByLabel("Or paste the article's text here").fill('خبر ملصوق\n\nوصل وفد روسي إلى دمشق صباح اليوم.');
  await panel.getByRole('button', { name: 'Open text' }).click();
  await expect(article.locator('h1')).toHaveText('خبر ملصوق');
  const pastedAt = page.url();
  await fillStorage(page, 64);
  await dragSelect(page, 1, 'دمشق');
  await page.keyboard.press('c');
  await expect(page.getByRole('alert').filter({ hasText: 'Saving failed' })).toBeVisible();
  const asked = [];
  page.on('dialog', (dialog) => { asked.push(dialog.type()); dialog.dismiss(); });
  await page.goBack();
  await expect.poll(() => asked).toEqual(['beforeunload']);
  await expect(article.locator('h1')).toHaveText('خبر ملصوق');
  await expect(page.locator('.hamish-panel .item')).toContainText('دمشق');
  expect(page.url()).toBe(pastedAt);
  // Once there is room, the work is written, and a reload opens the same article with it.
  await freeStorage(page);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.reload();
  await expect(article.locator('h1')).toHaveText('خبر ملصوق');
  await expect(page.locator('.hamish-panel .item')).toContainText('دمشق');
  expect(asked).toEqual(['beforeunload']);
});

test('rich text whose HTML is over the limit (an inline image) opens as its plain text', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const panel = await openPanel(page);
  await panel.getByLabel("Or paste the article's text here").evaluate((area) => {
    const data = new DataTransfer();
    data.setData('text/html', `<p>خبر قصير عن دمشق</p><img src="data:image/png;base64,${'A'.repeat(6 * 1024 * 1024)}">`);
    data.setData('text/plain', 'خبر قصير عن دمشق');
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    area.value = 'خبر قصير عن دمشق';
  });
  await panel.getByRole('button', { name: 'Open text' }).click();
  await expect(page.locator('article.hamish-article')).toContainText('خبر قصير عن دمشق');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a pasted article too long to keep its text: annotating it says so, and how to get the annotations back', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const panel = await openPanel(page);
  // Over the 1,000,000 characters a stored text may hold, in 2,400 paragraphs.
  const long = 'خبر طويل جدا\n\n' + ('قال مسؤول في دمشق إن الوفد وصل صباح اليوم. '.repeat(10) + '\n\n').repeat(2_400);
  await panel.getByLabel("Or paste the article's text here").evaluate((el, t) => { el.value = t; }, long);
  await panel.getByRole('button', { name: 'Open text' }).click();
  await expect(page.locator('article h1')).toHaveText('خبر طويل جدا');
  await dragSelect(page, 1, 'دمشق');
  await page.keyboard.press('c');
  await expect(page.getByRole('alert').filter({ hasText: "This article's text could not be kept" })).toBeVisible();
});

test('a list shown before another tab annotated an article: its Remove is refused, and the text stays', async ({ page, browser }) => {
  await openFresh(page, '?ui=en');
  const paste = async (p, text) => {
    const panel = await openPanel(p);
    await panel.getByLabel("Or paste the article's text here").fill(text);
    await panel.getByRole('button', { name: 'Open text' }).click();
    await expect(p.locator('article h1')).toHaveText(text.split('\n')[0]);
  };
  await paste(page, 'مقالة باء\n\nنص قصير عن الأحداث.');
  await paste(page, 'خبر ملصوق\n\nوصل وفد روسي إلى دمشق صباح اليوم.');
  const id = new URL(page.url()).searchParams.get('text');
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('button', { name: 'The bundled article' }).click();
  const panel = await openPanel(page);
  const row = panel.locator('li').filter({ has: page.locator('.recent-title', { hasText: 'خبر ملصوق' }) });
  await expect(row).toContainText('annotations: 0');
  // Another article removed first: its Undo stays through the refusal below.
  await panel.locator('li').filter({ has: page.locator('.recent-title', { hasText: 'مقالة باء' }) })
    .getByRole('button', { name: 'Remove' }).click();
  await expect(panel.locator('.recent-title', { hasText: 'مقالة باء' })).toHaveCount(0);
  // Another tab annotates it while this list is shown. That tab runs in a second browser context
  // holding a copy of this storage, and what it saved is then written here by this page itself: a
  // real second tab's storage event or focus change may redraw the list first (it is read at each
  // draw), which leaves no Remove to click and tests nothing.
  const stored = () => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
  const copy = await page.evaluate(stored);
  const elsewhere = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  await elsewhere.addInitScript((copy) => {
    if (!sessionStorage.getItem('copied')) {
      sessionStorage.setItem('copied', '1');
      for (const [k, v] of Object.entries(copy)) localStorage.setItem(k, v);
    }
  }, copy);
  const other = await elsewhere.newPage();
  await other.goto(`/?ui=en&text=${id}`);
  await dragSelect(other, 1, 'دمشق');
  await other.keyboard.press('c');
  const entryKey = `hamish:v1:annotations:${id}`;
  await expect.poll(() => other.evaluate((k) => JSON.parse(localStorage.getItem(k) || '{"annotations":[]}').annotations.length, entryKey)).toBe(1);
  const saved = await other.evaluate(stored);
  await elsewhere.close();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [entryKey, saved[entryKey]]);
  await page.evaluate((v) => localStorage.setItem('hamish:v1:recent', v), saved['hamish:v1:recent']);
  await row.getByRole('button', { name: 'Remove' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'has annotations now' })).toBeVisible();
  expect(await page.evaluate((id) => localStorage.getItem(`hamish:v1:text:${id}`) !== null, id)).toBe(true);
  await expect(row).toContainText('annotations: 1');
  await expect(row.getByRole('button', { name: 'Remove' })).toHaveCount(0);
  const status = panel.getByRole('status').filter({ hasText: 'has annotations now' });
  await expect(status).toContainText('مقالة باء');
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.locator('.recent-title', { hasText: 'مقالة باء' })).toHaveCount(1);
});

test('an article whose claim waits for room to be saved cannot be removed from the list', async ({ page }) => {
  // Opened from an address: no stored text that a refused save could make room by evicting.
  await openFresh(page, '?ui=en&src=/fixtures/mixed.txt');
  const panel = await openPanel(page);
  await panel.getByLabel("Or paste the article's text here").fill('خبر ملصوق\n\nوصل وفد روسي إلى دمشق صباح اليوم.');
  await panel.getByRole('button', { name: 'Open text' }).click();
  await expect(page.locator('article h1')).toHaveText('خبر ملصوق');
  const id = new URL(page.url()).searchParams.get('text');
  const textStored = () => page.evaluate((id) => localStorage.getItem(`hamish:v1:text:${id}`) !== null, id);
  await expect.poll(textStored).toBe(true);
  await fillStorage(page, 64);
  await dragSelect(page, 1, 'دمشق');
  await page.keyboard.press('c');
  await expect(page.getByRole('alert').filter({ hasText: 'Saving failed' })).toBeVisible();
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('button', { name: 'The bundled article' }).click();
  const list = await openPanel(page);
  const row = list.locator('li').filter({ has: page.locator('.recent-title', { hasText: 'خبر ملصوق' }) });
  await row.getByRole('button', { name: 'Remove' }).click();
  await expect(list.getByRole('status').filter({ hasText: 'has annotations now' })).toBeVisible();
  expect(await textStored()).toBe(true);
  await freeStorage(page);
});

test('with the Open and Entities panels open, an import\'s notice and its Undo are in view, on a desktop and on a phone', async ({ browser }) => {
  const file = 'tests/e2e/fixtures/hypothesis-assad-fall.json';
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport, hasTouch: viewport.width < 500 });
    const page = await context.newPage();
    await openFresh(page, '?ui=en');
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('button', { name: 'Entities…' }).click();
    await page.locator('.hamish-import input[type=file]').setInputFiles(file);
    const notice = page.locator('.hamish-notices .notice').last();
    await expect(notice).toContainText('Import');
    await expect(notice.getByRole('button', { name: 'Undo' })).toBeInViewport();
    await context.close();
  }
});

test('the bundled article, annotated, is listed once: its own button says how many annotations it has', async ({ page }) => {
  await openFresh(page, '?ui=en');
  await dragSelect(page, 1, 'روسيا');
  await page.keyboard.press('c');
  const panel = await openPanel(page);
  await panel.getByLabel("Or paste the article's text here").fill('خبر ملصوق\n\nوصل وفد روسي إلى دمشق صباح اليوم.');
  await panel.getByRole('button', { name: 'Open text' }).click();
  await expect(page.locator('article h1')).toHaveText('خبر ملصوق');
  await openPanel(page);
  const bundled = panel.getByRole('button', { name: /The bundled article/ });
  await expect(bundled).toHaveCount(1);
  await expect(bundled).toContainText('annotations: 1');
  await expect(panel.locator('.recent-list').getByText(/مصادر روسية/)).toHaveCount(0);
});
