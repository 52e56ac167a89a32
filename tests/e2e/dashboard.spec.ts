/**
 * The readiness dashboard end to end, on a clock the test moves (VIGNETTE_CLOCK_FILE): blocks answered on three
 * simulated days, Settings set to Step 2 CK with a date, an NBME CCSSA and a UWSA logged in the UI (and a bad one
 * refused), then the dashboard: weakest system first with its n, one trend point per block, readiness estimate, band,
 * probability and label, the plan's questions per day, Home's countdown; screenshots in light and dark at 1366×768.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { test, expect, type VignetteServer } from './fixtures';
import { api, SHOTS } from './helpers';
import { AppPage } from './pages/AppPage';
import { DashboardModel } from './pages/DashboardModel';
import { sampleCount } from '../helpers/samplePacks';

const clockDir = mkdtempSync(join(tmpdir(), 'vignette-clock-'));
const clockFile = join(clockDir, 'now');
const at = (day: number, hour = 14) => new Date(2026, 10, day, hour).getTime(); // November 2026, local time
const setNow = (ms: number) => writeFileSync(clockFile, String(ms));

test.beforeAll(() => {
  setNow(at(2));
  process.env.VIGNETTE_CLOCK_FILE = clockFile; // read by the server this file's fixture starts
});
test.afterAll(() => {
  delete process.env.VIGNETTE_CLOCK_FILE;
  rmSync(clockDir, { recursive: true, force: true });
});

interface Item {
  position: number;
  questionId: number;
}

/** Answers a block through the API, a minute per item on the moved clock: wrong for `wrongSystem`, right otherwise. */
async function answerBlock(request: APIRequestContext, server: VignetteServer, filters: object, size: number, mode: 'timed' | 'tutor', wrongSystem: string, start: number) {
  let now = start;
  setNow(now);
  const block = await api<{ id: number; items: Item[] }>(request, server, 'blocks:create', { filters, size, mode, secondsPerQuestion: mode === 'timed' ? 90 : null, order: 'random' });
  for (const item of block.items) {
    const q = await api<{ answerIndex: number; system: string }>(request, server, 'questions:get', { id: item.questionId });
    await api(request, server, 'blocks:goto', { blockId: block.id, position: item.position });
    now += mode === 'tutor' ? 100_000 : 60_000;
    setNow(now);
    const choice = q.system === wrongSystem ? (q.answerIndex + 1) % 4 : q.answerIndex;
    await api(request, server, 'blocks:select', { blockId: block.id, position: item.position, choice });
    if (mode === 'tutor') await api(request, server, 'blocks:submit', { blockId: block.id, position: item.position });
  }
  await api(request, server, 'blocks:end', { blockId: block.id });
}

