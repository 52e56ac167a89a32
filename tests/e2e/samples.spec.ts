/**
 * The Step 3 sampler (issue 10 part 4) as a student meets it: loaded with the other samples, found by the Step 3
 * chip in the Library, and a biostatistics item whose trial table, choices and explanations render in the preview.
 */
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { api, SHOTS } from './helpers';
import { LibraryModel } from './pages/LibraryModel';
import type { PackSummary, QuestionListItem } from '../../src/shared/types';
import { sampleCount } from '../helpers/samplePacks';

test('the Step 3 sampler loads with the samples, filters by its chip and renders a trial table', async ({ page, server, request }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await api(request, server, 'packs:loadSamples');
  const packs = await api<PackSummary[]>(request, server, 'packs:list');
  const step3 = packs.find((p) => p.title === 'Vignette Step 3 Sampler');
  expect(step3?.questionCount).toBe(sampleCount('step3'));

  const lib = new LibraryModel(page, server);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await lib.open();
  const chip = lib.chip('Exam', 'Step 3');
  await expect(chip.locator('.count')).toHaveText(String(sampleCount('step3')));
  await chip.click();
  await lib.searchFor('', sampleCount('step3'));

  // The relative-risk item: a Markdown table in the stem, five explained choices, one key.
  const found = await api<{ items: QuestionListItem[] }>(request, server, 'questions:search', {
    query: 'hyperkalemia requiring drug discontinuation',
    filters: { packIds: [step3!.id] },
    pageSize: 5,
  });
  expect(found.items).toHaveLength(1);
  await lib.open(found.items[0]!.id);
  await expect(lib.preview).toBeVisible();
  const table = lib.previewStem.locator('table');
  await expect(table.locator('th')).toContainText(['Outcome', 'Drug (n = 600)', 'Placebo (n = 600)', 'Relative risk (95% CI)', 'p']);
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(lib.preview.locator('[data-testid^=choice-]')).toHaveCount(5);
  await expect(lib.preview.locator('.choice.correct')).toHaveCount(1);
  await expect(lib.preview.locator('.choice.correct')).toContainText('The trial is compatible with no effect');
  await page.screenshot({ path: join(SHOTS, 'library-step3-preview.png'), fullPage: true });
  expect(errors).toEqual([]);
});
