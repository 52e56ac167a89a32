/**
 * What the dashboard shows must be readable and true (issue 14): the score trend spaces blocks taken on the same day by
 * when they were taken; the readiness panel's advice matches its label and its probability matches its cap; the
 * reasons table's headings are whole at common widths and the largest text size; chart labels follow the text size.
 */
import { test, expect } from './fixtures';
import { answerBlock, useMovedClock } from './clock';
import { api, SHOTS } from './helpers';
import { AppPage } from './pages/AppPage';
import { DashboardModel } from './pages/DashboardModel';

const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime(); // November 2026, local time
const clock = useMovedClock(at(2, 8));

test('several blocks on one day: each is its own point, spaced by the time it was taken, and named in its tooltip', async ({ page, request, server }) => {
  test.setTimeout(120_000);
  await api(request, server, 'packs:loadSamples');
  // One block on 2 Nov, four on 10 Nov (9:00, 10:30, 13:00, 16:00), one on 16 Nov.
  const starts = [at(2, 9), at(10, 9), at(10, 10, 30), at(10, 13), at(10, 16), at(16, 9)];
  for (const [i, start] of starts.entries()) await answerBlock(request, server, clock, { start, size: 3, wrong: (k) => k < i % 3 });
  clock.set(at(16, 18));

  const app = new AppPage(page, server);
  const dash = new DashboardModel(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await app.goto('/dashboard');
  await expect(dash.trendPoints).toHaveCount(6);
  // Each dot stands apart from its neighbours (no two overlap), in the order the blocks were taken.
  const boxes = await dash.trendPoints.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, cx: r.left + r.width / 2 })));
  const sorted = [...boxes].sort((a, b) => a.cx - b.cx);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.left, `dot ${i} starts after dot ${i - 1} ends`).toBeGreaterThanOrEqual(sorted[i - 1]!.right);
  // Spaced by time: the 2 Nov and 16 Nov blocks are far from the 10 Nov group, the 10 Nov group is close together.
  const xs = sorted.map((b) => b.cx);
  expect(xs[1]! - xs[0]!).toBeGreaterThan(xs[4]! - xs[1]!);
  expect(xs[5]! - xs[4]!).toBeGreaterThan(xs[4]! - xs[1]!);
  // Tick labels: all different and none overlapping.
  const ticks = page.locator('[data-testid=trend-chart] .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  const tickBoxes = await ticks.evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? '', left: el.getBoundingClientRect().left, right: el.getBoundingClientRect().right })));
  expect(tickBoxes.length).toBeGreaterThanOrEqual(2);
  expect(new Set(tickBoxes.map((t) => t.text)).size).toBe(tickBoxes.length);
  for (let i = 1; i < tickBoxes.length; i++) expect(tickBoxes[i]!.left).toBeGreaterThan(tickBoxes[i - 1]!.right);
  await page.getByTestId('trend').screenshot({ path: `${SHOTS}/trend-same-day.png` });
  // The tooltip names the block under the pointer and when it was finished.
  const blocks = await api<{ id: number; finishedAt: number }[]>(request, server, 'blocks:list', { status: 'finished' });
  const thirdOn10th = [...blocks].sort((a, b) => a.finishedAt - b.finishedAt)[3]!;
  // Hover again until the tooltip shows (recharts attaches its pointer handlers after the first paint, and the dots
  // settle once the chart knows its width).
  const dot = dash.trendPoints.nth(3);
  const dotX = async () => Math.round((await dot.boundingBox())?.x ?? -1);
  await expect
    .poll(async () => {
      const before = await dotX();
      await page.waitForTimeout(200);
      return before === (await dotX());
    })
    .toBe(true);
  await expect(async () => {
    await page.mouse.move(0, 0);
    await dot.hover();
    await expect(page.getByTestId('trend-tooltip')).toContainText(`Block ${thirdOn10th.id}`, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('trend-tooltip')).toContainText(/Finished .*:03/);
  await page.getByTestId('trend').screenshot({ path: `${SHOTS}/trend-tooltip.png` });
});

test('readiness: the advice fits the label, and the probability text agrees with the cap', async ({ page, request, server }) => {
  clock.set(at(16, 18));
  await api(request, server, 'settings:set', { exam: 'step2ck', examDate: '2027-01-10' });
  const app = new AppPage(page, server);
  const dash = new DashboardModel(page);
  const decision = page.getByTestId('readiness').locator('.decision');

  // No NBME result yet: not enough data, and the advice says what one result gives.
  await app.goto('/dashboard');
  await expect(dash.readiness('readiness-label')).toHaveText('not enough data');
  await expect(decision).toContainText('one result gives an early signal');
  await expect(decision).not.toContainText('into an estimate');

  // One CCSSA of 236: Φ((236 − 218) / 11) = Φ(1.636) = 0.949 → "95 %" (not above the cap); an early signal.
  await api(request, server, 'assessments:add', { exam: 'step2ck', product: 'nbme-ccssa', form: '14', takenOn: '2026-11-06', score: 236 });
  await page.reload();
  await expect(dash.readiness('readiness-label')).toHaveText('early signal');
  await expect(dash.readiness('readiness-probability')).toHaveText('95 %');
  await expect(decision).toContainText('a second recent result turns this early signal into an estimate');

  // A second CCSSA (238) within 30 days: estimate (236 + 238) / 2 = 237, Φ(19/11 = 1.727) = 0.958 → "> 95 %".
  await api(request, server, 'assessments:add', { exam: 'step2ck', product: 'nbme-ccssa', form: '15', takenOn: '2026-11-14', score: 238 });
  await page.reload();
  await expect(dash.readiness('readiness-label')).toHaveText('estimate');
  await expect(dash.readiness('readiness-estimate')).toContainText('237');
  await expect(dash.readiness('readiness-probability')).toHaveText('> 95 %');
  // Beside an estimate, the early-signal sentence is gone; the advice is what would show a trend.
  await expect(decision).not.toContainText('early signal into an estimate');
  await expect(decision).toContainText('3 results over at least 14 days');
  await page.getByTestId('readiness').screenshot({ path: `${SHOTS}/readiness-estimate.png` });
});

test('the reasons table shows every heading whole at 1280 and 1024 px, at the default and the largest text size', async ({ page, request, server }) => {
  test.setTimeout(120_000);
  // A block of six with five missed (its own, so this test also runs alone).
  await api(request, server, 'packs:loadSamples');
  const { blockId } = await answerBlock(request, server, clock, { start: at(16, 19), size: 6, wrong: (k) => k < 5 });
  clock.set(at(16, 20));
  // Tag every reason once: five on missed answers, "guessed" on a correct one (the only reason a correct answer takes).
  const blocks = [{ id: blockId }];
  const wrong: { blockId: number; position: number }[] = [];
  const right: { blockId: number; position: number }[] = [];
  for (const b of blocks) {
    const state = await api<{ items: { position: number; outcome: string | null }[] }>(request, server, 'blocks:get', { blockId: b.id });
    for (const it of state.items) (it.outcome === 'correct' ? right : wrong).push({ blockId: b.id, position: it.position });
  }
  expect(wrong.length).toBeGreaterThanOrEqual(5);
  for (const [i, reason] of ['knowledge', 'misread', 'reasoning', 'time', 'careless'].entries()) await api(request, server, 'review:tag', { ...wrong[i]!, reason });
  await api(request, server, 'review:tag', { ...right[0]!, reason: 'guessed' });

  const app = new AppPage(page, server);
  const table = page.getByTestId('reasons-by-system');
  for (const fontScale of [1, 1.6]) {
    await api(request, server, 'settings:set', { fontScale });
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await app.goto('/dashboard');
      await page.reload(); // the text size is read when the app loads
      await expect(page.locator('html')).toHaveAttribute('style', new RegExp(`--font-scale: ${fontScale}`));
      await expect(table.locator('tbody tr').first()).toBeVisible();
      // The table fits its box (nothing cut off or scrolled out of sight) ...
      const fit = await table.evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement!.clientWidth }));
      expect(fit.table, `table width at ${width} px, text ×${fontScale}`).toBeLessThanOrEqual(fit.box);
      // ... and every reason's name is shown whole: as a column heading, or beside each count when the table is stacked.
      const labels = await table.locator('th, .cell-label').evaluateAll((els) =>
        els.filter((el) => el.getClientRects().length > 0).map((el) => ({ text: el.textContent ?? '', clipped: el.scrollWidth > el.clientWidth + 1, right: el.getBoundingClientRect().right })),
      );
      const boxRight = await table.evaluate((t) => t.parentElement!.getBoundingClientRect().right);
      for (const name of ['Knowledge gap', 'Misread', 'Reasoning', 'Time', 'Guessed', 'Careless']) expect(labels.map((l) => l.text), `${name} shown`).toContain(name);
      await expect(table.locator('th:visible, .cell-label:visible').filter({ hasText: /^Guessed$/ }).first()).toBeVisible();
      expect(labels.filter((l) => l.clipped || l.right > boxRight + 1).map((l) => l.text), `clipped labels at ${width} px, text ×${fontScale}`).toEqual([]);
      await page.getByTestId('reasons').screenshot({ path: `${SHOTS}/reasons-${width}-x${fontScale}.png` });
    }
  }
  await api(request, server, 'settings:set', { fontScale: 1 });
});

