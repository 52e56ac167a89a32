/**
 * Public files that were refused (issue 14): MedXpertQA-shaped JSON Lines are recognised, the JSON mapping editor
 * opens with the mapping they need already filled in (the one FORMAT.md documents), and they import.
 */
import { join } from 'node:path';
import { test, expect, REPO } from './fixtures';
import { api, SHOTS } from './helpers';
import { ImportModel } from './pages/ImportModel';
import type { QuestionListItem, QuestionView } from '../../src/shared/types';

const GAPS = join(REPO, 'tests/fixtures/import-gaps');

test('MedXpertQA-shaped JSON Lines open the mapping editor filled in, and import ten-option questions', async ({ page, server, request }) => {
  const imp = new ImportModel(page, server);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await imp.open();
  await imp.fileInput.setInputFiles(join(GAPS, 'medxpertqa-style.jsonl'));
  await expect(imp.format).toHaveValue('json-map');
  await expect(page.getByTestId('mapping-suggested')).toBeVisible();
  const editor = page.getByTestId('mapping-editor');
  await expect(editor.getByLabel('Source path for choices')).toHaveValue('options');
  await expect(editor.getByLabel('Source path for answer')).toHaveValue('label');
  await expect(editor.getByLabel('Source path for system')).toHaveValue('body_system');
  await expect(imp.preview).toBeVisible({ timeout: 30_000 });
  const [row] = await imp.previewCounts();
  expect(row).toMatchObject({ Added: '6', Total: '6' });
  await expect(imp.preview.locator('.preview-items li').first()).not.toContainText('Answer Choices');
  await page.screenshot({ path: join(SHOTS, 'import-medxpertqa.png'), fullPage: true });
  await imp.importNow();

  const found = await api<{ total: number; items: QuestionListItem[] }>(request, server, 'questions:search', { query: 'vertigo' });
  expect(found.total).toBe(1);
  const q = await api<QuestionView>(request, server, 'questions:get', { id: found.items[0]!.id });
  expect(q.sourceId).toBe('Text-101');
  expect(q.choices).toHaveLength(10);
  expect(q.answerIndex).toBe(2);
  expect(q.system).toBe('Nervous System & Special Senses');
});
