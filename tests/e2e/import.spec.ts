/**
 * Import through the UI in browser mode: the real MedQA test file (preview, import, re-import unchanged), a hostile
 * pack that must come out sanitised with nothing fetched from outside, a malformed pack whose every problem is listed
 * (and whose valid questions import with "Skip invalid items"), and the sample packs' images rendered from data URLs.
 * The tests of this file share one server and database, in order.
 */
import { join } from 'node:path';
import { test, expect, REPO } from './fixtures';
import { api, MEDQA, SHOTS } from './helpers';
import { ImportModel } from './pages/ImportModel';
import { LibraryModel } from './pages/LibraryModel';
import type { Facets, PackSummary, QuestionListItem, QuestionView } from '../../src/shared/types';
import { SAMPLE_PACKS, SAMPLE_TOTAL } from '../helpers/samplePacks';


const FIXTURES = join(REPO, 'tests/fixtures/e2e');
const HOSTILE = join(FIXTURES, 'hostile-pack.json');
const MALFORMED = join(FIXTURES, 'malformed-pack.json');


test('the MedQA test file imports through the UI, and picking it again changes nothing', async ({ page, server, request }) => {
  test.setTimeout(120_000);
  const imp = new ImportModel(page, server);
  await page.setViewportSize({ width: 1440, height: 900 });
  await imp.open();

  await imp.pick(MEDQA);
  await expect(imp.preview).toContainText('1,273 questions read from 1 pack');
  const [row, ...others] = await imp.previewCounts();
  expect(others).toEqual([]);
  expect(row).toMatchObject({ Format: 'MedQA JSONL', Added: '1,273', Updated: '0', Unchanged: '0', Retired: '0', Total: '1,273' });
  expect(row!.Pack).toContain('medqa_us_test_5options.jsonl');
  // The first questions read, as plain text.
  await expect(imp.preview.locator('.preview-items li')).toHaveCount(5);
  await expect(imp.preview.locator('.preview-items li').first()).toContainText('A junior orthopaedic surgery resident');
  await page.screenshot({ path: join(SHOTS, 'import-medqa-preview.png'), fullPage: true });

  await imp.importNow();
  await expect(imp.report.locator('.report-line')).toHaveCount(1);
  await expect(imp.report.locator('.report-line')).toContainText('1,273 added, 0 updated, 0 unchanged, 0 retired');
  await page.screenshot({ path: join(SHOTS, 'import-medqa-report.png'), fullPage: true });

  const facets = await api<Facets>(request, server, 'questions:facets');
  expect(facets.total).toBe(1273);
  const exams = Object.fromEntries(facets.exams.map((e) => [e.label, e.count]));
  expect(exams).toEqual({ 'Step 1': 679, 'Step 2 CK': 594 });

  // The same file again: the dry run says nothing would change, and importing changes nothing.
  await imp.again();
  await imp.pick(MEDQA);
  const [again] = await imp.previewCounts();
  expect(again).toMatchObject({ Format: 'MedQA JSONL', Added: '0', Updated: '0', Unchanged: '1,273', Retired: '0', Total: '1,273' });
  await expect(imp.preview.locator('.notice')).toHaveText(/already in your library, unchanged/);
  await imp.importNow();
  await expect(imp.report.locator('.report-line')).toContainText('0 added, 0 updated, 1,273 unchanged, 0 retired');
  const packs = await api<PackSummary[]>(request, server, 'packs:list');
  expect(packs.map((p) => [p.sourceFormat, p.questionCount])).toEqual([['medqa', 1273]]);
});

