/**
 * Exam day 2026 (issue 10): the default preset is the new 20-item, 30-minute block; a full-length simulation runs
 * blocks back to back with a break clock between them and reports the day; the runner's settings menu (font size,
 * contrast) sticks after a reload; the image viewer zooms and adjusts contrast; the two-minute warning; every runner
 * control is reachable with Tab.
 */
import { test, expect } from './fixtures';
import { api, SHOTS } from './helpers';
import { AppPage } from './pages/AppPage';
import { RunnerModel } from './pages/RunnerPage';
import { sampleCount } from '../helpers/samplePacks';

test.beforeEach(async ({ request, server }) => {
  const info = await api<{ counts: { questions: number } }>(request, server, 'app:info');
  if (info.counts.questions === 0) await api(request, server, 'packs:loadSamples');
});

test('the default preset builds a 20-item, 30-minute block; the legacy and NBME presets stay available', async ({ page, server }) => {
  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.goto('/create');
  await expect(page.getByTestId('preset-usmle-2026')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('preset-usmle-2026')).toHaveText('USMLE block (from May 2026)20 questions · 30 min');
  await expect(page.getByTestId('size')).toHaveValue('20');
  await expect(page.getByTestId('pace')).toHaveValue('90');
  await page.getByTestId('preset-usmle-legacy').click();
  await expect(page.getByTestId('size')).toHaveValue('40');
  await page.getByTestId('preset-nbme-section').click();
  await expect(page.getByTestId('size')).toHaveValue('50');
  await page.getByTestId('preset-usmle-2026').click();
  await expect(page.getByTestId('size')).toHaveValue('20');
  await expect(page.locator('.builder-start')).toContainText('20 questions · timed · 30 min');
  await page.screenshot({ path: `${SHOTS}/builder-presets-2026.png`, fullPage: true });
  await page.getByTestId('start-block').click();

  const runner = new RunnerModel(page);
  await runner.expectItem(1, 20);
  const remaining = await runner.remainingMs();
  expect(remaining).toBeLessThanOrEqual(30 * 60_000);
  expect(remaining).toBeGreaterThan(29 * 60_000);
  await page.screenshot({ path: `${SHOTS}/runner-2026-block.png` });
});

