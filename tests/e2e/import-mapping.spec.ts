/**
 * The Import screen's mapping editor for CSV (issue 10, part 3): a Step 2-style CSV whose columns Vignette cannot
 * guess (question, opa…ope, answer_idx) opens the editor by itself, lists the file's columns in the problem, and
 * imports once the user maps the choices and the answer. Then a second, different questions.csv becomes its own pack,
 * and MedMCQA-style JSON Lines open the JSON mapping editor and import with `choices=opa,opb,opc,opd`.
 */
import { join } from 'node:path';
import { test, expect, REPO } from './fixtures';
import { api, SHOTS } from './helpers';
import { ImportModel } from './pages/ImportModel';
import type { PackSummary, QuestionListItem, QuestionView } from '../../src/shared/types';

const GAPS = join(REPO, 'tests/fixtures/import-gaps');

test('a CSV with other column names imports through the mapping editor', async ({ page, server, request }) => {
  const imp = new ImportModel(page, server);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await imp.open();
  await imp.pick(join(GAPS, 'step2-questions.csv'));

  // The columns are not recognised: the format switches to CSV, the editor opens and the problem names the columns.
  await expect(imp.format).toHaveValue('csv');
  const editor = page.getByTestId('mapping-editor');
  await expect(editor).toBeVisible();
  await expect(editor).toContainText('List the choice columns in order');
  await expect(imp.previewError).toContainText('found 0 among id, question, opa, opb, opc, opd, ope, answer_idx, explanation, subject_name');
  await expect(imp.confirm).toBeDisabled();
  await expect(page.getByText('Say in the field mapping above which columns hold the stem, the choices and the answer.')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'import-csv-unmapped.png'), fullPage: true });

  // Keyboard only: the choices and answer fields are in the default rows.
  await editor.getByLabel('Column for choices').fill('opa,opb,opc,opd,ope');
  await editor.getByLabel('Column for answer').press('Tab');
  await editor.getByLabel('Column for answer').fill('answer_idx');
  await editor.getByLabel('Column for stem').fill('question');
  await expect(imp.preview).toBeVisible({ timeout: 30_000 });
  const [row] = await imp.previewCounts();
  expect(row).toMatchObject({ Format: 'CSV / TSV', Added: '4', Total: '4' });
  await expect(imp.preview.locator('.preview-items li').first()).toContainText('sudden weakness of his right arm');
  await page.screenshot({ path: join(SHOTS, 'import-csv-mapping.png'), fullPage: true });

  await imp.importNow();
  await expect(imp.report.locator('.report-line')).toContainText('4 added, 0 updated, 0 unchanged, 0 retired');
  const found = await api<{ total: number; items: QuestionListItem[] }>(request, server, 'questions:search', { query: 'alteplase' });
  expect(found.total).toBe(1);
  const q = await api<QuestionView>(request, server, 'questions:get', { id: found.items[0]!.id });
  expect(q.sourceId).toBe('s2-001');
  expect(q.choices.map((c) => c.html)).toContain('Intravenous alteplase');
});

test('a second, different questions.csv becomes a new pack, and the preview says so', async ({ page, server, request }) => {
  const imp = new ImportModel(page, server);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await imp.open();
  await imp.pick(join(GAPS, 'two-files/ward-a/questions.csv'));
  await imp.importNow();
  await imp.again();

  await imp.pick(join(GAPS, 'two-files/ward-b/questions.csv'));
  const [row] = await imp.previewCounts();
  expect(row).toMatchObject({ Added: '1', Retired: '0' });
  await expect(imp.preview).toContainText("becomes a new pack 'questions (2)' instead of replacing it");
  await page.screenshot({ path: join(SHOTS, 'import-same-name.png'), fullPage: true });
  await imp.importNow();

  const packs = await api<PackSummary[]>(request, server, 'packs:list');
  const csv = packs.filter((p) => p.sourceFormat === 'csv' && p.title.startsWith('questions'));
  expect(csv.map((p) => [p.title, p.questionCount, p.retiredCount])).toEqual([
    ['questions', 2, 0],
    ['questions (2)', 1, 0],
  ]);
});

test('MedMCQA-style JSON Lines switch to the JSON mapping editor and import with choices as a list of keys', async ({ page, server, request }) => {
  const imp = new ImportModel(page, server);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await imp.open();
  await imp.fileInput.setInputFiles(join(GAPS, 'medmcqa-dev.json'));
  await expect(imp.format).toHaveValue('json-map');
  const editor = page.getByTestId('mapping-editor');
  await editor.getByLabel('Source path for stem').fill('question');
  await editor.getByLabel('Source path for choices').fill('opa,opb,opc,opd');
  await editor.getByLabel('Source path for answer').fill('cop');
  await expect(imp.preview).toBeVisible({ timeout: 30_000 });
  const [row] = await imp.previewCounts();
  expect(row).toMatchObject({ Added: '3', Total: '3' });
  await imp.importNow();

  // cop counts from 1 in this file (a 4 among four choices): pellagra → Niacin, the fourth choice.
  const found = await api<{ total: number; items: QuestionListItem[] }>(request, server, 'questions:search', { query: 'pellagra' });
  expect(found.total).toBe(1);
  const q = await api<QuestionView>(request, server, 'questions:get', { id: found.items[0]!.id });
  expect(q.choices.map((c) => c.html)).toEqual(['Thiamine', 'Riboflavin', 'Pyridoxine', 'Niacin']);
  expect(q.answerIndex).toBe(3);
});