test('a hostile pack imports sanitised: no script runs, nothing remote loads, no javascript: links', async ({ page, server }) => {
  const foreign: string[] = [];
  let requests = 0;
  page.on('request', (r) => {
    requests++;
    const url = new URL(r.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') foreign.push(r.url());
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  const imp = new ImportModel(page, server);
  await page.setViewportSize({ width: 1440, height: 900 });
  await imp.open();
  await imp.pick(HOSTILE);
  const [row] = await imp.previewCounts();
  expect(row).toMatchObject({ Format: 'Vignette pack', Added: '2', Total: '2' });
  // The preview's first questions are text: the markup shows as nothing executable.
  await expect(imp.preview.locator('.preview-items')).toContainText('zanzibarite farmer');
  expect(await imp.preview.locator('.preview-items img, .preview-items script, .preview-items svg, .preview-items a').count()).toBe(0);
  await imp.importNow();
  await expect(imp.report.locator('.report-line')).toContainText('2 added');

  const lib = new LibraryModel(page, server);
  await lib.open();
  await lib.searchFor('zanzibarite', 2);

  for (const stemText of ['crushing chest pain', 'cough for 3 weeks']) {
    await test.step(stemText, async () => {
      await lib.results.filter({ hasText: stemText }).click();
      await expect(lib.previewStem).toContainText(stemText);
      const q = lib.preview.locator('article.question');
      await expect(q.locator('[data-testid^=choice-]').first()).toBeVisible();
      // Revealed in the Library: the explanation (hostile too) is on the page.
      await expect(q.getByRole('region', { name: 'Explanation' })).toBeVisible();

      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      await expect(q.locator('img[src="x"]')).toHaveCount(0);
      await expect(q.locator('img')).toHaveCount(0);
      await expect(q.locator('[onerror], [onload], [ontoggle]')).toHaveCount(0);
      await expect(q.locator('a[href^="javascript" i]')).toHaveCount(0);
      await expect(q.locator('script, iframe, style, svg, details')).toHaveCount(0);
      // Anywhere on the page, not only in the question.
      await expect(page.locator('[onerror], [onload], [ontoggle], a[href^="javascript" i], iframe')).toHaveCount(0);
      // Nothing embeds a remote resource (a plain http(s) link would be allowed: it opens outside the app).
      await expect(page.locator('[src*="evil.example"]')).toHaveCount(0);

      // The "click" text of the javascript: link, if it survived as text: clicking it runs nothing.
      for (const label of ['click', 'click here', 'bad', 'javascript link']) {
        const text = q.getByText(label, { exact: true });
        if ((await text.count()) > 0) await text.first().click({ force: true }); // choices are aria-disabled in the preview
      }
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\//);
      await page.screenshot({ path: join(SHOTS, `hostile-${stemText.split(' ')[0]}.png`), fullPage: true });
    });
  }
  expect(requests, 'the request listener saw the app load').toBeGreaterThan(0);
  expect(foreign, 'requests to hosts other than 127.0.0.1').toEqual([]);
  expect(errors).toEqual([]);
});

test('a malformed pack lists every problem with file, item and field, and imports its valid questions only with "Skip invalid items"', async ({
  page,
  server,
  request,
}) => {
  const imp = new ImportModel(page, server);
  await page.setViewportSize({ width: 1440, height: 900 });
  await imp.open();
  await imp.pick(MALFORMED);

  await expect(imp.previewError).toBeVisible();
  await expect(imp.previewError).toContainText('These files cannot be imported as they are');
  await expect(imp.previewError).toContainText('2 problems found');
  const problems = imp.previewError.locator('li');
  await expect(problems).toHaveCount(2);
  // file · item N · field: message (items are counted in the "questions" array)
  await expect(problems.nth(0)).toHaveText(/^malformed-pack\.json · item \d+ · answer: .*'F'.*A–E/);
  await expect(problems.nth(1)).toHaveText(/^malformed-pack\.json · item \d+ · id: duplicate id 'mal-001'/);
  await expect(imp.confirm).toBeDisabled();
  await expect(imp.preview).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'import-malformed-errors.png'), fullPage: true });

  // Nothing was written by the dry run.
  const before = await api<PackSummary[]>(request, server, 'packs:list');
  expect(before.some((p) => p.title === 'E2E Malformed Pack')).toBe(false);

  await imp.skipInvalid.check();
  await expect(imp.preview).toBeVisible();
  await expect(imp.preview).toContainText('2 invalid items will be skipped');
  const [row] = await imp.previewCounts();
  expect(row).toMatchObject({ Added: '2', Total: '2' });
  await expect(imp.preview.locator('.problem-list.bad li')).toHaveCount(2);
  await imp.importNow();
  await expect(imp.reportLine('E2E Malformed Pack')).toContainText('2 added, 0 updated, 0 unchanged, 0 retired');
  const rejected = imp.report.locator('.problem-list.bad');
  await expect(rejected.locator('summary')).toHaveText('Rejected items (not imported) (2 items)');
  await expect(rejected.locator('li').nth(0)).toContainText('answer');
  await expect(rejected.locator('li').nth(1)).toContainText("duplicate id 'mal-001'");
  await page.screenshot({ path: join(SHOTS, 'import-malformed-report.png'), fullPage: true });

  const found = await api<{ total: number; items: QuestionListItem[] }>(request, server, 'questions:search', { query: 'quasimodal' });
  expect(found.total).toBe(2);
  const ids = await Promise.all(found.items.map((i) => api<QuestionView>(request, server, 'questions:get', { id: i.id }).then((q) => q.sourceId)));
  expect(ids.sort()).toEqual(['mal-001', 'mal-004']);
  // The kept mal-001 is the first one (the valid original), not the duplicate.
  expect(found.items.map((i) => i.snippet).join(' ')).not.toContain('duplicate');
});