test('a full-length simulation runs two short blocks with a break clock between them and reports the day', async ({ page, server, request }) => {
  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1440, height: 900 });
  // The renderer's clock is Playwright's: the break countdown is checked by moving it, not by waiting.
  await page.clock.install();
  await app.goto('/create');
  await page.getByTestId('preset-simulation').click();
  await expect(page.getByTestId('day-step1-2026')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('day-blocks')).toHaveValue('14');
  await expect(page.getByTestId('day-needs')).toContainText(/Needs 280 Step 1 questions · \d+ available/);
  await expect(page.getByTestId('start-day')).toBeDisabled();
  await page.getByTestId('day-blocks').fill('2');
  await page.getByTestId('day-items').fill('2');
  await expect(page.getByTestId('day-needs')).toContainText('Needs 4 Step 1 questions');
  await page.screenshot({ path: `${SHOTS}/builder-simulation.png`, fullPage: true });
  await page.getByTestId('start-day').click();

  // Block 1: answer the first item, end the block.
  const runner = new RunnerModel(page);
  await runner.expectItem(1, 2);
  await expect(page.getByTestId('block-label')).toHaveText('Block 1 of 2 · exam day');
  const blockTime = await runner.remainingMs();
  expect(blockTime).toBeLessThanOrEqual(2 * 90_000); // a 2-item block at the real pace: 90 s an item
  expect(blockTime).toBeGreaterThan(2 * 90_000 - 10_000);
  await page.keyboard.press('a');
  await expect(runner.choice('A')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('end-block').click();
  await page.getByTestId('end-confirm').click();

  // The break: the clock counts down the day's 55 minutes.
  await expect(page.getByTestId('break')).toBeVisible();
  const clock = page.getByTestId('break-clock');
  await expect(clock).toContainText('of break time left today');
  const before = Number(await clock.getAttribute('data-remaining-ms'));
  expect(before).toBeLessThanOrEqual(55 * 60_000);
  expect(before).toBeGreaterThan(54 * 60_000);
  await page.clock.runFor(3_000);
  const after = Number(await clock.getAttribute('data-remaining-ms'));
  expect(before - after).toBeGreaterThanOrEqual(2_500);
  expect(before - after).toBeLessThanOrEqual(3_500);
  await page.screenshot({ path: `${SHOTS}/day-break.png`, fullPage: true });
  // As on the real exam, earlier blocks cannot be reviewed (nor their scores seen) until the day ends (issue 14).
  await expect(page.getByRole('link', { name: /Review block/ })).toHaveCount(0);
  await expect(page.getByTestId('day-block-1')).toContainText('after the day');

  // Skip the rest of the break: block 2 starts at once.
  await page.getByTestId('next-block').click();
  await runner.expectItem(1, 2);
  await expect(page.getByTestId('block-label')).toHaveText('Block 2 of 2 · exam day');
  await page.keyboard.press('b');
  await expect(runner.choice('B')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('end-block').click();
  await page.getByTestId('end-confirm').click();

  // The day's report: each block and the day, checked against the core.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exam day complete');
  const dayId = Number(/days\/(\d+)/.exec(page.url())![1]);
  const day = await api<{ totals: { correct: number; items: number }; breakUsedMs: number; blocks: { correctCount: number; breakBeforeMs: number | null }[] }>(
    request,
    server,
    'days:get',
    { dayId },
  );
  expect(day.totals.items).toBe(4);
  expect(day.blocks[1]!.breakBeforeMs).not.toBeNull();
  await expect(page.getByTestId('day-summary')).toContainText(`${day.totals.correct} of 4 correct`);
  await expect(page.getByTestId('day-summary')).toContainText('of 55:00');
  await expect(page.getByTestId('day-block-1')).toContainText(`${day.blocks[0]!.correctCount} / 2`);
  await expect(page.getByTestId('day-block-1')).toContainText('1 / 2');
  await expect(page.getByTestId('day-block-2')).toContainText('1 / 2');
  await expect(page.getByTestId('day-block-2').getByRole('link', { name: 'Review block 2' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/day-report.png`, fullPage: true });
  // Each block's review leads back to the day.
  await page.getByTestId('day-block-2').getByRole('link', { name: 'Review block 2' }).click();
  await expect(page.getByTestId('review-score')).toBeVisible();
  await page.getByRole('link', { name: 'Exam day results' }).click();
  await expect(page.getByTestId('day-summary')).toBeVisible();
  // The same report in dark mode, for the screenshot review.
  await api(request, server, 'settings:set', { theme: 'dark' });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('day-summary')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/day-report-dark.png`, fullPage: true });
  await api(request, server, 'settings:set', { theme: 'system' });
});

test('the runner settings menu changes font size and contrast, and the choice sticks after a reload', async ({ page, server, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const block = await api<{ id: number }>(request, server, 'blocks:create', { filters: {}, size: 3, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 4 });
  await page.goto(`${server.baseURL}#/blocks/${block.id}/run`);
  const runner = new RunnerModel(page);
  await runner.expectItem(1, 3);
  const root = page.locator('html');
  await expect(root).toHaveAttribute('data-contrast', 'normal');
  const fontPx = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normalPx = await fontPx();

  await page.getByTestId('open-settings').click();
  await page.getByTestId('font-1.4').click();
  await page.getByTestId('contrast-high').click();
  await expect(root).toHaveAttribute('data-contrast', 'high');
  await expect.poll(fontPx).toBeCloseTo(normalPx * 1.4, 0);
  await page.screenshot({ path: `${SHOTS}/runner-settings-menu.png` });

  await page.reload();
  await runner.expectItem(1, 3);
  await expect(root).toHaveAttribute('data-contrast', 'high');
  await expect.poll(fontPx).toBeCloseTo(normalPx * 1.4, 0);
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('font-1.4')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('contrast-high')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('exam-settings')).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/runner-high-contrast-large.png` });
  const saved = await api<{ fontScale: number; contrast: string }>(request, server, 'settings:get');
  expect([saved.fontScale, saved.contrast]).toEqual([1.4, 'high']);
  // Back to normal for the other tests of this file.
  await api(request, server, 'settings:set', { fontScale: 1, contrast: 'normal' });
});

test('the image viewer zooms and adjusts the contrast of one image', async ({ page, server, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const block = await api<{ id: number; items: { questionId: number }[] }>(request, server, 'blocks:create', {
    filters: { exams: ['step1'] },
    size: sampleCount('step1'),
    mode: 'timed',
    secondsPerQuestion: 90,
    order: 'random',
    seed: 11,
  });
  let position = -1;
  for (const [i, item] of block.items.entries()) {
    const q = await api<{ images: { placement: string }[] }>(request, server, 'questions:get', { id: item.questionId });
    if (q.images.some((img) => img.placement === 'stem')) {
      position = i;
      break;
    }
  }
  expect(position).toBeGreaterThanOrEqual(0);
  await page.goto(`${server.baseURL}#/blocks/${block.id}/run`);
  const runner = new RunnerModel(page);
  await runner.expectItem(1, sampleCount('step1'));
  await runner.nav(position + 1).click();
  await runner.expectItem(position + 1, sampleCount('step1'));
  await page.locator('.media-thumb').first().click();
  const viewer = page.getByTestId('image-viewer');
  await expect(viewer).toBeVisible();
  await expect(page.getByTestId('viewer-zoom')).toHaveText('100%');
  await page.keyboard.press('+');
  await expect(page.getByTestId('viewer-zoom')).toHaveText('150%');
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.getByTestId('viewer-zoom')).toHaveText('200%');
  await page.getByTestId('viewer-contrast').fill('160');
  await expect(page.getByTestId('viewer-image')).toHaveCSS('filter', 'contrast(1.6)');
  await page.screenshot({ path: `${SHOTS}/runner-image-viewer.png` });
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  // The contrast stays on that image (its thumbnail), and the runner's own keys work again.
  await expect(page.locator('.media-thumb img').first()).toHaveCSS('filter', 'contrast(1.6)');
  await expect(runner.itemCount).toHaveText(`Item ${position + 1} of ${sampleCount('step1')}`);
});

