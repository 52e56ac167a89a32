/**
 * The Library over a real bank (the sample packs and the MedQA test file, loaded through the API): full-text search
 * with highlighted matches, a facet chip whose count agrees with the API, the question preview, and removing a pack
 * with its inline confirmation.
 */
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { test, expect, type VignetteServer } from './fixtures';
import { api, importUpload, MEDQA, SHOTS } from './helpers';
import { LibraryModel } from './pages/LibraryModel';
import type { Facets, PackSummary, QuestionListItem, QuestionFilters } from '../../src/shared/types';
import { SAMPLE_PACKS, SAMPLE_TOTAL, samplePack } from '../helpers/samplePacks';

const STEP2_SAMPLER = 'Vignette Step 2 CK Sampler';


const searchTotal = async (request: APIRequestContext, server: VignetteServer, query: string, filters: QuestionFilters = {}) =>
  (await api<{ total: number; items: QuestionListItem[] }>(request, server, 'questions:search', { query, filters, pageSize: 1 })).total;

test('search, filter by exam, preview a question and remove a pack', async ({ page, server, request }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await api(request, server, 'packs:loadSamples');
  await importUpload(request, server, MEDQA);
  const packs = await api<PackSummary[]>(request, server, 'packs:list');
  expect(packs.map((p) => p.questionCount).sort((a, b) => a - b)).toEqual([...SAMPLE_PACKS.map((p) => p.questionCount), 1273].sort((a, b) => a - b));

  const lib = new LibraryModel(page, server);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await lib.open();
  await expect(lib.packRows).toHaveCount(SAMPLE_PACKS.length + 1);
  expect(await lib.totalCount()).toBe(1273 + SAMPLE_TOTAL);

  // Full-text search: every visible result highlights what matched.
  const expected = await searchTotal(request, server, 'myocardial');
  expect(expected).toBeGreaterThan(0);
  await lib.searchFor('myocardial', expected);
  const all = await lib.totalCount();
  expect(all).toBeGreaterThan(0);
  await expect(lib.results.first()).toBeVisible();
  const rows = await lib.results.count();
  expect(rows).toBe(Math.min(25, all));
  for (let i = 0; i < rows; i++) await expect(lib.results.nth(i).locator('mark.hit').first()).toHaveText(/myocardi/i);

  // The Step 1 chip: its count, the new total and the API agree, and the total drops.
  const step1Api = await searchTotal(request, server, 'myocardial', { exams: ['step1'] });
  const facets = await api<Facets>(request, server, 'questions:facets', { query: 'myocardial' });
  expect(facets.exams.find((e) => e.value === 'step1')?.count).toBe(step1Api);
  const chip = lib.chip('Exam', 'Step 1');
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  await expect(chip.locator('.count')).toHaveText(step1Api.toLocaleString('en-US'));
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await lib.searchFor('myocardial', step1Api);
  expect(step1Api).toBeLessThan(all);
  await expect(page.getByText('Filters (1 active)')).toBeVisible();
  // Every result now says Step 1.
  const step1Rows = await lib.results.count();
  for (let i = 0; i < step1Rows; i++) await expect(lib.results.nth(i).locator('.result-meta')).toContainText('Step 1');

  // Preview: the selected row's question, with its choices, answer and the query somewhere in it.
  const first = lib.results.first();
  await first.click();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(lib.preview).toBeVisible();
  await expect(lib.previewStem).not.toBeEmpty();
  await expect(lib.preview.locator('[data-testid^=choice-]')).toHaveCount(5);
  await expect(lib.preview.locator('.choice.correct')).toHaveCount(1);
  await expect(lib.preview).toContainText(/myocardi/i);
  await expect(page).toHaveURL(/#\/library\?question=\d+$/);
  await page.screenshot({ path: join(SHOTS, 'library-search-preview.png'), fullPage: true });
  await lib.preview.getByRole('button', { name: 'Close preview' }).click();
  await expect(lib.preview).toBeHidden();

  // Remove the Step 2 CK sampler with the inline confirmation.
  const step2 = packs.find((p) => p.title === STEP2_SAMPLER);
  expect(step2).toBeDefined();
  const row = lib.packRow(STEP2_SAMPLER);
  await row.getByRole('button', { name: `Remove ${STEP2_SAMPLER}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Remove ${STEP2_SAMPLER}?` });
  await expect(confirm).toContainText(`Its ${samplePack(STEP2_SAMPLER).questionCount} questions leave the library`);
  // Cancel first: nothing happens.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(lib.packRows).toHaveCount(SAMPLE_PACKS.length + 1);
  await lib.removePack(STEP2_SAMPLER);
  await expect(lib.packRows).toHaveCount(SAMPLE_PACKS.length);
  await expect(lib.packRow(STEP2_SAMPLER)).toHaveCount(0);
  const after = await api<PackSummary[]>(request, server, 'packs:list');
  expect(after.map((p) => p.title)).not.toContain(STEP2_SAMPLER);
  expect(after).toHaveLength(3);
  // Its questions left the search too (the Step 1 filter is still on).
  expect(await searchTotal(request, server, '', { packIds: [step2!.id] })).toBe(0);
  await lib.searchFor('myocardial', await searchTotal(request, server, 'myocardial', { exams: ['step1'] }));
  await page.screenshot({ path: join(SHOTS, 'library-after-remove.png'), fullPage: true });
  expect(errors).toEqual([]);
});
