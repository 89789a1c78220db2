// Other tools' formats: a Hypothesis export of the bundled article imports through the Import input
// and anchors (highlights and notes), twice changes nothing; the Export menu downloads ClaimReview and
// doccano JSONL; the embed's handle.export(format) returns each format's text.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openFresh, highlightText } from './helpers.mjs';

const FIXTURE = path.resolve('tests/e2e/fixtures/hypothesis-assad-fall.json');
const CLAIM = 'والدور الذي لعبته روسيا بإقناع الأسد بالتنحي';
const ADVICE = 'ونصح الروس الأسد بفتح حوار سياسي فوري مع المعارضة';

test('standalone: a Hypothesis export imports, anchors and shows its notes; importing it again changes nothing', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const input = page.locator('.hamish-import input[type=file]');
  await input.setInputFiles(FIXTURE);
  await expect(page.getByText(/Imported 4: 3 anchored, 0 orphaned, 1 rejected\. Added 3/)).toBeVisible();
  await expect.poll(() => highlightText(page, 'urn:x-hypothesis:Hq1claimAAAAA')).toBe(CLAIM);
  await expect.poll(() => highlightText(page, 'urn:x-hypothesis:Hq2entityBBBB')).toBe('المخابرات الروسية');
  await expect.poll(() => highlightText(page, 'urn:x-hypothesis:Hq3claimCCCCC')).toBe(ADVICE);
  const notes = page.locator('.hamish-panel .item .note');
  await expect(notes).toHaveText(['من يقول ذلك؟ Who says so, exactly?', 'the intelligence services', 'مصادر مجهولة']);
  // The entity tag is Russia's, the others are claims.
  await expect(page.locator('[data-ann="urn:x-hypothesis:Hq2entityBBBB"]').first()).toHaveAttribute('class', /entity/);

  await input.setInputFiles(FIXTURE);
  await expect(page.getByText(/Added 0, updated 0, unchanged 3/)).toBeVisible();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(3);
});

