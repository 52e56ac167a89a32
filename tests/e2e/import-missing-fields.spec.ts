/**
 * Imports without explanations or systems (issue 14, item 3) as a student meets them: the MedQA preview and report say
 * what is missing, the report offers to tag systems from the questions' words (check, then tag; marked "inferred" in
 * the library), and the dashboard's "Not tagged" row names the pack that came without systems.
 */
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { api, MEDQA, SHOTS } from './helpers';
import { ImportModel } from './pages/ImportModel';
import { AppPage } from './pages/AppPage';
import type { BlockState, QuestionListItem } from '../../src/shared/types';

/** MedQA ids are a hash of the question text: lines 8 (acute coronary syndrome) and 75 (tinea in a diabetic). */
const idOfLine = (line: number) => {
  const question = (JSON.parse(readFileSync(MEDQA, 'utf8').split('\n')[line - 1]!) as { question: string }).question;
  return `mq-${createHash('sha1').update(question).digest('hex').slice(0, 16)}`;
};

test('MedQA: the preview and report count what is missing, systems can be inferred, and the dashboard says why rows are untagged', async ({ page, server, request }) => {
  const imp = new ImportModel(page, server);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await imp.open();
  await imp.pick(MEDQA);
  await expect(imp.preview.getByTestId('missing-fields')).toContainText('1,273 of 1,273 questions have no explanation; 1,273 have no system');
  await imp.importNow();
  await expect(imp.report.getByTestId('missing-fields')).toContainText('1,273 of 1,273 questions have no explanation; 1,273 have no system');

  // Answer two questions before tagging: one the words tag (Cardiovascular), one they leave alone.
  const all = await api<{ total: number; items: QuestionListItem[] }>(request, server, 'questions:search', { query: 'clopidogrel', pageSize: 50 });
  const tinea = await api<{ total: number; items: QuestionListItem[] }>(request, server, 'questions:search', { query: 'hypopigmented rash Bahamas', pageSize: 50 });
  const pool = [all.items.find((q) => q.sourceId === idOfLine(8))!.id, tinea.items.find((q) => q.sourceId === idOfLine(75))!.id];
  const block = await api<BlockState>(request, server, 'blocks:create', { filters: { questionIds: pool }, size: 2, mode: 'timed', secondsPerQuestion: 90, order: 'random' });
  for (const item of block.items) await api(request, server, 'blocks:select', { blockId: block.id, position: item.position, choice: 0 });
  await api(request, server, 'blocks:end', { blockId: block.id });

  // The opt-in step: check first, then tag.
  const offer = imp.report.getByTestId('infer-systems');
  await expect(offer).toContainText('1,273 questions of MedQA');
  await offer.getByRole('button', { name: 'Check which can be tagged' }).click();
  await expect(offer.getByTestId('infer-preview')).toContainText('of 1,273 questions can be tagged');
  await page.screenshot({ path: join(SHOTS, 'import-medqa-infer-systems.png'), fullPage: true });
  await offer.getByRole('button', { name: /^Tag [\d,]+ questions \(marked inferred\)$/ }).click();
  await expect(offer.getByTestId('infer-applied')).toContainText('questions tagged with an inferred system');

  // The library shows the tag as inferred.
  const app = new AppPage(page, server);
  await app.goto('/library');
  await page.getByLabel('Search questions').fill('clopidogrel');
  await expect(page.getByText('Cardiovascular (inferred)').first()).toBeVisible({ timeout: 15_000 });

  // The dashboard: the untagged answer is explained, the tagged one is marked inferred.
  await app.goto('/dashboard');
  const perf = page.getByTestId('performance');
  await expect(perf.getByTestId('perf-row').filter({ hasText: 'Not tagged' })).toContainText('imported without a system: MedQA · medqa us test 5options (1 answered)');
  await expect(perf.getByTestId('perf-row').filter({ hasText: 'Cardiovascular' })).toContainText('system inferred from the words of 1 answered question');
  await perf.screenshot({ path: join(SHOTS, 'dashboard-not-tagged-why.png') });
});