test('answer blocks over several days, log self-assessments, set the exam: the dashboard answers "am I on track?"', async ({ page, request, server }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page, server);
  const dash = new DashboardModel(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await api(request, server, 'packs:loadSamples');

  // Three study days: Endocrine always missed, everything else right.
  await answerBlock(request, server, { exams: ['step2ck'], systems: ['Endocrine', 'Cardiovascular'] }, 7, 'timed', 'Endocrine', at(2));
  await answerBlock(request, server, { exams: ['step2ck'], systems: ['Gastrointestinal', 'Renal & Urinary', 'Respiratory'] }, 7, 'tutor', 'Endocrine', at(4));
  await answerBlock(request, server, { exams: ['step2ck'], statuses: ['unused'] }, 8, 'timed', 'Endocrine', at(6));
  setNow(at(7, 9));

  // Settings: Step 2 CK on 10 January 2027 (64 days after 7 November).
  await app.goto('/settings');
  await page.getByLabel('Exam', { exact: true }).selectOption('step2ck');
  await page.locator('#exam-date').fill('2027-01-10');
  await page.getByLabel('Target score').fill('245');
  await expect.poll(async () => (await api<{ examDate: string; targetScore: number }>(request, server, 'settings:get')).targetScore).toBe(245);

  await app.nav('Dashboard');
  await expect(dash.log).toBeVisible();
  // A CCSSA of 400 is refused with the field named, and nothing is added.
  await dash.logResult({ product: 'NBME CCSSA', form: '14', date: '2026-11-06', score: '400' });
  await expect(dash.log.getByRole('alert')).toContainText('score: 400 is outside the NBME CCSSA 3-digit score (100–300)');
  await expect(dash.log.getByTestId('sa-score')).toHaveAttribute('aria-invalid', 'true');
  expect(await api<unknown[]>(request, server, 'assessments:list')).toHaveLength(0);
  await dash.logResult({ product: 'NBME CCSSA', form: '14', date: '2026-11-06', score: '236' });
  await expect(dash.log.getByTestId('assessment-table')).toContainText('NBME CCSSA 14');
  await dash.logResult({ product: 'UWorld UWSA', form: '2', date: '2026-11-05', score: '248' });
  await expect(dash.log.getByTestId('assessment-table')).toContainText('UWorld UWSA 2');
  // Schedule the next NBME: it appears in the calendar strip and as what would confirm readiness.
  await dash.log.getByTestId('sa-product').selectOption({ label: 'NBME CCSSA' });
  await dash.log.getByTestId('sa-form').selectOption('15');
  await dash.log.getByTestId('sa-status').selectOption('planned');
  await dash.log.getByTestId('sa-date').fill('2026-11-20');
  await dash.log.getByTestId('sa-save').click();
  await expect(page.getByTestId('calendar')).toContainText('NBME CCSSA 15');
  await expect(page.getByTestId('readiness')).toContainText('Your next self-assessment: NBME CCSSA 15');

  // Performance: the weakest system first, with its n.
  await expect(dash.perfRows.first()).toContainText('Endocrine');
  await expect(dash.perfRows.first().locator('td').nth(1)).toHaveText('4');
  await expect(dash.perfRows.first().locator('td').nth(2)).toHaveText('0 %');
  // Trend: one point per block.
  await expect(dash.trendPoints).toHaveCount(3);
  await expect(dash.trendTableRows).toHaveCount(3);
  // Readiness: inputs on their own scales, estimate, band, probability, label.
  await expect(dash.readiness('readiness-inputs')).toContainText('NBME CCSSA 14');
  await expect(dash.readiness('readiness-inputs')).toContainText('UWorld UWSA 2');
  await expect(dash.readiness('readiness-inputs')).toContainText('shown, not used');
  await expect(dash.readiness('readiness-estimate')).toContainText('236');
  await expect(dash.readiness('readiness-estimate')).toContainText('band 225–247');
  // Φ((236 − 218) / 11) = 0.949: not above the 95 % cap, so the rounded value, not "> 95 %".
  await expect(dash.readiness('readiness-probability')).toHaveText('95 %');
  await expect(dash.readiness('readiness-label')).toHaveText('early signal');
  await expect(page.getByTestId('readiness')).toContainText('passing standard');
  // Plan: 64 days, questions per day for the unused Step 2 CK questions.
  const { available: unused } = await api<{ available: number }>(request, server, 'blocks:count', { filters: { exams: ['step2ck'], statuses: ['unused'] } });
  expect(unused).toBe(sampleCount('step2ck') - 22);
  await expect(page.getByTestId('plan-days')).toHaveText('64');
  await expect(page.getByTestId('plan-per-day')).toHaveText(String(Math.ceil(unused / 64)));
  await expect(page.getByTestId('calendar').locator('li')).toHaveCount(28);

  await page.screenshot({ path: `${SHOTS}/dashboard-light.png`, fullPage: true });
  await api(request, server, 'settings:set', { theme: 'dark' });
  await page.reload();
  await expect(dash.readiness('readiness-label')).toHaveText('early signal');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: `${SHOTS}/dashboard-dark.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${SHOTS}/dashboard-dark-fold.png` });
  await api(request, server, 'settings:set', { theme: 'light' });

  // Export: the raw numbers as CSV, and a print layout without the app's chrome.
  await page.reload();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toBe('vignette-dashboard-2026-11-07.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe('section,name,n,correct,percent,low95,high95,repeats_n,repeats_correct,extra');
  expect(csv).toContain('by system,Endocrine,4,0,0,0,');
  expect(csv).toContain('self-assessment,2026-11-06 NBME CCSSA 14 (step2ck)');
  await page.emulateMedia({ media: 'print' });
  await expect(app.sidebar).toBeHidden();
  await expect(page.getByTestId('print')).toBeHidden();
  await expect(page.getByText('Vignette readiness report · 2026-11-07')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/dashboard-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Edit a result in place, then delete it (after a confirmation).
  const uwsaRow = dash.log.getByTestId('assessment-table').locator('tr', { hasText: 'UWorld UWSA 2' });
  await uwsaRow.getByRole('button', { name: /^Edit/ }).click();
  await expect(dash.log.getByTestId('sa-score')).toHaveValue('248');
  await dash.log.getByTestId('sa-score').fill('251');
  await dash.log.getByRole('button', { name: 'Save changes' }).click();
  await expect(uwsaRow).toContainText('251');
  page.once('dialog', (dialog) => void dialog.accept());
  await uwsaRow.getByRole('button', { name: /^Delete/ }).click();
  await expect(dash.log.getByTestId('assessment-table')).not.toContainText('UWorld UWSA 2');
  expect((await api<{ title: string }[]>(request, server, 'assessments:list')).map((a) => a.title)).toEqual(['NBME CCSSA 14', 'NBME CCSSA 15']);

  // A weak row opens the builder with its unused and incorrect questions.
  await dash.perfRows.first().click();
  await expect(page).toHaveURL(/#\/create/);
  const pool = await api<{ available: number }>(request, server, 'blocks:count', { filters: { systems: ['Endocrine'], statuses: ['unused', 'incorrect'] } });
  expect(pool.available).toBeGreaterThanOrEqual(4); // the 4 missed Step 2 CK items and any unused Endocrine questions
  await expect(page.getByTestId('available')).toContainText(`${pool.available} questions available`);
  await expect(page.getByTestId('chip-Systems-Endocrine')).toHaveAttribute('aria-pressed', 'true');

  // Home: the countdown and today's work come from the same (moved) clock.
  await app.goto('/');
  await expect(page.getByTestId('countdown')).toHaveText('64');
  await page.screenshot({ path: `${SHOTS}/home-countdown.png` });
});