test('the sample packs render their images from data URLs, and an image opens enlarged', async ({ page, server, request }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await api(request, server, 'packs:loadSamples');
  const packs = await api<PackSummary[]>(request, server, 'packs:list');
  const samples = packs.filter((p) => /Sampler/.test(p.title)).map((p) => p.id);
  expect(samples).toHaveLength(SAMPLE_PACKS.length);

  const list = await api<{ total: number; items: QuestionListItem[] }>(request, server, 'questions:search', { filters: { packIds: samples }, pageSize: 200 });
  expect(list.total).toBe(SAMPLE_TOTAL);
  let withImage: QuestionView | undefined;
  for (const item of list.items) {
    const q = await api<QuestionView>(request, server, 'questions:get', { id: item.id });
    if (q.images.some((i) => i.placement === 'stem')) {
      withImage = q;
      break;
    }
  }
  expect(withImage, 'a sample question with a stem image').toBeDefined();

  const lib = new LibraryModel(page, server);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await lib.open(withImage!.id);
  await expect(lib.preview).toContainText(withImage!.sourceId);
  const img = lib.preview.locator('.question-images img').first();
  await expect(img).toBeVisible();
  await expect(img).toHaveAttribute('src', /^data:image\/svg\+xml/);
  await expect(img).toHaveAttribute('alt', withImage!.images[0]!.alt);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  await lib.preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'sample-question-with-image.png'), fullPage: true });

  await img.click();
  const lightbox = page.getByRole('dialog', { name: 'Enlarged image' });
  await expect(lightbox).toBeVisible();
  const big = lightbox.locator('img');
  await expect(big).toHaveAttribute('src', /^data:image\/svg\+xml/);
  await expect.poll(() => big.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  // Enlarged: wider than the thumbnail.
  const thumbBox = await img.boundingBox();
  const bigBox = await big.boundingBox();
  expect(bigBox!.width).toBeGreaterThan(thumbBox!.width);
  await page.screenshot({ path: join(SHOTS, 'sample-image-enlarged.png') });
  // The lightbox says "click anywhere or press Esc to close": Esc closes it.
  await page.keyboard.press('Escape');
  await expect(lightbox).toBeHidden();
  await img.click();
  await expect(lightbox).toBeVisible();
  await lightbox.click();
  await expect(lightbox).toBeHidden();
  expect(errors).toEqual([]);
});
