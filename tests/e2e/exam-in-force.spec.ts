/**
 * Issue 14, "exam in force": the exam chosen in Settings scopes the builder and picks the simulation's day by default
 * (the student can still change both); a day draws only from its own exam.
 */
import { test, expect } from './fixtures';
import { api, SHOTS } from './helpers';
import { AppPage } from './pages/AppPage';

test('the builder opens with the Settings exam selected, and the simulation defaults to that exam’s day', async ({ page, server, request }) => {
  await api(request, server, 'packs:loadSamples');
  await api(request, server, 'settings:set', { exam: 'step2ck' });
  const { available: ck } = await api<{ available: number }>(request, server, 'blocks:count', { filters: { exams: ['step2ck'] } });
  const { available: all } = await api<{ available: number }>(request, server, 'blocks:count', { filters: {} });
  expect(ck).toBeLessThan(all);

  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.goto('/create');
  await expect(page.getByTestId('chip-Exam-Step 2 CK')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('chip-Exam-Step 1')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('available')).toContainText(`${ck} questions available`);
  await page.screenshot({ path: `${SHOTS}/builder-settings-exam.png`, fullPage: true });

  // The student can still draw from every exam.
  await page.getByTestId('chip-Exam-Step 2 CK').click();
  await expect(page.getByTestId('available')).toContainText(`${all} questions available`);

  // A short block says its length in seconds, not "0 min" (issue 14, 13).
  await page.getByTestId('size').fill('2');
  await page.getByTestId('pace').fill('10');
  await expect(page.getByTestId('block-length')).toHaveText('20 s for the block');
  await expect(page.locator('.builder-start')).toContainText('2 questions · timed · 20 s');

  // The simulation: the Step 2 CK day is preselected and counts only Step 2 CK questions, whatever the chips say.
  await page.getByTestId('preset-simulation').click();
  await expect(page.getByTestId('day-step2ck-2026')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('day-needs')).toContainText(`Needs 316 Step 2 CK questions · ${ck} available`);
  await page.getByTestId('day-blocks').fill('1');
  await page.getByTestId('day-items').fill('3');
  await page.getByTestId('start-day').click();
  await expect(page).toHaveURL(/#\/blocks\/\d+\/run/);
  const blockId = Number(/blocks\/(\d+)\/run/.exec(page.url())![1]);
  const block = await api<{ items: { questionId: number }[] }>(request, server, 'blocks:get', { blockId });
  for (const item of block.items) {
    const q = await api<{ exam: string | null }>(request, server, 'questions:get', { id: item.questionId });
    expect(q.exam).toBe('step2ck');
  }
});

test('changing the exam in Settings changes where the next block draws from, whatever the last block used', async ({ page, server, request }) => {
  await api(request, server, 'settings:set', { exam: 'step1' });
  await api(request, server, 'blocks:create', { filters: { exams: ['step1'] }, size: 2, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 3 });
  await api(request, server, 'settings:set', { exam: 'step3' });
  const app = new AppPage(page, server);
  await app.goto('/create');
  await expect(page.getByTestId('chip-Exam-Step 3')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('chip-Exam-Step 1')).toHaveAttribute('aria-pressed', 'false');
});
