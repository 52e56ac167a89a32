/**
 * The exam runner end to end: build a timed block from the sample packs in the UI, answer with keys and the mouse,
 * strike, highlight, mark, open labs and the calculator, kill the server mid-block (SIGKILL), start it again,
 * resume, and find everything intact; then end the block.
 */
import { test, expect } from './fixtures';
import { api, SHOTS } from './helpers';
import { AppPage } from './pages/AppPage';
import { RunnerModel } from './pages/RunnerPage';
import { SAMPLE_TOTAL, sampleCount } from '../helpers/samplePacks';


test('a timed block survives a crash with every answer, strike, highlight, mark and second intact', async ({ page, server }) => {
  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.goto('/');
  await page.getByRole('button', { name: 'Load sample packs' }).click();
  await expect(page.getByRole('status')).toContainText(`Loaded ${SAMPLE_TOTAL} questions`, { timeout: 20_000 }); // every sample pack; a busy machine is slow to import

  // Builder: 10 questions, timed.
  await app.nav('Create block');
  // The builder starts from the exam in Settings (Step 1 by default; issue 14).
  await expect(page.getByTestId('chip-Exam-Step 1')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('available')).toContainText(String(sampleCount('step1')));
  await page.getByTestId('size').fill('10');
  await page.getByTestId('mode-timed').click();
  await page.screenshot({ path: `${SHOTS}/builder.png`, fullPage: true });
  await page.getByTestId('start-block').click();

  const runner = new RunnerModel(page);
  await runner.expectItem(1, 10);
  // Item 1: answer with the keyboard.
  await page.keyboard.press('b');
  await expect(runner.choice('B')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('n');
  await runner.expectItem(2, 10);
  // Item 2: the mouse, then a change of mind; strike D; highlight; mark.
  await runner.choice('C').click();
  await expect(runner.choice('C')).toHaveAttribute('aria-checked', 'true');
  await runner.choice('A').click();
  await expect(runner.choice('A')).toHaveAttribute('aria-checked', 'true');
  await runner.choice('D').click({ button: 'right' });
  await expect(runner.choice('D')).toHaveClass(/struck/);
  const highlighted = await runner.highlightStem(2, 18);
  await expect(page.locator('[data-testid=stem] mark.hl')).toHaveText(highlighted);
  await page.keyboard.press('m');
  await expect(page.getByTestId('mark')).toBeChecked();
  // Labs and calculator.
  await page.keyboard.press('l');
  await expect(page.getByTestId('lab-panel')).toBeVisible();
  await page.getByLabel('Search lab values').fill('sodium');
  await expect(page.getByTestId('lab-panel')).toContainText('136–146 mEq/L'); // the USMLE table's range
  // A value the USMLE table lacks is shown as a clinical standard, labelled so.
  await page.getByLabel('Search lab values').fill('lactate');
  await expect(page.getByRole('row', { name: /Lactate \(lactic acid\)/ })).toContainText('Clinical standard');
  await expect(page.getByTestId('lab-panel')).toContainText('Rows marked “Clinical standard” are not in the USMLE table; a “Clinical note” gives today’s clinical cut-off where it differs.');
  // HbA1c shows the USMLE value as printed, and the ADA cut-offs in a separate, labelled clinical note.
  await page.getByLabel('Search lab values').fill('hba1c');
  await expect(page.getByRole('row', { name: /Hemoglobin A1c/ }).first()).toContainText('≤6%');
  await expect(page.getByTestId('lab-clinical-note')).toHaveText(/^Clinical note: ADA 2026: normal <5\.7%/);
  await page.screenshot({ path: `${SHOTS}/runner-labs-clinical-note.png` });
  await page.screenshot({ path: `${SHOTS}/runner-labs-clinical.png` });
  await page.getByLabel('Search lab values').fill('');
  await page.screenshot({ path: `${SHOTS}/runner-labs.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lab-panel')).toBeHidden();
  await page.getByTestId('open-calc').click();
  for (const k of ['1', '2', '*', '3', 'Enter']) await page.getByTestId('calculator').press(k);
  await expect(page.getByTestId('calc-display')).toHaveText('36');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('calculator')).toBeHidden();

  // Let the 1-second tick persist the clock, then crash.
  await page.waitForTimeout(2_500);
  const before = await runner.remainingMs();
  await server.restart();

  await page.goto(`${server.baseURL}#/`);
  const resume = page.getByTestId('open-blocks').getByRole('button', { name: 'Resume' });
  await expect(page.getByTestId('open-blocks')).toContainText('Suspended');
  await resume.click();
  await runner.expectItem(2, 10);
  const after = await runner.remainingMs();
  expect(Math.abs(after - before)).toBeLessThanOrEqual(1_500);
  await expect(runner.choice('A')).toHaveAttribute('aria-checked', 'true');
  await expect(runner.choice('D')).toHaveClass(/struck/);
  await expect(page.locator('[data-testid=stem] mark.hl')).toHaveText(highlighted);
  await expect(page.getByTestId('mark')).toBeChecked();
  await runner.nav(1).click();
  await runner.expectItem(1, 10);
  await expect(runner.choice('B')).toHaveAttribute('aria-checked', 'true');
  await expect(runner.nav(2)).toHaveAttribute('aria-label', 'Item 2, answered, marked');

  // End the block: the confirmation lists unanswered and marked items.
  await page.getByTestId('end-block').click();
  await expect(page.getByTestId('end-unanswered')).toHaveText('3, 4, 5, 6, 7, 8, 9, 10');
  await expect(page.getByTestId('end-marked')).toHaveText('2');
  await page.screenshot({ path: `${SHOTS}/runner-end-confirm.png` });
  await page.getByTestId('end-confirm').click();
  await expect(page.getByTestId('review-score')).toBeVisible();
  await expect(page.getByTestId('results-table').getByText('Omitted')).toHaveCount(8);
  await page.screenshot({ path: `${SHOTS}/review.png`, fullPage: true });
});

test('a block ends by itself when its time runs out, and unanswered items count as omitted', async ({ page, server, request }) => {
  await api(request, server, 'packs:loadSamples');
  const block = await api<{ id: number }>(request, server, 'blocks:create', { filters: {}, size: 1, mode: 'timed', secondsPerQuestion: 10, order: 'random', seed: 1 });
  await page.goto(`${server.baseURL}#/blocks/${block.id}/run`);
  await expect(page.getByTestId('item-count')).toHaveText('Item 1 of 1');
  await expect(page.getByTestId('time-up')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Review this block' }).click();
  await expect(page.getByTestId('results-table')).toContainText('Omitted');
  await expect(page.getByTestId('review-score')).toContainText('0 of 1 correct');
});

test('clicking Next shows the next item quickly (performance measure recorded)', async ({ page, server, request }) => {
  await api(request, server, 'packs:loadSamples');
  const block = await api<{ id: number }>(request, server, 'blocks:create', { filters: {}, size: 10, mode: 'tutor', secondsPerQuestion: null, order: 'random', seed: 3 });
  await page.goto(`${server.baseURL}#/blocks/${block.id}/run`);
  const runner = new RunnerModel(page);
  await runner.expectItem(1, 10);
  for (let i = 2; i <= 5; i++) {
    await page.getByTestId('next').click();
    await runner.expectItem(i, 10);
  }
  const measures = await page.evaluate(() => performance.getEntriesByName('vignette:next-item').length);
  expect(measures).toBe(4);
  // Tutor mode: submit reveals the explanation at once.
  await runner.choice('A').click();
  await expect(runner.choice('A')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Explanation' })).toBeVisible();
  await expect(page.getByTestId('outcome-banner')).toHaveText(/^(Correct|Incorrect.*The correct answer is [B-H]\.)/);
});