test('every runner control is reachable with Tab, and the help says which keys match the exam', async ({ page, server, request }) => {
  const block = await api<{ id: number }>(request, server, 'blocks:create', { filters: {}, size: 3, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 8 });
  await page.goto(`${server.baseURL}#/blocks/${block.id}/run`);
  const runner = new RunnerModel(page);
  await runner.expectItem(1, 3);
  // Item 2, so that both Previous and Next are enabled.
  await page.keyboard.press('ArrowRight');
  await runner.expectItem(2, 3);
  const reached = new Set<string>();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.dataset.testid ?? el?.textContent?.trim() ?? '';
    }));
  }
  for (const control of ['mark', 'prev', 'next', 'open-labs', 'open-calc', 'open-note', 'open-settings', 'nav-1', 'nav-3', 'choice-A', 'strike-A', 'choice-E', 'pause', 'suspend', 'Help', 'end-block']) {
    expect(reached, `Tab never reached ${control}`).toContain(control);
  }
  // Up/Down move focus between the choices (a radio group), without choosing.
  await runner.choice('A').focus();
  await page.keyboard.press('ArrowDown');
  await expect(runner.choice('B')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(runner.choice('E')).toBeFocused();
  await page.keyboard.press(' ');
  await expect(runner.choice('E')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('?');
  const help = page.getByTestId('help');
  await expect(help).toBeVisible();
  await expect(help.getByRole('columnheader', { name: 'On exam day' })).toBeVisible();
  await expect(help.getByRole('row', { name: /Tab \/ Shift\+Tab/ })).toContainText('Same');
  await expect(help.getByRole('row', { name: /^N or →/ })).toContainText('Vignette only');
  await page.screenshot({ path: `${SHOTS}/runner-help.png` });
});

test('two minutes before the end of a block, the runner warns once', async ({ page, server, request }) => {
  // 125 s of block time: the warning is due after about 5 s.
  const block = await api<{ id: number }>(request, server, 'blocks:create', { filters: {}, size: 1, mode: 'timed', secondsPerQuestion: 125, order: 'random', seed: 6 });
  await page.goto(`${server.baseURL}#/blocks/${block.id}/run`);
  await new RunnerModel(page).expectItem(1, 1);
  await expect(page.getByTestId('two-minute-warning')).toBeHidden();
  await expect(page.getByTestId('two-minute-warning')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('two-minute-warning')).toHaveText(/Two minutes remaining in this block/);
  await page.screenshot({ path: `${SHOTS}/runner-two-minute-warning.png` });
  await page.getByTestId('two-minute-warning').getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('two-minute-warning')).toBeHidden();
});