test('chart labels follow the text size: axis ticks and legends at ×1.6 are 1.6 times as large, on the dashboard and in card stats', async ({ page, request, server }) => {
  test.setTimeout(120_000);
  await api(request, server, 'packs:loadSamples');
  const { blockId } = await answerBlock(request, server, clock, { start: at(17, 9), size: 4, wrong: (k) => k < 2 });
  const state = await api<{ items: { position: number; outcome: string | null }[] }>(request, server, 'blocks:get', { blockId });
  await api(request, server, 'review:tag', { blockId, position: state.items.find((i) => i.outcome !== 'correct')!.position, reason: 'knowledge' });
  clock.set(at(17, 12));
  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1366, height: 900 });

  /** The computed font size (px) of a chart's first x-axis tick label and, if it has one, its first legend entry. */
  const sizes = async (chart: string) => {
    const root = page.locator(chart).first();
    await expect(root.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').first()).toBeVisible();
    return root.evaluate((el) => {
      const px = (sel: string) => {
        const node = el.querySelector(sel);
        return node ? parseFloat(getComputedStyle(node).fontSize) : null;
      };
      return { tick: px('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'), legend: px('.recharts-legend-item-text') };
    });
  };
  const charts = { trend: '[data-testid=trend-chart]', time: '[data-testid=time] .chart', reasons: '[data-testid=reasons] .chart', forecast: '[data-testid=forecast]' };
  const measured: Record<string, { tick: number | null; legend: number | null }>[] = [];
  for (const fontScale of [1, 1.6]) {
    await api(request, server, 'settings:set', { fontScale });
    const row: Record<string, { tick: number | null; legend: number | null }> = {};
    await app.goto('/dashboard');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('style', new RegExp(`--font-scale: ${fontScale}`));
    for (const name of ['trend', 'time', 'reasons'] as const) row[name] = await sizes(charts[name]);
    for (const panel of ['trend', 'time', 'reasons']) await page.getByTestId(panel).screenshot({ path: `${SHOTS}/chart-${panel}-x${fontScale}.png` });
    await app.goto('/cards/stats');
    row.forecast = await sizes(charts.forecast);
    await page.locator('section', { has: page.getByTestId('forecast') }).screenshot({ path: `${SHOTS}/chart-forecast-x${fontScale}.png` });
    measured.push(row);
  }
  await api(request, server, 'settings:set', { fontScale: 1 });
  const [normal, large] = measured as [typeof measured[0], typeof measured[0]];
  for (const name of Object.keys(charts)) {
    expect(large[name]!.tick! / normal[name]!.tick!, `${name} tick ${normal[name]!.tick} → ${large[name]!.tick} px`).toBeCloseTo(1.6, 1);
    if (normal[name]!.legend !== null) expect(large[name]!.legend! / normal[name]!.legend!, `${name} legend`).toBeCloseTo(1.6, 1);
  }
});