test('standalone: the Export menu downloads ClaimReview and doccano JSONL', async ({ page }, info) => {
  await openFresh(page, '?ui=en');
  const w3c = {
    type: 'Annotation', id: 'urn:uuid:00000000-0000-4000-8000-0000000000c1', created: '2026-11-20T09:00:00Z', modified: '2026-11-21T10:00:00Z',
    body: [{ type: 'TextualBody', purpose: 'classifying', value: 'claim' }, { type: 'TextualBody', purpose: 'assessing', value: 'false' }],
    target: { selector: { type: 'TextQuoteSelector', exact: CLAIM } },
  };
  await page.locator('.hamish-import input[type=file]').setInputFiles({ name: 'one.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(w3c)) });
  await expect(page.getByText(/Imported 1: 1 anchored/)).toBeVisible();

  const download = async (label) => {
    await page.getByLabel('Export as').selectOption({ label });
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    const out = info.outputPath(file.suggestedFilename());
    await file.saveAs(out);
    return fs.readFileSync(out, 'utf8');
  };
  const reviews = JSON.parse(await download('ClaimReview (JSON-LD)'));
  expect(reviews['@context']).toBe('https://schema.org');
  expect(reviews['@graph']).toHaveLength(1);
  const review = reviews['@graph'][0];
  expect(review['@type']).toBe('ClaimReview');
  expect(review.claimReviewed).toBe(CLAIM);
  expect(review.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 });
  // The bundled article has no web address: no url, no appearance, rather than its urn: id.
  expect(review.url).toBeUndefined();
  expect(review.itemReviewed.appearance).toBeUndefined();
  expect(review.datePublished).toBe('2026-11-21');

  const line = JSON.parse((await download('doccano (JSONL)')).trim());
  const [start, end, verdict] = line.claims[0];
  expect([...line.text].slice(start, end).join('')).toBe(CLAIM);
  expect(verdict).toBe('false');
  // Imported back into the same article, the JSONL brings back the claim here, not a copy of it.
  const files = fs.readdirSync(info.outputPath()).filter((f) => f.endsWith('.jsonl'));
  await page.locator('.hamish-import input[type=file]').setInputFiles(info.outputPath(files[0]));
  await expect(page.getByText(/Added 0, updated 0, unchanged 1/)).toBeVisible();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(1);
  // The W3C download stays where it was.
  await expect(page.getByRole('button', { name: 'Export JSON' })).toBeVisible();
});

test('embedded: handle.export(format) gives each format; an unknown one throws', async ({ page }) => {
  await page.goto('/examples/news-site/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('[data-hamish-mounted]')).toHaveCount(1);
  const out = await page.evaluate(async () => {
    const h = await window.Hamish.handle(document.querySelector('#story'));
    const text = h.annotations().first ? document.querySelector('#story').textContent : '';
    const quote = 'المخابرات الروسية';
    h.import({ type: 'Annotation', id: 'urn:x:e1', body: { type: 'TextualBody', purpose: 'tagging', value: 'Russia' },
      target: { selector: { type: 'TextQuoteSelector', exact: quote } } });
    let error = '';
    try { h.export('pdf'); } catch (e) { error = e.message; }
    return {
      has: text.includes(quote), error,
      w3c: JSON.parse(h.export('w3c')).type,
      claimreview: JSON.parse(h.export('claimreview'))['@graph'],
      csv: h.export('arafacts-csv').split('\r\n')[0],
      tsv: h.export('checkthat-tsv'),
      jsonl: JSON.parse(h.export('jsonl')),
    };
  });
  expect(out.has).toBe(true);
  expect(out.error).toMatch(/^Hamish: unknown export format/);
  expect(out.w3c).toBe('AnnotationCollection');
  expect(out.claimreview).toEqual([]);
  expect(out.csv).toBe('\uFEFFClaimID,claim,description,source,date,source_label,normalized_label,source_category,normalized_category,source_url,claim_urls,evidence_urls,claim_type');
  expect(out.tsv).toBe('tweet_id\ttweet_url\ttweet_text\tclass_label\n');
  const [start, end, label] = out.jsonl.label[0];
  expect(out.jsonl.text.slice(start, end)).toBe('المخابرات الروسية');
  expect(label).toBe('russia');

  // A claim with a verdict: its label follows the language the reader switched the interface to.
  const verdictLabel = () => page.evaluate(async () => {
    const h = await window.Hamish.handle(document.querySelector('#story'));
    return JSON.parse(h.export('claimreview'))['@graph'][0].reviewRating.alternateName;
  });
  await page.evaluate(async () => {
    const h = await window.Hamish.handle(document.querySelector('#story'));
    h.import({ type: 'Annotation', id: 'urn:x:c1', body: [{ type: 'TextualBody', purpose: 'classifying', value: 'claim' },
      { type: 'TextualBody', purpose: 'assessing', value: 'false' }],
    target: { selector: { type: 'TextQuoteSelector', exact: 'المخابرات الروسية' } } });
    await h.settled();
  });
  expect(await verdictLabel()).toBe('خاطئ');
  // On a news site the article has a web address: the review names it, with the claim's fragment.
  const review = await page.evaluate(async () => JSON.parse((await window.Hamish.handle(document.querySelector('#story'))).export('claimreview'))['@graph'][0]);
  expect(review.url).toBe('https://news.example/2026/11/syria-russia-sources#hamish-claim=urn:x:c1');
  expect(review.itemReviewed.appearance.url).toBe('https://news.example/2026/11/syria-russia-sources');
  await page.locator('hamish-chrome .hamish-lang').first().click();
  await expect.poll(verdictLabel).toBe('False');
});

test('standalone: doccano JSONL from a paragraph imports through Import, as a researcher would bring it back', async ({ page }) => {
  await openFresh(page, '?ui=en');
  const text = await page.locator('article [data-block]').evaluateAll((blocks) => blocks.map((b) => b.textContent).join('\n\n'));
  const cps = [...text];
  const at = (quote) => { const u16 = text.indexOf(quote); return [...text.slice(0, u16)].length; };
  const claimAt = at(CLAIM);
  const russiaAt = at('المخابرات الروسية');
  const lines = [
    JSON.stringify({ text, label: [[claimAt, claimAt + [...CLAIM].length, 'claim'], [russiaAt, russiaAt + [...'المخابرات الروسية'].length, 'Russia']] }),
    JSON.stringify({ text: 'الكنغر يقفز في أستراليا', label: [[0, 6, 'claim']] }),
    JSON.stringify({ text, label: [[0, 3, 'mars']] }),
  ];
  expect(cps.length).toBeGreaterThan(claimAt);
  await page.locator('.hamish-import input[type=file]').setInputFiles({ name: 'spans.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.getByText(/Imported 4: 2 anchored, 0 orphaned, 2 rejected/)).toBeVisible();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(2);
  await expect(page.locator('.hamish-panel .item').filter({ hasText: 'والدور الذي لعبته' })).toHaveCount(1);
  await expect(page.locator('.hamish-panel .item').filter({ hasText: 'المخابرات الروسية' })).toHaveCount(1);
  await expect(page.locator('article .hl-claim').first()).toBeVisible();
  await expect(page.locator('article .hl-entity').first()).toBeVisible();

  // Undo takes the whole import back; importing the same file again after a reload changes nothing.
  await page.locator('.notice').getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(0);
  await page.locator('body').press('Control+Shift+Z');
  await page.reload();
  await expect(page.locator('.hamish-panel .item')).toHaveCount(2);
  await page.locator('.hamish-import input[type=file]').setInputFiles({ name: 'spans.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.getByText(/Added 0, updated 0, unchanged 2/)).toBeVisible();
});
